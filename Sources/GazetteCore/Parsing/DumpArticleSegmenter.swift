/// The lines and blocks of one dump article, in buffers reused from article to article.
struct DumpArticleBlocks {
    var lines: [LineSpan] = []
    var blocks: [BlockRef] = []

    mutating func removeAll() {
        lines.removeAll(keepingCapacity: true)
        blocks.removeAll(keepingCapacity: true)
    }

    /// The lines of block `index`.
    func lines(ofBlock index: Int) -> ArraySlice<LineSpan> {
        lines[blocks[index].lines]
    }
}

/// Groups a dump's blocks into articles.
///
/// Two or more blank lines end an article. After a single blank line a new article still
/// starts where a one-line block is followed by the repeated-title header of a dump
/// article (the same line again, at most one caption or widget block in between). A first
/// block of several lines is split after its first line, the title.
struct DumpArticleSegmenter {
    private var reader: DumpBlockReader
    private var pendingLines: [LineSpan] = []
    private var pendingBlocks: [BlockRef] = []
    private var pendingHead = 0

    init(reader: DumpBlockReader) {
        self.reader = reader
    }

    /// Byte offset the reader has got to (for progress).
    var position: Int { reader.position }

    /// Fills `article` with the next article; false at the end.
    mutating func next(into article: inout DumpArticleBlocks) -> Bool {
        article.removeAll()
        while let block = peek(0) {
            if !article.blocks.isEmpty {
                if block.blankLinesBefore >= 2 { return true }
                if block.blankLinesBefore == 1 && startsRepeatedHeader() { return true }
            }
            take(block, into: &article)
        }
        return !article.blocks.isEmpty
    }

    private mutating func take(_ block: BlockRef, into article: inout DumpArticleBlocks) {
        pendingHead += 1
        let first = article.lines.count
        article.lines.append(contentsOf: pendingLines[block.lines])
        if article.blocks.isEmpty && block.count > 1 {
            article.blocks.append(BlockRef(first: first, count: 1, blankLinesBefore: block.blankLinesBefore))
            article.blocks.append(BlockRef(first: first + 1, count: block.count - 1, blankLinesBefore: 0))
        } else {
            article.blocks.append(
                BlockRef(first: first, count: block.count, blankLinesBefore: block.blankLinesBefore))
        }
        if pendingHead == pendingBlocks.count {
            pendingHead = 0
            pendingBlocks.removeAll(keepingCapacity: true)
            pendingLines.removeAll(keepingCapacity: true)
        }
    }

    private mutating func peek(_ offset: Int) -> BlockRef? {
        while pendingBlocks.count - pendingHead <= offset {
            guard let block = reader.nextBlock(into: &pendingLines) else { return nil }
            pendingBlocks.append(block)
        }
        return pendingBlocks[pendingHead + offset]
    }

    /// Whether the block at the head of the lookahead opens an article with a repeated title.
    private mutating func startsRepeatedHeader() -> Bool {
        guard let first = peek(0), first.count == 1 else { return false }
        let title = pendingLines[first.first]
        guard let second = peek(1), second.blankLinesBefore == 1 else { return false }
        if isSingleLine(second, equalTo: title) { return true }
        guard DumpArticleLayout.isHeaderBlock(pendingLines[second.lines], in: reader.bytes),
            let third = peek(2), third.blankLinesBefore == 1
        else { return false }
        return isSingleLine(third, equalTo: title)
    }

    private func isSingleLine(_ block: BlockRef, equalTo line: LineSpan) -> Bool {
        block.count == 1 && DumpArticleLayout.equal(pendingLines[block.first], line, in: reader.bytes)
    }
}
