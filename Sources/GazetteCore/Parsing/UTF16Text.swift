/// Text in UTF-16 with a byte-order mark (Windows Notepad's "Unicode"), read as UTF-8: a dump
/// saved so is then read as any other (feeds declare their encoding and are read as they are).
enum UTF16Text {
    /// Whether `bytes` start with a UTF-16 byte-order mark.
    static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// The text after the byte-order mark as UTF-8; unpaired surrogates and an odd last byte
    /// become U+FFFD.
    static func utf8(of bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var result: [UInt8] = []
        result.reserveCapacity(units.count * 3 / 2)
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
            result.append($0)
        }
        if index < bytes.count { result.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
        return result
    }
}
