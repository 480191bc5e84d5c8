/// The width a dump story's paragraphs are hard-wrapped at, where their lines show it: every
/// line of a paragraph but its last is broken where the next word would not fit, no line is
/// wider, and at least two lines are so broken.
///
/// A line of the story broken at that width (its title's first line) goes on onto the next:
/// the next line's first word would not have fit after it.
struct DumpHardWrap {
    /// The widest line, in characters.
    let width: Int

    /// The most blocks and lines looked at: the story's first paragraphs tell its width.
    static let maxBlocks = 16
    static let maxLines = 64
    /// The fewest lines broken at the width that tell it.
    static let minBrokenLines = 2

    /// The width `blocks` of `article` are hard-wrapped at, if they show one and `line` is
    /// broken at it before `next` (asked first: most titles are not). Blocks holding a page
    /// widget are left out.
    init?(
        _ article: DumpArticleBlocks, blocks: Range<Int>, breaking line: LineSpan, before next: LineSpan,
        bytes: UnsafeRawBufferPointer
    ) {
        var width = 0
        Self.forEachParagraph(of: article, in: blocks, bytes) { lines in
            for line in lines { width = max(width, Self.characters(in: line, bytes)) }
            return true
        }
        guard Self.characters(in: line, bytes) <= width,
            Self.isBroken(line, before: next, width: width, bytes)
        else { return nil }
        var broken = 0
        let fits = Self.forEachParagraph(of: article, in: blocks, bytes) { lines in
            for index in lines.indices.dropLast() {
                guard Self.isBroken(lines[index], before: lines[index + 1], width: width, bytes) else {
                    return false
                }
                broken += 1
            }
            return true
        }
        guard fits, broken >= Self.minBrokenLines else { return nil }
        self.width = width
    }

    /// Calls `body` with the lines of each block looked at (see ``maxBlocks``, ``maxLines``)
    /// that holds no page widget, while it returns true; false if it returned false.
    @discardableResult
    private static func forEachParagraph(
        of article: DumpArticleBlocks, in blocks: Range<Int>, _ bytes: UnsafeRawBufferPointer,
        _ body: (ArraySlice<LineSpan>) -> Bool
    ) -> Bool {
        var looked = 0
        for index in blocks.prefix(maxBlocks) where looked < maxLines {
            let lines = article.lines(ofBlock: index).prefix(maxLines - looked)
            if lines.contains(where: { DumpArticleLayout.isWidget($0, in: bytes) }) { continue }
            looked += lines.count
            guard body(lines) else { return false }
        }
        return true
    }

    /// Whether `line` is broken at `width` before `next`: the first word of `next` would not
    /// have fit after it.
    private static func isBroken(
        _ line: LineSpan, before next: LineSpan, width: Int, _ bytes: UnsafeRawBufferPointer
    ) -> Bool {
        var wordEnd = next.start
        while wordEnd < next.end && bytes[wordEnd] != 0x20 && bytes[wordEnd] != 0x09 { wordEnd += 1 }
        let word = characters(in: LineSpan(start: next.start, end: wordEnd), bytes)
        return characters(in: line, bytes) + 1 + word > width
    }

    /// The characters of a line: its bytes that start one in UTF-8.
    private static func characters(in line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for index in line.start..<line.end where !UTF8.isContinuation(bytes[index]) { count += 1 }
        return count
    }
}
