/// Reads the plain-text news dump (PRODUCT.md 1.1) straight from bytes.
///
/// `index` finds every article's byte range, title, credit, id and word count without
/// building a string per line; `article` decodes one article's body when it is shown.
public enum PlainTextDumpParser {
    /// Calls `body` with the summary of each article in `bytes`, in file order, until it
    /// returns false.
    public static func index(
        _ bytes: UnsafeRawBufferPointer,
        body: (ArticleSummary) -> Bool
    ) {
        var segmenter = DumpArticleSegmenter(reader: DumpBlockReader(bytes: bytes))
        while let blocks = segmenter.next() {
            guard let summary = summarize(blocks, bytes: bytes) else { continue }
            if !body(summary) { return }
        }
    }

    /// Every article summary of `bytes`.
    public static func index(_ bytes: UnsafeRawBufferPointer) -> [ArticleSummary] {
        var summaries: [ArticleSummary] = []
        index(bytes) { summary in
            summaries.append(summary)
            return true
        }
        return summaries
    }

    /// The whole article whose bytes are `range`, decoded (invalid UTF-8 becomes U+FFFD).
    public static func article(
        in bytes: UnsafeRawBufferPointer, range: Range<Int>, source: String
    ) -> Article? {
        var segmenter = DumpArticleSegmenter(reader: DumpBlockReader(bytes: bytes, range: range))
        guard let blocks = segmenter.next(), let summary = summarize(blocks, bytes: bytes) else { return nil }
        let layout = DumpArticleLayout(blocks: blocks, bytes: bytes)
        let caption = layout.captionLines.first.map { decode($0, bytes) }
        let paragraphs = layout.paragraphs.map { lines in
            lines.map { decode($0, bytes) }.joined(separator: " ")
        }
        return Article(
            id: summary.id, title: summary.title, caption: caption, credit: summary.credit,
            paragraphs: paragraphs, wordCount: summary.wordCount, readingMinutes: summary.readingMinutes,
            source: source)
    }

    /// Every article of `bytes`, decoded (for `export` and tests; the screen uses `index`).
    public static func articles(_ bytes: UnsafeRawBufferPointer, source: String) -> [Article] {
        index(bytes).compactMap { summary in
            guard case .bytes(let range) = summary.location else { return nil }
            return article(in: bytes, range: range, source: source)
        }
    }

    private static func summarize(_ blocks: [DumpBlock], bytes: UnsafeRawBufferPointer) -> ArticleSummary? {
        let layout = DumpArticleLayout(blocks: blocks, bytes: bytes)
        if layout.paragraphs.isEmpty && layout.captionLines.isEmpty
            && DumpArticleLayout.isWidget(layout.title, in: bytes)
        {
            return nil  // nothing but page furniture
        }
        var fingerprint = ContentFingerprint()
        fingerprint.add(layout.title, in: bytes)
        fingerprint.endPart()
        var words = WordCounter()
        for paragraph in layout.paragraphs {
            for line in paragraph {
                fingerprint.add(line, in: bytes)
                words.add(line, in: bytes)
            }
            fingerprint.endPart()
        }
        let credit = layout.captionLines.first.flatMap {
            CaptionCredit.credit(fromCaption: decode($0, bytes))
        }
        let first = blocks[0].lines[0].start
        let last = blocks[blocks.count - 1].lines.last?.end ?? first
        return ArticleSummary(
            id: ArticleID(fingerprint.hexDigest), title: decode(layout.title, bytes), credit: credit,
            wordCount: words.count, readingMinutes: ReadingTime.minutes(forWords: words.count),
            location: .bytes(first..<last))
    }

    private static func decode(_ line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
    }
}
