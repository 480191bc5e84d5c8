/// A news file opened for reading: its bytes, and the summaries of its articles.
public final class OpenedSource: @unchecked Sendable {
    public let source: Source
    public let bytes: FileBytes
    public let summaries: [ArticleSummary]

    /// Indexes `bytes` as `format`.
    public init(source: Source, bytes: FileBytes) {
        self.source = source
        self.bytes = bytes
        summaries = PlainTextDumpParser.index(bytes.buffer)
    }

    /// The whole article behind a summary, decoded now.
    public func article(_ summary: ArticleSummary) -> Article? {
        switch summary.location {
        case .bytes(let range):
            return PlainTextDumpParser.article(in: bytes.buffer, range: range, source: source.displayName)
        case .item:
            return nil
        }
    }
}
