/// Lets go of the file pages stories were read from, as indexing does: a search or a command
/// that goes through a whole archive does not leave all of it resident.
public enum PageRelease {
    /// Releases, in each source, the span of bytes the dump stories of `entries` cover (pages
    /// wholly inside it; they come back from the page cache when read again).
    public static func release<Entries: Sequence<CatalogEntry>>(
        _ entries: Entries, in sources: [OpenedSource]
    ) {
        var spans: [Int: Range<Int>] = [:]
        for entry in entries {
            guard case .bytes(let range, _) = entry.summary.location else { continue }
            let span = spans[entry.sourceIndex].map {
                min($0.lowerBound, range.lowerBound)..<max($0.upperBound, range.upperBound)
            }
            spans[entry.sourceIndex] = span ?? range
        }
        for (index, span) in spans { sources[index].release(span) }
    }

    /// Stories a command goes through between two releases.
    public static let stride = 512

    /// For a command going through the stories at `positions` in turn: once the one at index
    /// `row` is done, and every `stride` of them, releases the pages of the last `stride`.
    public static func after(row: Int, of positions: [Int], in catalog: ArticleCatalog) {
        guard row % stride == stride - 1 else { return }
        release(positions[(row + 1 - stride)...row].lazy.map { catalog.entries[$0] }, in: catalog.sources)
    }
}

extension PageRelease {
    /// The stories a command has gone through since their pages last went: every
    /// ``PageRelease/stride`` of them, their pages go (as ``PageRelease/after(row:of:in:)``
    /// lets them go, for stories that come a batch at a time).
    public struct Trail {
        private var positions: [Int] = []

        public init() {}

        /// Notes that the story at `position` of `catalog` is done with.
        public mutating func passed(_ position: Int, in catalog: ArticleCatalog) {
            positions.append(position)
            guard positions.count == PageRelease.stride else { return }
            PageRelease.release(positions.lazy.map { catalog.entries[$0] }, in: catalog.sources)
            positions.removeAll(keepingCapacity: true)
        }
    }
}
