#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parts of one dump article: title, caption and body, with the page furniture
/// (repeated title, repeated captions, `TT`, counter) set aside.
struct DumpArticleLayout {
    var title: LineSpan
    /// The title's second line, when the title is hard-wrapped over two (see
    /// ``wrappedTitle(_:bytes:)`` and ``widthWrappedTitle(_:bytes:)``).
    var titleWrap: LineSpan?
    /// The title's third line, when it is hard-wrapped over three (see ``DumpTitleLines``).
    var titleThirdLine: LineSpan?
    /// Whether the earlier id (``ArticleSummary/previousID``) was made with ``titleWrap``: not
    /// when the widget block has no captions, a shape whose second line was taken for the
    /// caption when the ids were first made, nor when the header gives the lines again
    /// (``DumpTitleLines``). The id now is made of the title as it shows, its lines joined.
    var titleWrapInID = true
    /// The first caption line, if the article has a caption.
    var caption: LineSpan?
    /// The header block the caption is in (see ``DumpCaption`` for the lines shown).
    var captionBlock: Int?
    /// The blocks of the body, one paragraph each.
    var body: Range<Int>
    /// A block of the body that the article's id is made without: a number alone right after
    /// the title again, taken for the page counter when the ids were first made (it is text).
    var leftOutOfID: Int?
    /// How many blocks at the body's start are the header's, shown as none and made into the
    /// earlier id only (the title's lines given again, told after the ids were first made;
    /// ``DumpTitleLines``).
    var hiddenBodyBlocks = 0
    /// How many blocks at the body's start the earlier id was made without: the story's own
    /// paragraph before the title said again, and what followed it up to the body then, were
    /// taken for the header (``isStoryText(_:title:in:)``).
    var bodyBlocksNotInEarlierID = 0
    /// How many blocks at the body's start are the photos' captions given again after the title
    /// again with more captions than the header gave (`A A B B` after `A A`): shown in the
    /// caption (``DumpCaption``), not as text; the id is made with them as it was (they showed
    /// as the first paragraph; found by QA).
    var bodyBlocksInCaption = 0

    /// How many blocks after the title may come before the repeated title.
    private static let maxHeaderBlocks = 3
    /// Caption blocks are short: the caption, its alt text and two widget lines.
    private static let maxHeaderBlockLines = 4

