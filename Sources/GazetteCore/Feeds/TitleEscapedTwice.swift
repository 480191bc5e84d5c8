/// Titles escaped once more than their format says: Reddit's and WordPress's
/// (`Q&amp;amp;A: it&amp;#39;s big`, an Atom text title; `&amp;amp;` in an RSS title's CDATA).
/// Read as their format says, they still hold character references, which no title means to
/// show: they are decoded once more.
enum TitleEscapedTwice {
    /// `title` (read as its format says) with the character references it still holds
    /// (`&amp;`, `&#39;`, `&#x27;`, `&quot;`, named ones) decoded; as it is when it holds none.
    /// References without a ";" (`AT&T`, `&copy 2024`) and unknown names stay as written.
    static func shown(_ title: String) -> String {
        guard title.utf8.contains(UInt8(ascii: "&")) else { return title }
        let decoded = HTMLEntities.decodingReferences(title)
        return decoded == title ? title : WordJoin.collapsedAtWhitespace(decoded)
    }
}
