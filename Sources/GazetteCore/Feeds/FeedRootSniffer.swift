/// Finds a UTF-8 feed's root element on its bytes: past comments, processing instructions and
/// declarations (a DOCTYPE's internal subset included) to the first element's name.
///
/// ``FeedParser/detect(_:)`` reads the same from the start decoded as a `String`; on this
/// path to every feed's first screen, that took 0.5 ms (decoding 64 KiB, searching it by
/// characters). Where a `String` could read the bytes otherwise (a character outside ASCII
/// next to the markup looked for, a root named outside ASCII, an HTML page or a JSON start),
/// this leaves the question to that reading: the answers are the same.
enum FeedRootSniffer {
    /// What the bytes say.
    enum Verdict: Equatable {
        /// The format the root element names (nil: none that Gazette reads).
        case decided(SourceFormat?)
        /// Read as text instead.
        case undecided
    }

    /// The verdict on UTF-8 text (without its byte order mark).
    static func sniff(_ text: UnsafeRawBufferPointer) -> Verdict {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte == UInt8(ascii: "{") { return .undecided }
            guard byte == UInt8(ascii: "<") else {
                if isSpace(byte) || byte == 0 {
                    index += 1
                    continue
                }
                // A character outside ASCII may be white space or a byte-order mark to the text
                // reading: it decides.
                if byte >= 0x80 { return .undecided }
                // Text before the markup: whole lines of it near the start (HTTP headers saved
                // with the feed, a warning printed before it), never a tag inside a line (a
                // plain-text dump that quotes `<rss>` is no feed).
                guard index < FeedParser.leadingTextLimit else { return .decided(nil) }
                while index < count && !isLineEnd(text[index]) {
                    if text[index] >= 0x80 { return .undecided }
                    index += 1
                }
                continue
            }
            // A mark after `<` makes one character of them in a `String`: not markup there.
            if index + 1 < count && text[index + 1] >= 0x80 { return .undecided }
            if starts(text, at: index, with: "<!--") {
                // Searched from the `<`, as the text reading does: `<!-->` closes itself.
                guard let end = find(Self.commentClose, in: text, from: index) else { return .decided(nil) }
                index = end
            } else if starts(text, at: index, with: "<?") {
                guard let end = find(Self.instructionClose, in: text, from: index) else {
                    return .decided(nil)
                }
                index = end
            } else if starts(text, at: index, with: "<!") {
                // Unclosed, it runs to the end of the text; a character outside ASCII in it may
                // join the markup in a `String` (read as text).
                let end = XMLProlog.endOfDeclaration(text, from: index, end: text.count) ?? text.count
                if text[index..<end].contains(where: { $0 >= 0x80 }) { return .undecided }
                index = end
            } else {
                return root(text, at: index)
            }
            // A character that could join the markup's last one in a `String` (a combining mark).
            if index < count && text[index] >= 0x80 { return .undecided }
        }
        return .decided(nil)
    }

    /// The format named by the element whose `<` is at `start`: by its local name, the last
    /// part of the name between colons that is not empty.
    private static func root(_ text: UnsafeRawBufferPointer, at start: Int) -> Verdict {
        var end = start + 1
        var part = end..<end
        var local: Range<Int>?
        while end < text.count {
            let byte = text[end]
            if byte >= 0x80 { return .undecided }
            if isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            if byte == UInt8(ascii: ":") {
                if !part.isEmpty { local = part }
                part = end + 1..<end + 1
            } else {
                part = part.lowerBound..<end + 1
            }
            end += 1
        }
        if !part.isEmpty { local = part }
        // What ends the name, and a mark that would join it.
        if end + 1 < text.count && text[end + 1] >= 0x80 { return .undecided }
        let name = String(
            decoding: UnsafeRawBufferPointer(rebasing: text[(local ?? (start + 1..<end))]), as: UTF8.self)
        switch name {
        case "rss": return .decided(.rss)
        case "RDF": return .decided(.rdf)
        case "feed": return .decided(.atom)
        case "html": return .undecided  // A feed may be inside the page: read as text.
        default: return .decided(nil)
        }
    }

    /// A line's end as `Character.isNewline` has it, within ASCII.
    private static func isLineEnd(_ byte: UInt8) -> Bool {
        byte >= 0x0A && byte <= 0x0D
    }

    /// White space as `Character.isWhitespace` has it, within ASCII.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func starts(_ text: UnsafeRawBufferPointer, at index: Int, with prefix: StaticString)
        -> Bool
    {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= text.count else { return false }
        for offset in 0..<count where text[index + offset] != prefix.utf8Start[offset] { return false }
        // A `String` reads a character outside ASCII right after the prefix as part of its last one.
        return index + count == text.count || text[index + count] < 0x80
    }

    private static let commentClose = Array("-->".utf8)
    private static let instructionClose = Array("?>".utf8)

    /// The index after the first `needle` at or after `from`.
    private static func find(_ needle: [UInt8], in text: UnsafeRawBufferPointer, from: Int) -> Int? {
        FeedItemBoundary.find(needle, in: text, from: from, to: text.count).map { $0 + needle.count }
    }
}
