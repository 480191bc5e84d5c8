/// A flat, linear-time reading of HTML for what libxml2 gives up on (its tree stops at 256
/// levels of nesting): tags are removed, block tags and line breaks still separate paragraphs
/// and lines, dropped elements (scripts, styles…) lose their content, entities are decoded.
/// Lists, quotes, links and tables get no markers; images and frames are left out.
enum HTMLTagStripper {
    static func feed<Sink: HTMLTreeSink>(
        _ html: String, into sink: inout Sink, named: (String) -> UInt32?
    ) {
        let bytes = Array(html.utf8)
        var index = 0
        var textStart = 0

        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            let text = HTMLEntities.decode(
                String(decoding: bytes[textStart..<end], as: UTF8.self), named: named)
            var utf8 = Array(text.utf8)
            utf8.withUnsafeMutableBufferPointer { sink.text(UnsafeBufferPointer($0)) }
        }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let tag = scanTag(bytes, at: index) else {
                index += 1
                continue
            }
            flushText(upTo: index)
            index = tag.end
            if let name = tag.name, let kind = HTMLElementKind.of(name) {
                if kind == .dropped || name == "iframe" {
                    if !tag.closing { index = endOfElement(name, in: bytes, from: index) }
                } else if kind.separates && kind != .cell && sink.openElement(name, attribute: { _ in nil }) {
                    sink.closeElement()
                }
            }
            textStart = index
        }
        flushText(upTo: bytes.count)
    }

    /// The tag, comment or declaration starting at "<": its lowercased name (nil for comments
    /// and declarations), whether it is an end tag, and the index after it. Nil when the "<" is
    /// text.
    private static func scanTag(_ bytes: [UInt8], at start: Int) -> (name: String?, closing: Bool, end: Int)?
    {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "?") {
            let isComment = bytes[index...].starts(with: "!--".utf8)
            let terminator = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
            let end = ByteSearch.firstIndex(of: terminator, in: bytes, from: index) ?? bytes.count
            return (nil, false, min(end + terminator.count, bytes.count))
        }
        let closing = bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, isLetter(bytes[nameStart]) else { return nil }
        let name = String(
            decoding: bytes[nameStart..<index].map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
        }
        return (name, closing, index)
    }

    /// The index after the end tag of `name` (or the end of the input).
    private static func endOfElement(_ name: String, in bytes: [UInt8], from start: Int) -> Int {
        let endTag = Array("</\(name)".utf8)
        var index = start
        while let found = ByteSearch.firstIndex(of: Array("</".utf8), in: bytes, from: index) {
            let candidate = bytes[found..<min(found + endTag.count, bytes.count)]
            if candidate.map({ isLetter($0) ? $0 | 0x20 : $0 }).elementsEqual(endTag) {
                let close = bytes[found...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1
                return close + 1
            }
            index = found + 2
        }
        return bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":")
    }
}
