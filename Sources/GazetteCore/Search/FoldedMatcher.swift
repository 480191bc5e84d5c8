#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Matches a query against raw UTF-8 bytes: folds them (see ``TextFolding``) into a buffer
/// it reuses, then looks for each term with `memchr` and `memcmp`. ASCII is folded byte by
/// byte, ideographs are copied, other characters go through a cache of folded scalars.
/// Hangul written as jamo and kana followed by a voicing mark are composed, as the same words
/// written whole are: bytes are compared, not characters. Between two parts of a term (see
/// ``SearchQuery``) the text may hold a space or not. One per thread.
public struct FoldedMatcher {
    /// A term's folded bytes, and where in them the text may hold a space (between its parts).
    private typealias Term = (bytes: [UInt8], gaps: [Int])
    private let terms: [Term]
    private let output: FoldBuffer
    private let cache: FoldCache

    public init(_ query: SearchQuery) {
        let output = FoldBuffer()
        let cache = FoldCache()
        // The terms are folded text already; folding them again composes them as the text is.
        terms = query.parts.map { parts in
            var term: Term = ([], [])
            for part in parts {
                if !term.bytes.isEmpty { term.gaps.append(term.bytes.count) }
                var text = part
                text.withUTF8 { bytes in
                    let length = FoldedMatcher.fold(UnsafeRawBufferPointer(bytes), into: output, cache: cache)
                    term.bytes += UnsafeBufferPointer(start: output.pointer, count: length)
                }
            }
            return term
        }
        self.output = output
        self.cache = cache
    }

