/// Text in UTF-16 (Windows Notepad's "Unicode"), read as UTF-8: a dump saved so is then read
/// as any other (feeds declare their encoding and are read as they are).
enum UTF16Text {
    /// Whether `bytes` start with a UTF-16 byte-order mark.
    static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Whether `bytes` are UTF-16, big-endian or not: with a byte-order mark, or without one
    /// when their head is mostly Latin text, each character a letter's byte and a zero, or
    /// reads as text in one byte order only (Cyrillic, Greek, CJK; such files were called
    /// binary); nil when they are not.
    static func isBigEndian(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        if hasByteOrderMark(bytes) { return bytes[0] == 0xFE }
        let pairs = min(bytes.count, headLength) / 2
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
        let asLittle = lineBreaksOfCleanText(bytes, bigEndian: false)
        let asBig = lineBreaksOfCleanText(bytes, bigEndian: true)
        if asLittle > 0 || asBig > 0 { return asBig > asLittle }
        return nil
    }

    /// How many bytes of a file are looked at for UTF-16 without a byte-order mark.
    private static let headLength = 4096

    /// How many line breaks (U+000A) the head of `bytes` holds, read as UTF-16 in that byte
    /// order, when it reads cleanly: at least ``shortestUnmarkedHead`` characters, no unpaired
    /// surrogate (one cut by the head's end aside), and no control character but tab, line
    /// feed and carriage return, nor one unassigned or for private use (random bytes have
    /// them). 0 when it does not.
    private static func lineBreaksOfCleanText(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> Int {
        let pairs = min(bytes.count, headLength) / 2
        guard pairs >= shortestUnmarkedHead else { return 0 }
        var lineBreaks = 0
        var high: UInt32?
        for pair in 0..<pairs {
            let first = UInt32(bytes[2 * pair])
            let second = UInt32(bytes[2 * pair + 1])
            let unit = bigEndian ? first << 8 | second : second << 8 | first
            var value = unit
            if (0xDC00...0xDFFF).contains(unit) {
                guard let lead = high else { return 0 }
                value = 0x10000 + (lead - 0xD800) << 10 + (unit - 0xDC00)
                high = nil
            } else {
                guard high == nil else { return 0 }
                if (0xD800...0xDBFF).contains(unit) {
                    high = unit
                    continue
                }
            }
            if value == 0x0A {
                lineBreaks += 1
                continue
            }
            if value == 0x09 || value == 0x0D { continue }
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            switch scalar.properties.generalCategory {
            case .control, .unassigned, .privateUse, .surrogate: return 0
            default: continue
            }
        }
        // A pair cut by the head's end is no fault; one cut by the file's is.
        if high != nil && pairs * 2 >= bytes.count { return 0 }
        return lineBreaks
    }

    /// The fewest characters UTF-16 without a mark, and not mostly Latin, is known by: random
    /// bytes as short may read cleanly.
    private static let shortestUnmarkedHead = 64

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
