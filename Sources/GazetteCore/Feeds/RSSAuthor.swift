import Foundation

/// RSS 2.0's `<author>`: an email address, then the name in parentheses
/// (`jane@example.com (Jane Doe)`, https://www.rssboard.org/rss-specification#ltauthorgtSubelementOfLtitemgt);
/// also the name quoted in them, as Flickr writes it (`nobody@flickr.com ("Anna K")`), and the
/// name before the address in angle brackets, as mail writes it (`"Jane Doe" <jane@example.com>`,
/// RFC 5322's name-addr, https://www.rfc-editor.org/rfc/rfc5322#section-3.4). A creator given
/// as the address of the person's page, as Lemmy writes every `dc:creator`
/// (`https://lemmy.example/u/tux`), shows as the page's name.
enum RSSAuthor {
    /// The name an `<author>` gives: the one in parentheses after an address or before an
    /// address in angle brackets, without the double quotes around it; the address alone in
    /// brackets; the last part of the path of a web address (``pageName(_:)``); else the text
    /// as written (a bare address, or a name with a note such as "Bob (Guest)").
    static func name(_ text: String) -> String {
        let trimmed = FeedItemDraft.trimmed(text)
        if let page = pageName(trimmed) { return page }
        let bytes = trimmed.utf8
        if bytes.last == UInt8(ascii: ")"), let open = bytes.firstIndex(of: UInt8(ascii: "(")),
            isAddress(trimmed[..<open])
        {
            let inner = trimmed[bytes.index(after: open)..<bytes.index(before: bytes.endIndex)]
            return FeedItemDraft.nonEmpty(unquoted(inner)) ?? trimmed
        }
        if bytes.last == UInt8(ascii: ">"), let open = bytes.lastIndex(of: UInt8(ascii: "<")) {
            let address = trimmed[bytes.index(after: open)..<bytes.index(before: bytes.endIndex)]
            guard isAddress(address) else { return trimmed }
            return FeedItemDraft.nonEmpty(unquoted(trimmed[..<open]))
                ?? FeedItemDraft.trimmed(String(address))
        }
        return trimmed
    }

    /// The name of the page at `text` when `text` is one `http` or `https` address without a
    /// query or fragment whose path has a last part: that part, percent-decoded
    /// (`https://lemmy.example/u/tux` is "tux", `https://mastodon.example/@ada/` "@ada"); nil
    /// for any other text.
    static func pageName(_ text: String) -> String? {
        // Most authors are names: told at their first byte.
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "h") else { return nil }
        let lowered = text.prefix(8).lowercased()
        let scheme = lowered.hasPrefix("https://") ? 8 : lowered.hasPrefix("http://") ? 7 : 0
        guard scheme > 0,
            !text.unicodeScalars.contains(where: { WhiteSpace.contains($0) || $0 == "?" || $0 == "#" })
        else { return nil }
        let parts = text.dropFirst(scheme).split(separator: "/")
        guard parts.count >= 2, let last = parts.last else { return nil }
        return FeedItemDraft.nonEmpty(last.removingPercentEncoding ?? String(last))
    }

    /// `text` without surrounding white space, and without the double quotes around it when
    /// it is one quoted string (`"Jane Doe"`).
    private static func unquoted(_ text: Substring) -> String {
        let word = FeedItemDraft.trimmed(String(text))
        let quote = UInt8(ascii: "\"")
        guard word.utf8.count >= 2, word.utf8.first == quote, word.utf8.last == quote,
            !word.utf8.dropFirst().dropLast().contains(quote)
        else { return word }
        return FeedItemDraft.trimmed(String(word.dropFirst().dropLast()))
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
