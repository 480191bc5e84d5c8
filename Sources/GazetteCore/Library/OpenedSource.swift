/// A news file opened for reading: what it is, its bytes, and how to index and decode it.
public final class OpenedSource: @unchecked Sendable {
    public let source: Source
    public let bytes: FileBytes

    public init(source: Source, bytes: FileBytes) {
        self.source = source
        self.bytes = bytes
    }

    /// Indexes the file (or the part of it in `range`, which must start where an article
    /// does), calling `body` with each summary and the byte offset reached, until it returns false.
    public func index(in range: Range<Int>? = nil, _ body: (ArticleSummary, Int) -> Bool) {
        PlainTextDumpParser.index(bytes.buffer, range: range, body: body)
    }

    /// The first offset after `offset` where an article surely starts (after two blank
    /// lines), looking at most a few MiB ahead; nil when there is none.
    public func articleBoundary(after offset: Int) -> Int? {
        PlainTextDumpParser.articleBoundary(in: bytes.buffer, after: offset)
    }

    /// Every summary of the file.
    public func indexAll() -> [ArticleSummary] {
        PlainTextDumpParser.index(bytes.buffer)
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
        case .item:
            return nil
        }
    }

    /// Calls `body` with the searchable text of a story: title, caption and paragraphs (not
    /// the page furniture), as UTF-8.
    public func withSearchText(_ summary: ArticleSummary, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        switch summary.location {
        case .bytes(let range, _):
            return PlainTextDumpParser.withText(in: bytes.buffer, range: range, body)
        case .item:
            var text = summary.title
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Credit and reading time of a summary, worked out now.
    public func details(_ summary: ArticleSummary) -> ArticleDetails {
        switch summary.location {
        case .bytes(let range, _):
            return PlainTextDumpParser.details(in: bytes.buffer, range: range)
                ?? ArticleDetails(credit: nil, wordCount: 0)
        case .item:
            return ArticleDetails(credit: nil, wordCount: 0)
        }
    }
}
