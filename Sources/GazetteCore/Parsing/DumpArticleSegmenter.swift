/// Groups a dump's blocks into articles.
///
/// Two or more blank lines end an article. After a single blank line a new article still
/// starts where a one-line block is followed by the repeated-title header of a dump
/// article (the same line again, at most one caption or widget block in between) or by a
/// widget block (`TT`, with the captions and counter that go with it, and the title again in
/// it or not; or all of it one block under the title; or glued to the first paragraph, see
/// ``DumpGluedHeader``), when the
/// article before has more than its title, the new one has a block of its own after the
/// header, and a title given twice with nothing between is no longer than a headline and
/// more than one Latin word, not ending in a colon: a paragraph (or "Advertisement", "Read
/// more:") given twice in a row is the story's text, not a new story. A line that starts with a
/// label naming a link to another story ("Read more: <its headline>") starts none. A first block of
/// several lines is split after its first line, the title; a block whose last line is
/// followed by the widget block and that line again is split before it, a story's title
/// with no blank line before it.
///
/// Lines are read once into one buffer, where the article and the blocks read ahead of it
/// (to see where it ends) both find them: nothing is copied from block to article. Where a
/// story starts after one blank line is in `DumpArticleSegmenter+RepeatedHeader.swift`, a
/// title at a block's end in `+TitleAtBlockEnd`, the widget block's shapes in
/// `+WidgetBlockShape`.
struct DumpArticleSegmenter {
    /// Where the blocks come from; its bytes are the file's.
    private(set) var reader: DumpBlockReader
    /// The current article, its lines followed by the look-ahead's.
    private(set) var article = DumpArticleBlocks()
    /// Blocks read ahead of the article (`pendingHead` on), their lines in `article.lines`.
    private var pendingBlocks: [BlockRef] = []
    private var pendingHead = 0

    /// How many blocks of an article are kept whole: past them, its body is digested as it
    /// comes and let go (`nil`: all are kept).
    private let keptBlocks: Int?
    /// What the digest gathers besides the id.
    private let extras: DumpArticleDigest.Extras
    /// Whether a story whose header is glued starts a story of its own (``DumpGluedHeader``):
    /// not when the id a story had before such stories were split is remade.
    let splitsGluedHeaders: Bool
    /// Whether the article ended where a story with a glued header starts (``DumpGluedHeader``):
    /// in Gazettes before dd7a6f8 the story ran on into it.
    var endedAtGluedHeader = false
    /// Whether a story whose title is glued to the end of the line before starts a story of its
    /// own, the line cut there (``DumpGluedTitle``): not when the ids stories had before are
    /// remade.
    private let splitsGluedTitles: Bool
    /// Where the line ended by the next story's title started, when the article ended there
    /// (``DumpGluedTitle``): earlier Gazettes ran the story on into that story, or started it
    /// at that line.
    private(set) var gluedTitleLine: Int?
    /// Whether a line alone before a story's whole header is a story of its own
    /// (``startsHeaderAfterLoneLine()``): not when the ids stories had before are remade.
    private let splitsAfterLoneLine: Bool
    /// Whether the article is a line alone that ended where a story's whole header starts
    /// (``startsHeaderAfterLoneLine()``): earlier Gazettes took that story into it.
    private(set) var endedBeforeHeader = false

    /// How many blocks of an article indexing keeps whole: its header is among them.
    static let indexKeptBlocks = 256
    /// How many lines let go are dropped from the buffer at once.
    private static let droppedLinesAtOnce = 1 << 15

