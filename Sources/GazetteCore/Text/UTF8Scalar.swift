/// A scalar read from its UTF-8 bytes.
public enum UTF8Scalar {
    /// The scalar whose UTF-8 encoding starts at `index` of `bytes` (valid UTF-8), and its
    /// length in bytes.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
        scalar: Unicode.Scalar, length: Int
    ) {
        let byte = bytes[index]
        var value = UInt32(byte)
        var length = 1
        if byte >= 0xF0 {
            length = 4
            value =
                UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        } else if byte >= 0xE0 {
            length = 3
            value =
                UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        } else if byte >= 0xC0 {
            length = 2
            value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
