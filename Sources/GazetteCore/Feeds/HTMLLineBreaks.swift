/// HTML written as text with a few inline tags and no block tags or line breaks of its own (a
/// description made of lines and blank lines, an image and a link): its line breaks are the
/// text's, as a text editor shows them, not spaces as HTML reads them. Every line ran into one
/// paragraph (found by QA).
enum HTMLLineBreaks {
    /// `html` with each blank line made a paragraph's start (`<p>`) and each other line break
    /// after a short line a `<br>`, when it holds a blank line between words and no tag that
    /// lays out lines itself; else `html` itself.
    static func kept(_ html: String) -> String {
        var source = html
        return source.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: { !HTMLByte.isSpace($0) }),
                let last = bytes.lastIndex(where: { !HTMLByte.isSpace($0) }),
                holdsBlankLine(bytes, from: first, through: last), !holdsLayoutTags(bytes)
            else { return html }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 64)
            var index = first
            var lineStart = 0
            while index <= last {
                let byte = bytes[index]
                guard byte == HTMLByte.newline || byte == UInt8(ascii: "\r") else {
                    output.append(byte)
                    index += 1
                    continue
                }
                // A run of white space holding line breaks: one is a line's end, more a paragraph's.
                var breaks = 0
                while index <= last, HTMLByte.isSpace(bytes[index]) {
                    if bytes[index] == HTMLByte.newline { breaks += 1 }
                    index += 1
                }
                while let end = output.last, HTMLByte.isSpace(end) { output.removeLast() }
                if breaks >= 2 {
                    output.append(contentsOf: "<p>".utf8)
                } else if output.count - lineStart < shortLine {
                    output.append(contentsOf: "<br>".utf8)
                } else {
                    // A long line is prose wrapped by its writer: it goes on after a space.
                    output.append(HTMLByte.space)
                }
                lineStart = output.count
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether the text has a blank line: without one, its line breaks may be a writer's
    /// wrapping of prose (RSS 0.91's `1 < 2, 3 < 4.` example read as three lines; found by QA).
    /// Two line breaks with nothing but white space between them, from `first` through `last`;
    /// each line break is found with `memchr`.
    static func holdsBlankLine(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, through last: Int)
        -> Bool
    {
        var index = first
        while let found = ByteSearch.next(HTMLByte.newline, in: bytes, from: index), found < last {
            index = found + 1
            while index <= last, HTMLByte.isSpace(bytes[index]) {
                if bytes[index] == HTMLByte.newline { return true }
                index += 1
            }
        }
        return false
    }

    /// Lines shorter than this (in bytes) end where they end: a list's, a poem's, an address's.
    static let shortLine = 60

    /// Whether the HTML has a tag of an element that lays out lines or blocks (`p`, `br`,
    /// `div`, lists, headings, tables, quotations, `pre`…), or a comment or CDATA section.
    private static func holdsLayoutTags(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<") else { continue }
            var start = index + 1
            if bytes[start] == UInt8(ascii: "/") { start += 1 }
            if start < bytes.count, bytes[start] == UInt8(ascii: "!") { return true }
            var end = start
            while end < bytes.count, FeedItemDraft.isLetter(bytes[end]) || FeedItemDraft.isDigit(bytes[end]) {
                end += 1
            }
            guard end > start, end - start <= 10 else { continue }
            let name = String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self)
            switch HTMLElementKind.of(name) {
            case nil, .dropped, .image, .media, .link: continue
            default: return true
            }
        }
        return false
    }
}