    /// A segmenter of `reader`'s blocks; `keptBlocks`: how many of an article's blocks are kept
    /// whole (at least ``indexKeptBlocks``; `nil` for all), the rest digested;
    /// `splitsGluedHeaders`: false to cut stories as Gazettes before dd7a6f8 did;
    /// `splitsAfterLoneLine`: false to take a story after a line alone into it, as earlier ones did.
    init(
        reader: DumpBlockReader, keptBlocks: Int? = nil, extras: DumpArticleDigest.Extras = .id,
        splitsGluedHeaders: Bool = true, splitsGluedTitles: Bool = true, splitsAfterLoneLine: Bool = true
    ) {
        self.reader = reader
        self.keptBlocks = keptBlocks.map { max($0, Self.indexKeptBlocks) }
        self.extras = extras
        self.splitsGluedHeaders = splitsGluedHeaders
        self.splitsGluedTitles = splitsGluedTitles
        self.splitsAfterLoneLine = splitsAfterLoneLine
    }

    /// Byte offset the reader has got to (for progress).
    var position: Int { reader.position }

    /// Makes `article` the next article; false at the end.
    mutating func next() -> Bool {
        dropArticle()
        endedAtGluedHeader = false
        gluedTitleLine = nil
        endedBeforeHeader = false
        while let block = peek(0) {
            if !article.blocks.isEmpty {
                if block.blankLinesBefore >= 2 { return true }
                // The widget block has two lines at least (`TT`, its counter): a paragraph of one
                // line after it is not asked (every block comes here).
                if splitsGluedTitles, let widgets = peek(1), widgets.count >= 2,
                    let start = gluedTitleStart(in: block, before: widgets)
                {
                    splitGluedTitle(off: block, at: start)
                    return true
                }
                if block.blankLinesBefore == 1 && article.blocks.count > 1 && startsRepeatedHeader() {
                    return true
                }
                if splitsAfterLoneLine && block.blankLinesBefore == 1 && article.blocks.count == 1
                    && block.count == 1 && startsHeaderAfterLoneLine()
                {
                    endedBeforeHeader = true
                    return true
                }
                if block.count > 1 && lastLineStartsHeader(of: block)
                    && !DumpOnwardLabel.starts(article.lines[block.first + block.count - 1], in: reader.bytes)
                {
                    // The block's last line is the next story's title: it starts the next article.
                    let last = BlockRef(first: block.first + block.count - 1, count: 1, blankLinesBefore: 0)
                    pendingBlocks[pendingHead].count -= 1
                    pendingBlocks.insert(last, at: pendingHead + 1)
                    take(pendingBlocks[pendingHead])
                    return true
                }
            }
            take(block)
        }
        return !article.blocks.isEmpty
    }

    /// Drops the last article's lines and blocks, keeping the look-ahead (moved to the front).
    private mutating func dropArticle() {
        article.blocks.removeAll(keepingCapacity: true)
        article.digest = nil
        guard pendingHead < pendingBlocks.count else {
            article.lines.removeAll(keepingCapacity: true)
            pendingBlocks.removeAll(keepingCapacity: true)
            pendingHead = 0
            return
        }
        let kept = pendingBlocks[pendingHead].first
        if kept > 0 {
            article.lines.removeSubrange(0..<kept)
            for index in pendingHead..<pendingBlocks.count { pendingBlocks[index].first -= kept }
        }
        if pendingHead > 0 {
            pendingBlocks.removeSubrange(0..<pendingHead)
            pendingHead = 0
        }
    }

    private mutating func take(_ block: BlockRef) {
        pendingHead += 1
        var block = block
        if article.blocks.isEmpty && block.count > 1 {
            article.blocks.append(
                BlockRef(first: block.first, count: 1, blankLinesBefore: block.blankLinesBefore))
            block = BlockRef(first: block.first + 1, count: block.count - 1, blankLinesBefore: 0)
        }
        if article.blocks.count == 1, let text = textAfterHeader(in: block) {
            // The header and the first paragraph in one block: the paragraph is text.
            article.blocks.append(
                BlockRef(first: block.first, count: text - block.first, blankLinesBefore: 0))
            block = BlockRef(first: text, count: block.first + block.count - text, blankLinesBefore: 0)
        }
        if let keptBlocks, article.blocks.count > keptBlocks {
            digestAndLetGo(before: block)
        } else {
            article.blocks.append(block)
        }
    }

