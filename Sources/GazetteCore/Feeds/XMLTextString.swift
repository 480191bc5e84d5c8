/// The string of an element's text as the XML parser handed it over, in UTF-8.
///
/// `String(decoding:as:)` checks every byte of it again one by one (a body of 8 KB took a
/// tenth of the cost of reading an RSS feed). The text is UTF-8 that the sanitizer repaired
/// and libxml2 checked, so it is checked here eight bytes at a time where it is ASCII, and
/// the string made from it without a second check; text that is not valid UTF-8 all the same
/// is made as `String(decoding:as:)` makes it, each bad sequence a U+FFFD. The HTML
/// renderer's paragraphs and a skeleton's HTML, made of such text, are made so too.
enum XMLTextString {
    static func make(_ bytes: [UInt8]) -> String {
        let (valid, ascii) = bytes.withUnsafeBytes { check($0) }
        guard valid else { return String(decoding: bytes, as: UTF8.self) }
        // Safe: the bytes were just found to be well-formed UTF-8.
        return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
    }

    /// ``make(_:)`` of a part of an array (a paragraph of `HTMLTextBuilder`'s line).
    static func make(_ bytes: ArraySlice<UInt8>) -> String {
        let (valid, ascii) = bytes.withUnsafeBytes { check($0) }
        guard valid else { return String(decoding: bytes, as: UTF8.self) }
        // Safe: the bytes were just found to be well-formed UTF-8.
        return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
    }

    /// Whether `bytes` are well-formed UTF-8 (``FeedTextDecoder/sequenceLength(_:at:)``, which
    /// takes what the standard library takes), and whether they are all ASCII.
    static func check(_ bytes: UnsafeRawBufferPointer) -> (valid: Bool, ascii: Bool) {
        var ascii = true
        let valid = forEachSequenceBeyondASCII(bytes) { _, length in
            ascii = false
            return length > 0
        }
        return valid ? (true, ascii) : (false, false)
    }

    /// Walks the UTF-8 sequences of `bytes` that are not one ASCII byte (eight ASCII bytes
    /// skipped at a time, read little-endian: the lowest is first): `visit` is given each one's
    /// offset and length (``FeedTextDecoder/sequenceLength(_:at:)``, 0 for an invalid one: the
    /// walk then goes on a byte at a time) and returns false to stop there. False when stopped.
    @inline(__always)
    static func forEachSequenceBeyondASCII(
        _ bytes: UnsafeRawBufferPointer, _ visit: (_ index: Int, _ length: Int) -> Bool
    ) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count {
                let high =
                    UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount >> 3
            }
            let length = FeedTextDecoder.sequenceLength(bytes, at: index)
            if length != 1 {
                if !visit(index, length) { return false }
            }
            index += max(length, 1)
        }
        return true
    }
}
