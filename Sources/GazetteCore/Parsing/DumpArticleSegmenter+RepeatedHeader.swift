/// Where a story starts after one blank line: its title, then the repeated-title header of a
/// dump article or the page's widget block, and text of its own after them.
extension DumpArticleSegmenter {
    /// Whether the block at the head of the lookahead opens an article with a repeated title,
    /// or with the page's widget block (`TT` and its counter, the captions above them).
    ///
    /// "Read more: <another headline>" in a story's text (``DumpOnwardLabel``) is no story's
    /// title given twice or before the widget block alone; with the title again after the
    /// captions or the widget block, the header outranks the label ("More: Floods" / captions /
    /// `TT` / `20` / "More: Floods" starts a story: PRODUCT.md 1.1). The label is asked last, of
    /// a line that starts a story by the other rules (every block comes here).
    mutating func startsRepeatedHeader() -> Bool {
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
                && !DumpBareTitle.mayBe(title, in: reader.bytes)
            {
                return false
            }
            guard hasTextOfItsOwn(after: end, title: title) else { return false }
            return end > 1 || !DumpOnwardLabel.starts(title, in: reader.bytes)
        }
        guard title.count <= DumpBareTitle.longestBytes else { return false }
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

    /// Whether the story read so far starts after two blank lines or more, or starts the file
    /// (``DumpSeparatorBefore``).
    private func startedAfterSeparator() -> Bool {
        guard let first = article.blocks.first else { return false }
        return DumpSeparatorBefore.precedes(lineAt: article.lines[first.first].start, in: reader.bytes)
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

    /// Where a repeated-title header starting at look-ahead `offset` ends (the offset of the
    /// title given again: one after it, or two with a caption or widget block between), if
    /// the blocks there are one. A caption block without `TT` may have more than two lines
    /// (``DumpCaptionBlock``; the story was taken into the one before; found by QA).
    mutating func repeatedHeaderEnd(at offset: Int) -> Int? {
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
    mutating func hasTextOfItsOwn(after offset: Int, title: LineSpan) -> Bool {
        guard let next = peek(offset + 1), next.blankLinesBefore == 1, !isSingleLine(next, equalTo: title)
        else { return false }
        // Nor the header of a story of its own: the two lines were the story's end (found by QA).
        return repeatedHeaderEnd(at: offset + 1) == nil
    }
}