    init(_ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer) {
        title = article.lines[article.blocks[0].first]
        let blockCount = article.blocks.count
        var headerEnd = 1  // first block index after the header
        var repeatedTitle = 0
        var compactRepeat = false
        if let wrapped = DumpArticleLayout.wrappedTitle(article, bytes: bytes) {
            titleWrap = wrapped.wrap
            titleWrapInID = wrapped.inID
            // The title's two lines, the widget block, the two lines again, the captions again.
            headerEnd = 4
            if headerEnd < blockCount,
                DumpArticleLayout.isRepeatedCaption(article, block: headerEnd, before: 2..<3, bytes: bytes)
            {
                headerEnd += 1
            }
            caption = DumpArticleLayout.firstCaption(article.lines(ofBlock: 2), in: bytes)
            captionBlock = 2
            body = headerEnd..<max(headerEnd, blockCount)
            return
        }
        if let wrapped = DumpArticleLayout.widthWrappedTitle(article, bytes: bytes) {
            titleWrap = wrapped.wrap
            if let block = wrapped.captionBlock {
                caption = DumpArticleLayout.firstCaption(article.lines(ofBlock: block), in: bytes)
                captionBlock = caption == nil ? nil : block
            }
            body = wrapped.headerEnd..<max(wrapped.headerEnd, blockCount)
            return
        }
        // The title again inside the widget block, the captions again after it or not.
        var titleInWidgetBlock = false
        // The title again in other words only after the widget block: a quotation of the title
        // in a story without one is its text (and its id was made with it; found by QA).
        var afterWidget = false
        // The title again with a kicker or a tag (``DumpTitleVariant``): no caption.
        var variantAgain = false
        // The first header block with a widget line.
        var firstWidgetBlock = Int.max
        for index in 1..<min(blockCount, 1 + DumpArticleLayout.maxHeaderBlocks) {
            let lines = article.lines(ofBlock: index)
            if lines.count >= 2, DumpWidgetBlock(lines, title: title, in: bytes)?.titleAgain != nil {
                repeatedTitle = index
                titleInWidgetBlock = true
                break
            }
            // Or alone after the widget block with a kicker or a tag the other has not, before
            // the text (it was the first paragraph without a caption; found by QA).
            if let first = lines.first, afterWidget, lines.count == 1, index + 1 < blockCount,
                !DumpArticleLayout.isTitleAgain(first, title, in: bytes),
                DumpTitleVariant.isVariant(first, of: title, in: bytes)
            {
                repeatedTitle = index
                variantAgain = true
                break
            }
            if let first = lines.first,
                afterWidget
                    ? DumpArticleLayout.isTitleAgain(first, title, in: bytes)
                    : DumpArticleLayout.equal(first, title, in: bytes)
            {
                if lines.count == 1 {
                    repeatedTitle = index
                    break
                }
                // The title again with its captions under it, no blank line between.
                if DumpArticleLayout.isRepeatedCaption(
                    article, lines: lines.dropFirst(), before: 1..<index, bytes: bytes)
                {
                    repeatedTitle = index
                    compactRepeat = true
                    break
                }
            }
            // A longer block is the page's: the widget block, or photos' captions without `TT`
            // (a caption given three times, two photos' captions and alt texts; they were the
            // story's text, the title again with them; found by QA).
            if lines.count > DumpArticleLayout.maxHeaderBlockLines
                && DumpWidgetBlock(lines, title: title, in: bytes) == nil
                && !DumpCaptionBlock.isCaptions(lines, in: bytes)
            {
                break
            }
            // The title again comes right after the widget block: a block of text between them
            // is the story's, and the title said again later in its text is text too (a story
            // titled "Read more:" took its paragraph for a caption; found by QA).
            let holdsWidget = lines.contains { DumpArticleLayout.isTextSizeWidget($0, in: bytes) }
            if holdsWidget { firstWidgetBlock = min(firstWidgetBlock, index) }
            if afterWidget && !holdsWidget { break }
            afterWidget = afterWidget || holdsWidget
        }
        if compactRepeat {
            headerEnd = repeatedTitle + 1
        } else if titleInWidgetBlock {
            headerEnd = repeatedTitle + 1
            // The captions again after a blank line; a number alone there is text.
            if headerEnd < blockCount,
                DumpArticleLayout.isRepeatedCaption(
                    article, block: headerEnd, before: 1..<headerEnd, bytes: bytes),
                !article.lines(ofBlock: headerEnd).allSatisfy({ DumpArticleLayout.isCounter($0, in: bytes) })
            {
                headerEnd += 1
            }
        } else if repeatedTitle > 0 {
            // The captions again, the header given again (the page's sticky header: the story was
            // split in two, its header alone a story; found by QA).
            (headerEnd, leftOutOfID) = DumpHeaderGivenAgain.end(
                of: article, from: repeatedTitle + 1, title: title, captions: 1..<repeatedTitle, bytes: bytes)
        } else if blockCount > 1,
            DumpArticleLayout.isHeaderBlock(article.lines(ofBlock: 1), title: title, in: bytes)
        {
            headerEnd = 2
            // The title again in other words (another site's name after it, other quotes or
            // case), known by the captions repeated after it: both left out (found by QA).
            // Only after the widget block, and for a line no longer than a headline (a story's
            // first paragraph between two caption blocks stays; found by QA).
            let header = article.lines(ofBlock: 1)
            if blockCount > 4, article.lines(ofBlock: 2).count == 1,
                article.lines[article.blocks[2].first].count <= DumpBareTitle.longestBytes,
                header.contains(where: { DumpArticleLayout.isTextSizeWidget($0, in: bytes) }),
                DumpArticleLayout.hasCaption(header, in: bytes),
                DumpArticleLayout.isRepeatedCaption(article, block: 3, before: 1..<2, bytes: bytes)
            {
                headerEnd = 4
            }
        }
        // The title a third time, alone right after the header and before the text: the page's
        // furniture, as the title again is (a story of only its header was split off; found by
        // QA). A story of nothing else keeps it as its text.
        if repeatedTitle > 0, headerEnd + 1 < blockCount, article.blocks[headerEnd].count == 1,
            DumpArticleLayout.equal(article.lines[article.blocks[headerEnd].first], title, in: bytes)
        {
            headerEnd += 1
        }
        // The title said again after a paragraph of the story's own, with no widget block before
        // it, is the story's text too: the header was taken to run up to it, and the paragraph
        // between was shown nowhere (found by QA). The header is then as in a story without the
        // title again; the earlier id was made of the body as it was. Only blocks after the
        // first and before any widget block are asked: the sample's header is not.
        var storyText = false
        for index in 2..<max(2, min(repeatedTitle, firstWidgetBlock)) where !storyText {
            storyText = DumpArticleLayout.isStoryText(article.lines(ofBlock: index), title: title, in: bytes)
        }
        if storyText {
            let earlierEnd = headerEnd
            let first = article.lines(ofBlock: 1)
            headerEnd =
                DumpArticleLayout.isHeaderBlock(first, title: title, in: bytes)
                    || DumpCaptionBlock.isCaptions(first, in: bytes) ? 2 : 1
            bodyBlocksNotInEarlierID = max(0, min(earlierEnd, blockCount) - headerEnd)
            repeatedTitle = 0
            variantAgain = false
        }
        caption = nil
        for index in 1..<headerEnd where !(variantAgain && index == repeatedTitle) {
            let lines = article.lines(ofBlock: index)
            // The title again, in its words or others, is no caption (it named a credit; found
            // by QA).
            guard
                let first = lines.indices.first(where: {
                    !DumpWidgetBlock.isWidget(at: $0, of: lines, in: bytes)
                })
            else { continue }
            if !DumpArticleLayout.isTitleAgain(lines[first], title, in: bytes) {
                caption = lines[first]
                captionBlock = index
                break
            }
        }
        body = headerEnd..<max(headerEnd, blockCount)
        // A title over two or three lines given again as such: its other lines, the title again
        // and the captions again are shown as the header's, the earlier id made as it was.
        if let lines = DumpTitleLines(article, bytes: bytes), lines.headerEnd >= body.lowerBound {
            titleWrap = lines.wrap.first
            titleThirdLine = lines.wrap.dropFirst().first
            titleWrapInID = false
            captionBlock = lines.captionBlock
            caption = lines.captionBlock.flatMap {
                DumpArticleLayout.firstCaption(article.lines(ofBlock: $0), in: bytes)
            }
            hiddenBodyBlocks = min(lines.headerEnd, body.upperBound) - body.lowerBound
        }
        if repeatedTitle > 0, hiddenBodyBlocks == 0, body.count > 1,
            DumpArticleLayout.givesMoreCaptions(article, block: body.lowerBound, title: title, bytes: bytes)
        {
            bodyBlocksInCaption = 1
        }
    }

