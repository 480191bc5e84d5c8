#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the plain-text news dump (PRODUCT.md 1.1) straight from bytes.
///
/// `index` finds every article's byte range, title and id with a `memchr` line scan and no
/// string per line; `details` and `article` decode one article when it is shown.
public enum PlainTextDumpParser {
    /// Calls `body` with the summary of each article in `bytes[range]`, in file order,
    /// until it returns false. `body` also gets the byte offset reached (for progress).
    public static func index(
        _ bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil,
        body: (ArticleSummary, Int) -> Bool
    ) {
        index(bytes, range: range, lateEnd: nil, body: body)
    }

    /// Indexes as ``index(_:range:body:)``; with `lateEnd`, the range ends there instead.
    static func index(
        _ bytes: UnsafeRawBufferPointer, range: Range<Int>?, lateEnd: LatePartEnd?,
        body: (ArticleSummary, Int) -> Bool
    ) {
        var segmenter = DumpArticleSegmenter(
            reader: DumpBlockReader(bytes: bytes, range: range, lateEnd: lateEnd),
            keptBlocks: DumpArticleSegmenter.indexKeptBlocks)
        var startsAtGluedHeader = false
        // Where the line that the article's title was cut from starts (``DumpGluedTitle``).
        var gluedTitleLine: Int?
        // Where the line alone before the article's header starts, when it was cut off there
        // (``DumpArticleSegmenter/startsHeaderAfterLoneLine()``).
        var loneLine: Int?
        while segmenter.next() {
            let cutFromLoneLine = loneLine
            loneLine = segmenter.endedBeforeHeader ? segmenter.article.byteRange.lowerBound : nil
            let cutFromRunOn = segmenter.endedAtGluedHeader && !startsAtGluedHeader
            startsAtGluedHeader = segmenter.endedAtGluedHeader
            let cutFromGluedLine = gluedTitleLine
            gluedTitleLine = segmenter.gluedTitleLine
            guard var summary = summarize(segmenter.article, bytes: bytes) else { continue }
            let end = range?.upperBound ?? bytes.count
            if cutFromGluedLine != nil || segmenter.gluedTitleLine != nil {
                // Cut at a glued title: the story as it was cut before, from the glued line or to
                // the end of the story after it.
                let start = cutFromGluedLine ?? segmenter.article.byteRange.lowerBound
                summary.earlierIDs = runOnIDs(bytes, range: start..<end, lateEnd: lateEnd, gluedTitles: true)
            } else if cutFromRunOn {
                summary.earlierIDs = runOnIDs(
                    bytes, range: segmenter.article.byteRange.lowerBound..<end, lateEnd: lateEnd)
            } else if let start = cutFromLoneLine {
                // Cut from the line alone before it: the story as it was, from that line.
                var earlier = DumpArticleSegmenter(
                    reader: DumpBlockReader(bytes: bytes, range: start..<end, lateEnd: lateEnd),
                    keptBlocks: DumpArticleSegmenter.indexKeptBlocks, splitsAfterLoneLine: false)
                if earlier.next() {
                    summary.earlierIDs = earlier.article.finishedDigest(bytes: bytes).asEarlierIDs
                }
            }
            if !body(summary, segmenter.position) { return }
        }
    }

    /// The ids of the story that starts `range` as Gazettes before dd7a6f8 cut it, for a story
    /// that ends where the next one's header is glued (``DumpGluedHeader``): it ran on into that
    /// story (and any after it glued so), and the marks made on it are kept under those ids.
    /// With `gluedTitles`, as Gazettes cut it before a story's title glued to the end of a line
    /// started a story there (``DumpGluedTitle``), for a story ending or starting at one.
    private static func runOnIDs(
        _ bytes: UnsafeRawBufferPointer, range: Range<Int>, lateEnd: LatePartEnd?, gluedTitles: Bool = false
    ) -> EarlierIDs {
        var segmenter = DumpArticleSegmenter(
            reader: DumpBlockReader(bytes: bytes, range: range, lateEnd: lateEnd),
            keptBlocks: DumpArticleSegmenter.indexKeptBlocks, splitsGluedHeaders: gluedTitles,
            splitsGluedTitles: !gluedTitles)
        guard segmenter.next() else { return EarlierIDs() }
        return segmenter.article.finishedDigest(bytes: bytes).asEarlierIDs
    }

