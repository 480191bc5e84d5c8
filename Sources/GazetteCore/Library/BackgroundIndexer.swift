import Foundation

/// Indexes sources on a background thread and hands what it found to the reader in
/// batches, with the reading state of each batch loaded there too (one query per batch).
public final class BackgroundIndexer: @unchecked Sendable {
    /// Summaries of one source found since the last hand-over, and their stored states.
    public struct Batch: Sendable {
        public let sourceIndex: Int
        public let summaries: [ArticleSummary]
        public let states: [ArticleID: ArticleState]
        /// Credits and reading times worked out with the batch: the first screen's rows, found
        /// while the screen starts (empty for other batches).
        public let details: [ArticleID: ArticleDetails]
    }

    /// How far indexing has got.
    public struct Progress: Sendable, Equatable {
        public var bytesDone: Int
        public var bytesTotal: Int
        public var finished: Bool
        /// Articles found in bytes counted as done but not handed over yet (a big file's
        /// second half, held back until the first half is in).
        public var articlesHeldBack = 0

        /// Whole percent of the bytes indexed.
        public var percent: Int { bytesTotal == 0 ? 100 : min(100, bytesDone * 100 / bytesTotal) }
    }

    /// Articles in the first batch: enough for a first screen.
    static let firstBatchSize = 64
    /// Stories of the first batch whose credit and reading time come with it, by default:
    /// the rows of a first screen up to 75 rows high. A feed's first batch is that many items
    /// (each costs far more to parse than a dump's article).
    public static let defaultFirstScreenRows = 24
    private let firstScreenRows: Int
    /// The first source's first rows, worked out by the screen's thread and this one.
    private let firstRows: FirstScreenRows?
    /// Articles after which a batch is handed over at the latest.
    static let batchSize = 4096
    /// Seconds after which a batch is handed over at the latest.
    static let batchInterval = 0.03
    /// Bytes scanned between two releases of the pages behind the scan.
    static let releaseStride = 8 << 20

    private let sources: [OpenedSource]
    private let splitThreshold: Int
    private let loadStates: @Sendable ([ArticleID]) -> [ArticleID: ArticleState]
    private let statesReady: (@Sendable () -> Bool)?
    private let lock = NSLock()
    private var pending: [Batch] = []
    private var progress: Progress
    /// Bytes the second half of a split file has indexed and not yet handed over.
    private var tailBytes = 0
    /// Articles the second half has found in `tailBytes`.
    private var tailArticles = 0
    private var cancelled = false
    private var onBatch: (@Sendable () -> Void)?
    private let firstBatch = DispatchSemaphore(value: 0)
    private var signalledFirst = false
    /// Signalled once the first screen is out: until then the indexing threads leave the CPU
    /// to it, after the first batch.
    private let screenShown = DispatchSemaphore(value: 0)
    /// Whether indexing has gone on after the first batch (the first screen is out, or the
    /// wait for it timed out); the second half of a split file starts then.
    private var resumed = false
    private var toldScreenShown = false
    /// How long indexing waits after its first batch for the first screen, at most (by default).
    public static let defaultFirstScreenWait = 0.25
    private let firstScreenWait: Double

    /// An indexer over `sources`; `loadStates` runs on the indexing thread. Files of at
    /// least `splitThreshold` bytes are indexed in two halves at once. Started with `start`,
    /// it pauses after the first batch until `firstScreenShown` or `firstScreenWait` seconds.
    /// The first `firstScreenRows` stories come with their credits and reading times.
    /// `statesReady`, when given, says whether `loadStates` would answer at once (the state
    /// file is open): the first batch's states are then loaded while the screen's thread
    /// works on the rows' details, not after them.
    public init(
        sources: [OpenedSource], splitThreshold: Int = BackgroundIndexer.defaultSplitThreshold,
        firstScreenWait: Double = BackgroundIndexer.defaultFirstScreenWait,
        firstScreenRows: Int = BackgroundIndexer.defaultFirstScreenRows,
        statesReady: (@Sendable () -> Bool)? = nil,
        loadStates: @escaping @Sendable ([ArticleID]) -> [ArticleID: ArticleState]
    ) {
        self.sources = sources
        self.splitThreshold = splitThreshold
        self.firstScreenWait = firstScreenWait
        self.firstScreenRows = firstScreenRows
        self.loadStates = loadStates
        self.statesReady = statesReady
        firstRows = sources.first.map { FirstScreenRows(source: $0, capacity: firstScreenRows) }
        progress = Progress(
            bytesDone: 0, bytesTotal: sources.reduce(0) { $0 + $1.bytes.count }, finished: false)
    }

