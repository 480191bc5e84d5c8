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
/// (to see where it ends) both find them: nothing is copied from block to article.
struct DumpArticleSegmenter {
    private var reader: DumpBlockReader
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
    private let splitsGluedHeaders: Bool
    /// Whether the article ended where a story with a glued header starts (``DumpGluedHeader``):
    /// in Gazettes before dd7a6f8 the story ran on into it.
    private(set) var endedAtGluedHeader = false
    /// Whether a story whose title is glued to the end of the line before starts a story of its
    /// own, the line cut there (``DumpGluedTitle``): not when the ids stories had before are
    /// remade.
    private let splitsGluedTitles: Bool
    /// Where the line ended by the next story's title started, when the article ended there
    /// (``DumpGluedTitle``): earlier Gazettes ran the story on into that story, or started it
    /// at that line.
    private(set) var gluedTitleLine: Int?

    /// How many blocks of an article indexing keeps whole: its header is among them.
    static let indexKeptBlocks = 256
    /// How many lines let go are dropped from the buffer at once.
    private static let droppedLinesAtOnce = 1 << 15

    /// A segmenter of `reader`'s blocks; `keptBlocks`: how many of an article's blocks are kept
    /// whole (at least ``indexKeptBlocks``; `nil` for all), the rest digested;
    /// `splitsGluedHeaders`: false to cut stories as Gazettes before dd7a6f8 did.
    init(
        reader: DumpBlockReader, keptBlocks: Int? = nil, extras: DumpArticleDigest.Extras = .id,
        splitsGluedHeaders: Bool = true, splitsGluedTitles: Bool = true
    ) {
        self.reader = reader
        self.keptBlocks = keptBlocks.map { max($0, Self.indexKeptBlocks) }
        self.extras = extras
        self.splitsGluedHeaders = splitsGluedHeaders
        self.splitsGluedTitles = splitsGluedTitles
    }

    /// Byte offset the reader has got to (for progress).
    var position: Int { reader.position }

