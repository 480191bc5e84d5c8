import _FoundationICU

/// Where a line may break inside the words of scripts written without spaces between words and
/// wrapped by a dictionary (Thai, Lao, Khmer, Myanmar), found by ICU's line breaking: breaking
/// such text where the column runs out split its words.
enum DictionaryLineBreaks {
    /// Whether `value` is a letter or mark of one of those scripts.
    static func isDictionaryScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x19E0...0x19FF, 0xA9E0...0xA9FF,
            0xAA60...0xAA7F:
            return true
        default:
            return false
        }
    }

    /// Whether `text` holds any character of those scripts.
    static func isNeeded(for text: String) -> Bool {
        text.unicodeScalars.contains { isDictionaryScript($0.value) }
    }

    /// The UTF-16 offsets in `text` at which ICU allows a line to break, in order (the text's
    /// end included); nil when ICU cannot tell.
    static func offsets(in text: String) -> [Int]? {
        let units = Array(text.utf16)
        var status = U_ZERO_ERROR
        let iterator = units.withUnsafeBufferPointer { buffer in
            swift_ubrk_open(UBRK_LINE, "th", buffer.baseAddress, Int32(buffer.count), &status)
        }
        guard let iterator, status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
        defer { swift_ubrk_close(iterator) }
        var offsets: [Int] = []
        var offset = swift_ubrk_next(iterator)
        while offset != UBRK_DONE {
            offsets.append(Int(offset))
            offset = swift_ubrk_next(iterator)
        }
        return offsets
    }
}
