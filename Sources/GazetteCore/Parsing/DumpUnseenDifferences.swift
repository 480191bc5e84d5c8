/// What two dump lines may differ by and still show the same: controls and escape sequences
/// (the screen removes them), the characters the screen never writes (zero-width space, word
/// joiner, byte-order mark, bidi marks and controls), and the kind of space in a run of blanks
/// (a no-break or other Unicode space shows as a space). Read from UTF-8 bytes, for the
/// comparisons that find a page's furniture (a caption given again, the `TT` widget).
enum DumpUnseenDifferences {
    /// The index after what shows nothing at `index` (one control, escape sequence or unwritten
    /// character), or nil where something shows.
    static func unseenEnd(at index: Int, before end: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        let byte = bytes[index]
        switch byte {
        case 0x1B:
            let after = TerminalSanitizer.endOfEscapeSequence(from: index + 1) {
                scalar(at: $0, before: end, in: bytes)
            }
            return max(after, index + 1)
        case 0x00..<0x09, 0x0A..<0x20, 0x7F:
            return index + 1
        case 0xD8:  // U+061C ARABIC LETTER MARK
            return index + 1 < end && bytes[index + 1] == 0x9C ? index + 2 : nil
        case 0xE2:
            guard index + 2 < end else { return nil }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            let unseen =
                second == 0x80
                && (third == 0x8B || third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third))
                || second == 0x81 && (third == 0xA0 || (0xA6...0xA9).contains(third))
            return unseen ? index + 3 : nil
        case 0xEF:
            return index + 2 < end && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? index + 3 : nil
        default:
            return nil
        }
    }

    /// How many bytes the blank at `index` takes: a space, a tab, NO-BREAK SPACE, U+2000–U+200A,
    /// U+202F, U+205F or IDEOGRAPHIC SPACE; 0 where there is none.
    static func blankLength(at index: Int, before end: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xC2 { return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0 }
        guard byte == 0xE2 || byte == 0xE3, index + 2 < end else { return 0 }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        switch (byte, second) {
        case (0xE2, 0x80): return third <= 0x8A || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Whether the bytes from `index` to `end` show nothing.
    static func showNothing(from index: Int, to end: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var index = index
        while index < end {
            if let after = unseenEnd(at: index, before: end, in: bytes) {
                index = after
            } else {
                let blank = blankLength(at: index, before: end, in: bytes)
                guard blank > 0 else { return false }
                index += blank
            }
        }
        return true
    }

    /// Whether `lhs` and `rhs` show the same text, but for what ``unseenEnd(at:before:in:)``
    /// skips, and with any run of blanks matching any other.
    @inline(__always)
    static func showSame(_ lhs: LineSpan, _ rhs: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        var left = lhs.start
        var right = rhs.start
        // Printable ASCII but the space shows as itself and is neither unseen nor blank: where
        // both lines have such a byte, equal ones are passed and unequal ones differ, as the
        // walk past them would find byte by byte (most lines asked differ in their first letters).
        while left < lhs.end && right < rhs.end {
            let leftByte = bytes[left]
            let rightByte = bytes[right]
            guard isPlain(leftByte) && isPlain(rightByte) else { break }
            if leftByte != rightByte { return false }
            left += 1
            right += 1
        }
        return showSame(lhs, rhs, from: left, right, in: bytes)
    }

    /// Printable ASCII but the space.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte &- 0x21 < 0x5E
    }

    /// ``showSame(_:_:in:)`` from `left` in `lhs` and `right` in `rhs` on.
    private static func showSame(
        _ lhs: LineSpan, _ rhs: LineSpan, from left: Int, _ right: Int, in bytes: UnsafeRawBufferPointer
    ) -> Bool {
        var left = left
        var right = right
        while true {
            left = pastUnseen(from: left, before: lhs.end, in: bytes)
            right = pastUnseen(from: right, before: rhs.end, in: bytes)
            let leftBlank = left < lhs.end && blankLength(at: left, before: lhs.end, in: bytes) > 0
            let rightBlank = right < rhs.end && blankLength(at: right, before: rhs.end, in: bytes) > 0
            guard leftBlank == rightBlank else {
                // A blank at a line's end shows nothing.
                return leftBlank
                    ? right == rhs.end && showNothing(from: left, to: lhs.end, in: bytes)
                    : left == lhs.end && showNothing(from: right, to: rhs.end, in: bytes)
            }
            if leftBlank {
                left = pastBlanks(from: left, before: lhs.end, in: bytes)
                right = pastBlanks(from: right, before: rhs.end, in: bytes)
                continue
            }
            if left == lhs.end || right == rhs.end { return left == lhs.end && right == rhs.end }
            if bytes[left] != bytes[right] { return false }
            left += 1
            right += 1
        }
    }

    /// The index after the unseen characters from `index`.
    private static func pastUnseen(from index: Int, before end: Int, in bytes: UnsafeRawBufferPointer) -> Int
    {
        var index = index
        while index < end, let after = unseenEnd(at: index, before: end, in: bytes) { index = after }
        return index
    }

    /// The index after the blanks and unseen characters from `index`.
    private static func pastBlanks(from index: Int, before end: Int, in bytes: UnsafeRawBufferPointer) -> Int
    {
        var index = index
        while index < end {
            if let after = unseenEnd(at: index, before: end, in: bytes) {
                index = after
                continue
            }
            let blank = blankLength(at: index, before: end, in: bytes)
            guard blank > 0 else { break }
            index += blank
        }
        return index
    }

    /// The scalar value at `index` for ``TerminalSanitizer/endOfEscapeSequence(from:scalar:)``:
    /// ASCII and U+0080–U+00BF exactly, line separators, other characters as U+FFFF.
    private static func scalar(at index: Int, before end: Int, in bytes: UnsafeRawBufferPointer)
        -> (value: UInt32, next: Int)?
    {
        guard index < end else { return nil }
        let byte = bytes[index]
        if byte < 0x80 { return (UInt32(byte), index + 1) }
        if byte == 0xC2, index + 1 < end { return (UInt32(bytes[index + 1]), index + 2) }
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
            return (0x2000 + UInt32(bytes[index + 2] - 0x80), index + 3)
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        return (0xFFFF, min(end, index + length))
    }
}
