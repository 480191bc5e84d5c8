/// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), the property
/// table looked up only for the scalars between U+1680 and U+3000.
enum WhiteSpace {
    /// Whether `scalar` is white space: ASCII's space, tab, line feed, vertical tab, form
    /// feed and carriage return, U+0085 and U+00A0, and between U+1680 and U+3000 what the
    /// table says (no other scalar is).
    @inline(__always)
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        if value < 0x1680 { return value == 0x85 || value == 0xA0 }
        return value <= 0x3000 && scalar.properties.isWhitespace
    }
}
