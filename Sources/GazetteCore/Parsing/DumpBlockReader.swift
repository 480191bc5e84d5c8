#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A line of a dump as byte offsets, without its line ending and outer ASCII whitespace.
struct LineSpan: Equatable {
    var start: Int
    var end: Int

    var isEmpty: Bool { start >= end }
    var count: Int { end - start }
}

/// A run of non-blank lines, as a range of a line buffer, and how many blank lines came before it.
struct BlockRef: Equatable {
    var first: Int
    var count: Int
    var blankLinesBefore: Int

    var lines: Range<Int> { first..<(first + count) }
}

/// Splits dump bytes into blocks of non-blank lines, without decoding text or allocating
/// per line: lines are found with `memchr` and appended to a caller's buffer.
///
/// Lines end at LF, CRLF or a lone CR, wherever they are mixed; a file without any LF in its
/// first 64 KiB is read as lone-CR (classic Mac) text, where a lone LF ends a line too. A UTF-8
/// byte-order mark at the start of the file or of a line is skipped; a line of only white
/// space (ASCII, NO-BREAK SPACE, IDEOGRAPHIC SPACE and the like) or invisible characters (ZERO
/// WIDTH SPACE, byte-order marks, NUL), or one of controls, bidi marks and escape sequences that
/// show nothing, is blank.
struct DumpBlockReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private(set) var end: Int
    /// Where the range ends instead of `end`, asked for when a line reaches it.
    private var lateEnd: LatePartEnd?
    private let lineBreak: UInt8
    /// The blank line that ended the previous block, counted for the next one.
    private var carriedBlanks = 0
    /// The next line break of the other kind found ahead (see ``otherBreak(from:before:)``).
    private var otherFound: Int?
    /// Where the search for line breaks of the other kind has got to.
    private(set) var otherSearched = 0
    /// No line break of ``lineBreak``'s kind comes from the current position up to here.
    private var noBreakBefore = 0
    /// The next line break of ``lineBreak``'s kind found (-1 before the first search).
    private var nextBreakFound = -1
    /// The end of the last run of CRs looked along (the offset of the byte after it).
    private var crRunEnd = 0

    /// Blocks of `range` (the whole file by default); with `lateEnd`, the range ends there
    /// instead, asked for only when a line reaches ``LatePartEnd/atLeast``.
    init(bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil, lateEnd: LatePartEnd? = nil) {
        self.bytes = bytes
        self.lateEnd = lateEnd
        let range = range ?? 0..<bytes.count
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = range.lowerBound == 0 && hasBOM ? 3 : range.lowerBound
        end = range.upperBound
        // A property of the file, from its start: every part of it and every article in it
        // is read as the whole file is.
        lineBreak = DumpBlockReader.detectLineBreak(bytes, from: hasBOM ? 3 : 0, to: bytes.count)
        otherSearched = position
    }

    /// LF, unless the text has lone CRs and no LF near its start.
    private static func detectLineBreak(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int)
        -> UInt8
    {
        guard let base = bytes.baseAddress, start < end else { return 0x0A }
        let length = min(end - start, 1 << 16)
        if memchr(base + start, 0x0A, length) != nil { return 0x0A }
        return memchr(base + start, 0x0D, length) != nil ? 0x0D : 0x0A
    }

    /// Appends the next block's lines to `lines`; nil at the end of the range.
    mutating func nextBlock(into lines: inout [LineSpan]) -> BlockRef? {
        var blanks = carriedBlanks
        carriedBlanks = 0
        let first = lines.count
        while hasMore() {
            let line = nextLine()
            if isBlank(line) {
                if lines.count > first {
                    carriedBlanks = 1
                    return BlockRef(first: first, count: lines.count - first, blankLinesBefore: blanks)
                }
                blanks += 1
            } else {
                lines.append(line)
            }
        }
        return lines.count > first
            ? BlockRef(first: first, count: lines.count - first, blankLinesBefore: blanks) : nil
    }

    /// Reads one line from `position`, leaving `position` after its line ending.
    private mutating func nextLine() -> LineSpan {
        let start = position
        var found = lineBreakOffset(from: start, to: min(end, lateEnd?.atLeast ?? end))
        if found == nil && lateEnd != nil {
            // The line reaches where the range may end (`start` is before it: `hasMore`).
            settleLateEnd()
            found = lineBreakOffset(from: start, to: end)
        }
        var lineEnd = found ?? end
        // A line break of the other kind before it ends the line first: in a file put together
        // from parts with LF and CR line ends, a part's lines ran into one (found by QA).
        if let other = otherBreak(from: start, before: lineEnd) { lineEnd = other }
        position = min(end, lineEnd + 1)
        // CRLF in lone-CR text: the LF belongs to the CR's line end.
        if lineBreak == 0x0D, position < end, bytes[position] == 0x0A, bytes[lineEnd] == 0x0D {
            position += 1
        }
        var first = start
        var last = lineEnd
        while last > first, DumpBlockReader.isTrailingSpace(bytes[last - 1]) { last -= 1 }
        while first < last {
            if DumpBlockReader.isTrailingSpace(bytes[first]) {
                first += 1
            } else if bytes[first] == 0xEF, last - first >= 3, bytes[first + 1] == 0xBB,
                bytes[first + 2] == 0xBF
            {
                first += 3  // a byte-order mark: where two files were put together (`cat a b`)
            } else {
                break
            }
        }
        return LineSpan(start: first, end: last)
    }

    /// Whether text is left to read (the late end is asked for once it is reached).
    private mutating func hasMore() -> Bool {
        if let lateEnd, position >= lateEnd.atLeast { settleLateEnd() }
        return position < end
    }

    /// Ends the range where the late end says.
    private mutating func settleLateEnd() {
        guard let lateEnd else { return }
        self.lateEnd = nil
        if let cut = lateEnd.value { end = min(end, cut) }
    }

    /// How far ahead line breaks of the other kind are looked for at a time.
    private static let otherSearchWindow = 1 << 16

    /// The first line break of the other kind than ``lineBreak`` in `start..<limit`: in LF text
    /// a CR not before an LF, in lone-CR text an LF not after a CR. Looked for a window ahead
    /// at a time, so that text with none (nearly every file) costs a `memchr` per 64 KiB, and
    /// a line inside a window searched already, a comparison.
    @inline(__always)
    private mutating func otherBreak(from start: Int, before limit: Int) -> Int? {
        if otherFound == nil && otherSearched >= limit { return nil }
        return otherBreakSearched(from: start, before: limit)
    }

    /// ``otherBreak(from:before:)`` past its first test.
    private mutating func otherBreakSearched(from start: Int, before limit: Int) -> Int? {
        if let found = otherFound, found >= start { return found < limit ? found : nil }
        otherFound = nil
        guard let base = bytes.baseAddress else { return nil }
        let other: UInt8 = lineBreak == 0x0A ? 0x0D : 0x0A
        var from = max(start, otherSearched)
        while from < limit {
            // Not past the range's end: a reader over one story (its details, a command's row)
            // looked through 64 KiB for each.
            let windowEnd = min(end, from + Self.otherSearchWindow)
            var index = from
            while index < windowEnd, let hit = memchr(base + index, Int32(other), windowEnd - index) {
                let offset = UnsafeRawPointer(hit) - base
                if endsLineAlone(offset) {
                    otherFound = offset
                    otherSearched = offset + 1
                    return offset < limit ? offset : nil
                }
                index = offset + 1
            }
            otherSearched = windowEnd
            from = windowEnd
        }
        return nil
    }

    /// Whether the line break of the other kind at `offset` ends a line by itself, rather than
    /// belonging to the line end beside it: CRs before an LF (`CR CR LF`, a CRLF file converted
    /// again) and one CR after it (`LF CR`) are the LF's; an LF before or after a CR is the CR's.
    private mutating func endsLineAlone(_ offset: Int) -> Bool {
        if lineBreak == 0x0D {
            return (offset == 0 || bytes[offset - 1] != 0x0D)
                && (offset + 1 >= bytes.count || bytes[offset + 1] != 0x0D)
        }
        if offset > 0, bytes[offset - 1] == 0x0A { return false }
        // What follows the run of CRs, found once per run (a run of 500,000 CRs was walked
        // from each of them).
        if offset >= crRunEnd {
            var after = offset + 1
            while after < bytes.count, bytes[after] == 0x0D { after += 1 }
            crRunEnd = after
        }
        return crRunEnd >= bytes.count || bytes[crRunEnd] != 0x0A
    }

    /// The offset of the first line break in `start..<limit`.
    private mutating func lineBreakOffset(from start: Int, to limit: Int) -> Int? {
        // One found far ahead is the next until it is reached, and where a search found none,
        // none is looked for again: lines that end at breaks of the other kind (a lone-CR part
        // of an LF file) each searched on to the next LF or the file's end (42 MB took 10 s;
        // found by QA).
        if nextBreakFound >= start { return nextBreakFound < limit ? nextBreakFound : nil }
        let from = max(start, noBreakBefore)
        guard let base = bytes.baseAddress, from < limit else { return nil }
        guard let found = memchr(base + from, Int32(lineBreak), limit - from) else {
            noBreakBefore = limit
            return nil
        }
        nextBreakFound = UnsafeRawPointer(found) - base
        return nextBreakFound
    }

    private func isBlank(_ line: LineSpan) -> Bool {
        if line.isEmpty { return true }
        let lead = bytes[line.start]
        if DumpBlockReader.isControl(lead) { return showsNothing(line) }
        guard lead >= 0xC2 else { return false }
        var index = line.start
        while index < line.end {
            let byte = bytes[index]
            if DumpBlockReader.isTrailingSpace(byte) {
                index += 1
            } else if byte == 0xC2, index + 1 < line.end, bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD
            {
                index += 2
            } else if index + 2 < line.end, Self.isInvisibleSpace(byte, bytes[index + 1], bytes[index + 2]) {
                index += 3
            } else {
                return (DumpBlockReader.isControl(byte) || isRemoved(at: index, before: line.end))
                    && showsNothing(line)
            }
        }
        return true
    }

    /// Whether the character at `index` (a lead byte) is one the terminal is never given: a
    /// bidi mark, embedding or isolate (U+200E, U+061C, U+2066…), a C1 control. A line of them
    /// among blanks shows nothing (it was a paragraph that showed as an empty one; found by QA).
    private func isRemoved(at index: Int, before end: Int) -> Bool {
        guard bytes[index] >= 0xC2 else { return false }
        var iterator = UnsafeRawBufferPointer(rebasing: bytes[index..<end]).makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return TerminalSanitizer.isControl(scalar)
    }

    /// Whether a line holding a control shows nothing once made safe for the terminal: a line
    /// of escape sequences or BELs (a scrape's colour codes) is as blank as it looks (it ran the
    /// next story into the one before; found by QA).
    private func showsNothing(_ line: LineSpan) -> Bool {
        TerminalSanitizer.showsNothing(
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self))
    }

    /// A C0 control other than the white space a line is trimmed of, or DEL.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && !isTrailingSpace(byte)) || byte == 0x7F
    }

    /// A three-byte space or invisible character that makes no line of text on its own: the
    /// spaces U+2000–U+200A, ZERO WIDTH SPACE (HTML's `&#8203;` paragraphs), the zero-width
    /// joiners, U+202F, U+205F, WORD JOINER, IDEOGRAPHIC SPACE and ZERO WIDTH NO-BREAK SPACE (a
    /// byte-order mark). (NO-BREAK SPACE and SOFT HYPHEN, two bytes, are taken in `isBlank`.)
    private static func isInvisibleSpace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (first, second) {
        case (0xE2, 0x80): return third <= 0x8D || third == 0xAF
        case (0xE2, 0x81): return third == 0x9F || third == 0xA0
        case (0xE3, 0x80): return third == 0x80
        case (0xEF, 0xBB): return third == 0xBF
        default: return false
        }
    }

    /// Space, tab, vertical tab, form feed.
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// ASCII space, a CR left before an LF or a stray LF in lone-CR text, or NUL (the padding
    /// of a download cut short: a line of it is blank).
    static func isTrailingSpace(_ byte: UInt8) -> Bool {
        isASCIISpace(byte) || byte == 0x0D || byte == 0x0A || byte == 0
    }
}
