/// Groups a dump's blocks into articles.
///
/// Two or more blank lines end an article. After a single blank line a new article still
/// starts where a one-line block is followed by the repeated-title header of a dump
/// article (the same line again, at most one caption or widget block in between).
struct DumpArticleSegmenter {
    private var reader: DumpBlockReader
    private var lookahead: [DumpBlock] = []

    init(reader: DumpBlockReader) {
        self.reader = reader
    }

    /// Byte offset where the reader has got to (for progress).
    var position: Int { reader.position }

    /// The blocks of the next article, or nil at the end.
    mutating func next() -> [DumpBlock]? {
        var article: [DumpBlock] = []
        while let block = peek(0) {
            if !article.isEmpty {
                if block.blankLinesBefore >= 2 { return article }
                if block.blankLinesBefore == 1 && startsRepeatedHeader() { return article }
            }
            article.append(lookahead.removeFirst())
        }
        return article.isEmpty ? nil : article
    }

    private mutating func peek(_ offset: Int) -> DumpBlock? {
        while lookahead.count <= offset {
            guard let block = reader.next() else { return nil }
            lookahead.append(block)
        }
        return lookahead[offset]
    }

    /// Whether the block at the head of the lookahead opens an article with a repeated title.
    private mutating func startsRepeatedHeader() -> Bool {
        guard let first = peek(0), first.lines.count == 1 else { return false }
        let title = first.lines[0]
        guard let second = peek(1) else { return false }
        if second.blankLinesBefore == 1, isSingleLine(second, equalTo: title) { return true }
        guard second.blankLinesBefore == 1, DumpArticleLayout.isHeaderBlock(second.lines, in: reader.bytes),
            let third = peek(2), third.blankLinesBefore == 1
        else { return false }
        return isSingleLine(third, equalTo: title)
    }

    private func isSingleLine(_ block: DumpBlock, equalTo line: LineSpan) -> Bool {
        block.lines.count == 1 && DumpArticleLayout.equal(block.lines[0], line, in: reader.bytes)
    }
}
