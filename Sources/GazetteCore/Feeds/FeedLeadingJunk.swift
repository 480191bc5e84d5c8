/// Output a server printed before a feed, with tags of its own: PHP's warnings
/// (`<br />\n<b>Warning</b>: Undefined variable…<br />`) before WordPress's `<?xml`. Its first
/// tag was taken for the feed's root, and the feed for no feed (found by QA). Lines of text
/// alone before the feed are read past as they were (``FeedRootSniffer``, `XMLSanitizer`).
enum FeedLeadingJunk {
    /// How far the feed is looked for: a loop's warnings run past 4 KiB (50 lines of them did;
    /// found by QA).
    static let scanLimit = 64 << 10

    /// Where the feed starts in `text` (UTF-8, an ASCII-compatible encoding or a byte-order mark
    /// first) when output with tags comes before it: at the start of a line within
    /// ``scanLimit`` bytes, an XML declaration (`<?xml `) or a feed's root
    /// (`<rss`, `<feed`, `<rdf:RDF`). Nil unless the text starts with another element's tag
    /// (not the feed, a declaration, a comment, a DOCTYPE or text: those are read as they were),
    /// and when what comes first is an HTML page (`<html`, `<!DOCTYPE`, `<head` or `<body` in it).
    static func feedStart(in text: UnsafeRawBufferPointer) -> Int? {
        let count = min(text.count, scanLimit)
        var index = 0
        if count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { index = 3 }
        while index < count, isSpace(text[index]) { index += 1 }
        // It starts with a tag (`<br />`) that is not the feed's: text first is a dump's, or
        // lines of text the feed is read past already.
        guard index + 1 < count, text[index] == UInt8(ascii: "<"), FeedItemDraft.isLetter(text[index + 1]),
            !startsRoot(text, at: index)
        else { return nil }
        var sawTag = false
        var lineStart = true
        while index < count {
            let byte = text[index]
            if byte == UInt8(ascii: "<") {
                if lineStart && sawTag
                    && (starts(text, at: index, with: "<?xml") || startsRoot(text, at: index))
                {
                    return index
                }
                for page in pageTags where starts(text, at: index, with: page) { return nil }
                sawTag = true
            }
            lineStart = byte == 0x0A || byte == 0x0D
            index += 1
        }
        return nil
    }

    /// Tags that make the text an HTML page (compared without case).
    private static let pageTags: [StaticString] = ["<html", "<!doctype", "<head", "<body"]

    /// Whether a feed's root starts at `index` (its `<`), a space, `>` or `/` after its name.
    private static func startsRoot(_ text: UnsafeRawBufferPointer, at index: Int) -> Bool {
        starts(text, at: index, with: "<rss") || starts(text, at: index, with: "<feed")
            || starts(text, at: index, with: "<rdf:RDF")
    }

    /// Whether `text` holds `prefix` at `index` (without case), followed by white space, `>`
    /// or `/` ("<?xml" by white space only).
    private static func starts(_ text: UnsafeRawBufferPointer, at index: Int, with prefix: StaticString)
        -> Bool
    {
        let length = prefix.utf8CodeUnitCount
        guard index + length < text.count else { return false }
        for offset in 0..<length where text[index + offset] | 0x20 != prefix.utf8Start[offset] | 0x20 {
            return false
        }
        let after = text[index + length]
        return isSpace(after)
            || (prefix.utf8Start[1] != UInt8(ascii: "?")
                && (after == UInt8(ascii: ">")
                    || after == UInt8(ascii: "/")))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
