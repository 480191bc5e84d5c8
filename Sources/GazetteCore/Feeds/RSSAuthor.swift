/// RSS 2.0's `<author>`: an email address, then the name in parentheses
/// (`jane@example.com (Jane Doe)`, https://www.rssboard.org/rss-specification#ltauthorgtSubelementOfLtitemgt).
enum RSSAuthor {
    /// The name an `<author>` gives: the one in parentheses after an address, else the text
    /// as written (a bare address, or a name with a note such as "Bob (Guest)").
    static func name(_ text: String) -> String {
        let trimmed = FeedItemDraft.trimmed(text)
        guard trimmed.utf8.last == UInt8(ascii: ")"),
            let open = trimmed.utf8.firstIndex(of: UInt8(ascii: "("))
        else { return trimmed }
        let address = trimmed.utf8[..<open]
        guard isAddress(Substring(address)) else { return trimmed }
        let inner = trimmed[
            trimmed.utf8.index(after: open)..<trimmed.utf8.index(before: trimmed.utf8.endIndex)]
        return FeedItemDraft.nonEmpty(String(inner)) ?? trimmed
    }

    /// Whether `text` is one address and white space: a word with an "@" between its ends.
    private static func isAddress(_ text: Substring) -> Bool {
        let word = FeedItemDraft.trimmed(String(text))
        guard let at = word.utf8.firstIndex(of: UInt8(ascii: "@")), at != word.utf8.startIndex,
            word.utf8.index(after: at) != word.utf8.endIndex
        else { return false }
        return !word.unicodeScalars.contains { WhiteSpace.contains($0) || $0 == "(" || $0 == ")" }
    }
}
