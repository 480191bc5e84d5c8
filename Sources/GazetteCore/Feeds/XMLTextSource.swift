/// A feed's text in chunks of UTF-8 that `XMLSanitizer` has repaired, each cut just after
/// a `>` (or before a `<` or `&` in text that runs on without one) so that no entity
/// reference, tag, comment or CDATA marker is split between chunks.
final class XMLTextSource {
    static let chunkSize = 1 << 17
    /// The first chunk of a source that starts small; each next one is twice the one before,
    /// up to `chunkSize`.
    static let smallFirstChunkSize = 1 << 14
    private var nextChunkSize: Int
    /// The largest chunk: ``chunkSize`` unless tests give a smaller one.
    private let maxChunkSize: Int

    private let input: UnsafeRawBufferPointer
    private let decoded: [UInt8]?
    private let checkUTF8: Bool
    private var position: Int
    /// Where the current segment ends, and the segments still to read after it.
    private var end: Int
    private var segments: [Range<Int>]
    private var sanitizer: XMLSanitizer
    /// Whether the last chunk of the file ended cut short (see ``endsCutShort``), until told.
    private var cutShort = false
    /// Where the text handed out so far ends in the file, kept up to date when given.
    private let reached: FeedParsePosition?
    /// The end of the text when it is the first part of a feed whose cut is looked for late:
    /// asked for once the text gets near it.
    private var lateEnd: LatePartEnd?
    /// Output a server printed before the feed (``FeedLeadingJunk``): only its line breaks are
    /// handed on, so that line numbers stay those of the file.
    private var leadingJunk: Range<Int>?

    /// `bytes` must stay valid while the source is used. For UTF-8 text, `segments` (byte
    /// ranges of `bytes`, in order, each starting and ending at a tag) can stand for the
    /// whole text: one part of a feed cut at item boundaries. With `smallFirstChunks`, the
    /// chunks start at ``smallFirstChunkSize`` and grow: a parse that stops at its first items
    /// then repairs and parses little more than those (a first chunk of 128 KiB took 0.8 ms
    /// to repair alone). The parser recovers from a fault chunk by chunk, so a read of the
    /// whole text uses whole chunks from the start, as the index always has. `lateEnd`, for
    /// UTF-8 text without `segments`: the text ends there, asked for only when the text
    /// handed out gets near it (the chunks are those of a text given that end).
    /// `cdataSectionMaxBytes`: see ``XMLCDATASections``; `chunkSize` and `smallFirstChunkSize`
    /// stand for ``chunkSize`` and ``smallFirstChunkSize`` (tests give small ones).
    /// `setsTextAside`: text inside a feed's text element is handed over beside the XML
    /// (``XMLTextAside``, see ``readAside(mark:_:)``); tests compare with it written in it.
    init(
        bytes: UnsafeRawBufferPointer, plan: FeedTextDecoder.Plan, segments: [Range<Int>]? = nil,
        reached: FeedParsePosition? = nil, smallFirstChunks: Bool = false, lateEnd: LatePartEnd? = nil,
        cdataSectionMaxBytes: Int = XMLCDATASections.defaultMaxBytes,
        chunkSize: Int = XMLTextSource.chunkSize,
        smallFirstChunkSize: Int = XMLTextSource.smallFirstChunkSize,
        setsTextAside: Bool = true
    ) {
        input = bytes
        sanitizer = XMLSanitizer(cdataSectionMaxBytes: cdataSectionMaxBytes)
        if setsTextAside { sanitizer.textAside = XMLTextAside() }
        self.reached = reached
        self.lateEnd = segments == nil ? lateEnd : nil
        maxChunkSize = chunkSize
        nextChunkSize = smallFirstChunks ? smallFirstChunkSize : chunkSize
        switch plan.kind {
        case .utf8:
            decoded = nil
            checkUTF8 = true
            var parts = segments ?? [plan.start..<bytes.count]
            let first = parts.isEmpty ? bytes.count..<bytes.count : parts.removeFirst()
            position = max(first.lowerBound, plan.start)
            end = first.upperBound
            self.segments = parts
            if position == plan.start, position < end,
                let start = FeedLeadingJunk.feedStart(
                    in: UnsafeRawBufferPointer(rebasing: bytes[position..<end]))
            {
                leadingJunk = position..<position + start
            }
        case .decoded(let text):
            let utf8 = Array(text.utf8)
            decoded = utf8
            checkUTF8 = false
            position = 0
            end = utf8.count
            self.segments = []
            leadingJunk = utf8.withUnsafeBytes { FeedLeadingJunk.feedStart(in: $0) }.map { 0..<$0 }
        }
    }

    var isAtEnd: Bool { position >= end && segments.isEmpty }

    /// Whether the text handed out has run to the end of the file (not to a cut before it).
    var isAtFileEnd: Bool {
        isAtEnd && (decoded != nil || position >= input.count)
    }