    /// Indexing a long article: the last block kept is digested and `block` takes its place,
    /// the lines between let go (a story of millions of paragraphs held them all).
    private mutating func digestAndLetGo(before block: BlockRef) {
        let last = article.blocks.count - 1
        // Taken out while added to: left in place, its search text was copied at every block
        // (searching a story of 10,000 paragraphs took 11 s; found by QA).
        var digest =
            article.digest
            ?? DumpArticleDigest(article, bytes: reader.bytes, end: last, extras: extras)
        article.digest = nil
        digest.add(article.lines(ofBlock: last), in: reader.bytes)
        article.digest = digest
        var block = block
        let kept = article.blocks[last - 1]
        let letGo = kept.first + kept.count
        if block.first - letGo >= Self.droppedLinesAtOnce {
            // Only the look-ahead's lines come after: moved down, once for many blocks.
            let dropped = block.first - letGo
            article.lines.removeSubrange(letGo..<block.first)
            block.first -= dropped
            for index in pendingHead..<pendingBlocks.count { pendingBlocks[index].first -= dropped }
            pendingBlocks.removeSubrange(0..<pendingHead)
            pendingHead = 0
        }
        article.blocks[last] = block
    }

    /// Where text starts in the block after the title, when the block is the widget block, the
    /// title again after it or not, with more after them that is no caption given before (`TT`,
    /// `20`, the title, then the first paragraph, no blank line between): that paragraph was
    /// lost, taken for header (found by QA). Without the title again, the widget block is the
    /// page's only in its shape (photos' captions before `TT`, or none and its counter after
    /// it): `TT` and `20` showed in the first paragraph (found by QA).
    private func textAfterHeader(in block: BlockRef) -> Int? {
        guard block.count >= 3, let titleBlock = article.blocks.first,
            let parts = DumpWidgetBlock.parts(
                of: article.lines[block.lines], title: article.lines[titleBlock.first], in: reader.bytes),
            parts.end < block.first + block.count
        else { return nil }
        guard
            parts.titleAgain != nil
                || DumpWidgetBlock.showsPageWidget(article.lines[block.first..<parts.end], in: reader.bytes)
        else { return nil }
        return parts.end
    }

    /// The block `offset` blocks after the head of the look-ahead, read when not yet read; nil
    /// past the end. A block read already is a comparison and a load (every block asks for
    /// the next few several times).
    @inline(__always)
    mutating func peek(_ offset: Int) -> BlockRef? {
        let index = pendingHead + offset
        if index < pendingBlocks.count { return pendingBlocks[index] }
        return peekReading(offset)
    }

    /// ``peek(_:)`` of a block not read yet.
    private mutating func peekReading(_ offset: Int) -> BlockRef? {
        while pendingBlocks.count - pendingHead <= offset {
            guard let block = reader.nextBlock(into: &article.lines) else { return nil }
            pendingBlocks.append(block)
        }
        return pendingBlocks[pendingHead + offset]
    }

    /// Cuts the last line of `block`, at the head of the look-ahead, before the next story's
    /// title glued to it at `start`: the line's text ends the article, the title starts the next.
    private mutating func splitGluedTitle(off block: BlockRef, at start: Int) {
        let last = block.first + block.count - 1
        let line = article.lines[last]
        gluedTitleLine = line.start
        article.lines[last] = LineSpan(
            start: line.start, end: DumpGluedTitle.textEnd(of: line, before: start, bytes: reader.bytes))
        article.lines.insert(LineSpan(start: start, end: line.end), at: last + 1)
        for index in (pendingHead + 1)..<pendingBlocks.count { pendingBlocks[index].first += 1 }
        pendingBlocks.insert(BlockRef(first: last + 1, count: 1, blankLinesBefore: 0), at: pendingHead + 1)
        take(block)
    }

    func isSingleLine(_ block: BlockRef, equalTo line: LineSpan) -> Bool {
        block.count == 1 && DumpArticleLayout.equal(article.lines[block.first], line, in: reader.bytes)
    }
}
