/// A line of a dump as byte offsets, without its line ending and outer ASCII whitespace.
struct LineSpan: Equatable {
    var start: Int
    var end: Int

    var isEmpty: Bool { start >= end }
    var count: Int { end - start }
}

/// A run of non-blank lines, and how many blank lines came before it.
struct DumpBlock {
    var lines: [LineSpan]
    var blankLinesBefore: Int
}

/// Splits dump bytes into blocks of non-blank lines, without decoding text.
///
/// Lines end at LF, CRLF or a lone CR; a UTF-8 byte-order mark at the start is skipped; a
/// line of only whitespace (ASCII, NO-BREAK SPACE, IDEOGRAPHIC SPACE) is blank.
struct DumpBlockReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    let end: Int
    /// The blank line that ended the previous block, counted for the next one.
    private var carriedBlanks = 0

    init(bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil) {
        self.bytes = bytes
        let range = range ?? 0..<bytes.count
        var start = range.lowerBound
        if start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            start = 3
        }
        position = start
        end = range.upperBound
    }

    /// The next block, or nil at the end of the range.
    mutating func next() -> DumpBlock? {
        var blanks = carriedBlanks
        carriedBlanks = 0
        var lines: [LineSpan] = []
        while position < end {
            let line = nextLine()
            if isBlank(line) {
                if !lines.isEmpty {
                    carriedBlanks = 1
                    return DumpBlock(lines: lines, blankLinesBefore: blanks)
                }
                blanks += 1
            } else {
                lines.append(line)
            }
        }
        return lines.isEmpty ? nil : DumpBlock(lines: lines, blankLinesBefore: blanks)
    }

    /// Reads one line from `position`, leaving `position` after its line ending.
    private mutating func nextLine() -> LineSpan {
        let start = position
        var index = position
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { break }
            index += 1
        }
        let lineEnd = index
        if index < end {
            index += (bytes[index] == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A) ? 2 : 1
        }
        position = index
        return trim(LineSpan(start: start, end: lineEnd))
    }

    private func trim(_ line: LineSpan) -> LineSpan {
        var start = line.start
        var end = line.end
        while start < end, DumpBlockReader.isASCIISpace(bytes[start]) { start += 1 }
        while end > start, DumpBlockReader.isASCIISpace(bytes[end - 1]) { end -= 1 }
        return LineSpan(start: start, end: end)
    }

    private func isBlank(_ line: LineSpan) -> Bool {
        var index = line.start
        while index < line.end {
            let byte = bytes[index]
            if DumpBlockReader.isASCIISpace(byte) {
                index += 1
            } else if byte == 0xC2, index + 1 < line.end, bytes[index + 1] == 0xA0 {
                index += 2
            } else if byte == 0xE3, index + 2 < line.end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Space, tab, vertical tab, form feed (line endings never reach here).
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }
}
