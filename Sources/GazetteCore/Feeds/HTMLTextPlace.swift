/// Where a byte of HTML stands, as a parser reads it: in text, in the value of an attribute
/// shown as text (`alt`, `title`), or elsewhere in markup (a tag, the value of another
/// attribute such as a link's address, a comment, a script's or style's text). The HTML is read
/// forward once, however many places are asked for.
struct HTMLTextPlace {
    enum Place: Equatable {
        case text
        case shownAttribute
        case markup
    }

    private enum State {
        case text
        case tagName(start: Int, end: Bool)
        case inTag(rawText: RawText?)
        case attributeName(start: Int, rawText: RawText?)
        case afterAttributeName(shown: Bool, rawText: RawText?)
        case beforeValue(shown: Bool, rawText: RawText?)
        case quotedValue(quote: UInt8, shown: Bool, rawText: RawText?)
        case unquotedValue(shown: Bool, rawText: RawText?)
        case comment
        case declaration
        case rawText(RawText)
    }

    /// The elements whose text libxml2 does not parse (nor read references in).
    private enum RawText {
        case script
        case style

        /// The length of its name.
        var length: Int {
            switch self {
            case .script: 6
            case .style: 5
            }
        }
    }

    private var state = State.text
    private var position = 0

    /// Where the byte at `index` stands; `index` must not be less than one asked for before.
    mutating func place(of index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Place {
        while position < index {
            position = step(bytes, at: position)
        }
        switch state {
        case .text: return .text
        case .quotedValue(_, let shown, _), .unquotedValue(let shown, _):
            return shown ? .shownAttribute : .markup
        default: return .markup
        }
    }

    /// Reads from `index` on; the index of the next byte to read.
    private mutating func step(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch state {
        case .text:
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { return index + 1 }
            let next = bytes[index + 1]
            if FeedItemDraft.isLetter(next) {
                state = .tagName(start: index + 1, end: false)
            } else if next == UInt8(ascii: "/"), index + 2 < bytes.count,
                FeedItemDraft.isLetter(bytes[index + 2])
            {
                state = .tagName(start: index + 2, end: true)
                return index + 2
            } else if next == UInt8(ascii: "!") {
                let isComment =
                    index + 3 < bytes.count && bytes[index + 2] == UInt8(ascii: "-")
                    && bytes[index + 3] == UInt8(ascii: "-")
                state = isComment ? .comment : .declaration
                return isComment ? index + 4 : index + 2
            } else if next == UInt8(ascii: "?") {
                state = .declaration
            }
            return index + 1
        case .tagName(let start, let end):
            guard HTMLTextPlace.endsName(byte) else { return index + 1 }
            let rawText = end ? nil : HTMLTextPlace.rawText(named: bytes, start..<index)
            state = .inTag(rawText: rawText)
            return index
        case .inTag(let rawText):
            if byte == UInt8(ascii: ">") {
                state = rawText.map { .rawText($0) } ?? .text
            } else if !HTMLTextPlace.isSpace(byte) && byte != UInt8(ascii: "/") {
                state = .attributeName(start: index, rawText: rawText)
            }
            return index + 1
        case .attributeName(let start, let rawText):
            guard HTMLTextPlace.endsName(byte) || byte == UInt8(ascii: "=") else { return index + 1 }
            let shown = HTMLTextPlace.isShown(bytes, start..<index)
            state = .afterAttributeName(shown: shown, rawText: rawText)
            return index
        case .afterAttributeName(let shown, let rawText):
            if byte == UInt8(ascii: "=") {
                state = .beforeValue(shown: shown, rawText: rawText)
                return index + 1
            }
            if HTMLTextPlace.isSpace(byte) { return index + 1 }
            state = .inTag(rawText: rawText)
            return index
        case .beforeValue(let shown, let rawText):
            if HTMLTextPlace.isSpace(byte) { return index + 1 }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .quotedValue(quote: byte, shown: shown, rawText: rawText)
                return index + 1
            }
            if byte == UInt8(ascii: ">") {
                state = .inTag(rawText: rawText)
                return index
            }
            state = .unquotedValue(shown: shown, rawText: rawText)
            return index
        case .quotedValue(let quote, _, let rawText):
            if byte == quote { state = .inTag(rawText: rawText) }
            return index + 1
        case .unquotedValue(_, let rawText):
            guard HTMLTextPlace.isSpace(byte) || byte == UInt8(ascii: ">") else { return index + 1 }
            state = .inTag(rawText: rawText)
            return index
        case .comment:
            if byte == UInt8(ascii: ">"), index >= 2, bytes[index - 1] == UInt8(ascii: "-"),
                bytes[index - 2] == UInt8(ascii: "-")
            {
                state = .text
            }
            return index + 1
        case .declaration:
            if byte == UInt8(ascii: ">") { state = .text }
            return index + 1
        case .rawText(let element):
            // Its text ends at its end tag ("</script", in any case).
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"),
                HTMLTextPlace.rawText(named: bytes, index + 2..<min(index + 2 + element.length, bytes.count))
                    == element
            else { return index + 1 }
            state = .tagName(start: index + 2, end: true)
            return index + 2
        }
    }

    private static func rawText(named bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> RawText? {
        if equalsIgnoringCase(bytes, range, "script") { return .script }
        if equalsIgnoringCase(bytes, range, "style") { return .style }
        return nil
    }

    /// Whether the attribute named by the bytes in `range` is one whose value is shown as text.
    private static func isShown(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        equalsIgnoringCase(bytes, range, "alt") || equalsIgnoringCase(bytes, range, "title")
    }

    private static func equalsIgnoringCase(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString
    ) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { name in
            zip(bytes[range], name).allSatisfy { FeedItemDraft.isLetter($0) ? $0 | 0x20 == $1 : $0 == $1 }
        }
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