    /// Whether the text in `bytes` holds every term.
    public func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !terms.isEmpty else { return true }
        let length = fold(bytes)
        return terms.allSatisfy { holds($0, length: length) }
    }

    /// Whether the text in `bytes` holds every term that `found` (one flag per term, in the
    /// query's order: those another field of the story holds, its source's name) leaves out.
    public func matches(_ bytes: UnsafeRawBufferPointer, besides found: [Bool]) -> Bool {
        guard found.contains(true) else { return matches(bytes) }
        guard found.contains(false) else { return true }
        let length = fold(bytes)
        return zip(terms, found).allSatisfy { $1 || holds($0, length: length) }
    }

    /// Whether `text` holds every term.
    public func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    /// Which terms `text` holds, one flag per term in the query's order: what a source's name
    /// gives each of its stories (``matches(_:besides:)``), worked out once per source.
    public func termsFound(in text: String) -> [Bool] {
        var copy = text
        return copy.withUTF8 { bytes in
            let length = fold(UnsafeRawBufferPointer(bytes))
            return terms.map { holds($0, length: length) }
        }
    }

    /// Whether the folded text in the output buffer, `length` bytes, holds `term`.
    private func holds(_ term: Term, length: Int) -> Bool {
        term.bytes.withUnsafeBytes { needle in
            guard let pattern = needle.baseAddress else { return false }
            return FoldedMatcher.contains(
                UnsafeRawPointer(output.pointer), length, pattern, needle.count, gaps: term.gaps)
        }
    }

    /// Folds `bytes` into the output buffer; returns the folded length.
    private func fold(_ bytes: UnsafeRawBufferPointer) -> Int {
        FoldedMatcher.fold(bytes, into: output, cache: cache)
    }

    /// `text` folded as a search folds a story's text, with runs of printable ASCII folded eight
    /// bytes a step or, unless `eightAtATime`, byte by byte (tests compare the two).
    static func folded(_ text: String, eightAtATime: Bool) -> [UInt8] {
        var text = text
        let output = FoldBuffer()
        return text.withUTF8 { bytes in
            let length = fold(
                UnsafeRawBufferPointer(bytes), into: output, cache: FoldCache(), eightAtATime: eightAtATime)
            return Array(UnsafeBufferPointer(start: output.pointer, count: length))
        }
    }

    /// Folds `bytes` into `output`; returns the folded length.
    private static func fold(
        _ bytes: UnsafeRawBufferPointer, into output: FoldBuffer, cache: FoldCache, eightAtATime: Bool = true
    ) -> Int {
        output.reserve(bytes.count * 2 + 64)
        var out = output.pointer
        var length = 0
        var lastWasSpace = true
        // A line break read as nothing (``UnspacedScript/joins(before:after:)``: between two
        // characters of Chinese, Japanese or Thai, or one and punctuation) is no space: the space it
        // became is taken back once the letter after it, past punctuation, tells. The letter
        // nearest the end of the line so far, whether it holds punctuation, and the break that
        // waits for the next line's first letter: the letter before it and where its space is.
        var lineNeighbour: UnspacedScript.BreakNeighbour?
        var lineHasPunctuation = false
        var breakPending = false
        var breakBefore: UnspacedScript.BreakNeighbour?
        var breakSpace = -1
        // Where the last scalar written starts, when it is a kana or a Hangul syllable that a
        // mark or jamo after it may compose with (-1 otherwise).
        var composable = -1
        // Where the last scalar written starts, when it is a Cyrillic letter (-1 otherwise).
        var cyrillic = -1
        var index = 0
        let count = bytes.count
        /// Reads the waiting break as the letter after it (nil: its line was punctuation alone)
        /// says: its space is taken back when it is read as nothing.
        func settleBreak(after: UnspacedScript.BreakNeighbour?) {
            breakPending = false
            guard UnspacedScript.joins(before: breakBefore, after: after), breakSpace >= 0 else { return }
            let moved = length - breakSpace - 1
            if moved > 0 { memmove(out + breakSpace, out + breakSpace + 1, moved) }
            length -= 1
            if composable > breakSpace { composable -= 1 }
            if cyrillic > breakSpace { cyrillic -= 1 }
        }
        /// Takes in a letter or symbol of the line (not punctuation or a space).
        func meet(_ neighbour: UnspacedScript.BreakNeighbour) {
            lineNeighbour = neighbour
            if breakPending { settleBreak(after: neighbour) }
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                var folded = byte
                if byte &- 0x41 < 26 {
                    folded = byte | 0x20
                } else if byte == 0x1B {
                    // What the screen does not show is not found: an escape sequence goes whole,
                    // a control alone (a title's "\e]0;pwned\a" matched "pwned"; found by QA).
                    index = TerminalSanitizer.endOfEscapeSequence(from: index) { at in
                        guard at < count else { return nil }
                        guard bytes[at] >= 0x80 else { return (UInt32(bytes[at]), at + 1) }
                        let (scalar, width) = FoldedMatcher.decode(bytes, at: at)
                        return (scalar.value, at + width)
                    }
                    continue
                } else if byte == 0x7F || (byte < 0x20 && !(0x09...0x0D).contains(byte)) {
                    continue
                } else if byte <= 0x20 && (byte == 0x20 || (0x09...0x0D).contains(byte)) {
                    // A line break after a line that holds anything: read once the next line's
                    // first letter comes (a blank line in between changes nothing).
                    if (byte == 0x0A || byte == 0x0D) && (lineNeighbour != nil || lineHasPunctuation) {
                        if breakPending { settleBreak(after: nil) }
                        breakPending = true
                        breakBefore = lineNeighbour
                        lineNeighbour = nil
                        lineHasPunctuation = false
                        breakSpace =
                            !lastWasSpace ? length : length > 0 && out[length - 1] == 0x20 ? length - 1 : -1
                    }
                    if lastWasSpace { continue }
                    lastWasSpace = true
                    out[length] = 0x20
                    length += 1
                    continue
                }
                lastWasSpace = false
                composable = -1
                let runStart = length
                out[length] = folded
                length += 1
                // The rest of a run of printable ASCII, eight bytes a step while eight can be read
                // and written (a step writes all eight, those past the run written over later),
                // then byte by byte as above. Eight at a time, a run goes on over a space that a
                // printable byte follows (a single space between words, written as it is): the
                // run then never ends in a space.
                if eightAtATime, let base = bytes.baseAddress {
                    while index + 8 <= count, length + 8 <= output.capacity {
                        let chunk = UInt64(
                            littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        let next =
                            index + 8 < count
                            ? UInt64(base.load(fromByteOffset: index + 8, as: UInt8.self)) : 0
                        let stops = FoldedMatcher.runStops(chunk, next: next)
                        let taken = stops == 0 ? 8 : stops.trailingZeroBitCount / 8
                        if taken > 0 {
                            UnsafeMutableRawPointer(out + length).storeBytes(
                                of: FoldedMatcher.lowercased(chunk).littleEndian, as: UInt64.self)
                            length += taken
                            index += taken
                        }
                        if taken < 8 { break }
                    }
                }
                while index < count {
                    let next = bytes[index]
                    guard next > 0x20 && next < 0x7F else { break }
                    out[length] = next &- 0x41 < 26 ? next | 0x20 : next
                    length += 1
                    index += 1
                }
                // A letter, digit or symbol in the run (looked for from its end) is what a break
                // before or after the run meets; a run of punctuation alone is punctuation.
                var last = length - 1
                while last >= runStart && FoldedMatcher.isPunctuationOrSpace(out[last]) { last -= 1 }
                if last >= runStart {
                    meet(.spaced)
                } else {
                    lineHasPunctuation = true
                }
                continue
            }
            var (scalar, width) = FoldedMatcher.decode(bytes, at: index)
            // Conjoining jamo (a leading consonant, a vowel, maybe a trailing consonant) are the
            // syllable they spell.
            if HangulJamo.isLeading(scalar.value), index + width < count {
                let (vowel, vowelWidth) = FoldedMatcher.decode(bytes, at: index + width)
                if let syllable = HangulJamo.syllable(leading: scalar.value, vowel: vowel.value) {
                    scalar = syllable
                    width += vowelWidth
                }
            }
            // What composes with the kana or syllable just written: a voicing mark, a trailing
            // consonant.
            if composable >= 0, composable == length - 3,
                let composed = FoldedMatcher.composed(
                    FoldedMatcher.scalar(at: composable, in: out), scalar.value, cache: cache)
            {
                FoldedMatcher.write(composed, at: composable, in: out)
                index += width
                composable = HangulJamo.isSyllable(composed.value) ? composable : -1
                continue
            }
            let value = scalar.value
            // A breve or diaeresis that makes a Cyrillic letter of its own with the letter just
            // written (`и` and a breve are `й`), as `TextFolding` composes them.
            if cyrillic == length - 2, value == 0x0306 || value == 0x0308,
                let letter = TextFolding.cyrillicLetter(
                    UInt32(out[cyrillic] & 0x1F) << 6 | UInt32(out[cyrillic + 1] & 0x3F), mark: value)
            {
                out[cyrillic] = 0xC0 | UInt8(letter.value >> 6)
                out[cyrillic + 1] = 0x80 | UInt8(letter.value & 0x3F)
                index += width
                cyrillic = -1
                continue
            }
            // Ideographs, kana and Hangul syllables fold to themselves: copy them as they are.
            if TextFolding.isItsOwnFold(value) {
                meet(UnspacedScript.isWrittenWithoutSpaces(value) ? .unspaced : .spaced)
                FoldedMatcher.write(scalar, at: length, in: out)
                composable = length
                length += 3
                index += width
                lastWasSpace = false
                continue
            }
            index += width
            switch cache.breakNeighbour(scalar) {
            case .punctuation: lineHasPunctuation = true
            case .blank: break
            case let neighbour: meet(neighbour)
            }
            let folded = cache.folded(scalar)
            // A half-width kana folds to the full-width one, which a mark may follow.
            composable = folded.count == 3 && folded[0] == 0xE3 ? length : -1
            cyrillic = folded.count == 2 && (folded[0] == 0xD0 || folded[0] == 0xD1) ? length : -1
            if folded.count == 1 && folded[0] == 0x20 {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else if !folded.isEmpty {
                lastWasSpace = false
            }
            if length + folded.count + 8 > output.capacity {
                output.grow(to: (length + folded.count) * 2, keeping: length)
                out = output.pointer
            }
            for part in folded {
                out[length] = part
                length += 1
            }
        }
        if breakPending && lineNeighbour == nil && lineHasPunctuation { settleBreak(after: nil) }
        return length
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// For eight bytes (the first in the low byte), the high bit of each that ends a run of
    /// printable ASCII (a space, a control, DEL or a byte beyond ASCII) set.
    @inline(__always)
    private static func runStops(_ chunk: UInt64) -> UInt64 {
        let ascii = (chunk & ~highBits) | highBits
        let belowBang = ~(ascii &- ones &* 0x21) & highBits
        let delete = ~((((chunk & ~highBits) ^ (ones &* 0x7F)) | highBits) &- ones) & highBits
        return (chunk & highBits) | belowBang | delete
    }

    /// ``runStops(_:)`` but for a space that a printable byte follows (`next` is the byte after
    /// the eight; 0 when there is none): such a space goes on with the run.
    @inline(__always)
    private static func runStops(_ chunk: UInt64, next: UInt64) -> UInt64 {
        let stops = runStops(chunk)
        let printable = ~stops & highBits
        let followed = printable >> 8 | (~runStops(next) & 0x80) << 56
        let other = (chunk & ~highBits) ^ (ones &* 0x20)
        let spaces = ~((other | highBits) &- ones) & highBits & ~chunk
        return stops & ~(spaces & followed)
    }

    /// ASCII punctuation (``UnspacedScript/isASCIIPunctuation(_:)``) or a space.
    @inline(__always)
    private static func isPunctuationOrSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || UnspacedScript.isASCIIPunctuation(byte)
    }

    /// Eight ASCII bytes with the upper-case letters among them made lower case.
    @inline(__always)
    private static func lowercased(_ chunk: UInt64) -> UInt64 {
        let ascii = (chunk & ~highBits) | highBits
        let upper = (ascii &- ones &* 0x41) & ~(ascii &- ones &* 0x5B) & highBits & ~chunk
        return chunk | (upper >> 2)
    }

    /// `first` composed with `next` when they make one: a kana and a voicing mark (a half-width
    /// mark too), a Hangul syllable and a trailing consonant.
    private static func composed(_ first: Unicode.Scalar, _ next: UInt32, cache: FoldCache) -> Unicode.Scalar?
    {
        switch next {
        case 0x3099, 0xFF9E: return cache.voiced(first, mark: "\u{3099}")
        case 0x309A, 0xFF9F: return cache.voiced(first, mark: "\u{309A}")
        default: return HangulJamo.syllable(first.value, trailing: next)
        }
    }

    /// The three-byte scalar written at `position` of `out`.
    private static func scalar(at position: Int, in out: UnsafeMutablePointer<UInt8>) -> Unicode.Scalar {
        let value =
            UInt32(out[position] & 0x0F) << 12 | UInt32(out[position + 1] & 0x3F) << 6
            | UInt32(out[position + 2] & 0x3F)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Writes a scalar of three UTF-8 bytes (U+0800…U+FFFF) at `position` of `out`.
    private static func write(_ scalar: Unicode.Scalar, at position: Int, in out: UnsafeMutablePointer<UInt8>)
    {
        let value = scalar.value
        out[position] = 0xE0 | UInt8(value >> 12)
        out[position + 1] = 0x80 | UInt8((value >> 6) & 0x3F)
        out[position + 2] = 0x80 | UInt8(value & 0x3F)
    }

    /// Whether `pattern` occurs in `haystack` (`memchr` for its first byte, then `memcmp`), a
    /// space or none at each of its `gaps`.
    private static func contains(
        _ haystack: UnsafeRawPointer, _ length: Int, _ pattern: UnsafeRawPointer, _ patternLength: Int,
        gaps: [Int]
    ) -> Bool {
        guard patternLength > 0 else { return true }
        let first = Int32(pattern.load(as: UInt8.self))
        var start = 0
        while length - start >= patternLength {
            guard let found = memchr(haystack + start, first, length - start - patternLength + 1) else {
                return false
            }
            let offset = UnsafeRawPointer(found) - haystack
            if gaps.isEmpty {
                if memcmp(haystack + offset, pattern, patternLength) == 0 { return true }
            } else if occurs(haystack, length, at: offset, pattern, patternLength, gaps: gaps) {
                return true
            }
            start = offset + 1
        }
        return false
    }

    /// Whether `pattern` occurs at `offset` of `haystack`, a space or none at each of its `gaps`.
    private static func occurs(
        _ haystack: UnsafeRawPointer, _ length: Int, at offset: Int, _ pattern: UnsafeRawPointer,
        _ patternLength: Int, gaps: [Int]
    ) -> Bool {
        var at = offset
        var from = 0
        for index in 0...gaps.count {
            let to = index < gaps.count ? gaps[index] : patternLength
            if index > 0 && at < length && haystack.load(fromByteOffset: at, as: UInt8.self) == 0x20 {
                at += 1
            }
            guard at + to - from <= length, memcmp(haystack + at, pattern + from, to - from) == 0 else {
                return false
            }
            at += to - from
            from = to
        }
        return true
    }

    /// The scalar at `index` and its length in bytes; invalid UTF-8 is U+FFFD of one byte.
    private static func decode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard UTF8.isContinuation(next) else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// The folded text of one search, in memory reused from story to story.
private final class FoldBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init() {
        capacity = 1 << 16
        pointer = .allocate(capacity: capacity)
    }

    deinit {
        pointer.deallocate()
    }

    /// Makes room for at least `needed` bytes (what was there is not kept).
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        pointer.deallocate()
        capacity = needed
        pointer = .allocate(capacity: capacity)
    }

    /// Makes room for `needed` bytes, keeping the first `kept`.
    func grow(to needed: Int, keeping kept: Int) {
        guard needed > capacity else { return }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: needed)
        bigger.update(from: pointer, count: kept)
        pointer.deallocate()
        pointer = bigger
        capacity = needed
    }
}

