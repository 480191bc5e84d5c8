/// A news file opened for reading: what it is, its bytes, and how to index and decode it.
public final class OpenedSource: @unchecked Sendable {
    public let source: Source
    public let bytes: FileBytes
    private let items = FeedItemStore()
    private let laterItems = FeedItemStore()

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
        // A feed is parsed from its start (a part after a cut, behind the file's start);
        // its items are kept for decoding later, a later part's apart from the first's.
        let isLaterPart = (range?.lowerBound ?? 0) > 0
        let store = isLaterPart ? laterItems : items
        let base = isLaterPart ? OpenedSource.laterPartBase : 0
        let whole = range.map { $0.lowerBound == 0 && $0.upperBound >= bytes.count } ?? true
        store.reset()
        let reached = FeedParsePosition()
        _ = try? FeedParser.parse(bytes.buffer, part: whole ? nil : range, reached: reached) { item in
            let position = base + store.append(item)
            let summary = ArticleSummary(
                id: ArticleID(item.id), title: FeedArticle.title(of: item), location: .item(position))
            // The offset is how far the parser has read: the indexer's progress through the file.
            return body(summary, reached.bytes)
        }
    }

    /// The first offset after `offset` where an article surely starts (after two blank
    /// lines in a dump, at an item's start tag in a UTF-8 XML feed), looking at most a few
    /// MiB ahead; nil when there is none.
    public func articleBoundary(after offset: Int) -> Int? {
        switch source.format {
        case .plainTextDump: return PlainTextDumpParser.articleBoundary(in: bytes.buffer, after: offset)
        case .jsonFeed: return nil
        case .rss, .rdf, .atom:
            return FeedItemBoundary.cut(in: bytes.buffer, format: source.format, after: offset)
        }
    }

    /// Item positions from here on belong to the part of a feed after its cut.
    static let laterPartBase = 1 << 40

    /// The stored item at `position`.
    private func item(at position: Int) -> FeedItem? {
        position >= OpenedSource.laterPartBase
            ? laterItems[position - OpenedSource.laterPartBase] : items[position]
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
            return item(at: position).map {
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
            var text = summary.title + "\n" + (item(at: position).map(FeedArticle.plainText) ?? "")
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
            return item(at: position).map(FeedArticle.details) ?? ArticleDetails(credit: nil, wordCount: 0)
        }
    }
}
