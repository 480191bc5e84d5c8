/// The lines and blocks of one dump article, in buffers reused from article to article.
///
/// `lines` holds the article's lines from its start, then any lines read ahead of it;
/// `blocks` holds the article's blocks only.
struct DumpArticleBlocks {
    var lines: [LineSpan] = []
    var blocks: [BlockRef] = []
    /// Indexing a long article: its first blocks and its last are kept, and the digest holds
    /// every block before the last (the blocks between were let go, their lines dropped).
    var digest: DumpArticleDigest?

    /// The lines of block `index`.
    func lines(ofBlock index: Int) -> ArraySlice<LineSpan> {
        lines[blocks[index].lines]
    }

    /// Where the article's text starts and ends in the file (its first and last line).
    var byteRange: Range<Int> {
        guard let first = blocks.first, let last = blocks.last else { return 0..<0 }
        return lines[first.first].start..<lines[last.first + last.count - 1].end
    }
}