    /// How far `articleBoundary` looks for two blank lines.
    static let boundarySearchLength = 4 << 20

    /// The start of the first block after `offset` that follows two or more blank lines: an
    /// article starts there whatever comes before, so indexing can be split at it.
    public static func articleBoundary(in bytes: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        guard let base = bytes.baseAddress, offset < bytes.count else { return nil }
        let limit = min(bytes.count, offset + boundarySearchLength)
        // Start at a line start: just after the next line break.
        guard
            let found = memchr(base + offset, 0x0A, limit - offset)
                ?? memchr(base + offset, 0x0D, limit - offset)
        else { return nil }
        let lineStart = UnsafeRawPointer(found) - base + 1
        var reader = DumpBlockReader(bytes: bytes, range: lineStart..<limit)
        var lines: [LineSpan] = []
        while let block = reader.nextBlock(into: &lines) {
            if block.blankLinesBefore >= 2 { return lines[block.first].start }
            lines.removeAll(keepingCapacity: true)
        }
        return nil
    }

    /// Every article summary of `bytes`.
    public static func index(_ bytes: UnsafeRawBufferPointer) -> [ArticleSummary] {
        var summaries: [ArticleSummary] = []
        index(bytes) { summary, _ in
            summaries.append(summary)
            return true
        }
        return summaries
    }

    /// Credit and word count of the article whose bytes are `range`.
    public static func details(in bytes: UnsafeRawBufferPointer, range: Range<Int>) -> ArticleDetails? {
        // A long story's words are counted as its blocks come, not held (see DumpArticleDigest).
        guard
            let article = parseOne(
                bytes, range: range, keptBlocks: DumpArticleSegmenter.indexKeptBlocks, extras: .words)
        else { return nil }
        return details(
            of: article, digest: article.finishedDigest(bytes: bytes, extras: .words), bytes: bytes)
    }

    /// The credits of the article whose bytes are `range`, from its header: what a list of
    /// headlines shows, without counting the body's words.
    public static func credits(in bytes: UnsafeRawBufferPointer, range: Range<Int>) -> ArticleCredits? {
        guard let article = parseOne(bytes, range: range, keptBlocks: headerBlocks, extras: []) else {
            return nil
        }
        return credits(
            of: article, layout: article.finishedDigest(bytes: bytes, extras: []).layout, bytes: bytes)
    }

    /// Credit and word count of `article`, whose finished `digest` counted its words.
    private static func details(
        of article: DumpArticleBlocks, digest: DumpArticleDigest, bytes: UnsafeRawBufferPointer
    ) -> ArticleDetails {
        var words = digest.words ?? WordCounter()
        // An overlong title line is the first paragraph: its words are the story's too.
        if let first = overlongTitle(of: digest.layout) {
            words.add(first, in: bytes)
            for wrap in digest.layout.titleWraps { words.add(wrap, in: bytes) }
        }
        return ArticleDetails(
            credited: credits(of: article, layout: digest.layout, bytes: bytes), wordCount: words.count,
            ideographs: words.ideographs)
    }

    /// Whom `article` credits: a byline its caption gives, else one opening its text, else each
    /// photo's credit, once.
    private static func credits(
        of article: DumpArticleBlocks, layout: DumpArticleLayout, bytes: UnsafeRawBufferPointer
    ) -> ArticleCredits {
        let parts = captionParts(article, layout: layout, bytes: bytes)
        // Days are read only where one may stand above a byline (days credit no one).
        let header = DumpCaptionParts(parts, readingDates: parts.contains { $0.hasPrefix("By ") })
        if let author = header.author { return ArticleCredits(byline: author) }
        // A byline opening the text credits its author, as one in the header does.
        if let byline = textByline(of: article, layout: layout, bytes: bytes) {
            return ArticleCredits(byline: byline.author)
        }
        // Each photo's credit, once: only the first showed (found by QA).
        var credits: [String] = []
        for part in header.caption {
            if let credit = CaptionCredit.credit(fromCaption: part), !credits.contains(credit) {
                credits.append(credit)
            }
        }
        // No photo credited: a wire story's dateline opening its text names the agency
        // ("(서울=연합뉴스) 홍길동 기자 = …", "LONDON (Reuters) - …", "【ワシントン共同】…").
        if credits.isEmpty, let agency = datelineAgency(of: article, layout: layout, bytes: bytes) {
            credits.append(agency)
        }
        return ArticleCredits(credits)
    }

