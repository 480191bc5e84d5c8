/// A headline hard-wrapped over two or three lines, known by the same lines given again as a
/// block where a dump gives its title again (after the caption and widget blocks). Without
/// that repetition a first block of several lines is a title and the start of the text.
enum DumpWrappedTitle {
    /// Most lines a wrapped headline takes.
    static let maxLines = 3
    /// How many blocks after the title may come before it is given again (as for a title of
    /// one line: the caption and widget blocks).
    static let maxBlocksBefore = 3
    /// Most lines of a block between the title and the title again (a caption block's).
    static let maxBlockLinesBetween = 4

    /// The block that gives again the title wrapped over the article's first two blocks (its
    /// first line, then the rest of the first block as the segmenter splits it), if there is one.
    static func repeated(in article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer) -> Int? {
        let blocks = article.blocks
        // The rest of the first block: no blank line before it.
        guard blocks.count > 2, blocks[0].count == 1, blocks[1].blankLinesBefore == 0,
            blocks[1].count < maxLines
        else { return nil }
        let title = blocks[0].first..<blocks[1].lines.upperBound
        for index in 2..<min(blocks.count, 2 + maxBlocksBefore) {
            let lines = article.lines(ofBlock: index)
            if sameLines(lines, article.lines[title], in: bytes) { return index }
            if lines.count > maxBlockLinesBetween { return nil }
        }
        return nil
    }

    /// Whether two runs of lines hold the same text line by line (see
    /// ``DumpArticleLayout/equal(_:_:in:)``).
    static func sameLines(
        _ lhs: ArraySlice<LineSpan>, _ rhs: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer
    ) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { DumpArticleLayout.equal($0, $1, in: bytes) }
    }
}
