/// The windows-1252 decoder of the WHATWG Encoding Standard, which browsers use for
/// windows-1252, ISO-8859-1 and US-ASCII: every byte is a character, and the five bytes
/// windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls of the
/// same value. (Foundation's windows-1252 fails on those five, for the whole text.)
enum Windows1252 {
    /// The text of `bytes`, byte by byte.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        FeedTextDecoder.decodeSingleByte(bytes) { HTMLEntityTable.windows1252($0) ?? $0 }
    }
}
