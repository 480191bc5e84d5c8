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
    /// binary): with line breaks, or mostly letters (see ``isMostlyLetters(_:bigEndian:)``);
    /// nil when they are not.
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
        let lettersAsLittle = isMostlyLetters(bytes, bigEndian: false)
        if lettersAsLittle != isMostlyLetters(bytes, bigEndian: true) { return !lettersAsLittle }
        return nil
    }

    /// Whether the head of `bytes`, read as UTF-16 in that byte order, is text without line
    /// breaks: clean (see ``read(_:bigEndian:)``), at least ``shortestUnmarkedHead``
    /// characters, three in four of them letters (CJK, Hangul, kana), and its bytes have the
    /// controls such text has (8-bit text and UTF-8 have none, and ASCII letters read in pairs
    /// are CJK ideographs). Such a file, all CJK, was called binary (found by QA).
    private static func isMostlyLetters(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> Bool {
        guard let reading = read(bytes, bigEndian: bigEndian), reading.units >= shortestUnmarkedHead,
            reading.letters * 4 >= reading.units * 3
        else { return false }
        var controls = 0
        for byte in bytes.prefix(headLength) where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
        {
            controls += 1
        }
        return controls * 50 >= reading.units * 2
    }

    /// How many bytes of a file are looked at for UTF-16 without a byte-order mark.
    private static let headLength = 4096

    /// How many line breaks (U+000A) the head of `bytes` holds, read as UTF-16 in that byte
    /// order, when it reads cleanly (see ``read(_:bigEndian:)``) and is at least
    /// ``shortestUnmarkedHead`` characters, or a whole file of at least ``shortestUnmarkedFile``
    /// that is half letters with a blank line (a short story in CJK was called binary; found
    /// by QA). 0 when not.
    private static func lineBreaksOfCleanText(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> Int {
        guard let reading = read(bytes, bigEndian: bigEndian) else { return 0 }
        if reading.units >= shortestUnmarkedHead { return reading.lineBreaks }
        guard reading.units >= shortestUnmarkedFile, reading.letters * 2 >= reading.units,
            reading.blankLines > 0
        else { return 0 }
        return reading.lineBreaks
    }

    /// The fewest characters a whole file in UTF-16 without a mark, with a blank line, is known
    /// by: two line breaks in a row are four bytes random ones hardly ever hold.
    private static let shortestUnmarkedFile = 16

    /// The head of `bytes` read as UTF-16 in that byte order, when it reads cleanly: no
    /// unpaired surrogate (one cut by the head's end aside), and no control character but
    /// tab, line feed and carriage return, nor one unassigned or for private use (random bytes
    /// have them): its characters, line breaks, blank lines (a line break after one, carriage
    /// returns aside) and letters. Nil when it does not.
    private static func read(
        _ bytes: UnsafeRawBufferPointer, bigEndian: Bool
    ) -> (units: Int, lineBreaks: Int, blankLines: Int, letters: Int)? {
        let pairs = min(bytes.count, headLength) / 2
        guard pairs >= shortestUnmarkedFile else { return nil }
        var lineBreaks = 0
        var letters = 0
        var blankLines = 0
        var afterLineBreak = false
        var high: UInt32?
        for pair in 0..<pairs {
            let first = UInt32(bytes[2 * pair])
            let second = UInt32(bytes[2 * pair + 1])
            let unit = bigEndian ? first << 8 | second : second << 8 | first
            var value = unit
            if (0xDC00...0xDFFF).contains(unit) {
                guard let lead = high else { return nil }
                value = 0x10000 + (lead - 0xD800) << 10 + (unit - 0xDC00)
                high = nil
            } else {
                guard high == nil else { return nil }
                if (0xD800...0xDBFF).contains(unit) {
                    high = unit
                    continue
                }
            }
            if value == 0x0A {
                lineBreaks += 1
                if afterLineBreak { blankLines += 1 }
                afterLineBreak = true
                continue
            }
            if value == 0x0D { continue }
            afterLineBreak = false
            if value == 0x09 { continue }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            switch scalar.properties.generalCategory {
            case .control, .unassigned, .privateUse, .surrogate: return nil
            default: if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        // A pair cut by the head's end is no fault; one cut by the file's is.
        if high != nil && pairs * 2 >= bytes.count { return nil }
        return (pairs, lineBreaks, blankLines, letters)
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
