/// One article of a catalog: which source it is in, and its summary.
public struct CatalogEntry: Sendable, Equatable {
    public let sourceIndex: Int
    public let summary: ArticleSummary
}

/// The articles of every opened source in order, each id once (the first copy wins).
public final class ArticleCatalog: @unchecked Sendable {
    public let sources: [OpenedSource]
    public let entries: [CatalogEntry]
    private let positions: [ArticleID: Int]

    public init(sources: [OpenedSource]) {
        self.sources = sources
        var entries: [CatalogEntry] = []
        var positions: [ArticleID: Int] = [:]
        for (sourceIndex, source) in sources.enumerated() {
            for summary in source.summaries where positions[summary.id] == nil {
                positions[summary.id] = entries.count
                entries.append(CatalogEntry(sourceIndex: sourceIndex, summary: summary))
            }
        }
        self.entries = entries
        self.positions = positions
    }

    /// The position of an article in `entries`.
    public func position(of id: ArticleID) -> Int? {
        positions[id]
    }

    /// The source an entry comes from.
    public func source(of entry: CatalogEntry) -> Source {
        sources[entry.sourceIndex].source
    }

    /// The whole article at `position`, decoded now.
    public func article(at position: Int) -> Article? {
        guard entries.indices.contains(position) else { return nil }
        let entry = entries[position]
        return sources[entry.sourceIndex].article(entry.summary)
    }

    /// Finds an article by its 1-based number, or by its id or a unique id prefix.
    public func lookup(_ reference: String) -> Int? {
        if let number = Int(reference) {
            return (1...max(entries.count, 1)).contains(number) && !entries.isEmpty ? number - 1 : nil
        }
        if let exact = positions[ArticleID(reference)] { return exact }
        guard reference.count >= 4 else { return nil }
        let matches = entries.indices.filter { entries[$0].summary.id.rawValue.hasPrefix(reference) }
        return matches.count == 1 ? matches[0] : nil
    }
}
