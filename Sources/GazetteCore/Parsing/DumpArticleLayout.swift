/// The parts of one dump article found in its blocks: title, caption lines and body, with
/// the page furniture (repeated title, repeated captions, `TT`, counter) set aside.
struct DumpArticleLayout {
    var title: LineSpan
    /// Distinct caption lines in order of appearance (the caption, then any distinct alt text).
    var captionLines: [LineSpan]
    /// Paragraphs, each a list of lines to be joined by a space.
    var paragraphs: [[LineSpan]]

    /// How many blocks after the title may come before the repeated title.
    private static let maxHeaderBlocks = 3
    /// Caption blocks are short: the caption, its alt text and two widget lines.
    private static let maxHeaderBlockLines = 4

    init(blocks: [DumpBlock], bytes: UnsafeRawBufferPointer) {
        let firstLines = blocks[0].lines
        title = firstLines[0]
        var rest: [[LineSpan]] = []
        if firstLines.count > 1 { rest.append(Array(firstLines[1...])) }
        for block in blocks.dropFirst() { rest.append(block.lines) }

        var headerCount = 0
        var captions: [LineSpan] = []
        let searchLimit = min(DumpArticleLayout.maxHeaderBlocks, rest.count)
        for index in 0..<searchLimit {
            let block = rest[index]
            if block.count == 1 && DumpArticleLayout.equal(block[0], title, in: bytes) {
                headerCount = index + 1
                break
            }
            if block.count > DumpArticleLayout.maxHeaderBlockLines { break }
        }
        if headerCount > 0 {
            for block in rest[0..<(headerCount - 1)] {
                DumpArticleLayout.collectCaptions(block, into: &captions, bytes: bytes)
            }
            if headerCount < rest.count,
                DumpArticleLayout.isRepeatedCaption(rest[headerCount], known: captions, bytes: bytes)
            {
                DumpArticleLayout.collectCaptions(rest[headerCount], into: &captions, bytes: bytes)
                headerCount += 1
            }
        } else if let first = rest.first, DumpArticleLayout.isHeaderBlock(first, in: bytes) {
            DumpArticleLayout.collectCaptions(first, into: &captions, bytes: bytes)
            headerCount = 1
        }
        captionLines = captions
        paragraphs = Array(rest[headerCount...])
    }

    /// A block of page header: short, and either holding a widget line or a caption twice.
    static func isHeaderBlock(_ lines: [LineSpan], in bytes: UnsafeRawBufferPointer) -> Bool {
        guard lines.count <= maxHeaderBlockLines else { return false }
        if lines.contains(where: { isWidget($0, in: bytes) }) { return true }
        return lines.count == 2 && equal(lines[0], lines[1], in: bytes)
    }

    /// The caption block repeated after the repeated title.
    private static func isRepeatedCaption(
        _ lines: [LineSpan], known: [LineSpan], bytes: UnsafeRawBufferPointer
    ) -> Bool {
        guard lines.count <= maxHeaderBlockLines else { return false }
        if known.isEmpty {
            return lines.count == 2 && equal(lines[0], lines[1], in: bytes)
        }
        return lines.allSatisfy { line in
            isWidget(line, in: bytes) || known.contains { equal($0, line, in: bytes) }
        }
    }

    private static func collectCaptions(
        _ lines: [LineSpan], into captions: inout [LineSpan], bytes: UnsafeRawBufferPointer
    ) {
        for line in lines where !isWidget(line, in: bytes) {
            if !captions.contains(where: { equal($0, line, in: bytes) }) { captions.append(line) }
        }
    }

    /// Page widgets: the text-size control `TT` and a counter of one to four digits.
    static func isWidget(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        let count = line.count
        if count == 2 && bytes[line.start] == UInt8(ascii: "T") && bytes[line.start + 1] == UInt8(ascii: "T")
        {
            return true
        }
        guard count >= 1 && count <= 4 else { return false }
        for index in line.start..<line.end where !(0x30...0x39).contains(bytes[index]) { return false }
        return true
    }

    /// Byte equality of two lines.
    static func equal(_ lhs: LineSpan, _ rhs: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.start == rhs.start { return true }
        for offset in 0..<lhs.count where bytes[lhs.start + offset] != bytes[rhs.start + offset] {
            return false
        }
        return true
    }
}