    /// Starts indexing on a new thread; `onBatch` is called (on that thread) when a batch is ready.
    public func start(onBatch: (@Sendable () -> Void)? = nil) {
        self.onBatch = onBatch
        // The thread runs just below the screen's priority until the first batch is out (the
        // first screen waits for it), then well below it.
        BackgroundThread.start(name: "gazette-indexer") { [self] in
            ThreadPriority.helpTheFirstScreen()
            run(yieldingAfterFirstBatch: true)
        }
    }

    /// Waits until the first batch (a screenful) is ready or indexing has ended, at most
    /// `seconds`; the first screen is drawn with it. Meanwhile the calling thread works out
    /// the credits and reading times of the first rows as they are found, and calls `prepare`
    /// with each of them first (a story of the first source).
    public func waitForFirstBatch(seconds: Double, preparing prepare: ((ArticleSummary) -> Void)? = nil) {
        let deadline = Date().addingTimeInterval(seconds)
        firstRows?.help(until: deadline, preparing: prepare)
        _ = firstBatch.wait(timeout: .now() + max(0, deadline.timeIntervalSinceNow))
    }

    /// Waits until the first story of the first source is found, or indexing has ended
    /// without one, at most `seconds`: true when it was found, false when none will be, nil
    /// when the time ran out first.
    public func waitForFirstStory(seconds: Double) -> Bool? {
        guard let firstRows else { return false }
        return firstRows.waitForFirstRow(until: Date().addingTimeInterval(seconds))
    }

    /// Tells the indexer that the first screen is shown, so that indexing goes on at once
    /// (later calls do nothing).
    public func firstScreenShown() {
        let first = lock.withLock {
            defer { toldScreenShown = true }
            return !toldScreenShown
        }
        if first { screenShown.signal() }
    }

    /// Indexes everything on the calling thread (tests and scripts).
    public func runToEnd() {
        run(yieldingAfterFirstBatch: false)
    }

    /// Stops at the next article.
    public func cancel() {
        lock.withLock { cancelled = true }
    }

    /// How far indexing has got, leaving found batches where they are.
    public var currentProgress: Progress {
        lock.withLock { progressNow }
    }

    /// The progress with the second half's work so far (call with the lock held).
    private var progressNow: Progress {
        var now = progress
        now.bytesDone = min(now.bytesTotal, now.bytesDone + tailBytes)
        now.articlesHeldBack = tailArticles
        return now
    }

    /// The batches found since the last call, and the progress now.
    public func take() -> (batches: [Batch], progress: Progress) {
        lock.withLock {
            let batches = pending
            pending.removeAll()
            return (batches, progressNow)
        }
    }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    /// Whether the indexing thread lowers its priority once the first batch is out.
    private var yieldsAfterFirstBatch = false

    private func run(yieldingAfterFirstBatch: Bool) {
        yieldsAfterFirstBatch = yieldingAfterFirstBatch
        var doneBefore = 0
        for (sourceIndex, source) in sources.enumerated() {
            let total = source.bytes.count
            // A big file is indexed in two halves at once, split where an article starts;
            // the second half is handed over when the first is done, keeping file order.
            // The cut is looked for late (it reads the file's middle): by the second half's
            // thread once the first screen is out, or by the first half's index once it gets
            // near it, whichever comes first.
            let lateEnd = total >= splitThreshold ? source.lateArticleBoundary(after: total / 2) : nil
            let tail = lateEnd.map { end in startTail(source, total: total) { end.value } }
            var stopped = !indexRange(
                source, sourceIndex, 0..<total, endingAt: lateEnd, doneBefore: doneBefore)
            if let tail {
                signalFirstBatch()  // The tail waits for it, even when the head found nothing.
                tail.finished.wait()
                lock.withLock {
                    // In one step, so that the progress never goes back.
                    progress.bytesDone = doneBefore + total
                    tailBytes = 0
                    tailArticles = 0
                }
                if !stopped {
                    var summaries = tail.summaries
                    flush(sourceIndex, &summaries, bytesDone: doneBefore + total)
                    stopped = isCancelled
                }
            }
            doneBefore += total
            if stopped { break }
        }
        lock.withLock { progress.finished = true }
        signalFirstBatch()
        onBatch?()
    }

    /// Files at least this big are indexed in two halves on two threads (by default).
    public static let defaultSplitThreshold = 32 << 20

    /// The second half of a file, indexed on a thread of its own.
    private final class Tail: @unchecked Sendable {
        var summaries: [ArticleSummary] = []
        let finished = DispatchSemaphore(value: 0)
    }

