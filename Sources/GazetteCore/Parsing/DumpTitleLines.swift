/// The lines of a dump story's title hard-wrapped over two or three lines, where its header
/// gives them again: the three lines again after the widget block, or the lines joined on one
/// line after them (after the widget block or with none). A title's next lines with nothing
/// given again, or given again as two lines without the widget block, stay as they were (a
/// title and its caption given twice looks the same).
///
/// Found by QA: the title was cut after its first line, its other lines shown as the caption or
/// as paragraphs, the title again among them.
struct DumpTitleLines {
    /// The title's lines after its first.
    let wrap: [LineSpan]
    /// The header block holding the photos' captions, if the widget block has some.
    let captionBlock: Int?
    /// The first block after the header: the title again and the captions again are before it.
    let headerEnd: Int

    /// The longest title line, in bytes, taken for a part of a title wrapped over three lines.
    static let longestLine = 80

    /// The title lines of `article`, if its header gives them again.
    init?(_ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer) {
        let blocks = article.blocks
        guard blocks.count >= 3, blocks[1].blankLinesBefore == 0, blocks[1].count <= 2 else { return nil }
        let title = article.lines[blocks[0].first]
        let wrap = Array(article.lines(ofBlock: 1))
        let lines = [title] + wrap
        guard lines.allSatisfy({ !$0.isEmpty && !DumpArticleLayout.isWidget($0, in: bytes) }) else {
            return nil
        }
        var again = 2
        var captionBlock: Int?
        let widgets = DumpWidgetBlock(article.lines(ofBlock: 2), title: title, in: bytes)
        if let widgets, widgets.titleAgain == nil {
            again = 3
            if DumpArticleLayout.hasCaption(article.lines(ofBlock: 2)[..<widgets.widget], in: bytes) {
                captionBlock = 2
            }
        }
        guard again < blocks.count, blocks[again].blankLinesBefore == 1 else { return nil }
        let given = article.lines(ofBlock: again)
        if given.count == 1 {
            // The lines joined, given again on one line.
            guard Self.isJoined(given[given.startIndex], lines, in: bytes) else { return nil }
        } else {
            // The three lines again, after the widget block: the captions there, or lines that
            // read as a title's and not as a caption and its alt text.
            guard again == 3, wrap.count == 2, given.count == 3,
                zip(given, lines).allSatisfy({ DumpArticleLayout.equal($0, $1, in: bytes) }),
                captionBlock != nil || Self.goOn(lines, in: bytes)
            else { return nil }
        }
        var headerEnd = again + 1
        // The captions again.
        if let captionBlock, headerEnd < blocks.count {
            let known = article.lines(ofBlock: captionBlock)
            let repeated = article.lines(ofBlock: headerEnd)
            if repeated.count <= DumpWidgetBlock.maxCaptionLines,
                repeated.allSatisfy({ line in known.contains { DumpArticleLayout.equal($0, line, in: bytes) }
                })
            {
                headerEnd += 1
            }
        }
        self.wrap = wrap
        self.captionBlock = captionBlock
        self.headerEnd = headerEnd
    }

    /// Whether `lines` go on one into the next as a title's lines do: short, none but the last
    /// ending as a sentence does, the next lines no byline, credit, kicker or sentence-case
    /// caption under a title in title case (``DumpTitleSecondLine``), and not the same line twice.
    private static func goOn(_ lines: [LineSpan], in bytes: UnsafeRawBufferPointer) -> Bool {
        guard lines.allSatisfy({ $0.count <= longestLine }) else { return false }
        for index in lines.indices.dropFirst() {
            let before = lines[index - 1]
            guard !DumpSentenceLine.endsAsSentence(before, in: bytes),
                !DumpArticleLayout.equal(before, lines[index], in: bytes),
                DumpTitleSecondLine.mayContinue(lines[index], title: before, in: bytes)
            else { return false }
        }
        return true
    }

    /// Whether `line` is `lines` joined by spaces, a run of spaces and tabs matching any other.
    private static func isJoined(_ line: LineSpan, _ lines: [LineSpan], in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        guard line.count <= longestLine * lines.count + lines.count else { return false }
        var joined: [UInt8] = []
        for part in lines {
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[part.start..<part.end]))
        }
        return DumpHashedBlanks.folded(joined[...])
            == DumpHashedBlanks.folded(UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end])[...])
    }
}