    /// The title's lines after its first, if it is hard-wrapped.
    var titleWraps: [LineSpan] { [titleWrap, titleThirdLine].compactMap { $0 } }

    /// The first block of the body that is shown: the ``hiddenBodyBlocks`` and the
    /// ``bodyBlocksInCaption`` before it are not.
    var shownBody: Int { body.lowerBound + hiddenBodyBlocks + bodyBlocksInCaption }

    /// The body's blocks shown in the caption (``bodyBlocksInCaption``).
    var captionBodyBlocks: Range<Int> {
        let start = min(body.lowerBound + hiddenBodyBlocks, body.upperBound)
        return start..<min(start + bodyBlocksInCaption, body.upperBound)
    }

    /// Whether body block `block` is shown: those before ``shownBody`` are not.
    func shows(bodyBlock block: Int) -> Bool { block >= shownBody }

    /// Whether block `block`, right after the header that gave the title again, is the photos'
    /// captions given again with more than the header's (``DumpCaptionBlock``: each line given
    /// twice or beside its alt text), one of the header's captions among them when it had any:
    /// a story's paragraph has lines all different.
    private static func givesMoreCaptions(
        _ article: DumpArticleBlocks, block: Int, title: LineSpan, bytes: UnsafeRawBufferPointer
    ) -> Bool {
        let lines = article.lines(ofBlock: block)
        guard DumpCaptionBlock.isCaptions(lines, in: bytes),
            !lines.allSatisfy({ isWidget($0, in: bytes) || isTitleAgain($0, title, in: bytes) })
        else { return false }
        var headerHasCaption = false
        for index in 1..<block {
            for line in article.lines(ofBlock: index)
            where !isWidget(line, in: bytes) && !isTitleAgain(line, title, in: bytes) {
                if lines.contains(where: { equal($0, line, in: bytes) }) { return true }
                headerHasCaption = true
            }
        }
        return !headerHasCaption
    }