    /// Starts indexing the second half of a file of `total` bytes, from where `start` says
    /// (called on the new thread; nil: the file is not cut, and the half finds nothing).
    private func startTail(_ source: OpenedSource, total: Int, start: @escaping @Sendable () -> Int?) -> Tail
    {
        let tail = Tail()
        BackgroundThread.start(name: "gazette-indexer-2") { [self] in
            ThreadPriority.yieldToForeground()
            // The first screen waits for the first batch: the second half starts once that
            // screen is out, so as not to compete with it (for the CPU and the file's pages).
            while !lock.withLock({ resumed || cancelled }) { usleep(1000) }
            guard !isCancelled, let from = start() else {
                tail.finished.signal()
                return
            }
            let range = from..<total
            var released = range.lowerBound
            source.index(in: range) { summary, offset in
                tail.summaries.append(summary)
                if offset - released >= BackgroundIndexer.releaseStride {
                    source.release(released..<offset)
                    released = offset
                    lock.withLock {
                        tailBytes = offset - range.lowerBound
                        tailArticles = tail.summaries.count
                    }
                    if isCancelled { return false }
                }
                return true
            }
            tail.finished.signal()
        }
        return tail
    }

    /// Indexes `range` of a source (up to `lateEnd` when given), handing batches over as it
    /// goes; false when cancelled.
    private func indexRange(
        _ source: OpenedSource, _ sourceIndex: Int, _ range: Range<Int>, endingAt lateEnd: LatePartEnd?,
        doneBefore: Int
    ) -> Bool {
        var summaries: [ArticleSummary] = []
        let first =
            source.source.format == .plainTextDump
            ? BackgroundIndexer.firstBatchSize : max(1, firstScreenRows)
        var limit = sourceIndex == 0 ? first : BackgroundIndexer.batchSize
        var lastFlush = Date()
        var released = range.lowerBound
        var stopped = false
        let offering = sourceIndex == 0 && range.lowerBound == 0
        source.index(in: range, endingAt: lateEnd) { summary, offset in
            summaries.append(summary)
            if offering { firstRows?.offer(summary) }
            if summaries.count >= limit
                || summaries.count % 256 == 0
                    && Date().timeIntervalSince(lastFlush) >= BackgroundIndexer.batchInterval
            {
                flush(sourceIndex, &summaries, bytesDone: doneBefore + offset)
                limit = BackgroundIndexer.batchSize
                lastFlush = Date()
                if isCancelled {
                    stopped = true
                    return false
                }
            }
            if offset - released >= BackgroundIndexer.releaseStride {
                source.release(released..<offset)
                released = offset
            }
            return true
        }
        var end = range.upperBound
        if let known = lateEnd?.valueIfKnown, let cut = known { end = cut }
        flush(sourceIndex, &summaries, bytesDone: doneBefore + end)
        return !stopped
    }

    private func signalFirstBatch() {
        let first = lock.withLock {
            defer { signalledFirst = true }
            return !signalledFirst
        }
        guard first else { return }
        firstRows?.close()
        firstBatch.signal()
        if yieldsAfterFirstBatch {
            ThreadPriority.yieldToForeground()
            _ = screenShown.wait(timeout: .now() + firstScreenWait)
        }
        lock.withLock { resumed = true }
    }

    /// The credits and reading times of the first screen's rows, when `summaries` is the
    /// first batch (of a dump or a feed): worked out here and by the screen's thread while it
    /// waits for the batch, not by it when it draws them (a feed's counts parse each story's HTML).
    private func firstScreenDetails(_ sourceIndex: Int) -> [ArticleID: ArticleDetails] {
        guard sourceIndex == 0, lock.withLock({ !signalledFirst }), let firstRows else { return [:] }
        return firstRows.finish()
    }

    private func flush(_ sourceIndex: Int, _ summaries: inout [ArticleSummary], bytesDone: Int) {
        // The first screen's details first when the states would wait for the state file to
        // open (they need only the file); the states first when they are there, while the
        // screen's thread works on the details, then this thread helps with the rest.
        let ids = summaries.map(\.id)
        let statesFirst = statesReady?() ?? false
        var states = statesFirst && !ids.isEmpty ? loadStates(ids) : [:]
        let details = firstScreenDetails(sourceIndex)
        if !statesFirst && !ids.isEmpty { states = loadStates(ids) }
        let batch = Batch(sourceIndex: sourceIndex, summaries: summaries, states: states, details: details)
        summaries.removeAll(keepingCapacity: true)
        lock.withLock {
            if !batch.summaries.isEmpty { pending.append(batch) }
            progress.bytesDone = bytesDone
        }
        if !batch.summaries.isEmpty { signalFirstBatch() }
        onBatch?()
    }
}
