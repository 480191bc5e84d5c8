extension TextWrapper {
    /// `wrap` for the common paragraph whose every scalar is a grapheme of its own, one column
    /// wide (ASCII, Latin, Greek, Cyrillic, general punctuation such as ’ “ — …), with breaks
    /// only at spaces, tabs and line feeds: the same lines as `wrapGraphemes`, found on the
    /// UTF-8 bytes. Nil when the paragraph holds anything else.
    static func wrapOneColumnText(_ paragraph: String, width: Int) -> [Line]? {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes -> [Line]? in
            guard isOneColumnText(bytes) else { return nil }
            return wrapOneColumnBytes(bytes, width: max(width, 1))
        }
    }

    /// Whether every scalar of the UTF-8 `bytes` stands alone as a one-column grapheme or is
    /// a space, tab or line feed.
    static func isOneColumnText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                guard (0x20...0x7E).contains(lead) || lead == 0x09 || lead == 0x0A else { return false }
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard length < 4, index + length <= bytes.count else { return false }
            var scalar = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard isOneColumnScalar(scalar) else { return false }
            index += length
        }
        return true
    }

    /// Non-ASCII scalars that are never part of a longer grapheme cluster and take one column:
    /// Latin-1, Latin extended and Latin extended additional (Vietnamese; not the soft hyphen),
    /// spacing modifier letters, Greek, Cyrillic, Armenian, Hebrew and Arabic letters and
    /// digits (not their combining marks, nor Arabic's prepended signs), Georgian, general
    /// punctuation (not the zero-width and direction characters), currency signs. A combining
    /// mark after one of them is outside these ranges, so the whole text is declined.
    static func isOneColumnScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0x2FF: return scalar != 0xAD
        case 0x370...0x377, 0x37A...0x37F, 0x384...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3FF: return true
        case 0x400...0x482, 0x48A...0x52F: return true
        case 0x531...0x556, 0x559...0x58A, 0x5D0...0x5EA, 0x5F0...0x5F4: return true
        case 0x620...0x64A, 0x660...0x66F, 0x671...0x6D5: return true
        case 0x10D0...0x10FA, 0x1E00...0x1EFF: return true
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true
        default: return false
        }
    }

    /// Greedy wrapping of one-column text, by the rules of `wrap`.
    private static func wrapOneColumnBytes(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [Line] {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        func scalarLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead >= 0xE0 ? 3 : 2 }

        var lines: [Line] = []
        var line: [UInt8] = []
        line.reserveCapacity(width * 2)
        var lineWidth = 0
        var hasContent = false
        func endLine(inWord: Bool = false) {
            if hasContent {
                lines.append(
                    Line(text: String(decoding: line, as: UTF8.self), endsInWord: inWord, hyphenated: false))
            }
            line.removeAll(keepingCapacity: true)
            lineWidth = 0
            hasContent = false
        }

        var index = 0
        // Spaces before the first word indent the first line.
        while index < bytes.count, isSpace(bytes[index]) {
            if bytes[index] == 0x20 {
                line.append(0x20)
                lineWidth += 1
            }
            index += 1
        }
        // The space since the last word, shown between it and the next on one line: its width,
        // and where it starts in `bytes` (shown a space for each, but no-break spaces as they
        // are). No-break spaces beside an ordinary space are part of it (`wrapGraphemes`).
        var spaces = 0
        var gapStart = index
        func isNoBreakSpace(_ index: Int) -> Bool {
            index + 1 < bytes.count && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
        }
        while index < bytes.count {
            if isSpace(bytes[index]) {
                index += 1
                spaces += 1
                continue
            }
            if spaces > 0 {
                while isNoBreakSpace(index) {
                    index += 2
                    spaces += 1
                }
                if index == bytes.count || isSpace(bytes[index]) { continue }
            }
            var start = index
            var wordWidth = 0
            var nonBlankEnd = index
            while index < bytes.count, !isSpace(bytes[index]) {
                if !isNoBreakSpace(index) { nonBlankEnd = index + scalarLength(bytes[index]) }
                index += scalarLength(bytes[index])
                wordWidth += 1
            }
            // No-break spaces that end the word before a space start the next gap.
            let end = index < bytes.count && nonBlankEnd > start ? nonBlankEnd : index
            let trailing = (index - end) / 2
            wordWidth -= trailing
            let gapBefore = spaces
            let shownGap = gapStart..<start
            spaces = trailing
            gapStart = end
            while true {
                let gapWidth = hasContent ? gapBefore : 0
                if wordWidth <= width - lineWidth - gapWidth {
                    if gapWidth > 0 {
                        for byte in bytes[shownGap] { line.append(isSpace(byte) ? 0x20 : byte) }
                    }
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    lineWidth += gapWidth + wordWidth
                    hasContent = true
                    break
                }
                if hasContent || lineWidth > 0 {
                    endLine()  // indentation alone is dropped
                    continue
                }
                // Alone on the line and still too wide: the first `width` scalars fill it.
                var cut = start
                for _ in 0..<width { cut += scalarLength(bytes[cut]) }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cut]))
                hasContent = true
                endLine(inWord: true)
                start = cut
                wordWidth -= width
            }
        }
        endLine()
        return lines
    }
}
