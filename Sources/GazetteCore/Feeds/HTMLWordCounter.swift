/// Counts the words of an HTML tree as `WordCounter` counts its plain text (the text
/// `HTMLPlainTextCollector` collects), without building that text: elements separate words
/// where the collector puts a space, and words made only of Unicode white space (NBSP…) count
/// only between other words, since the collected text is trimmed.
struct HTMLWordCounter: HTMLTreeSink {
    private var count = 0
    /// How many of the words are CJK ideographs or kana.
    private(set) var ideographs = 0
    private var inWord = false
    /// Characters of an unspaced alphabet in the run being read (``UnspacedAlphabet``).
    private var alphabetRun = 0
    private var wordHasInk = false
    /// Whether anything but white space has come: what the collected text's trimming keeps.
    private var sawNonSpace = false
    /// Words of white space alone since the last thing that was not white space.
    private var pendingBlankWords = 0
    private var separates: [Bool] = []
    /// Whether some text held "<": plain text that may be escaped markup, which `plainText`
    /// strips a second time.
    private(set) var sawLessThan = false
    /// Whether a character that shows whatever stands beside it came before any escape
    /// sequence could start (``TerminalSanitizer/showsOnItsOwn(_:)``): without one, the text
    /// may show nothing at all (a zero-width space alone), and counts no words then.
    private(set) var sawInk = false
    private var sawEscape = false

    mutating func openElement(_ name: String, attribute: (String) -> String?, listItems: () -> Int?) -> Bool {
        if HTMLHiddenElement.isHidden(attribute: attribute) { return false }
        switch HTMLElementKind.plainTextRole(of: name) {
        case nil:
            return false
        case .breaks:
            endWord()
            return false
        case .walked(let separating):
            if separating { endWord() }
            separates.append(separating)
            return true
        }
    }

    mutating func closeElement() {
        if separates.popLast() == true { endWord() }
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if HTMLByte.isSpace(byte) || DumpBlockReader.isASCIISpace(byte) {
                endWord()
                index += 1
            } else if (byte == 0xE0 || byte == 0xE1) && index + 2 < text.count,
                UnspacedAlphabet.contains(lead: byte, second: text[index + 1])
            {
                // As WordCounter: a run's words are estimated from its length.
                if inWord { endWord() }
                markNonSpace()
                noteInk(text, at: index)
                alphabetRun += 1
                index += 3
            } else if byte >= 0xE3 && byte <= 0xE9 && index + 2 < text.count {
                // As WordCounter: CJK punctuation separates, each ideograph or kana is a word.
                endWord()
                if !(byte == 0xE3 && text[index + 1] == 0x80) {
                    markNonSpace()
                    noteInk(text, at: index)
                    count += 1
                    ideographs += 1
                } else if text[index + 2] != 0x80 {
                    markNonSpace()  // U+3001…: not a word, but not trimmed away either (U+3000 is)
                }
                index += 3
            } else if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") {
                // A run of ASCII letters, digits and punctuation: one word with ink.
                if !inWord {
                    inWord = true
                    wordHasInk = false
                }
                wordHasInk = true
                if !sawEscape { sawInk = true }
                index += 1
                while index < text.count, text[index] > 0x20, text[index] < 0x7F,
                    text[index] != UInt8(ascii: "<")
                {
                    index += 1
                }
            } else {
                if byte == UInt8(ascii: "<") { sawLessThan = true }
                if byte == 0x1B { sawEscape = true }
                noteInk(text, at: index)
                if !inWord {
                    inWord = true
                    wordHasInk = false
                }
                if byte < 0x80 || (byte >= 0xC0 && !Self.isUnicodeSpace(text, at: index)) {
                    wordHasInk = true
                }
                index += 1
            }
        }
    }

    /// Notes whether the character whose lead byte is at `index` shows on its own, until one has.
    private mutating func noteInk(_ text: UnsafeBufferPointer<UInt8>, at index: Int) {
        guard !sawInk, !sawEscape, text[index] < 0x80 || text[index] >= 0xC0 else { return }
        var bytes = text[index...].makeIterator()
        var decoder = Unicode.UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&bytes) {
            sawInk = TerminalSanitizer.showsOnItsOwn(scalar)
        }
    }

    /// The number of words.
    mutating func finish() -> Int {
        endWord()
        return count
    }

    private mutating func endWord() {
        count += UnspacedAlphabet.words(inRun: alphabetRun)
        alphabetRun = 0
        guard inWord else { return }
        inWord = false
        if wordHasInk {
            markNonSpace()
            count += 1
        } else {
            pendingBlankWords += 1
        }
    }

    /// Something other than white space: the words of white space alone before it count,
    /// unless nothing but white space came before them (the text's trimmed start).
    private mutating func markNonSpace() {
        if sawNonSpace { count += pendingBlankWords }
        pendingBlankWords = 0
        sawNonSpace = true
    }

    /// Whether the scalar whose lead byte is at `index` is non-ASCII Unicode white space:
    /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F.
    private static func isUnicodeSpace(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = text[index]
        let second = index + 1 < text.count ? text[index + 1] : 0
        let third = index + 2 < text.count ? text[index + 2] : 0
        switch lead {
        case 0xC2: return second == 0x85 || second == 0xA0
        case 0xE1: return second == 0x9A && third == 0x80
        case 0xE2:
            if second == 0x80 {
                return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF
            }
            return second == 0x81 && third == 0x9F
        default: return false
        }
    }
}
