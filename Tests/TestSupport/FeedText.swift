/// Builds feed text for tests.
public enum FeedText {
    /// An Atom feed of `count` entries with XHTML bodies, entry N holding `words(N)` filler
    /// words and, with `authors`, an author.
    public static func atom(
        entries count: Int, title: String, authors: Bool = false, words: (Int) -> Int = { _ in 0 }
    ) -> String {
        var text = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/base/">
            <title>\(title)</title>

            """
        for index in 1...count {
            let filler = String(repeating: " word", count: words(index))
            let author = authors ? "\n<author><name>Author \(index % 9)</name></author>" : ""
            text += """
                <entry><title>Entry \(index)</title><id>urn:e:\(index)</id><link href="e/\(index)"/>\(author)
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>\(index)</b>\(filler)</p></div></content></entry>

                """
        }
        return text + "</feed>\n"
    }
}
