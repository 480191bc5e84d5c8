/// The markup a title may hold: the tags of inline phrasing elements (`<b>`, `<em>`, `<code>`,
/// `<a href="…">`, `<br>`…) dress its words; anything else that reads as a tag (`<div>`, the
/// `<String>` of `Vec<String>`, `<!DOCTYPE>`) is what the title is about, and is text.
enum HTMLTitleMarkup {
    /// `html` with each "<" that starts no phrasing element's start or end tag written `&lt;`,
    /// so that an HTML reading keeps it as text.
    static func escapingOtherTags(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return html }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 12)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            if let end = phrasingTagEnd(in: bytes, at: index) {
                output.append(contentsOf: bytes[index..<end])
                index = end
            } else {
                output.append(contentsOf: "&lt;".utf8)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The index after the start or end tag of a phrasing element that starts at the "<" at
    /// `start`, or nil when none does (another element, a declaration, a tag that never ends).
    private static func phrasingTagEnd(in bytes: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        let nameStart = index
        while index < bytes.count, index - nameStart <= longestName,
            FeedItemDraft.isLetter(bytes[index]) || FeedItemDraft.isDigit(bytes[index])
        {
            index += 1
        }
        guard index > nameStart, index < bytes.count else { return nil }
        let next = bytes[index]
        guard HTMLByte.isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else {
            return nil
        }
        let name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
        guard phrasingElements.contains(name) else { return nil }
        // To its ">", past quoted attribute values (a quote that opens no value, as in
        // `href=x/">`, is part of the value it ends).
        var quote: UInt8?
        var afterEquals = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if afterEquals && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            if !HTMLByte.isSpace(byte) { afterEquals = quote == nil && byte == UInt8(ascii: "=") }
        }
        return nil
    }

    /// HTML's phrasing elements that dress words in a line of text.
    static let phrasingElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
        "img", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "var", "wbr",
    ]

    /// The length of the longest name in `phrasingElements`.
    private static let longestName = 6
}