    /// Makes `article` the next article; false at the end.
    mutating func next() -> Bool {
        dropArticle()
        endedAtGluedHeader = false
        gluedTitleLine = nil
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

    private mutating func peek(_ offset: Int) -> BlockRef? {
        while pendingBlocks.count - pendingHead <= offset {
            guard let block = reader.nextBlock(into: &article.lines) else { return nil }
            pendingBlocks.append(block)
        }
        return pendingBlocks[pendingHead + offset]
    }

    /// Whether the block at the head of the lookahead opens an article with a repeated title,
    /// or with the page's widget block (`TT` and its counter, the captions above them).
    ///
    /// "Read more: <another headline>" in a story's text (``DumpOnwardLabel``) is no story's
    /// title given twice or before the widget block alone; with the title again after the
    /// captions or the widget block, the header outranks the label ("More: Floods" / captions /
    /// `TT` / `20` / "More: Floods" starts a story: PRODUCT.md 1.1). The label is asked last, of
    /// a line that starts a story by the other rules (every block comes here).
    private mutating func startsRepeatedHeader() -> Bool {
        guard let first = peek(0) else { return false }
        let title = article.lines[first.first]
        // The story's title right after its header is its title again (or given a third time, or
        // its first paragraph): a new story only where the widget block follows it. It made a
        // story of the header alone and no text (found by QA).
        if givesTitleAgain(first) {
            guard let second = peek(1), second.blankLinesBefore == 1, holdsTextSizeWidget(second) else {
                return false
            }
            // The title and its widget block again: the header given again, as a page's sticky
            // header gives it (twice or more, the title once more after it or the text), not a
            // story of the same title (the story's header alone was split off, with no text;
            // found by QA). A story of its own comes after the text of the one before.
            if givesHeaderAgain(after: first) { return false }
        }
        if let end = repeatedHeaderEnd(at: 0) {
            if end == 1
                && (title.count > Self.longestBareTitle || isOneLatinWord(title) || isCredited(title)
                    || pointsOnward(title))
            {
                return false
            }
            guard hasTextOfItsOwn(after: end, title: title) else { return false }
            return end > 1 || !DumpOnwardLabel.starts(title, in: reader.bytes)
        }
        guard title.count <= Self.longestBareTitle else { return false }
        // The whole header in one block, the title again inside it (found by QA).
        if first.count > 1 {
            switch shapeAfterTitle(first, title: title) {
            case .none: return false
            case .titleAgain: return hasTextOfItsOwn(after: 0, title: title)
            case .widgets:
                // The title glued to the widget block, the title again after a blank line: the
                // story was taken into the one before (found by QA).
                if let again = peek(1), again.blankLinesBefore == 1, isSingleLine(again, equalTo: title) {
                    return hasTextOfItsOwn(after: 1, title: title)
                }
            case .widgetsOverText: break
            }
            // The title glued to the widget block without the title again after it, or to the
            // widget block and the first paragraph (found by QA).
            let widgets = BlockRef(first: first.first + 1, count: first.count - 1, blankLinesBefore: 0)
            return startsGluedHeader(widgets, at: 0, title: title)
        }
        // Without the title again: the widget block alone tells a page's header (the story was
        // taken into the one before, "TT" and "20" in its text; found by QA), when it is the
        // page's (a `TT` line left in a story's text split it; found by QA).
        guard let second = peek(1), second.blankLinesBefore == 1, holdsTextSizeWidget(second) else {
            return false
        }
        // The widget block with the first paragraph glued under it (found by QA).
        guard DumpArticleLayout.hasWidget(article.lines[second.lines], title: title, in: reader.bytes) else {
            return startsGluedHeader(second, at: 1, title: title)
        }
        guard DumpWidgetBlock.showsPageWidget(article.lines[second.lines], in: reader.bytes) else {
            return false
        }
        // After a line that reads as a sentence, in a story whose header gave its title again
        // (or had no widget block): the page's widget given again between two paragraphs, which
        // split the story there. A headline is in title case or ends as none does, and a site
        // whose stories come without the title again starts each so ("Short Title N." / `TT` /
        // `20`: such a rule on the last mark alone listed 50,000 stories as one; found by QA).
        // Only in a story that came after two blank lines or more, or starts the file: stories
        // one blank line apart, some with the title again and some without, were taken into the
        // story before (64 of 400; found by QA).
        // In a story after one blank line, the widget given again with the photos' captions of
        // the story's own header is the story's (a story's bare widget block tells nothing: a
        // bare widget block after a sentence is the next story's header as often).
        if DumpSentenceLine.readsAsSentence(title, in: reader.bytes) && !hasBareHeader()
            && (startedAfterSeparator() || givesHeaderCaptionsAgain(second))
        {
            return false
        }
        return hasTextOfItsOwn(after: 1, title: title) && !DumpOnwardLabel.starts(title, in: reader.bytes)
    }

    /// Whether `block` is one line giving the story's title again while the story read so far is
    /// only its header: its title, a header block (the widget block or a caption given twice),
    /// then header blocks or the title again, no text (the header given twice or more; it
    /// split off a story of the header alone; found by QA).
    /// Past the title and one header block, asked only where a `TT` block follows (every
    /// paragraph comes here).
    private mutating func givesTitleAgain(_ block: BlockRef) -> Bool {
        guard block.count == 1, article.blocks.count >= 2, article.blocks.count <= Self.longestHeaderOnly
        else {
            return false
        }
        if article.blocks.count > 2 {
            guard let next = peek(1), holdsTextSizeWidget(next) else { return false }
        }
        let blocks = article.blocks
        let bytes = reader.bytes
        let title = article.lines[blocks[0].first]
        guard DumpArticleLayout.equal(article.lines[block.first], title, in: bytes) else { return false }
        for index in 1..<blocks.count {
            let lines = article.lines(ofBlock: index)
            let isTitle =
                index > 1 && lines.count == 1
                && DumpArticleLayout.equal(lines[lines.startIndex], title, in: bytes)
            guard isTitle || DumpArticleLayout.isHeaderBlock(lines, title: title, in: bytes) else {
                return false
            }
        }
        return true
    }

    /// Whether a story titled `title` starts where `widgets` (the lines under the title, or the
    /// block after it, at look-ahead `offset`) are the page's widget block glued to its header
    /// (``DumpGluedHeader``), with text of the story's own under them or after them. Without the
    /// title again, only a title that reads as a headline, its first paragraph (glued) not going
    /// on from it, and captions that are not the story's own header's given again (its widget
    /// given again under a paragraph's line stays in it).
    private mutating func startsGluedHeader(_ widgets: BlockRef, at offset: Int, title: LineSpan) -> Bool {
        guard splitsGluedHeaders,
            let glued = DumpGluedHeader(article.lines[widgets.lines], title: title, in: reader.bytes)
        else {
            return false
        }
        if !glued.givesTitleAgain {
            guard glued.isHeaded(by: title, in: reader.bytes), !glued.textGoesOn,
                !givesHeaderCaptionsAgain(widgets)
            else { return false }
        }
        endedAtGluedHeader = glued.holdsText || hasTextOfItsOwn(after: offset, title: title)
        return endedAtGluedHeader
    }

    /// The most blocks a story of only its header is looked back over (``givesTitleAgain(_:)``):
    /// the title, then the widget block and the title again given three times, captions again
    /// after each.
    private static let longestHeaderOnly = 10

    /// Whether `title` (the story's title given again, see ``givesTitleAgain(_:)``) is followed,
    /// one blank line apart, by a widget block: the title and its widget block given again, the
    /// page's header and its sticky header, whatever comes after them (the title once more,
    /// the header a third time, or the text).
    private mutating func givesHeaderAgain(after title: BlockRef) -> Bool {
        guard let widgets = peek(1), widgets.blankLinesBefore == 1 else { return false }
        return DumpArticleLayout.hasWidget(
            article.lines[widgets.lines], title: article.lines[title.first], in: reader.bytes)
    }

    /// Whether the story read so far starts after two blank lines or more, the separator of
    /// stories that one blank line (a paragraph's) is not, or starts the file (after its BOM or
    /// blank lines, if any). Read back from its title in the file's bytes, so that a story
    /// parsed alone is cut as the whole file's indexing cut it; a blank line of more than
    /// ``longestBlankRun`` spaces is taken for none (the look back stays short).
    private func startedAfterSeparator() -> Bool {
        guard let first = article.blocks.first else { return false }
        let bytes = reader.bytes
        var index = article.lines[first.first].start
        if index == 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return true }
        for _ in 0..<2 {
            guard index > 0 else { return true }
            // The line break that ends the line before: LF, CR LF or CR.
            if bytes[index - 1] == 0x0A {
                index -= 1
                if index > 0 && bytes[index - 1] == 0x0D { index -= 1 }
            } else if bytes[index - 1] == 0x0D {
                index -= 1
            } else {
                return false
            }
            // The line before, blank when it holds spaces and tabs only.
            var start = index
            while start > 0, index - start < Self.longestBlankRun,
                bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09
            {
                start -= 1
            }
            if start == 0 { return true }
            guard bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D else { return false }
            index = start
        }
        return true
    }