    /// The second line of a title hard-wrapped over two lines, if the article's header has it
    /// in the shape of a dump's header: the two lines in one block, the widget block with its
    /// photos' captions before `TT`, and the two lines again as a block. The second line was
    /// taken for the caption, and the captions again for the first paragraph. The captions in
    /// the widget block tell the second line from a caption under the title, which a header
    /// without them cannot (a title and its caption given twice is read as before), unless the
    /// second line starts in lower case as a caption does not (it was the caption; found by QA):
    /// then `inID` is false: the earlier id was made without the second line.
    private static func wrappedTitle(_ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer)
        -> (wrap: LineSpan, inID: Bool)?
    {
        guard article.blocks.count >= 4, article.blocks[1].count == 1,
            article.blocks[1].blankLinesBefore == 0,
            article.blocks[3].count == 2
        else { return nil }
        let title = article.lines[article.blocks[0].first]
        let wrap = article.lines[article.blocks[1].first]
        let again = article.lines(ofBlock: 3)
        guard !isWidget(wrap, in: bytes), equal(again[again.startIndex], title, in: bytes),
            equal(again[again.startIndex + 1], wrap, in: bytes),
            let widgets = DumpWidgetBlock(article.lines(ofBlock: 2), title: title, in: bytes),
            widgets.titleAgain == nil
        else { return nil }
        let captions = article.lines(ofBlock: 2)[..<widgets.widget]
        if DumpCaptionBlock.isCaptions(captions, in: bytes) { return (wrap, true) }
        guard captions.isEmpty, !wrap.isEmpty,
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[wrap.start..<wrap.end]), as: UTF8.self)
                .first?.isLowercase == true
        else { return nil }
        return (wrap, false)
    }

    /// The second line of a title hard-wrapped over two lines in a story whose paragraphs are
    /// hard-wrapped too (``DumpHardWrap``), the title's first line broken at their width; the
    /// header block after the two lines (captions, the widget block) and where the header ends
    /// (the two lines again, the captions again). The second line was the caption when the
    /// two were given again, a paragraph when not. A title with a caption or a byline under
    /// it is told apart by its first line: short of the width, the next word would fit on it;
    /// near the width, by what the line under it says of itself (``DumpTitleSecondLine``), by
    /// that line given again in the header, or by the title given again without it.
    private static func widthWrappedTitle(_ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer)
        -> (wrap: LineSpan, captionBlock: Int?, headerEnd: Int)?
    {
        let blocks = article.blocks
        guard blocks.count >= 3, blocks[1].count == 1, blocks[1].blankLinesBefore == 0 else { return nil }
        let title = article.lines[blocks[0].first]
        let wrap = article.lines[blocks[1].first]
        guard !isWidget(wrap, in: bytes) else { return nil }
        func isTitleAgain(_ index: Int) -> Bool {
            guard index < blocks.count, blocks[index].count == 2 else { return false }
            let lines = article.lines(ofBlock: index)
            return equal(lines[lines.startIndex], title, in: bytes)
                && equal(lines[lines.startIndex + 1], wrap, in: bytes)
        }
        var captionBlock: Int?
        var headerEnd = 2
        if isTitleAgain(2) {
            headerEnd = 3
        } else if isHeaderBlock(article.lines(ofBlock: 2), title: title, in: bytes)
            || DumpCaptionBlock.isCaptions(article.lines(ofBlock: 2), in: bytes)
        {
            captionBlock = 2
            headerEnd = 3
            if isTitleAgain(3) {
                headerEnd = 4
                if headerEnd < blocks.count,
                    isRepeatedCaption(article, block: headerEnd, before: 2..<3, bytes: bytes)
                {
                    headerEnd += 1
                }
            }
        }
        guard
            DumpHardWrap(
                article, blocks: headerEnd..<blocks.count, breaking: title, before: wrap, bytes: bytes)
                != nil,
            !isCreditedCaption(wrap, in: bytes),
            DumpTitleSecondLine.mayContinue(wrap, title: title, in: bytes)
        else { return nil }
        // The second line given again in the header (a caption and its alt text), or the title
        // given again as its first line alone: the second line is no part of the title.
        for index in 2..<min(blocks.count, headerEnd + 2) where !isTitleAgain(index) {
            let lines = article.lines(ofBlock: index).prefix(DumpWidgetBlock.maxCaptionLines + 2)
            if lines.contains(where: { equal($0, wrap, in: bytes) }) { return nil }
            if lines.count == 1 && equal(lines[lines.startIndex], title, in: bytes) { return nil }
        }
        return (wrap, captionBlock, headerEnd)
    }

    /// Whether a header block reads as the story's own paragraph: its last line a sentence
    /// (``DumpSentenceLine``), the block neither the title again nor captions nor widgets.
    /// Asked of the blocks after the first before the title again: a byline or a date there,
    /// written in title case, is the page's.
    static func isStoryText(
        _ lines: ArraySlice<LineSpan>, title: LineSpan, in bytes: UnsafeRawBufferPointer
    ) -> Bool {
        guard let first = lines.first, let last = lines.last,
            DumpSentenceLine.readsAsSentence(last, in: bytes),
            !isTitleAgain(first, title, in: bytes),
            !lines.contains(where: { isTextSizeWidget($0, in: bytes) })
        else { return false }
        return !isHeaderBlock(lines, title: title, in: bytes)
            && !DumpCaptionBlock.isCaptions(lines, in: bytes)
    }

    /// Whether a line names a photo's credit as a caption does ("… (REUTERS)", "… [AFP]").
    /// Asked of the caption's usual marks first (`)` or `]` at its end, `/`, `:`, `©`): decoding
    /// every such line cost 15 µs a story.
    private static func isCreditedCaption(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !line.isEmpty else { return false }
        let marked =
            bytes[line.end - 1] == UInt8(ascii: ")") || bytes[line.end - 1] == UInt8(ascii: "]")
            || (line.start..<line.end).contains { index in
                let byte = bytes[index]
                return byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":") || byte == 0xA9
            }
        guard marked else { return false }
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
        return CaptionCredit.credit(fromCaption: text) != nil
    }

    /// The first line of a header block that is no widget.
    private static func firstCaption(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer)
        -> LineSpan?
    {
        lines.indices.first { !DumpWidgetBlock.isWidget(at: $0, of: lines, in: bytes) }.map { lines[$0] }
    }

    /// A block of page header: a caption twice, or the widget block (see
    /// ``hasWidget(_:title:in:)``). A number alone is the story's text ("10", a list's first
    /// heading): the counter comes with `TT` (found by QA).
    static func isHeaderBlock(
        _ lines: ArraySlice<LineSpan>, title: LineSpan, in bytes: UnsafeRawBufferPointer
    )
        -> Bool
    {
        if hasWidget(lines, title: title, in: bytes) { return true }
        return lines.count == 2 && equal(lines[lines.startIndex], lines[lines.startIndex + 1], in: bytes)
    }

    /// Whether a block is the page's widget block: short and holding the text-size widget `TT`,
    /// or of any length in the shape ``DumpWidgetBlock`` takes (several photos' captions before
    /// `TT`; a block of more than four lines was the story's text; found by QA).
    static func hasWidget(_ lines: ArraySlice<LineSpan>, title: LineSpan, in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        guard lines.count <= maxHeaderBlockLines else {
            return DumpWidgetBlock(lines, title: title, in: bytes) != nil
        }
        guard lines.contains(where: { isTextSizeWidget($0, in: bytes) }) else { return false }
        // After `TT` come its counter and the title again, nothing else: a paragraph's lines
        // around a `TT` left in it ("The vote was", TT, 20, "in favour.") were taken for a
        // caption and the widgets, and left out of the story (found by QA).
        return DumpWidgetBlock(lines, title: title, in: bytes) != nil
    }

    /// Whether a header block holds a caption line (one that is no widget).
    static func hasCaption(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer) -> Bool {
        lines.contains { !isWidget($0, in: bytes) }
    }

    /// The text-size control `TT`.
    static func isTextSizeWidget(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        line.count >= 2 && bytes[line.start] == UInt8(ascii: "T")
            && bytes[line.start + 1] == UInt8(ascii: "T")
            && (line.count == 2
                || DumpUnseenDifferences.showNothing(from: line.start + 2, to: line.end, in: bytes))
    }

    /// The caption block repeated after the repeated title: every line a caption line seen
    /// in the header before it, or (when there was none) a caption given twice.
    static func isRepeatedCaption(
        _ article: DumpArticleBlocks, block: Int, before header: Range<Int>, bytes: UnsafeRawBufferPointer
    ) -> Bool {
        isRepeatedCaption(article, lines: article.lines(ofBlock: block), before: header, bytes: bytes)
    }

    /// Whether `lines` repeat the caption of the header blocks `header`, as
    /// ``isRepeatedCaption(_:block:before:bytes:)`` says of a block.
    private static func isRepeatedCaption(
        _ article: DumpArticleBlocks, lines: ArraySlice<LineSpan>, before header: Range<Int>,
        bytes: UnsafeRawBufferPointer
    ) -> Bool {
        guard !lines.isEmpty, lines.count <= DumpWidgetBlock.maxCaptionLines else { return false }
        // The caption lines of the header, looked at where they are (no list made per article).
        func anyKnown(_ matches: (LineSpan) -> Bool) -> Bool {
            header.contains { index in
                article.lines(ofBlock: index).contains { !isWidget($0, in: bytes) && matches($0) }
            }
        }
        if !anyKnown({ _ in true }) {
            return lines.count == 2 && equal(lines[lines.startIndex], lines[lines.startIndex + 1], in: bytes)
        }
        return lines.allSatisfy { line in
            isWidget(line, in: bytes) || anyKnown { equal($0, line, in: bytes) }
        }
    }

    /// Page widgets: the text-size control `TT` and a counter of one to four digits.
    static func isWidget(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        isTextSizeWidget(line, in: bytes) || isCounter(line, in: bytes)
    }

    /// A line that could be the page's counter: one to four digits.
    static func isCounter(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        let count = line.count
        guard count >= 1 && count <= 4 else { return false }
        for index in line.start..<line.end where !(0x30...0x39).contains(bytes[index]) { return false }
        return true
    }

    /// Whether `line` gives the title again: the same text (see ``equal(_:_:in:)``), or the
    /// same in another case or with other quotes and dashes, or with a site's name after a
    /// `-`, `|` or dash, or a colon, on either (the header leaked into the text; found by QA).
    static func isTitleAgain(_ line: LineSpan, _ title: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        if equal(line, title, in: bytes) { return true }
        // In quotes ("Storm Hits Coast", “…”; found by QA).
        if let inner = quoted(line, in: bytes), isLooselyTitle(inner, title, in: bytes) { return true }
        return isLooselyTitle(line, title, in: bytes)
    }

    /// The text inside the quotes a line is given in, if it is.
    private static func quoted(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> LineSpan? {
        func quoteLength(at index: Int) -> Int {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return 1 }
            if byte == 0xE2, index + 2 < line.end, bytes[index + 1] == 0x80,
                (0x98...0x9F).contains(bytes[index + 2])
            {
                return 3
            }
            return 0
        }
        guard line.count >= 3 else { return nil }
        let open = quoteLength(at: line.start)
        guard open > 0 else { return nil }
        // The closing quote: its last byte is the line's.
        let close =
            quoteLength(at: line.end - 1) == 1
            ? 1 : line.end - 3 >= line.start + open && quoteLength(at: line.end - 3) == 3 ? 3 : 0
        guard close > 0, line.start + open < line.end - close else { return nil }
        return LineSpan(start: line.start + open, end: line.end - close)
    }

    /// ``isTitleAgain(_:_:in:)`` but for the exact test and quotes.
    private static func isLooselyTitle(_ line: LineSpan, _ title: LineSpan, in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        var left = line.start
        var right = title.start
        while true {
            let leftBlank = left < line.end && (bytes[left] == 0x20 || bytes[left] == 0x09)
            let rightBlank = right < title.end && (bytes[right] == 0x20 || bytes[right] == 0x09)
            if leftBlank && rightBlank {
                while left < line.end && (bytes[left] == 0x20 || bytes[left] == 0x09) { left += 1 }
                while right < title.end && (bytes[right] == 0x20 || bytes[right] == 0x09) { right += 1 }
                continue
            }
            if left == line.end || right == title.end || leftBlank || rightBlank { break }
            let (a, nextLeft) = folded(at: left, before: line.end, in: bytes)
            let (b, nextRight) = folded(at: right, before: title.end, in: bytes)
            guard a == b else { return false }
            left = nextLeft
            right = nextRight
        }
        if left == line.end && right == title.end { return true }
        // One goes on: only with a site's name after a separator, or a colon.
        let (rest, end) = left < line.end ? (left, line.end) : (right, title.end)
        guard left == line.end || right == title.end else { return false }
        var index = rest
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        guard index < end else { return true }
        let (separator, next) = folded(at: index, before: end, in: bytes)
        if separator == UInt32(UInt8(ascii: ":")) { return next == end }
        // A name: short, and not a phrase that goes on in lower case ("- and why it matters").
        guard separator == UInt32(UInt8(ascii: "-")) || separator == UInt32(UInt8(ascii: "|")), index > rest,
            next + 1 < end, bytes[next] == 0x20, end - next <= 40
        else { return false }
        return !(bytes[next + 1] >= UInt8(ascii: "a") && bytes[next + 1] <= UInt8(ascii: "z"))
    }

    /// The character at `index` for ``isTitleAgain(_:_:in:)``: an ASCII letter in lower case,
    /// a curly quote as a straight one, a dash as `-`; other bytes as they are.
    private static func folded(at index: Int, before end: Int, in bytes: UnsafeRawBufferPointer)
        -> (UInt32, Int)
    {
        let byte = bytes[index]
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return (UInt32(byte | 0x20), index + 1) }
        // U+2010–U+2015 (hyphens, dashes), U+2018–U+201B and U+201C–U+201F (quotes).
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80 {
            let third = bytes[index + 2]
            switch third {
            case 0x90...0x95: return (UInt32(UInt8(ascii: "-")), index + 3)
            case 0x98...0x9B: return (UInt32(UInt8(ascii: "'")), index + 3)
            case 0x9C...0x9F: return (UInt32(UInt8(ascii: "\"")), index + 3)
            default: break
            }
        }
        return (UInt32(byte), index + 1)
    }

    /// Whether two lines hold the same text, a run of blanks matching any other (a repeated
    /// title scraped with a double space or a tab is still the title), and what shows nothing
    /// aside (a caption given again with a no-break space, a zero-width space or a colour code
    /// was shown twice; found by QA): ``DumpUnseenDifferences``.
    static func equal(_ lhs: LineSpan, _ rhs: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        if lhs.count == rhs.count {
            if lhs.start == rhs.start { return true }
            guard let base = bytes.baseAddress else { return true }
            if memcmp(base + lhs.start, base + rhs.start, lhs.count) == 0 { return true }
        }
        return DumpUnseenDifferences.showSame(lhs, rhs, in: bytes)
    }
}
