/// Counts words in UTF-8 bytes without decoding them: runs of non-space bytes, with each
/// CJK ideograph or kana counted as a word of its own, and the words of a run of Thai, Lao,
/// Myanmar or Khmer estimated from its length (``UnspacedAlphabet``). A run is a word only
/// when something of it shows (``TerminalSanitizer/showsSomething(_:)``): one of zero-width
/// spaces, no-break spaces, bidi marks or soft hyphens alone is not.
struct WordCounter {
    private(set) var count = 0
    /// How many of the words are CJK ideographs or kana (read faster than words: see
    /// ``ReadingTime``).
    private(set) var ideographs = 0
    private var inWord = false
    /// Whether something of the run being read shows.
    private var wordShows = false
    /// Characters of an unspaced alphabet in the run being read.
    private var alphabetRun = 0

    mutating func add(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) {
        var index = line.start
        #if _endian(little)
            while index + 8 <= line.end {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if Self.isPrintableASCIIOrSpace(word) {
                    addEight(word)
                    index += 8
                } else {
                    // Something else among these eight: byte by byte to their end.
                    let stop = index + 8
                    while index < stop { step(at: &index, line, in: bytes) }
                }
            }
        #endif
        while index < line.end { step(at: &index, line, in: bytes) }
        endWord()
        endRun()
    }

    /// ``add(_:in:)`` one byte at a time: the rule the eight-byte steps keep (for tests).
    mutating func addByteByByte(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) {
        var index = line.start
        while index < line.end { step(at: &index, line, in: bytes) }
        endWord()
        endRun()
    }

    /// Reads the byte at `index` (with the rest of its character where that matters).
    @inline(__always)
    private mutating func step(at index: inout Int, _ line: LineSpan, in bytes: UnsafeRawBufferPointer) {
        let byte = bytes[index]
        if byte &- 0x21 < 0x5E {
            // Printable ASCII, the common case: it shows.
            inWord = true
            wordShows = true
            index += 1
        } else if DumpBlockReader.isASCIISpace(byte) {
            endWord()
            endRun()
            index += 1
        } else if (byte == 0xE0 || byte == 0xE1) && index + 2 < line.end,
            UnspacedAlphabet.contains(lead: byte, second: bytes[index + 1])
        {
            endWord()
            alphabetRun += 1
            index += 3
        } else if byte >= 0xE3 && byte <= 0xE9 && index + 2 < line.end {
            endWord()
            endRun()
            // U+3000–U+9FFF: CJK punctuation separates, ideographs and kana are words.
            let isPunctuation = byte == 0xE3 && bytes[index + 1] == 0x80
            if !isPunctuation {
                count += 1
                ideographs += 1
            }
            index += 3
        } else {
            if !inWord {
                inWord = true
                wordShows = false
            }
            if !wordShows {
                if byte < 0x80 {
                    wordShows = byte > 0x20 && byte < 0x7F
                } else if byte >= 0xC0 {
                    wordShows = Self.shows(bytes, at: index, end: line.end)
                }
            }
            index += 1
        }
    }

    /// Whether each of the eight bytes of `word` is printable ASCII or a space (U+0020).
    @inline(__always)
    private static func isPrintableASCIIOrSpace(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard word & high == 0 else { return false }
        // No byte below 0x20 and none equal to 0x7F (each test exact where no byte has its
        // high bit set).
        let below = (word &- ones &* 0x20) & ~word & high
        let delete = word ^ (ones &* 0x7F)
        return below == 0 && (delete &- ones) & ~delete & high == 0
    }

    /// Reads eight bytes of printable ASCII and spaces: words end at the spaces after the
    /// others, and the word under way ends at a first space, counted when something of it
    /// showed; an unspaced alphabet's run ends at a space.
    @inline(__always)
    private mutating func addEight(_ word: UInt64) {
        let high: UInt64 = 0x8080_8080_8080_8080
        // Within printable ASCII and space, only the space has no bit of 0x5F: no carry
        // leaves a byte in the sum (0x5F + 0x7F < 0x100).
        let printable = ((word & 0x5F5F_5F5F_5F5F_5F5F) &+ 0x7F7F_7F7F_7F7F_7F7F) & high
        let spaces = ~printable & high
        guard spaces != 0 else {
            inWord = true
            wordShows = true
            return
        }
        let before = printable << 8 | (inWord ? 0x80 : 0)
        count += (spaces & before).nonzeroBitCount
        if inWord && !wordShows && spaces & 0x80 != 0 { count -= 1 }
        inWord = printable >> 63 != 0
        if inWord { wordShows = true }
        endRun()
    }

    /// Counts the run of non-space bytes just read when something of it shows.
    private mutating func endWord() {
        if inWord && wordShows { count += 1 }
        inWord = false
    }

    /// Whether the scalar whose lead byte is at `index` shows something (an invalid sequence,
    /// shown as U+FFFD, does).
    private static func shows(_ bytes: UnsafeRawBufferPointer, at index: Int, end: Int) -> Bool {
        // Without decoding: U+00C0–U+00FF (Latin letters, × ÷) and the dashes, quotes and marks
        // of U+2010–U+2027 and U+2030–U+203F, which open many words.
        let lead = bytes[index]
        if lead == 0xC3 { return true }
        if lead == 0xE2, index + 2 < end, bytes[index + 1] == 0x80 {
            let last = bytes[index + 2]
            if (0x90...0xA7).contains(last) || (0xB0...0xBF).contains(last) { return true }
        }
        var iterator = bytes[index..<min(end, index + 4)].makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return true }
        return TerminalSanitizer.showsSomething(scalar)
    }

    /// Counts the words of the run of an unspaced alphabet just read.
    private mutating func endRun() {
        count += UnspacedAlphabet.words(inRun: alphabetRun)
        alphabetRun = 0
    }

    /// Counts the words of a string (feeds).
    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            add(LineSpan(start: 0, end: buffer.count), in: UnsafeRawBufferPointer(buffer))
        }
    }
}