    /// Whether the widget block `widgets` gives again the photos' captions of the story's header
    /// widget block, each caption line before `TT` one of them and one at least: the story's own
    /// widget given again between paragraphs, which split the story when it came after one blank
    /// line (found by QA). The next story's photo is its own.
    private func givesHeaderCaptionsAgain(_ widgets: BlockRef) -> Bool {
        guard article.blocks.count >= 2 else { return false }
        let bytes = reader.bytes
        // The header's widget block is short: only its first lines are looked at.
        let header = article.lines(ofBlock: 1).prefix(DumpWidgetBlock.maxCaptionLines + 4)
        guard header.contains(where: { DumpArticleLayout.isTextSizeWidget($0, in: bytes) }) else {
            return false
        }
        var captions = 0
        for index in widgets.first..<(widgets.first + widgets.count) {
            let line = article.lines[index]
            if DumpArticleLayout.isTextSizeWidget(line, in: bytes) { return captions > 0 }
            guard
                header.contains(where: {
                    !DumpArticleLayout.isWidget($0, in: bytes) && DumpArticleLayout.equal($0, line, in: bytes)
                })
            else { return false }
            captions += 1
        }
        return false
    }

    /// The most spaces and tabs a blank line is looked back over (``startedAfterSeparator()``).
    static let longestBlankRun = 256

    /// Whether the story read so far has the widget block after its title and no title again
    /// after it (title, widget block, text): the site's header without the repeated title.
    private func hasBareHeader() -> Bool {
        let blocks = article.blocks
        guard blocks.count >= 2 else { return false }
        let title = article.lines[blocks[0].first]
        guard let widgets = DumpWidgetBlock(article.lines(ofBlock: 1), title: title, in: reader.bytes),
            widgets.titleAgain == nil
        else { return false }
        guard blocks.count >= 3 else { return true }
        return !DumpArticleLayout.isTitleAgain(article.lines[blocks[2].first], title, in: reader.bytes)
    }

