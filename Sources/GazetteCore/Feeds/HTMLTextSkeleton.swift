/// HTML shrunk for `HTMLRenderer.render`: the same tags, references and text to libxml2's
/// HTML parser, with the inner words of each long run of plain text cut out and set aside, and
/// a mark in their place that `HTMLTextBuilder` writes as the words it stands for. libxml2
/// reads text a character at a time and the builder looks at every byte of it again; the words
/// set aside are read once, here.
///
/// A run of plain text is what `HTMLWordSkeleton` takes as one: ASCII letters, digits and
/// punctuation but "<" and "&", the letters and dashes beyond ASCII of
/// `HTMLWordSkeleton.inkLength`, and space, tab and newline. Of a run of three words or more,
/// the words between its first and its last are cut, with the white space between them; the
/// white space around them stays. To libxml2 the mark is a word of text where words were, and to
/// the builder's ordinary text it stands for them exactly: it writes the words with one space
/// between them and counts their characters as ink, as it would have. Where the builder does
/// not read text so (preformatted text), it says so (`HTMLTextBuilder.cutsMisread`) and the HTML
/// is walked as it is. Nil when the HTML holds markup other than plain start and end tags
/// (as `HTMLWordSkeleton` takes them), a `pre` or `listing` element, the mark's own character
/// (U+E000) or a reference that may spell it, more than `HTMLWordSkeleton.maxLength` bytes, or
/// no run worth cutting.
struct HTMLTextSkeleton {
    /// The shrunk HTML.
    let html: String
    /// The words cut out of it, in the order of their marks.
    let cuts: Cuts

    /// The words cut out of runs, each run's as the builder writes them.
    struct Cuts {
        /// The words of every cut, one cut after another; one space between two words of a cut.
        fileprivate(set) var text: [UInt8] = []
        /// Where each cut ends in `text`.
        fileprivate(set) var ends: [Int] = []
        /// How many characters of each cut show (the builder's ink): all but the spaces.
        fileprivate(set) var inks: [Int] = []

        /// The cut whose mark is `index`: its words and ink; nil when there is none.
        func cut(_ index: Int) -> (text: ArraySlice<UInt8>, ink: Int)? {
            guard index >= 0, index < ends.count else { return nil }
            let start = index == 0 ? 0 : ends[index - 1]
            return (text[start..<ends[index]], inks[index])
        }

        var count: Int { ends.count }
    }

    /// The bytes a mark starts with: U+E000, a private-use character, then the cut's number in
    /// ASCII digits.
    static let markLead: UInt8 = 0xEE
    /// Cuts shorter than this (in bytes) stay: a mark would not be much shorter.
    static let minimumCut = 24

    /// The skeleton of `source` (HTML as `HTMLRenderer.walk` reads it: unfinished tags escaped),
    /// or nil when there is none (see the type's summary).
    init?(_ source: String) {
        var source = source
        var output: [UInt8] = []
        var cuts = Cuts()
        let made = source.withUTF8 { input -> Bool in
            guard !input.isEmpty, input.count <= HTMLWordSkeleton.maxLength else { return false }
            return Self.shrink(input, into: &output, cuts: &cuts)
        }
        guard made, cuts.count > 0 else { return nil }
        html = XMLTextString.make(output)
        self.cuts = cuts
    }

    /// The number of the cut that the word `word` marks: nil when the word is no mark, and
    /// `Int.max` when it starts as one but is none (no cut has that number).
    static func markIndex(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count >= 3, word[0] == markLead, word[1] == 0x80, word[2] == 0x80 else { return nil }
        guard word.count > 3, word.count <= 12 else { return Int.max }
        var index = 0
        for digit in word[3...] {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return Int.max }
            index = index * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return index
    }

