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
            reader: DumpBlockReader(bytes: bytes, range: range, lateEnd: lateEnd))
        while segmenter.next() {
            guard let summary = summarize(segmenter.article, bytes: bytes) else { continue }
            if !body(summary, segmenter.position) { return }
        }
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
        guard let (article, layout) = parseOne(bytes, range: range) else { return nil }
        var words = WordCounter()
        for block in layout.body {
            for line in article.lines(ofBlock: block) { words.add(line, in: bytes) }
        }
        var credit: String?
        for part in captionParts(article, layout: layout, bytes: bytes) where credit == nil {
            credit = CaptionCredit.credit(fromCaption: part)
        }
        return ArticleDetails(credit: credit, wordCount: words.count, ideographs: words.ideographs)
    }

    /// The whole article whose bytes are `range`, decoded (invalid UTF-8 becomes U+FFFD).
    public static func article(
        in bytes: UnsafeRawBufferPointer, range: Range<Int>, source: String
    ) -> Article? {
        guard let (blocks, layout) = parseOne(bytes, range: range),
            let summary = summarize(blocks, bytes: bytes),
            let details = details(in: bytes, range: range)
        else { return nil }
        let paragraphs = layout.body.map { block in
            DumpParagraph.text(of: blocks.lines(ofBlock: block).map { decode($0, bytes) })
        }
        return Article(
            id: summary.id, title: summary.title,
            caption: caption(blocks, layout: layout, bytes: bytes),
            credit: details.credit, paragraphs: paragraphs, wordCount: details.wordCount,
            readingMinutes: details.readingMinutes, source: source)
    }

    /// Calls `body` with the text of the article in `range` — title, caption and paragraphs,
    /// one per line, without the page furniture — copied into one buffer, not decoded.
    public static func withText(
        in bytes: UnsafeRawBufferPointer, range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        guard let (article, layout) = parseOne(bytes, range: range) else { return false }
        var text: [UInt8] = []
        text.reserveCapacity(range.count)
        func add(_ line: LineSpan) {
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]))
            text.append(0x0A)
        }
        add(layout.title)
        for line in DumpCaption(article, layout: layout, bytes: bytes).lines { add(line) }
        for block in layout.body {
            for line in article.lines(ofBlock: block) { add(line) }
        }
        return text.withUnsafeBytes(body)
    }

    /// Every article of `bytes`, decoded (for tests; commands decode one at a time).
    public static func articles(_ bytes: UnsafeRawBufferPointer, source: String) -> [Article] {
        index(bytes).compactMap { summary in
            guard case .bytes(let range, _) = summary.location else { return nil }
            return article(in: bytes, range: range, source: source)
        }
    }

    /// The caption as shown: each part on a line, a credit run on to it set apart.
    private static func caption(
        _ article: DumpArticleBlocks, layout: DumpArticleLayout, bytes: UnsafeRawBufferPointer
    ) -> String? {
        let parts = captionParts(article, layout: layout, bytes: bytes)
        guard !parts.isEmpty else { return nil }
        return parts.map(CaptionCredit.displayForm(of:)).joined(separator: "\n")
    }

    /// The caption's parts, decoded: each caption line once, or one caption wrapped over them.
    /// The credit is the first that one of them names.
    private static func captionParts(
        _ article: DumpArticleBlocks, layout: DumpArticleLayout, bytes: UnsafeRawBufferPointer
    ) -> [String] {
        let caption = DumpCaption(article, layout: layout, bytes: bytes)
        let lines = caption.lines.map { decode($0, bytes) }
        return caption.isWrapped ? [DumpParagraph.text(of: lines)] : lines
    }

    private static func parseOne(
        _ bytes: UnsafeRawBufferPointer, range: Range<Int>
    ) -> (DumpArticleBlocks, DumpArticleLayout)? {
        var segmenter = DumpArticleSegmenter(reader: DumpBlockReader(bytes: bytes, range: range))
        guard segmenter.next() else { return nil }
        return (segmenter.article, DumpArticleLayout(segmenter.article, bytes: bytes))
    }

    private static func summarize(_ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer)
        -> ArticleSummary?
    {
        let layout = DumpArticleLayout(article, bytes: bytes)
        if layout.caption == nil && DumpArticleLayout.isWidget(layout.title, in: bytes)
            && layout.body.allSatisfy({
                article.lines(ofBlock: $0).allSatisfy { DumpArticleLayout.isWidget($0, in: bytes) }
            })
        {
            return nil  // nothing but page furniture
        }
        if layout.caption == nil && layout.body.isEmpty && isSeparator(layout.title, bytes) {
            return nil  // a line between stories ("---", "* * *"), not a story
        }
        var fingerprint = ContentFingerprint()
        fingerprint.add(layout.title, in: bytes)
        fingerprint.endPart()
        for block in layout.body where block != layout.leftOutOfID {
            for line in article.lines(ofBlock: block) { fingerprint.add(line, in: bytes) }
            fingerprint.endPart()
        }
        let caption = layout.caption.map { $0.start..<$0.end }
        return ArticleSummary(
            id: ArticleID(fingerprint.hexDigest), title: decodeTitle(layout.title, bytes),
            location: .bytes(article.byteRange, caption: caption))
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

    /// Longest title kept, in bytes: a title line of megabytes is damage, not a headline.
    static let maxTitleBytes = 1024

    private static func decodeTitle(_ line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> String {
        guard line.count > maxTitleBytes else {
            // A title of controls and escape sequences alone shows nothing: its row was blank.
            let title = decode(line, bytes)
            return TerminalSanitizer.showsNothing(title) ? Article.untitled : title
        }
        var end = line.start + maxTitleBytes
        while end > line.start && bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
        return decode(LineSpan(start: line.start, end: end), bytes) + "…"
    }

    /// A line's text; a tab between words is a space (`Boats in port.<TAB>REUTERS/…` names
    /// its credit as with a space). Ids are made from the bytes, so they stay as they were.
    private static func decode(_ line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end])
        guard let base = raw.baseAddress, memchr(base, 0x09, raw.count) != nil else {
            return String(decoding: raw, as: UTF8.self)
        }
        var spaced: [UInt8] = []
        spaced.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            guard raw[index] == 0x09 || raw[index] == 0x20 else {
                spaced.append(raw[index])
                index += 1
                continue
            }
            // A run of blanks holding a tab becomes one space; spaces alone stay as they are.
            var end = index
            var hasTab = false
            while end < raw.count && (raw[end] == 0x09 || raw[end] == 0x20) {
                hasTab = hasTab || raw[end] == 0x09
                end += 1
            }
            if hasTab {
                if !spaced.isEmpty && end < raw.count { spaced.append(0x20) }
            } else {
                spaced.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index..<end]))
            }
            index = end
        }
        return String(decoding: spaced, as: UTF8.self)
    }
}
