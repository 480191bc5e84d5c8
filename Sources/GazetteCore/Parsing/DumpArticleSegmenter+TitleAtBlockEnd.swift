/// A story's title at the end of a block, with no blank line before it: the block's last line,
/// or glued to the end of it (``DumpGluedTitle``), the widget block and the title again after it.
extension DumpArticleSegmenter {
    /// Whether the last line of the block at the head of the look-ahead is the title of a story
    /// with no blank line before it (one-story files put together): the widget block follows,
    /// and the title again, in it or after it, then text of the story's own. The story was
    /// taken into the one before, its title joined to the last paragraph (found by QA).
    mutating func lastLineStartsHeader(of block: BlockRef) -> Bool {
        let title = article.lines[block.first + block.count - 1]
        guard title.count <= DumpBareTitle.longestBytes, let widgets = peek(1), widgets.blankLinesBefore == 1
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
    mutating func gluedTitleStart(in block: BlockRef, before widgets: BlockRef) -> Int? {
        guard widgets.blankLinesBefore == 1, holdsTextSizeWidget(widgets),
            let again = peek(2), again.blankLinesBefore == 1, again.count == 1
        else { return nil }
        let title = article.lines[again.first]
        guard title.count <= DumpBareTitle.longestBytes,
            let start = DumpGluedTitle.start(
                in: article.lines[block.first + block.count - 1], title: title, bytes: reader.bytes),
            DumpArticleLayout.hasWidget(article.lines[widgets.lines], title: title, in: reader.bytes),
            hasTextOfItsOwn(after: 2, title: title)
        else { return nil }
        return start
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
}