    /// The byline that the story's first paragraph is (``DumpTextByline``), if it is one.
    private static func textByline(
        of article: DumpArticleBlocks, layout: DumpArticleLayout, bytes: UnsafeRawBufferPointer
    ) -> DumpCaptionByline? {
        let first = layout.shownBody
        guard overlongTitle(of: layout) == nil, article.keptBody(of: layout).contains(first) else {
            return nil
        }
        let lines = article.lines(ofBlock: first)
        guard DumpTextByline.mayBe(lines, in: bytes) else { return nil }
        return DumpTextByline.byline(lines.map { decode($0, bytes) })
    }

    /// The agency named by the dateline that opens the story's first paragraph (``WireDateline``).
    private static func datelineAgency(
        of article: DumpArticleBlocks, layout: DumpArticleLayout, bytes: UnsafeRawBufferPointer
    ) -> String? {
        let first = layout.shownBody
        guard article.keptBody(of: layout).contains(first), let line = article.lines(ofBlock: first).first,
            !line.isEmpty
        else { return nil }
        // Only a line that may open with a dateline is decoded, and only its start.
        var end = min(line.end, line.start + WireDateline.leadBytes)
        guard WireDateline.mayOpen(UnsafeRawBufferPointer(rebasing: bytes[line.start..<end])) else {
            return nil
        }
        while end < line.end && UTF8.isContinuation(bytes[end]) { end -= 1 }  // not inside a character
        return WireDateline.agency(opening: Substring(decode(LineSpan(start: line.start, end: end), bytes)))
    }

    /// Blocks a story may have before its body (title, captions, widgets, the title again):
    /// kept besides the paragraphs asked for.
    private static let headerBlocks = 8

    /// The whole article whose bytes are `range`, decoded (invalid UTF-8 becomes U+FFFD);
    /// with `maxParagraphs`, only that many paragraphs of a longer one (the rest counted in
    /// ``Article/leftOutParagraphs``).
    public static func article(
        in bytes: UnsafeRawBufferPointer, range: Range<Int>, source: String, maxParagraphs: Int? = nil
    ) -> Article? {
        // The id, the words and the paragraphs from one parse (the words took a second one).
        let extras: DumpArticleDigest.Extras = [.id, .words]
        guard
            let blocks = parseOne(
                bytes, range: range, keptBlocks: maxParagraphs.map { $0 + headerBlocks }, extras: extras)
        else { return nil }
        let digest = blocks.finishedDigest(bytes: bytes, extras: extras)
        guard let summary = summarize(blocks, digest: digest, bytes: bytes) else { return nil }
        let details = details(of: blocks, digest: digest, bytes: bytes)
        let layout = digest.layout
        let body = blocks.keptBody(of: layout)
        let captionLines = DumpCaption(blocks, layout: layout, bytes: bytes).lines
        // A byline and its time where the caption goes show as the byline, a day alone as the date.
        let header = DumpCaptionParts(captionParts(blocks, layout: layout, bytes: bytes))
        let shownCaption = caption(header.caption)
        var date = header.date
        // A byline opening the text shows as the byline too, under the title where no caption
        // is (and not again in the text); under a caption, in the text.
        var bylineBlock: Int?
        var dayBlock: Int?
        if header.author == nil, let byline = textByline(of: blocks, layout: layout, bytes: bytes) {
            date = date ?? byline.date
            if shownCaption == nil {
                bylineBlock = layout.shownBody
                // Its day in a paragraph of its own under it is the date too, not text (found by QA).
                if date == nil,
                    let next = body.first(where: { $0 > layout.shownBody && layout.shows(bodyBlock: $0) }),
                    case let lines = blocks.lines(ofBlock: next), lines.count == 1,
                    let day = DumpCaptionDate.day(decode(lines[lines.startIndex], bytes))
                {
                    date = day
                    dayBlock = next
                }
            }
        }
        let shown = body.filter { layout.shows(bodyBlock: $0) && $0 != bylineBlock && $0 != dayBlock }
        var paragraphs = shown.compactMap { block -> String? in
            let lines = DumpBodyBlock.shownLines(
                blocks.lines(ofBlock: block), caption: captionLines, in: bytes)
            return lines.isEmpty ? nil : paragraphText(lines, bytes)
        }
        if let first = overlongTitle(of: layout) {
            let lines = [first] + layout.titleWraps
            paragraphs.insert(paragraphText(lines, bytes), at: 0)
        }
        var article = Article(
            id: summary.id, title: summary.title, caption: shownCaption,
            credit: details.credit, paragraphs: paragraphs, wordCount: details.wordCount,
            readingMinutes: details.readingMinutes, source: source)
        article.date = date
        article.leftOutParagraphs = blocks.digest == nil ? 0 : digest.bodyBlocks - body.count
        return article
    }