    func next() -> [UInt8]? {
        if let chunk = nextOfText() { return chunk }
        guard isAtFileEnd else { return nil }
        // A file cut short inside a CDATA section: the parser gives its text once it is closed.
        var closing = sanitizer.finish()
        // Text at the end of a file cut short is given only when markup follows it: an empty
        // comment (a cut in "x<li" lost the "x" once the unfinished tag was left out).
        if cutShort {
            cutShort = false
            closing += Array("<!---->".utf8)
        }
        return closing.isEmpty ? nil : closing
    }

    /// Calls `body` with the text set aside that a mark's data names (``XMLTextAside``); nothing
    /// when it names none.
    func readAside(mark data: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let range = sanitizer.textAside?.read(mark: data) else { return }
        sanitizer.textAside?.withText(range, body)
    }

    private func nextOfText() -> [UInt8]? {
        while position >= end, !segments.isEmpty {
            let segment = segments.removeFirst()
            position = segment.lowerBound
            end = segment.upperBound
        }
        if let decoded {
            let chunk = decoded.withUnsafeBytes { nextChunk(of: $0) }
            // Decoded text is not the file's bytes: its share of the file, in proportion.
            reached?.bytes =
                decoded.isEmpty
                ? input.count : Int(Double(position) / Double(decoded.count) * Double(input.count))
            return chunk
        }
        reached?.chunkStart = position
        let chunk = nextChunk(of: input)
        reached?.bytes = position
        return chunk
    }

    private func nextChunk(of bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        if let lateEnd, decoded == nil, position + nextChunkSize >= lateEnd.atLeast {
            self.lateEnd = nil
            if let cut = lateEnd.value { self.end = min(self.end, cut) }
        }
        let end = min(self.end, bytes.count)
        guard position < end else { return nil }
        // The texts set aside that the parser has read are handed over: it reads in order.
        sanitizer.textAside?.dropRead()
        var lineBreaks: [UInt8] = []
        if let junk = leadingJunk, junk.lowerBound == position, junk.upperBound < end {
            leadingJunk = nil
            for index in junk where bytes[index] == 0x0A { lineBreaks.append(0x0A) }
            position = junk.upperBound
        }
        var cut = min(position + nextChunkSize, end)
        nextChunkSize = min(nextChunkSize * 2, maxChunkSize)
        if cut < end { cut = XMLTextSource.cut(bytes, from: position, before: cut) }
        // At the file's end, a tag the file stops inside is left out: its attributes cut short
        // (an Atom link's `href`) named the story and its link (found by QA).
        var kept = cut
        if cut == bytes.count && segments.isEmpty {
            kept = XMLTextSource.beforeUnfinishedTag(bytes, from: position, to: cut)
            cutShort = XMLTextSource.endsCutShort(bytes, from: position, to: cut)
        }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<kept])
        position = cut
        var output = lineBreaks
        output.reserveCapacity(slice.count + 64)
        if checkUTF8 && XMLTextSource.needsRepair(slice) {
            var repaired = [UInt8]()
            repaired.reserveCapacity(slice.count + 64)
            FeedTextDecoder.repairUTF8(slice, into: &repaired)
            repaired.withUnsafeBytes { sanitizer.process($0, into: &output) }
        } else {
            sanitizer.process(slice, into: &output)
        }
        return output
    }

    /// Whether the text from `start` to `end` ends with something other than a `>` (spaces
    /// aside): a file cut short, not one that ends with its root's end tag.
    private static func endsCutShort(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        var index = end - 1
        while index >= start,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index -= 1
        }
        return index >= start && bytes[index] != UInt8(ascii: ">")
    }

    /// Where the text from `start` to `end` stops before a tag it ends inside (a `<` with no `>`
    /// after it); `end` when it ends outside one.
    private static func beforeUnfinishedTag(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int)
        -> Int
    {
        var index = end - 1
        while index >= start {
            if bytes[index] == UInt8(ascii: ">") { return end }
            if bytes[index] == UInt8(ascii: "<") { return index }
            index -= 1
        }
        return end
    }

    /// Where a chunk of `bytes` from `start` that must end by `limit` ends: after its last `>`;
    /// without one (escaped HTML runs on for hundreds of KiB), before its last `<` or `&`, so
    /// that no reference, tag or marker is split; without those, at a character's start and
    /// not between the `]]` or `--` and the `>` of a CDATA or comment end.
    private static func cut(_ bytes: UnsafeRawBufferPointer, from start: Int, before limit: Int) -> Int {
        var markup = start
        var index = limit - 1
        while index > start {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if markup == start && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")) { markup = index }
            index -= 1
        }
        if markup > start { return markup }
        var cut = limit
        if bytes[cut] == UInt8(ascii: ">") && cut - 2 > start { cut -= 2 }
        while cut > start + 1 && UTF8.isContinuation(bytes[cut]) { cut -= 1 }
        return cut
    }

    /// Whether UTF-8 bytes hold an invalid sequence or a C1 control.
    private static func needsRepair(_ bytes: UnsafeRawBufferPointer) -> Bool {
        !XMLTextString.forEachSequenceBeyondASCII(bytes) { index, length in
            !(length == 0 || (length == 2 && bytes[index] == 0xC2 && bytes[index + 1] <= 0x9F))
        }
    }
}
