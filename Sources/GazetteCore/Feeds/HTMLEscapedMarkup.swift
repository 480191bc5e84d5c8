/// Tells markup escaped once more than it should be from text that spells out tags.
///
/// Text that one level of entity decoding turned into something with tags is read as HTML
/// only when its tags show the structure of a document: an element of text with its end tag
/// after it (`<p>…</p>`, `<b>…</b>`), a line break or rule (`<br>`, `<hr/>`), or an element
/// with an attribute value (`<a href="…">`, `<img src="…">`). A tag alone, unknown or never
/// closed (`<dialog>`, `<b> for bold`, a nick in `<dsmirnov> hi`), one of an element whose
/// content is dropped (`<script>…</script>`), or one set in the text as a word of it, a space
/// before it and a space or punctuation after it (`wrap text in <b> and </b>`, `use <br> for a
/// break`, `with <form method="dialog"> […]`), is what the text is about, and stays text.
enum HTMLEscapedMarkup {
    /// Whether `text` (decoded once) is HTML to render rather than text to show as it is.
    static func isMarkup(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        // Where the last ">" and quotes are: a tag that cannot end is known so at once (each
        // looked to the text's end: thousands of "<b " took seconds; found by QA).
        let lasts = Lasts(
            greater: bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1,
            doubleQuote: bytes.lastIndex(of: UInt8(ascii: "\"")) ?? -1,
            singleQuote: bytes.lastIndex(of: UInt8(ascii: "'")) ?? -1)
        var starts: [(name: String, offset: Int)] = []
        var lastEnd: [String: Int] = [:]
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let tagStart = index
            index += 1
            let isEnd = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if isEnd { index += 1 }
            let nameStart = index
            while index < bytes.count,
                FeedItemDraft.isLetter(bytes[index]) || FeedItemDraft.isDigit(bytes[index])
            {
                index += 1
            }
            guard index > nameStart, FeedItemDraft.isLetter(bytes[nameStart]) else { continue }
            let name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
            guard index == bytes.count || isTagNameEnd(bytes[index]) else { continue }
            guard isShownElement(name) else { continue }
            if isEnd {
                var end = index
                while end < bytes.count, HTMLByte.isSpace(bytes[end]) { end += 1 }
                if !isSpokenOf(bytes, from: tagStart, to: end) { lastEnd[name] = tagStart }
                continue
            }
            guard let (end, hasValue) = attributes(bytes, from: index, lasts: lasts) else {
                if name == "br" || name == "hr" { return true }
                continue
            }
            index = end + 1
            if isSpokenOf(bytes, from: tagStart, to: end) { continue }
            if name == "br" || name == "hr" || hasValue { return true }
            starts.append((name, tagStart))
        }
        return starts.contains { start in (lastEnd[start.name] ?? -1) > start.offset }
    }

    /// Whether the tag from `start` to its `>` at `end` stands in the text as a word of it: a
    /// space before it, and a space or punctuation after it (markup's tags touch the text they
    /// mark, or start a line). A tag at the text's start is no such word.
    private static func isSpokenOf(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard start > 0, bytes[start - 1] == UInt8(ascii: " "), end < bytes.count else { return false }
        guard end + 1 < bytes.count else { return true }
        switch bytes[end + 1] {
        case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"):
            return true
        default: return false
        }
    }

    /// Elements whose text a reader sees: the renderer's blocks, lists, quotes and the like,
    /// and the usual inline ones. Dropped elements (scripts, styles) are not among them.
    private static func isShownElement(_ name: String) -> Bool {
        if let kind = HTMLElementKind.of(name) { return kind != .dropped }
        return HTMLElementKind.phrasing.contains(name)
    }

    /// Where the text's last ">", `"` and `'` are (-1 when it has none).
    private struct Lasts {
        var greater: Int
        var doubleQuote: Int
        var singleQuote: Int
    }

    private static func isTagNameEnd(_ byte: UInt8) -> Bool {
        HTMLByte.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    /// Where the start tag whose attributes begin at `start` ends (its `>`), and whether an
    /// attribute in it is given a value (`name=…`); nil when the tag does not end.
    private static func attributes(_ bytes: [UInt8], from start: Int, lasts: Lasts) -> (
        end: Int, hasValue: Bool
    )? {
        guard start <= lasts.greater else { return nil }
        var index = start
        var hasValue = false
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
            if bytes[index] == UInt8(ascii: "=") {
                var cursor = index + 1
                while cursor < bytes.count, HTMLByte.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { return nil }
                let quote = bytes[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard cursor < (quote == UInt8(ascii: "\"") ? lasts.doubleQuote : lasts.singleQuote),
                        let close = bytes[(cursor + 1)...].firstIndex(of: quote)
                    else { return nil }
                    hasValue = hasValue || close > cursor + 1
                    index = close + 1
                    continue
                }
                if quote != UInt8(ascii: ">") { hasValue = true }
            }
            index += 1
        }
        return index < bytes.count ? (index, hasValue) : nil
    }
}