    /// Calls `body` with the text of the article in `range` — title, caption and paragraphs,
    /// one per line, without the page furniture — copied into one buffer, not decoded.
    public static func withText(
        in bytes: UnsafeRawBufferPointer, range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        withText(in: bytes, range: range, expecting: nil, body) ?? false
    }

    /// Calls `body` with the text of the article in `range`, as ``withText(in:range:_:)`` does,
    /// when the article there is the one whose id is `id` (any article when nil); nil, and
    /// `body` not called, when it is not (the file was written over since it was indexed).
    /// The id is made from the same pass over the lines as the text.
    public static func withText(
        in bytes: UnsafeRawBufferPointer, range: Range<Int>, expecting id: ArticleID?,
        _ body: (UnsafeRawBufferPointer) -> Bool
    ) -> Bool? {
        let extras: DumpArticleDigest.Extras = id == nil ? .text : [.text, .id]
        // A long story's lines are gathered as its blocks come, not held (see DumpArticleDigest).
        guard
            let article = parseOne(
                bytes, range: range, keptBlocks: DumpArticleSegmenter.indexKeptBlocks, extras: extras)
        else { return id == nil ? false : nil }
        let digest = article.finishedDigest(bytes: bytes, extras: extras)
        if let id, digest.id != id { return nil }
        return (digest.text ?? []).withUnsafeBytes(body)
    }

    /// Every article of `bytes`, decoded (for tests; commands decode one at a time).
    public static func articles(_ bytes: UnsafeRawBufferPointer, source: String) -> [Article] {
        index(bytes).compactMap { summary in
            guard case .bytes(let range, _) = summary.location else { return nil }
            return article(in: bytes, range: range, source: source)
        }
    }

    /// The caption as shown from its `parts`: each on a line, a credit run on to it set apart.
    private static func caption(_ parts: [String]) -> String? {
        guard !parts.isEmpty else { return nil }
        return JoinedText.joined(parts.map(CaptionCredit.displayForm(of:)), separator: "\n")
    }

    /// The caption's parts, decoded: each caption line once, or one caption wrapped over them.
    /// The credits are those they name.
    private static func captionParts(
        _ article: DumpArticleBlocks, layout: DumpArticleLayout, bytes: UnsafeRawBufferPointer
    ) -> [String] {
        let caption = DumpCaption(article, layout: layout, bytes: bytes)
        let lines = caption.lines.map { decode($0, bytes) }
        return caption.isWrapped ? [DumpParagraph.text(of: lines)] : lines
    }

    /// The text of a paragraph of `lines`, as shown (and as its id is made; ``DumpJoinedLines``).
    static func paragraphText(_ lines: some Collection<LineSpan>, _ bytes: UnsafeRawBufferPointer) -> String {
        DumpParagraph.text(of: lines.map { decode($0, bytes) })
    }

