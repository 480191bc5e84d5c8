/// The windows-874 decoder of the WHATWG Encoding Standard, which browsers use for Thai
/// declared as windows-874, TIS-620 or ISO-8859-11: TIS-620's Thai letters from 0xA1, with
/// windows-1252's euro sign, ellipsis, quotes and dashes among the C1 bytes. The other C1 bytes
/// are the C1 controls of the same value (as in ``Windows1252``) and the eight bytes no Thai
/// standard defines are U+FFFD.
enum Windows874 {
    /// The text of `bytes`, byte by byte.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        FeedTextDecoder.decodeSingleByte(bytes, high: character)
    }

    /// The character of a byte from 0x80.
    static func character(_ byte: UInt32) -> UInt32 {
        switch byte {
        case 0x80, 0x85, 0x91...0x97: return HTMLEntityTable.windows1252(byte) ?? byte
        case 0x81...0xA0: return byte
        case 0xA1...0xDA: return 0x0E01 + byte - 0xA1
        case 0xDF...0xFB: return 0x0E3F + byte - 0xDF
        default: return 0xFFFD
        }
    }
}
