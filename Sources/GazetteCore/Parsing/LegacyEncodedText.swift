/// Text in an older encoding than UTF-8 (windows-1251, windows-1252, Shift_JIS...), read as
/// UTF-8: a dump saved so is then read as any other, its encoding guessed as an undeclared
/// feed's is (``FeedTextDecoder``).
enum LegacyEncodedText {
    /// How many bytes of a file are looked at: the look is bounded, so a big UTF-8 dump opens
    /// as fast as before.
    static let headLength = 64 * 1024

    /// The fewest bytes that are not UTF-8 the head must hold: fewer are stray bytes in UTF-8
    /// text, shown as U+FFFD.
    static let fewestInvalidBytes = 8

    /// Whether the head of `bytes` is clearly not UTF-8: at least ``fewestInvalidBytes`` bytes
    /// that are not UTF-8, and more than twice as many as its multibyte UTF-8 characters.
    /// Text in an 8-bit encoding makes such characters only by chance (Cyrillic, Greek, Hebrew,
    /// Arabic: almost none; Thai and the two-byte CJK encodings, the most, about one for three
    /// bad bytes); UTF-8 text with stray bytes has more characters than bad bytes.
    static func isLegacy(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let head = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, headLength)])
        var index = 0
        var invalid = 0
        var multibyte = 0
        let count = head.count
        while index < count {
            if index + 8 <= count,
                head.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let length = FeedTextDecoder.sequenceLength(head, at: index)
            if length == 0 {
                invalid += 1
                index += 1
            } else {
                if length > 1 { multibyte += 1 }
                index += length
            }
        }
        return invalid >= fewestInvalidBytes && invalid > 2 * multibyte
    }

    /// The whole of `bytes` as UTF-8, read in the encoding guessed for them.
    static func utf8(of bytes: UnsafeRawBufferPointer) -> [UInt8] {
        guard case .decoded(let text) = FeedTextDecoder.guessed(bytes).kind else { return Array(bytes) }
        return Array(text.utf8)
    }
}
