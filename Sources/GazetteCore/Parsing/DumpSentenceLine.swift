/// Whether a dump line reads as a story's sentence rather than a headline: it ends as a
/// sentence does (`.`, `!`, `?`, `…`, `。`, `！`, `？`, a closing quote or bracket after it or
/// not) and is written in sentence case, not title case ("More rain is expected on Tuesday."
/// against "Landslide Cuts Off Mountain Villages?").
///
/// Asked of the line before `TT` and its counter alone after one blank line: a paragraph's
/// line there is the page's widget given again between two paragraphs, a headline's starts a
/// story.
enum DumpSentenceLine {
    /// Whether `line` ends as a sentence does and is not in title case.
    static func readsAsSentence(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        endsAsSentence(line, in: bytes) && !isTitleCase(line, in: bytes)
    }

    /// Whether the line ends in `.`, `!`, `?`, `…`, `。`, `！` or `？`, a closing quote or
    /// bracket after it or not.
    static func endsAsSentence(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        var end = line.end
        while end > line.start {
            let last = bytes[end - 1]
            if last == UInt8(ascii: "\"") || last == UInt8(ascii: "'") || last == UInt8(ascii: ")")
                || last == UInt8(ascii: "]")
            {
                end -= 1
            } else if end - line.start >= 2 && bytes[end - 2] == 0xC2 && last == 0xBB {
                end -= 2  // »
            } else if end - line.start >= 3, isClosingMark(bytes[end - 3], bytes[end - 2], last) {
                end -= 3
            } else {
                break
            }
        }
        guard end > line.start else { return false }
        let last = bytes[end - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") { return true }
        guard end - line.start >= 3 else { return false }
        let tail = (bytes[end - 3], bytes[end - 2], last)
        // …, 。, ！, ？
        return tail == (0xE2, 0x80, 0xA6) || tail == (0xE3, 0x80, 0x82) || tail == (0xEF, 0xBC, 0x81)
            || tail == (0xEF, 0xBC, 0x9F)
    }

    /// Whether more of the line's words of four letters or more start with a capital than not:
    /// a headline's case ("Rescuers Race Against Time."), where a sentence capitalises its
    /// first word and names. A line without such words (a script without case) is not.
    static func isTitleCase(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        // Scalar by scalar, ASCII by its letters: with Character's properties a story of 100,000
        // paragraphs, each before the widget given again, took 5.2 s to list (0.8 s now).
        var capitalised = 0
        var lower = 0
        var letters = 0
        var lead: Unicode.Scalar?
        func endWord() {
            if letters >= 4, let lead {
                if lead.properties.isUppercase {
                    capitalised += 1
                } else if lead.properties.isLowercase {
                    lower += 1
                }
            }
            letters = 0
            lead = nil
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end])
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            if scalar == " " || scalar == "\t" {
                endWord()
            } else if scalar.isASCII
                ? (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                : scalar.properties.isAlphabetic
            {
                letters += 1
                if lead == nil { lead = scalar }
            }
        }
        endWord()
        return capitalised > lower
    }

    /// A closing quote or bracket of three bytes: ’, ”, ）, 」, 』.
    private static func isClosingMark(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (first, second, third) {
        case (0xE2, 0x80, 0x99), (0xE2, 0x80, 0x9D), (0xEF, 0xBC, 0x89), (0xE3, 0x80, 0x8D),
            (0xE3, 0x80, 0x8F):
            return true
        default: return false
        }
    }
}