    /// Whether the last line of the block at the head of the look-ahead is the title of a story
    /// with no blank line before it (one-story files put together): the widget block follows,
    /// and the title again, in it or after it, then text of the story's own. The story was
    /// taken into the one before, its title joined to the last paragraph (found by QA).
    private mutating func lastLineStartsHeader(of block: BlockRef) -> Bool {
        let title = article.lines[block.first + block.count - 1]
        guard title.count <= Self.longestBareTitle, let widgets = peek(1), widgets.blankLinesBefore == 1
        else {
            return false
        }
        guard holdsTextSizeWidget(widgets), !followsTextSizeWidget(block) else { return false }
        // Looked at in a function of its own: a slice of the lines kept alive across `peek(2)`,
        // which appends to them, copied all the story's lines at every such block (a story of
        // 20,000 paragraphs each beside `TT` took seconds; found by QA).
        switch widgetBlockShape(widgets, title: title) {
        case .none, .widgetsOverText: return false
        case .titleAgain: return hasTextOfItsOwn(after: 1, title: title)
        case .widgets: break
        }
        guard let again = peek(2), again.blankLinesBefore == 1, isSingleLine(again, equalTo: title) else {
            return false
        }
        return hasTextOfItsOwn(after: 2, title: title)
    }

    /// Where the next story's title starts in the last line of `block`, glued to its end
    /// (``DumpGluedTitle``): the widget block (`widgets`) follows one blank line after it, then
    /// the title again alone, then text of the story's own.
    private mutating func gluedTitleStart(in block: BlockRef, before widgets: BlockRef) -> Int? {
        guard widgets.blankLinesBefore == 1, holdsTextSizeWidget(widgets),
            let again = peek(2), again.blankLinesBefore == 1, again.count == 1
        else { return nil }
        let title = article.lines[again.first]
        guard title.count <= Self.longestBareTitle,
            let start = DumpGluedTitle.start(
                in: article.lines[block.first + block.count - 1], title: title, bytes: reader.bytes),
            DumpArticleLayout.hasWidget(article.lines[widgets.lines], title: title, in: reader.bytes),
            hasTextOfItsOwn(after: 2, title: title)
        else { return nil }
        return start
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

    /// Whether the last line of `block` comes right after `TT` and its counter: the line after
    /// them as a paragraph holds them ("…", `TT`, `20`, "word"), not a title glued to the end of
    /// the story before, which follows the story's text. Paragraphs each ending so in the same
    /// line read as a title and its widget block with the title again, a story each (found by
    /// QA).
    private func followsTextSizeWidget(_ block: BlockRef) -> Bool {
        var index = block.first + block.count - 2
        var counters = 0
        while index >= block.first, counters < 2,
            DumpWidgetBlock.isCounter(article.lines[index], in: reader.bytes)
        {
            index -= 1
            counters += 1
        }
        return index >= block.first
            && DumpArticleLayout.isTextSizeWidget(article.lines[index], in: reader.bytes)
    }

    /// What a block after a title holds of a page's widget block.
    private enum WidgetBlockShape {
        case none, widgets, titleAgain
        /// `TT` and its counter with more under them than the title again and its captions.
        case widgetsOverText
    }

    /// Whether `block` is the page's widget block for `title`, with the title again in it or not.
    private func widgetBlockShape(_ block: BlockRef, title: LineSpan) -> WidgetBlockShape {
        let lines = article.lines[block.lines]
        guard DumpArticleLayout.hasWidget(lines, title: title, in: reader.bytes) else { return .none }
        return DumpWidgetBlock(lines, title: title, in: reader.bytes)?.titleAgain != nil
            ? .titleAgain : .widgets
    }

    /// Whether the lines of `block` after its first are a widget block, with `title` again in it
    /// or not, or start with one (no slice of the lines outlives it: see
    /// ``widgetBlockShape(_:title:)``).
    private func shapeAfterTitle(_ block: BlockRef, title: LineSpan) -> WidgetBlockShape {
        let widgets = article.lines[(block.first + 1)..<(block.first + block.count)]
        // Most blocks hold no `TT`: told by one look for it.
        guard let parts = DumpWidgetBlock.parts(of: widgets, title: title, in: reader.bytes) else {
            return .none
        }
        guard let shape = DumpWidgetBlock(widgets, title: title, in: reader.bytes) else {
            return parts.end < widgets.endIndex ? .widgetsOverText : .none
        }
        return shape.titleAgain != nil ? .titleAgain : .widgets
    }

    /// Whether `TT` is among the first lines of a block, as a widget block has it: looked for in
    /// the line buffer, before the block's lines are taken as a slice (every paragraph is asked).
    /// Mutating only so that the segmenter is not copied to call it.
    private mutating func holdsTextSizeWidget(_ block: BlockRef) -> Bool {
        var index = block.first
        let end = block.first + min(block.count, DumpWidgetBlock.maxCaptionLines + 1)
        while index < end {
            if DumpArticleLayout.isTextSizeWidget(article.lines[index], in: reader.bytes) { return true }
            index += 1
        }
        return false
    }

    /// Where a repeated-title header starting at look-ahead `offset` ends (the offset of the
    /// title given again: one after it, or two with a caption or widget block between), if
    /// the blocks there are one. A caption block without `TT` may have more than two lines
    /// (``DumpCaptionBlock``; the story was taken into the one before; found by QA).
    private mutating func repeatedHeaderEnd(at offset: Int) -> Int? {
        guard let first = peek(offset), first.count == 1 else { return nil }
        let title = article.lines[first.first]
        guard let second = peek(offset + 1), second.blankLinesBefore == 1 else { return nil }
        if isSingleLine(second, equalTo: title) { return offset + 1 }
        let isHeader =
            (second.count == 2 || holdsTextSizeWidget(second))
            && DumpArticleLayout.isHeaderBlock(article.lines[second.lines], title: title, in: reader.bytes)
        guard isHeader || (second.count > 2 && second.count <= DumpWidgetBlock.maxCaptionLines),
            let third = peek(offset + 2), third.blankLinesBefore == 1, isSingleLine(third, equalTo: title),
            isHeader || DumpCaptionBlock.isCaptions(article.lines[second.lines], in: reader.bytes)
        else { return nil }
        return offset + 2
    }

    /// Whether a block follows the header ending at look-ahead `offset`, in the same story
    /// (after one blank line, not two), that is not the title once more (a line repeated many
    /// times is one story's text, not a story per pair).
    private mutating func hasTextOfItsOwn(after offset: Int, title: LineSpan) -> Bool {
        guard let next = peek(offset + 1), next.blankLinesBefore == 1, !isSingleLine(next, equalTo: title)
        else { return false }
        // Nor the header of a story of its own: the two lines were the story's end (found by QA).
        return repeatedHeaderEnd(at: offset + 1) == nil
    }

    /// The longest line, in bytes, taken for a title given twice with nothing between: a
    /// headline is short, a paragraph given twice is most often longer (ending as a sentence
    /// does was no sign: headlines end in "Inc." or "per cent." too; found by QA).
    static let longestBareTitle = 200

    /// Whether a line is one word of Latin letters ("Advertisement"): page furniture given
    /// twice in a story's text, not a headline given twice (the story was split there; found
    /// by QA).
    /// A mark of punctuation may end it: "Yes." or "Why?" said twice is a story's text too (it
    /// split the story; found by QA).
    private func isOneLatinWord(_ line: LineSpan) -> Bool {
        var end = line.end
        if end - line.start >= 2, ".,!?:;".utf8.contains(reader.bytes[end - 1]) { end -= 1 }
        return (line.start..<end).allSatisfy { FeedItemDraft.isLetter(reader.bytes[$0]) }
    }

    /// Whether a line ends by crediting a photo as a caption does ("Waves crash on the pier
    /// (AP)", "… [AP]"): a photo's caption and alt text in a story's text, not a headline given
    /// twice (it split the story there; found by QA). Asked only of a line given twice.
    private func isCredited(_ line: LineSpan) -> Bool {
        guard line.count >= 4 else { return false }
        let last = reader.bytes[line.end - 1]
        guard last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { return false }
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: reader.bytes[line.start..<line.end]), as: UTF8.self)
        return CaptionCredit.credit(fromCaption: text) != nil
    }

    /// Whether a line ends in a colon, as a page's label does that points to what comes after it
    /// ("Read more:", "Related:"; see ``DumpOnwardLabel``).
    private func pointsOnward(_ line: LineSpan) -> Bool {
        DumpOnwardLabel.ends(line, in: reader.bytes)
    }

    private func isSingleLine(_ block: BlockRef, equalTo line: LineSpan) -> Bool {
        block.count == 1 && DumpArticleLayout.equal(article.lines[block.first], line, in: reader.bytes)
    }
}
