/// Counts the words of an HTML tree as `WordCounter` counts its plain text (the text
/// `HTMLPlainTextCollector` collects), without building that text: elements separate words
/// where the collector puts a space, and a word counts only when something of it shows (not
/// one of no-break spaces or zero-width spaces alone).
struct HTMLWordCounter: HTMLTreeSink {
    private var count = 0
    /// How many of the words are CJK ideographs or kana.
    private(set) var ideographs = 0
    private var inWord = false
    /// Characters of an unspaced alphabet in the run being read (``UnspacedAlphabet``).
    private var alphabetRun = 0
    /// Whether something of the word being read shows (``TerminalSanitizer/showsSomething(_:)``).
    private var wordHasInk = false
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
                noteInk(text, at: index)
                alphabetRun += 1
                index += 3
            } else if byte >= 0xE3 && byte <= 0xE9 && index + 2 < text.count {
                // As WordCounter: CJK punctuation separates, each ideograph or kana is a word.
                endWord()
                if !(byte == 0xE3 && text[index + 1] == 0x80) {
                    noteInk(text, at: index)
                    count += 1
                    ideographs += 1
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
                if !wordHasInk {
                    if byte < 0x80 {
                        wordHasInk = byte > 0x20 && byte < 0x7F
                    } else if byte >= 0xC0 {
                        wordHasInk =
                            Self.scalar(text, at: index).map(TerminalSanitizer.showsSomething) ?? true
                    }
                }
                index += 1
            }
        }
    }

    /// Notes whether the character whose lead byte is at `index` shows on its own, until one has.
    private mutating func noteInk(_ text: UnsafeBufferPointer<UInt8>, at index: Int) {
        guard !sawInk, !sawEscape, text[index] < 0x80 || text[index] >= 0xC0 else { return }
        if let scalar = Self.scalar(text, at: index) { sawInk = TerminalSanitizer.showsOnItsOwn(scalar) }
    }

    /// The scalar whose lead byte is at `index`; nil for an invalid sequence.
    private static func scalar(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        var bytes = text[index..<min(text.count, index + 4)].makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return nil }
        return scalar
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
        if wordHasInk { count += 1 }
    }
}
