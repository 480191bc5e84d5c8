import Foundation

/// Searches stories on a background thread, in catalog order, handing matches over in
/// batches; more stories can be queued while it runs (a file still being indexed), and a
/// newer search cancels it.
public final class SearchJob: @unchecked Sendable {
    /// Stories to look at: catalog position and where its text is.
    public typealias Work = (position: Int, entry: CatalogEntry)

    private let query: SearchQuery
    private let sources: [OpenedSource]
    private let condition = NSCondition()
    private var queue: [Work] = []
    private var queueHead = 0
    private var found: [Int] = []
    private var scanned = 0
    private var cancelled = false
    private var running = false

    public init(query: SearchQuery, sources: [OpenedSource]) {
        self.query = query
        self.sources = sources
    }

    /// Adds stories to search (after those already queued) and starts the thread if needed.
    public func enqueue(_ work: [Work]) {
        guard !work.isEmpty else { return }
        let start = condition.withLock {
            queue.append(contentsOf: work)
            condition.signal()
            defer { running = true }
            return !running
        }
        if start {
            let thread = Thread { [self] in run() }
            thread.name = "gazette-search"
            thread.start()
        }
    }

    /// Matches found since the last call, stories looked at so far, and whether all queued
    /// stories have been looked at.
    public func take() -> (positions: [Int], scanned: Int, done: Bool) {
        condition.withLock {
            let positions = found
            found.removeAll()
            return (positions, scanned, queueHead == queue.count)
        }
    }

    /// Stops at the next story.
    public func cancel() {
        condition.withLock {
            cancelled = true
            condition.signal()
        }
    }

    private func run() {
        BackgroundIndexer.yieldToForeground()
        var matcher = FoldedMatcher(query)
        while true {
            let next: Work? = condition.withLock {
                if cancelled || queueHead == queue.count {
                    running = false
                    return nil
                }
                defer { queueHead += 1 }
                return queue[queueHead]
            }
            guard let (position, entry) = next else { return }
            let hit = sources[entry.sourceIndex].withSearchText(entry.summary) { matcher.matches($0) }
            condition.withLock {
                scanned += 1
                if hit { found.append(position) }
            }
        }
    }
}
