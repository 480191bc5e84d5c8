/// Text in UTF-32 with a byte-order mark, read as UTF-8 (a dump saved so by an editor).
enum UTF32Text {
    /// Whether `bytes` start with a UTF-32 byte-order mark: big-endian or not; nil when not.
    static func byteOrder(of bytes: UnsafeRawBufferPointer) -> Bool? {
        guard bytes.count >= 4 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0 { return false }
        if bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF { return true }
        return nil
    }

    /// The UTF-8 of `bytes` after their mark: a unit that is no Unicode scalar, and bytes
    /// that make no whole unit at the end, become U+FFFD.
    static func utf8(of bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count / 3)
        var index = 4
        while index + 3 < bytes.count {
            let (b0, b1, b2, b3) = (
                UInt32(bytes[index]), UInt32(bytes[index + 1]), UInt32(bytes[index + 2]),
                UInt32(bytes[index + 3])
            )
            let value = bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0
            result.append(
                contentsOf: Unicode.Scalar(value).map { Array(String($0).utf8) } ?? [0xEF, 0xBF, 0xBD])
            index += 4
        }
        if index < bytes.count { result.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
        return result
    }
}