    /// The blocks of the one article in `range`; see ``DumpArticleSegmenter`` for `keptBlocks`.
    private static func parseOne(
        _ bytes: UnsafeRawBufferPointer, range: Range<Int>, keptBlocks: Int? = nil,
        extras: DumpArticleDigest.Extras = .id
    ) -> DumpArticleBlocks? {
        var segmenter = DumpArticleSegmenter(
            reader: DumpBlockReader(bytes: bytes, range: range), keptBlocks: keptBlocks, extras: extras)
        guard segmenter.next() else { return nil }
        return segmenter.article
    }

    private static func summarize(_ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer)
        -> ArticleSummary?
    {
        summarize(article, digest: article.finishedDigest(bytes: bytes), bytes: bytes)
    }

    /// The summary of `article`, whose finished digest is `digest`; nil for no story.
    private static func summarize(
        _ article: DumpArticleBlocks, digest: DumpArticleDigest, bytes: UnsafeRawBufferPointer
    ) -> ArticleSummary? {
        let layout = digest.layout
        if digest.isFurniture {
            return nil  // nothing but page furniture
        }
        if layout.caption == nil && digest.bodyBlocks == 0 && isSeparator(layout.title, bytes) {
            return nil  // a line between stories ("---", "* * *"), not a story
        }
        let caption = layout.caption.map { $0.start..<$0.end }
        return ArticleSummary(
            id: digest.id, title: title(of: layout, bytes),
            location: .bytes(article.byteRange, caption: caption), earlierIDs: digest.earlierIDs)
    }

    /// Whether a line has no letter, digit or emoji: a separator some dumps put between
    /// stories ("---", "* * *", "═══"), which was listed as a story of its own (found by QA).
    private static func isSeparator(_ line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard line.count <= 200 else { return false }
        return !decode(line, bytes).unicodeScalars.contains {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
                || $0.properties.isEmojiPresentation
        }
    }

    /// Longest title line shown whole, in bytes: a longer one is the story's first paragraph,
    /// and the title is made from its start (as a feed story's without a title is).
    static let maxTitleBytes = 1024

    /// The title line of `layout` when it is longer than ``maxTitleBytes``, else nil.
    private static func overlongTitle(of layout: DumpArticleLayout) -> LineSpan? {
        layout.title.count > maxTitleBytes ? layout.title : nil
    }

    /// The title as shown: a hard-wrapped title's lines joined as a paragraph's are.
    private static func title(of layout: DumpArticleLayout, _ bytes: UnsafeRawBufferPointer) -> String {
        guard !layout.titleWraps.isEmpty, overlongTitle(of: layout) == nil else {
            return decodeTitle(layout.title, bytes)
        }
        // On one line: lines of speech or a list's keep a line each in a paragraph, not in a title.
        return oneLine(
            DumpParagraph.text(of: ([layout.title] + layout.titleWraps).map { decodeTitle($0, bytes) }))
    }

    /// A title's text on one line: lines of speech or a list's keep a line each in a paragraph,
    /// not in a title.
    static func oneLine(_ text: String) -> String {
        JoinedText.joined(text.split(separator: "\n"), separator: " ")
    }

    private static func decodeTitle(_ line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> String {
        guard line.count > maxTitleBytes else {
            // A title of controls and escape sequences alone shows nothing: its row was blank.
            let title = decode(line, bytes)
            return TerminalSanitizer.showsNothing(title) ? Article.untitled : title
        }
        // Its first words, as a feed story's title from its text; only the start is decoded.
        var end = line.start + maxTitleBytes
        while end > line.start && UTF8.isContinuation(bytes[end]) { end -= 1 }  // not inside a character
        let shown = TitleFromText.titles(of: decode(LineSpan(start: line.start, end: end), bytes)).shown
        return shown.hasSuffix("…") ? shown : shown + "…"
    }

    /// A line's text; a tab between words is a space (`Boats in port.<TAB>REUTERS/…` names
    /// its credit as with a space; ``DumpShownBlanks``).
    static func decode(_ line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> String {
        guard DumpShownBlanks.holdsTab(line, in: bytes) else {
            return String(
                decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
        }
        return String(decoding: DumpShownBlanks.shown(line, in: bytes), as: UTF8.self)
    }
}