    /// Whether `bytes` hold a mark's character (U+E000).
    static func holdsMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let found = ByteSearch.next(markLead, in: bytes, from: from) {
            if found + 2 < bytes.count, bytes[found + 1] == 0x80, bytes[found + 2] == 0x80 { return true }
            from = found + 1
        }
        return false
    }

    /// Writes the skeleton of `input` to `output` and the words cut to `cuts`; false when there
    /// is no skeleton.
    private static func shrink(
        _ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], cuts: inout Cuts
    )
        -> Bool
    {
        let count = input.count
        output.reserveCapacity(count)
        cuts.text.reserveCapacity(count)
        var read = 0
        // Bytes of `input` before this are written to `output`.
        var copied = 0
        while read < count {
            let byte = input[read]
            if byte == UInt8(ascii: "<") {
                guard let end = HTMLWordSkeleton.tagEnd(in: input, at: read), !isPreformatted(input, at: read)
                else { return false }
                read = end
                continue
            }
            if byte == UInt8(ascii: "&") {
                if read + 1 < count, input[read + 1] == UInt8(ascii: "#"), mayMark(input, from: read + 2) {
                    return false
                }
                read += 1
                continue
            }
            if byte >= 0x80 && HTMLWordSkeleton.inkLength(input, at: read) == 0 {
                if byte == markLead, read + 2 < count, input[read + 1] == 0x80, input[read + 2] == 0x80 {
                    return false
                }
                read += 1
                continue
            }
            guard byte >= 0x80 || isRunByte(byte) else {
                read += 1
                continue
            }
            // A run, from a word: its first word and the white space after it, then its last word
            // and the white space before it, looked for from its end.
            let start = read
            let end = runEnd(input, from: start)
            read = end
            var secondStart = start
            while secondStart < end, !isRunSpace(input[secondStart]) { secondStart += 1 }
            while secondStart < end, isRunSpace(input[secondStart]) { secondStart += 1 }
            var beforeLastEnd = end
            while beforeLastEnd > secondStart, isRunSpace(input[beforeLastEnd - 1]) { beforeLastEnd -= 1 }
            while beforeLastEnd > secondStart, !isRunSpace(input[beforeLastEnd - 1]) { beforeLastEnd -= 1 }
            while beforeLastEnd > secondStart, isRunSpace(input[beforeLastEnd - 1]) { beforeLastEnd -= 1 }
            // Three words or more: the inner ones start and end with a word.
            guard beforeLastEnd - secondStart >= minimumCut else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<secondStart]))
            output.append(contentsOf: [markLead, 0x80, 0x80])
            output.append(contentsOf: String(cuts.count).utf8)
            copied = beforeLastEnd
            let inner = UnsafeBufferPointer(rebasing: input[secondStart..<beforeLastEnd])
            let (ink, collapses) = Self.ink(of: inner)
            if collapses {
                cutCollapsing(inner, into: &cuts)
            } else {
                cuts.text.append(contentsOf: inner)
            }
            cuts.ends.append(cuts.text.count)
            cuts.inks.append(ink)
        }
        guard !cuts.ends.isEmpty else { return false }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<count]))
        return true
    }

    /// Where the run that starts at `start` ends: the first byte from there that is no word
    /// byte, white space of the run or character of `HTMLWordSkeleton.inkLength` (eight bytes a
    /// step while they are ASCII).
    private static func runEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = input.baseAddress else { return start }
        let count = input.count
        var read = start
        while read < count {
            if read + 8 <= count {
                let bytes = UInt64(littleEndian: UnsafeRawPointer(base + read).loadUnaligned(as: UInt64.self))
                let stops = HTMLWordSkeleton.runEnds(bytes)
                if stops == 0 {
                    read += 8
                    continue
                }
                read += stops.trailingZeroBitCount / 8
            }
            let byte = input[read]
            if byte >= 0x80 {
                let width = HTMLWordSkeleton.inkLength(input, at: read)
                if width == 0 { return read }
                read += width
            } else if isRunByte(byte) || isRunSpace(byte) {
                read += 1
            } else {
                return read
            }
        }
        return read
    }

    /// The ink of a run's inner words (their characters: bytes but white space and UTF-8
    /// continuation bytes), and whether their white space is other than one space between two
    /// words (the builder collapses it); eight bytes a step.
    private static func ink(of inner: UnsafeBufferPointer<UInt8>) -> (ink: Int, collapses: Bool) {
        guard let base = inner.baseAddress else { return (0, false) }
        var blanks = 0
        // Blank bytes counted per lane of eight, added up every 255 steps (a lane holds a byte).
        var lanes: UInt64 = 0
        var steps = 0
        var odd: UInt64 = 0
        // The high bit set when the byte before those read is white space.
        var spaceBefore: UInt64 = 0
        var index = 0
        while index + 8 <= inner.count {
            let bytes = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let ascii = ~bytes & highBits
            let spaces =
                (equal(bytes, HTMLByte.space) | equal(bytes, HTMLByte.tab) | equal(bytes, HTMLByte.newline))
                & ascii
            let continuations = bytes & ~(bytes << 1) & highBits
            lanes &+= (spaces | continuations) >> 7
            steps += 1
            if steps == 255 {
                blanks += sumOfLanes(lanes)
                lanes = 0
                steps = 0
            }
            odd |= spaces & (spaces << 8 | spaceBefore | ~equal(bytes, HTMLByte.space))
            spaceBefore = (spaces >> 56) & 0x80
            index += 8
        }
        blanks += sumOfLanes(lanes)
        var collapses = odd != 0
        var lastWasSpace = spaceBefore != 0
        while index < inner.count {
            let byte = inner[index]
            let isSpace = isRunSpace(byte)
            if isSpace && (lastWasSpace || byte != HTMLByte.space) { collapses = true }
            if isSpace || (byte & 0xC0 == 0x80) { blanks += 1 }
            lastWasSpace = isSpace
            index += 1
        }
        return (inner.count - blanks, collapses)
    }

    /// The sum of the eight bytes of `lanes`.
    @inline(__always)
    private static func sumOfLanes(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// Sets the words of `run` (a run's, starting and ending with a word) aside with one space
    /// between two words, as the builder writes them.
    private static func cutCollapsing(_ run: UnsafeBufferPointer<UInt8>, into cuts: inout Cuts) {
        let collapsed = [UInt8](unsafeUninitializedCapacity: run.count) { buffer, initialized in
            var written = 0
            var lastWasSpace = false
            for byte in run {
                if isRunSpace(byte) {
                    if !lastWasSpace {
                        buffer[written] = HTMLByte.space
                        written += 1
                    }
                    lastWasSpace = true
                } else {
                    buffer[written] = byte
                    written += 1
                    lastWasSpace = false
                }
            }
            initialized = written
        }
        cuts.text.append(contentsOf: collapsed)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// For eight bytes (the first in the low byte), the high bit of each whose low seven bits
    /// are `byte`'s set (a byte beyond ASCII is told by its high bit apart).
    @inline(__always)
    private static func equal(_ bytes: UInt64, _ byte: UInt8) -> UInt64 {
        let other = (bytes & ~highBits) ^ (ones &* UInt64(byte))
        return ~((other | highBits) &- ones) & highBits
    }

    /// White space of a plain run: space, tab, newline.
    @inline(__always)
    private static func isRunSpace(_ byte: UInt8) -> Bool {
        byte == HTMLByte.space || byte == HTMLByte.tab || byte == HTMLByte.newline
    }

    /// A word byte of a plain run: ASCII letters, digits and punctuation but "<" and "&".
    @inline(__always)
    private static func isRunByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&")
    }

    /// Whether the tag at `start` (one `HTMLWordSkeleton.tagEnd` takes) is a `pre` or `listing`
    /// element's, whose text the builder reads as it is.
    private static func isPreformatted(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start + 1
        if input[index] == UInt8(ascii: "/") { index += 1 }
        /// Whether the tag's name is `name` (lowercase) in any case.
        func isNamed(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            // A tag that `tagEnd` takes goes on after its name.
            guard index + length < input.count else { return false }
            for offset in 0..<length where input[index + offset] | 0x20 != name.utf8Start[offset] {
                return false
            }
            let after = input[index + length]
            let lower = after | 0x20
            return !(lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                && !(after >= UInt8(ascii: "0") && after <= UInt8(ascii: "9"))
        }
        switch input[index] | 0x20 {
        case UInt8(ascii: "p"): return isNamed("pre")
        case UInt8(ascii: "l"): return isNamed("listing")
        default: return false
        }
    }

    /// Whether the numeric reference whose digits start at `start` (after "&#") may stand for a
    /// private-use character of the mark's block (U+E000–U+F8FF), read as libxml2 may read it.
    private static func mayMark(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        var hex = false
        if index < input.count, input[index] | 0x20 == UInt8(ascii: "x") {
            hex = true
            index += 1
        }
        var value = 0
        var digits = 0
        while index < input.count, digits < 12 {
            let byte = input[index]
            let digit: Int
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digit = Int(byte - UInt8(ascii: "0"))
            } else if hex, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "f") {
                digit = Int((byte | 0x20) - UInt8(ascii: "a")) + 10
            } else {
                break
            }
            value = value * (hex ? 16 : 10) + digit
            digits += 1
            index += 1
        }
        // Digits past any a reference may hold are read as libxml2 reads them: take them as a mark.
        return digits >= 12 || (0xE000...0xF8FF).contains(value)
    }
}
