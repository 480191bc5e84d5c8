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

    /// The UTF-16 offsets in `text` at which ICU allows a line to break inside its runs of
    /// those scripts, in order. ICU is given each run alone, in pieces of at most
    /// ``pieceLength`` units that end at a break it found: given a whole long paragraph, it
    /// took gigabytes and then crashed (found by QA, at 65,509 characters).
    static func offsets(in text: String) -> [Int] {
        let units = Array(text.utf16)
        var offsets: [Int] = []
        var index = 0
        while index < units.count {
            guard isDictionaryScript(UInt32(units[index])) else {
                index += 1
                continue
            }
            var end = index
            while end < units.count && isDictionaryScript(UInt32(units[end])) { end += 1 }
            var start = index
            while start < end {
                let pieceEnd = min(end, start + pieceLength)
                let breaks = icuBreaks(units[start..<pieceEnd])
                // A piece cut short goes on from a break well before its end (ICU judges the last
                // words of a piece from a cut word), or from its end when it has none.
                var next = pieceEnd
                if pieceEnd < end, let last = breaks.last(where: { $0 <= pieceLength - pieceMargin }),
                    last > 0
                {
                    next = start + last
                }
                for offset in breaks where start + offset <= next { offsets.append(start + offset) }
                start = next
            }
            index = end
        }
        return offsets
    }

    /// The longest text ICU is given at once, in UTF-16 units.
    static let pieceLength = 1024
    /// How far before a cut piece's end its breaks are not trusted.
    static let pieceMargin = 128

    /// The break offsets ICU finds in `units`, relative to their start (their end included).
    static func icuBreaks(_ units: ArraySlice<UInt16>) -> [Int] {
        var status = U_ZERO_ERROR
        let iterator = units.withUnsafeBufferPointer { buffer in
            swift_ubrk_open(UBRK_LINE, "th", buffer.baseAddress, Int32(buffer.count), &status)
        }
        guard let iterator, status.rawValue <= U_ZERO_ERROR.rawValue else { return [] }
        var breaks: [Int] = []
        var offset = swift_ubrk_next(iterator)
        while offset != UBRK_DONE {
            breaks.append(Int(offset))
            offset = swift_ubrk_next(iterator)
        }
        // Closed after the offsets are read: the iterator points into `units`.
        swift_ubrk_close(iterator)
        return breaks
    }
}
