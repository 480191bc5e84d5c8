/// The prolog of an XML file, read on its bytes: white space, comments, processing
/// instructions and a DOCTYPE (its internal subset included) before the root element.
///
/// Format detection looks at the first 64 KiB after it, so that a long comment or DOCTYPE
/// does not hide a feed's root. Only a file that starts with markup has one: a plain-text
/// dump (prose first) has none, whatever tags its text mentions.
enum XMLProlog {
    /// Most bytes read in search of the prolog's end: a file that is one long comment is
    /// not read whole.
    static let limit = 16 << 20

    /// How many bytes the prolog of `bytes` (ASCII-compatible text) takes, up to the `<` of
    /// the first element; nil when something else comes first or it runs on past ``limit``.
    static func length(of bytes: UnsafeRawBufferPointer, limit: Int = XMLProlog.limit) -> Int? {
        let end = min(bytes.count, limit)
        var index = 0
        if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "<"), index + 1 < end else { return nil }
            let next = bytes[index + 1]
            if starts(bytes, at: index, end: end, with: "<!--") {
                // Searched from the `<`, as detection does: `<!-->` closes itself.
                guard let close = FeedItemBoundary.find(commentClose, in: bytes, from: index, to: end) else {
                    return nil
                }
                index = close + commentClose.count
            } else if next == UInt8(ascii: "?") {
                guard let close = FeedItemBoundary.find(instructionClose, in: bytes, from: index, to: end)
                else {
                    return nil
                }
                index = close + instructionClose.count
            } else if next == UInt8(ascii: "!") {
                guard let close = endOfDeclaration(bytes, from: index, end: end) else { return nil }
                index = close
            } else {
                return FeedItemDraft.isLetter(next) || next == UInt8(ascii: "_") || next >= 0x80 ? index : nil
            }
        }
        return nil
    }

    private static let commentClose = Array("-->".utf8)
    private static let instructionClose = Array("?>".utf8)

    private static func starts(
        _ bytes: UnsafeRawBufferPointer, at index: Int, end: Int, with prefix: StaticString
    ) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= end else { return false }
        for offset in 0..<count where bytes[index + offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    /// The index after the `>` of the `<!` declaration at `start` (quotes and an internal
    /// subset's brackets followed); nil when it does not close before `end`.
    static func endOfDeclaration(_ bytes: UnsafeRawBufferPointer, from start: Int, end: Int) -> Int? {
        var depth = 0
        var quote: UInt8 = 0
        var index = start
        while index < end {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: ">") && depth <= 0 {
                return index + 1
            }
            index += 1
        }
        return nil
    }
}
