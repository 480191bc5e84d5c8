/// Text in UTF-16 (Windows Notepad's "Unicode"), read as UTF-8: a dump saved so is then read
/// as any other (feeds declare their encoding and are read as they are).
enum UTF16Text {
    /// Whether `bytes` start with a UTF-16 byte-order mark.
    static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Whether `bytes` are UTF-16, big-endian or not: with a byte-order mark, or without one
    /// when their head is mostly Latin text, each character a letter's byte and a zero (such a
    /// file was called binary); nil when they are not.
    static func isBigEndian(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        if hasByteOrderMark(bytes) { return bytes[0] == 0xFE }
        let pairs = min(bytes.count, 4096) / 2
        guard pairs >= 8 else { return nil }
        var little = 0
        var big = 0
        for pair in 0..<pairs {
            let first = bytes[2 * pair]
            let second = bytes[2 * pair + 1]
            if first != 0 && second == 0 { little += 1 }
            if first == 0 && second != 0 { big += 1 }
        }
        if little * 10 >= pairs * 9 { return false }
        if big * 10 >= pairs * 9 { return true }
        return nil
    }

    /// The text after the byte-order mark, if any, as UTF-8; unpaired surrogates and an odd
    /// last byte become U+FFFD. `bigEndian` is what ``isBigEndian(_:)`` said of `bytes`.
    static func utf8(of bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = hasByteOrderMark(bytes) ? 2 : 0
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
