import Foundation

/// Searches stories on two background threads, handing matches over in catalog order; more
/// stories can be queued while it runs (a file still being indexed), and a newer search
/// cancels it.
public final class SearchJob: @unchecked Sendable {
    /// Stories to look at: catalog position and where its text is.
    public typealias Work = (position: Int, entry: CatalogEntry)

    /// Stories a worker takes at a time.
    static let chunkSize = 128
    /// Threads searching at once.
    static let workerCount = 2

    private let query: SearchQuery
    /// The catalog's sources (with the lock: more join while files are checked).
    private var sources: [OpenedSource]
    /// Guards what follows; signalled when the last queued story has been looked at.
    private let lock = NSCondition()
    private var queue: [Work] = []
    /// Where the next chunk starts.
    private var nextChunk = 0
    /// Results of finished chunks not yet in order, by the chunk's start.
    private var finished: [Int: (end: Int, positions: [Int])] = [:]
    /// Everything before this index of `queue` has been searched and released in order.
    private var released = 0
    private var found: [Int] = []
    private var workers = 0
    private var cancelled = false
    /// The sources (by index) where a story's text was not where it was indexed.
    private var changedSources: Set<Int> = []

    public init(query: SearchQuery, sources: [OpenedSource]) {
        self.query = query
        self.sources = sources
    }

    /// Adds sources that joined the catalog, before stories of theirs are queued.
    public func add(_ opened: [OpenedSource]) {
        guard !opened.isEmpty else { return }
        lock.withLock { sources += opened }
    }

    /// Adds stories to search (after those already queued) and starts workers as needed.
    public func enqueue(_ work: [Work]) {
        guard !work.isEmpty else { return }
        let starting = lock.withLock {
            queue.append(contentsOf: work)
            let missing = SearchJob.workerCount - workers
            workers += missing
            return missing
        }
        for _ in 0..<starting {
            BackgroundThread.start(name: "gazette-search") { [self] in run() }
        }
    }

    /// Matches found since the last call (in catalog order), stories looked at so far, and
    /// whether every queued story has been looked at.
    public func take() -> (positions: [Int], scanned: Int, done: Bool) {
        lock.withLock {
            let positions = found
            found.removeAll()
            return (positions, released, released == queue.count)
        }
    }

    /// The sources (their indexes, in order) that changed on disk since they were indexed, as
    /// the search found so far: a story of theirs whose text was no longer where it was indexed
    /// was matched by its title alone (``SearchedText``).
    public var sourcesChangedOnDisk: [Int] {
        lock.withLock { changedSources.sorted() }
    }

    /// Stops at the next chunk.
    public func cancel() {
        lock.withLock {
            cancelled = true
            lock.broadcast()
        }
    }

    /// Waits until every queued story has been looked at (or the job is cancelled); the
    /// matches not taken before, in catalog order.
    public func waitForAll() -> [Int] {
        lock.withLock {
            while released < queue.count && !cancelled { lock.wait() }
            let positions = found
            found.removeAll()
            return positions
        }
    }

    /// The stories at `positions` of `catalog`, as work to search.
    public static func work<Positions: Sequence<Int>>(_ positions: Positions, in catalog: ArticleCatalog)
        -> [Work]
    {
        positions.map { ($0, catalog.entries[$0]) }
    }

    /// Those of `positions` whose stories in `catalog` match `query`, in the order given: a
    /// search on the job's threads, waited for (the commands' `--grep`).
    public static func matches(of query: SearchQuery, in catalog: ArticleCatalog, among positions: [Int])
        -> [Int]
    {
        search(query, in: catalog, among: positions).positions
    }

    /// The matches of ``matches(of:in:among:)``, and the sources (by index) found changed on
    /// disk meanwhile (``sourcesChangedOnDisk``).
    public static func search(_ query: SearchQuery, in catalog: ArticleCatalog, among positions: [Int])
        -> (positions: [Int], changedSources: [Int])
    {
        let job = SearchJob(query: query, sources: catalog.sources)
        job.enqueue(work(positions, in: catalog))
        let found = job.waitForAll()
        return (found, job.sourcesChangedOnDisk)
    }

    private func run() {
        ThreadPriority.yieldToForeground()
        let matcher = FoldedMatcher(query)
        // The terms each source's name holds, worked out once per source (this thread's own).
        var namesRead: [[Bool]?] = []
        func termsInName(of index: Int, among sources: [OpenedSource]) -> [Bool] {
            // A name is searched where the list shows it: with more than one source open.
            guard sources.count > 1 else { return [] }
            if namesRead.count <= index {
                namesRead += Array(repeating: nil, count: index + 1 - namesRead.count)
            }
            if let known = namesRead[index] { return known }
            let found = matcher.termsFound(in: sources[index].source.displayName)
            namesRead[index] = found
            return found
        }
        while true {
            let chunk: (start: Int, work: ArraySlice<Work>, sources: [OpenedSource])? = lock.withLock {
                guard !cancelled, nextChunk < queue.count else {
                    workers -= 1
                    return nil
                }
                let start = nextChunk
                nextChunk = min(queue.count, start + SearchJob.chunkSize)
                return (start, queue[start..<nextChunk], self.sources)
            }
            guard let chunk else { return }
            let sources = chunk.sources
            var positions: [Int] = []
            var changed: Set<Int> = []
            for (position, entry) in chunk.work {
                let byName = termsInName(of: entry.sourceIndex, among: sources)
                let searched = sources[entry.sourceIndex].searchText(entry.summary) {
                    matcher.matches($0, besides: byName)
                }
                if searched.matched { positions.append(position) }
                if searched.changedOnDisk { changed.insert(entry.sourceIndex) }
            }
            PageRelease.release(chunk.work.lazy.map(\.entry), in: sources)
            lock.withLock {
                changedSources.formUnion(changed)
                finished[chunk.start] = (chunk.start + chunk.work.count, positions)
                while let next = finished.removeValue(forKey: released) {
                    found.append(contentsOf: next.positions)
                    released = next.end
                }
                if released == queue.count { lock.broadcast() }
            }
        }
    }
}