/// Folded forms of the non-ASCII characters met so far.
private final class FoldCache {
    /// Scalars below this (Latin, Greek, Cyrillic, Hebrew, Arabic, general punctuation) are
    /// cached in an array rather than a dictionary.
    private static let tableSize = 0x2100
    private var table = [[UInt8]?](repeating: nil, count: FoldCache.tableSize)
    private var others: [UInt32: [UInt8]] = [:]
    private var voicedKana: [UInt32: Unicode.Scalar?] = [:]
    /// What the scalars met tell of a line break next to them, below ``tableSize`` by value (the
    /// raw value plus one; 0 for not yet known) and above it by scalar.
    private var neighbourTable = [UInt8](repeating: 0, count: FoldCache.tableSize)
    private var neighbours: [UInt32: UnspacedScript.BreakNeighbour] = [:]

    /// What `scalar` tells of a line break next to it (``UnspacedScript/breakNeighbour(_:)``).
    func breakNeighbour(_ scalar: Unicode.Scalar) -> UnspacedScript.BreakNeighbour {
        let value = Int(scalar.value)
        if value < FoldCache.tableSize {
            if let known = UnspacedScript.BreakNeighbour(rawValue: neighbourTable[value] &- 1) {
                return known
            }
            let neighbour = UnspacedScript.breakNeighbour(scalar)
            neighbourTable[value] = neighbour.rawValue + 1
            return neighbour
        }
        if let known = neighbours[scalar.value] { return known }
        let neighbour = UnspacedScript.breakNeighbour(scalar)
        neighbours[scalar.value] = neighbour
        return neighbour
    }

    /// The kana `kana` voiced by `mark` (U+3099 or U+309A) as one scalar, if there is one.
    func voiced(_ kana: Unicode.Scalar, mark: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0x3041...0x30FF).contains(kana.value) else { return nil }
        let key = kana.value << 1 | (mark.value == 0x309A ? 1 : 0)
        if let known = voicedKana[key] { return known }
        var pair = String.UnicodeScalarView()
        pair.append(kana)
        pair.append(mark)
        let composed = String(pair).precomposedStringWithCanonicalMapping.unicodeScalars
        let voiced = composed.count == 1 ? composed.first : nil
        voicedKana[key] = voiced
        return voiced
    }

    func folded(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = Int(scalar.value)
        if value < FoldCache.tableSize, let cached = table[value] { return cached }
        if value >= FoldCache.tableSize, let cached = others[scalar.value] { return cached }
        let folded = Array(TextFolding.fold(String(Character(scalar)), keepingSpace: true).utf8)
        if value < FoldCache.tableSize { table[value] = folded } else { others[scalar.value] = folded }
        return folded
    }
}
