/// A news file opened for reading: what it is, its bytes, and how to index and decode it.
public final class OpenedSource: @unchecked Sendable {
    public let source: Source
    public let bytes: FileBytes
    private let items = FeedItemStore()

    public init(source: Source, bytes: FileBytes) {
        self.source = source
        self.bytes = bytes
    }

    /// Indexes the file (or the part of it in `range`, which must start where an article
    /// does), calling `body` with each summary and the byte offset reached, until it returns false.
    public func index(in range: Range<Int>? = nil, _ body: (ArticleSummary, Int) -> Bool) {
        guard source.format != .plainTextDump else {
            PlainTextDumpParser.index(bytes.buffer, range: range, body: body)
            return
        }
        // A feed is parsed whole from its start; its items are kept for decoding later.
        items.reset()
        _ = try? FeedParser.parse(bytes.buffer) { item in
            let position = items.append(item)
            let summary = ArticleSummary(
                id: ArticleID(item.id), title: FeedArticle.title(of: item), location: .item(position))
            return body(summary, 0)
        }
    }

    /// The first offset after `offset` where an article surely starts (after two blank
    /// lines), looking at most a few MiB ahead; nil when there is none.
    public func articleBoundary(after offset: Int) -> Int? {
        guard source.format == .plainTextDump else { return nil }
        return PlainTextDumpParser.articleBoundary(in: bytes.buffer, after: offset)
    }

    /// Every summary of the file.
    public func indexAll() -> [ArticleSummary] {
        var summaries: [ArticleSummary] = []
        index { summary, _ in
            summaries.append(summary)
            return true
        }
        return summaries
    }

    /// Tells the system that these bytes will not be needed soon, so that an index scan
    /// does not keep a whole archive resident.
    public func release(_ range: Range<Int>) {
        bytes.release(range)
    }

    /// The whole article behind a summary, decoded now.
    public func article(_ summary: ArticleSummary) -> Article? {
        switch summary.location {
        case .bytes(let range, _):
            return PlainTextDumpParser.article(in: bytes.buffer, range: range, source: source.displayName)
        case .item(let position):
            return items[position].map {
                FeedArticle.article(of: $0, id: summary.id, source: source.displayName)
            }
        }
    }

    /// Calls `body` with the searchable text of a story: title, caption and paragraphs (not
    /// the page furniture), as UTF-8.
    public func withSearchText(_ summary: ArticleSummary, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        switch summary.location {
        case .bytes(let range, _):
            return PlainTextDumpParser.withText(in: bytes.buffer, range: range, body)
        case .item(let position):
            var text = summary.title + "\n" + (items[position].map(FeedArticle.plainText) ?? "")
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Credit and reading time of a summary, worked out now.
    public func details(_ summary: ArticleSummary) -> ArticleDetails {
        switch summary.location {
        case .bytes(let range, _):
            return PlainTextDumpParser.details(in: bytes.buffer, range: range)
                ?? ArticleDetails(credit: nil, wordCount: 0)
        case .item(let position):
            return items[position].map(FeedArticle.details) ?? ArticleDetails(credit: nil, wordCount: 0)
        }
    }
}
