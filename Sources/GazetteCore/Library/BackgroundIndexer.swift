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
        /// Sources that join the catalog with this batch, before its summaries (files checked
        /// while indexing: see ``SourceChecks``).
        public var openedSources: [OpenedSource] = []
        /// The states among ``states`` found under stories' previous ids (see
        /// ``PreviousIDStates``), to be stored under their ids now.
        public var carriedOver: [ArticleID: ArticleState] = [:]
        /// The ids the stories of a feed renamed (or made untitled, or titled again) had under
        /// the title tag stored for its file, to their ids now (``FeedTitleChanges``): a place
        /// left on one is found on the story now. Empty for nearly every batch.
        public var retitled: [ArticleID: ArticleID] = [:]
        /// The scopes the stories of the feeds found renamed so far had under their files'
        /// stored tags and the tags before them, by their scopes now
        /// (``FeedTitleChanges/scopesKeptInStep``): changes are stored under those ids too.
        /// Empty for nearly every batch.
        public var scopesKeptInStep: [String: [String]] = [:]
        /// The title tags of feeds to store (by state key: ``StoredTitleTag``), once the states
        /// carried over by this batch and those before it are stored: their files were indexed
        /// whole, and each one's tag differs from the one stored (or none was).
        public var titleTagsToStore: [String: String] = [:]
    }

    /// How far indexing has got.
    public struct Progress: Sendable, Equatable {
        public var bytesDone: Int
        public var bytesTotal: Int
        public var finished: Bool
        /// Articles found in bytes counted as done but not handed over yet (a big file's
        /// later parts, held back until the parts before them are in).
        public var articlesHeldBack = 0
        /// Files checked so far and in all, while files are still checked (see ``SourceChecks``).
        public var filesChecked = 0
        public var filesToCheck = 0

        /// Whether files are still being opened and checked.
        public var isChecking: Bool { filesChecked < filesToCheck }

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
    /// The files left to check, each indexed once it is opened (then joins the catalog).
    private let checks: SourceChecks?
    /// Sources opened by the checks and not handed over yet; warnings of files they skipped.
    private var openedSources: [OpenedSource] = []
    private var skipped: [String] = []
    private let splitThreshold: Int
    private let partSize: Int
    private let loadStates: @Sendable ([ArticleID]) -> [ArticleID: ArticleState]
    private let statesReady: (@Sendable () -> Bool)?
    /// Reads the title tag stored for a source (by its state key), when the states are loaded.
    private let loadTitleTag: (@Sendable (String) -> String?)?
    /// Finds the tag a feed's file with none stored was read under at a path it left, from the
    /// stories of its batch (``MovedFeedTitleTag``).
    private let findMovedTitleTag: (@Sendable (FeedEarlierScopes, [ArticleSummary]) -> String?)?
    /// The feeds found renamed since their files were last read, and the tags to store (with
    /// `titleLock`: one source's batches are handed over one at a time).
    private var titleChanges = FeedTitleChanges()
    private let titleLock = NSLock()
    private let lock = NSLock()
    private var pending: [Batch] = []
    private var progress: Progress
    /// The parts of the file being indexed in parts, and what each has done (with the lock).
    private var parts = PartsAtWork()
    private var cancelled = false
    private var onBatch: (@Sendable () -> Void)?
    private var whenFinished: (@Sendable () -> Void)?
    private let firstBatch = DispatchSemaphore(value: 0)
    private var signalledFirst = false
    /// Signalled once the first screen is out: until then the indexing threads leave the CPU
    /// to it, after the first batch.
    private let screenShown = DispatchSemaphore(value: 0)
    /// Whether indexing has gone on after the first batch (the first screen is out, or the
    /// wait for it timed out); the later parts of a file cut in parts start then.
    private var resumed = false
    /// Starts the thread that indexes a file's later parts, when the first batch is still to
    /// come: the first batch starts it (creating a thread cost the first screen's critical path
    /// about 0.1 ms before the first item).
    private var startLaterParts: (() -> Void)?
    private var toldScreenShown = false
    /// How long indexing waits after its first batch for the first screen, at most (by default).
    public static let defaultFirstScreenWait = 0.25
    private let firstScreenWait: Double

    /// An indexer over `sources`; `loadStates` runs on the indexing threads, one at a time.
    /// Files of at least `splitThreshold` bytes are cut in parts of about `partSize` bytes
    /// (at least two), indexed on two or more threads at once. Started with `start`,
    /// it pauses after the first batch until `firstScreenShown` or `firstScreenWait` seconds.
    /// The first `firstScreenRows` stories come with their credits and reading times.
    /// `statesReady`, when given, says whether `loadStates` would answer at once (the state
    /// file is open): the first batch's states are then loaded while the screen's thread
    /// works on the rows' details, not after them. The files of `checks` are checked after
    /// `sources`, in order, each indexed as it opens. `loadTitleTag`, when given, reads the
    /// title tag stored for a feed's file (``FeedTitleChanges``): a feed renamed since finds
    /// the states kept under its old tag, and a file indexed whole hands over its tag to store;
    /// `findMovedTitleTag`, when given, the tag of a file with none stored at a path it left.
    public init(
        sources: [OpenedSource], checks: SourceChecks? = nil,
        splitThreshold: Int = BackgroundIndexer.defaultSplitThreshold,
        partSize: Int = BackgroundIndexer.defaultPartSize,
        firstScreenWait: Double = BackgroundIndexer.defaultFirstScreenWait,
        firstScreenRows: Int = BackgroundIndexer.defaultFirstScreenRows,
        statesReady: (@Sendable () -> Bool)? = nil,
        loadTitleTag: (@Sendable (String) -> String?)? = nil,
        findMovedTitleTag: (@Sendable (FeedEarlierScopes, [ArticleSummary]) -> String?)? = nil,
        loadStates: @escaping @Sendable ([ArticleID]) -> [ArticleID: ArticleState]
    ) {
        self.sources = sources
        self.checks = checks
        self.splitThreshold = splitThreshold
        self.partSize = max(1, partSize)
        self.firstScreenWait = firstScreenWait
        self.firstScreenRows = firstScreenRows
        self.loadStates = loadStates
        self.statesReady = statesReady
        self.loadTitleTag = loadTitleTag
        self.findMovedTitleTag = findMovedTitleTag
        firstRows = sources.first.map { FirstScreenRows(source: $0, capacity: firstScreenRows) }
        progress = Progress(
            bytesDone: 0, bytesTotal: sources.reduce(0) { $0 + $1.bytes.count } + (checks?.bytesLeft ?? 0),
            finished: false)
        if let checks {
            progress.filesChecked = checks.filesChecked
            progress.filesToCheck = checks.filesTotal
        }
    }

    /// The warnings of the files the checks skipped so far (one each, in order), after those
    /// told when opening.
    public var skippedWhileChecking: [String] {
        lock.withLock { skipped }
    }

    /// Starts indexing on a new thread; `onBatch` is called (on an indexing thread) when a
    /// batch is ready, and `whenFinished` once indexing has ended.
    public func start(onBatch: (@Sendable () -> Void)? = nil, whenFinished: (@Sendable () -> Void)? = nil) {
        self.onBatch = onBatch
        self.whenFinished = whenFinished
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

    /// Indexes everything on the calling thread (tests and scripts); `onBatch` is called when
    /// a batch is ready (on this thread, or on a thread indexing a later part of a big file).
    public func runToEnd(onBatch: (@Sendable () -> Void)? = nil) {
        self.onBatch = onBatch
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

    /// The progress with the later parts' work so far (call with the lock held).
    private var progressNow: Progress {
        var now = progress
        now.bytesDone = min(now.bytesTotal, now.bytesDone + parts.bytes.reduce(0, +))
        now.articlesHeldBack = parts.articles.reduce(0, +)
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

    /// Whether indexing stopped (cancelled) before every source was indexed whole; false while
    /// it runs.
    var stoppedEarly: Bool { lock.withLock { stoppedBeforeTheEnd } }
    private var stoppedBeforeTheEnd = false

    /// Whether the indexing thread lowers its priority once the first batch is out.
    private var yieldsAfterFirstBatch = false

    private func run(yieldingAfterFirstBatch: Bool) {
        yieldsAfterFirstBatch = yieldingAfterFirstBatch
        var doneBefore = 0
        var stopped = false
        for (sourceIndex, source) in sources.enumerated() {
            stopped = !index(source, sourceIndex, doneBefore: &doneBefore)
            if stopped { break }
        }
        var sourceCount = sources.count
        if let checks, !stopped {
            // The files are checked on a thread of their own, a few ahead; each is indexed as
            // it comes (its pages still in memory).
            let ahead = CheckAhead(checks)
            while !isCancelled, let checked = ahead.next() {
                lock.withLock {
                    if let opened = checked.opened {
                        openedSources.append(opened)
                        progress.bytesTotal += opened.bytes.count - checked.reckonedBytes
                    } else {
                        doneBefore += checked.reckonedBytes
                        progress.bytesDone = doneBefore
                    }
                    progress.filesChecked = checked.filesChecked
                    skipped += checked.warnings
                }
                guard let opened = checked.opened else { continue }
                if !index(opened, sourceCount, doneBefore: &doneBefore) { break }
                sourceCount += 1
            }
            ahead.stop()
            // Cancelled, the files left may not all have been checked.
            stopped = stopped || isCancelled
        }
        lock.withLock {
            stoppedBeforeTheEnd = stopped
            progress.finished = true
        }
        signalFirstBatch()
        onBatch?()
        whenFinished?()
    }

    /// Indexes one source, the sources before it being `doneBefore` bytes (counted on by its
    /// bytes); false when cancelled.
    private func index(_ source: OpenedSource, _ sourceIndex: Int, doneBefore: inout Int) -> Bool {
        let total = source.bytes.count
        // A big file is cut in parts indexed at once: this thread indexes the first part
        // as the screen asks for it, then takes later parts in turn with helper threads,
        // which start once the first screen is out. Parts are handed over in file order.
        // A feed's items that share an id are told apart in file order: the first part's as
        // they come, each later part's when it is handed over.
        let repeats = StoryIDRepeats()
        let plan = total >= splitThreshold ? partsPlan(for: source, repeats: repeats) : nil
        let helpers = plan.map { startHelpers(source, sourceIndex, $0) }
        var stopped = !indexRange(
            source, sourceIndex, 0..<total, endingAt: plan?.firstPartEnd, repeats: repeats,
            doneBefore: doneBefore)
        if let plan {
            signalFirstBatch()  // The helpers wait for it, even when the first part found nothing.
            lock.withLock { parts.found[0] = FoundPart() }
            handOverParts(source, sourceIndex)
            if !stopped { indexParts(source, sourceIndex, plan) }
            helpers?.wait()
            handOverParts(source, sourceIndex)
            lock.withLock {
                // In one step, so that the progress never goes back.
                progress.bytesDone = doneBefore + total
                parts = PartsAtWork()
            }
            stopped = stopped || isCancelled
        }
        doneBefore += total
        if !stopped { handOverTitleTag(sourceIndex) }
        return !stopped
    }

    /// Hands over the title tags to store for a source indexed whole, after its batches.
    private func handOverTitleTag(_ sourceIndex: Int) {
        guard loadTitleTag != nil,
            let tags = titleLock.withLock({ titleChanges.takeTagsToStore(ofSource: sourceIndex) })
        else { return }
        var batch = Batch(sourceIndex: sourceIndex, summaries: [], states: [:], details: [:])
        batch.titleTagsToStore = tags
        lock.withLock { pending.append(batch) }
    }

    /// Files at least this big are indexed in parts on two or more threads (by default).
    public static let defaultSplitThreshold = 32 << 20
    /// About how big each part of such a file is (by default): small enough that no thread
    /// waits long for the last one, each part costing a short look for its cut.
    public static let defaultPartSize = 8 << 20
    /// Threads that index the later parts beside the first part's: one per other CPU, at least one.
    static let helperThreads = max(1, min(7, ProcessInfo.processInfo.activeProcessorCount - 1))

    /// The parts of a big file, and the bookkeeping for them set up, its items that share an
    /// id told apart by `repeats` as its parts are handed over; nil when it is not cut.
    private func partsPlan(for source: OpenedSource, repeats: StoryIDRepeats) -> FileParts? {
        let wanted = min(source.maxParts, source.bytes.count / partSize)
        guard let plan = FileParts(source, parts: wanted) else { return nil }
        lock.withLock { parts = PartsAtWork(count: plan.count, repeats: repeats) }
        return plan
    }

    /// What a file's parts have done, in the indexer's lock: which part is taken next, and
    /// per part the bytes indexed, the articles found and not handed over, and (once the
    /// part is done) what it found; the rules its items that share an id go through.
    private struct PartsAtWork {
        var nextToTake = 1
        var nextToHandOver = 0
        var bytes: [Int] = []
        var articles: [Int] = []
        var found: [FoundPart?] = []
        var repeats = StoryIDRepeats()

        init(count: Int = 0, repeats: StoryIDRepeats = StoryIDRepeats()) {
            bytes = Array(repeating: 0, count: count)
            articles = bytes
            found = Array(repeating: nil, count: count)
            self.repeats = repeats
        }
    }

    /// The summaries of a part, indexed with their ids before the rules for repeated ids, and
    /// what those rules need of each of its feed items (none for a dump's).
    private struct FoundPart {
        var summaries: [ArticleSummary] = []
        var stories: [StoryIDRepeats.Story] = []
    }

    /// Starts the threads that index later parts of a file once the first screen is out:
    /// one at the first batch (now, when that is out), which starts the others then (counting
    /// the CPUs reads files, which the first screen does not wait for). Waited for with the
    /// semaphore, signalled when all are done.
    private func startHelpers(_ source: OpenedSource, _ sourceIndex: Int, _ plan: FileParts)
        -> DispatchSemaphore
    {
        let finished = DispatchSemaphore(value: 0)
        let start = { [self] in
            BackgroundThread.start(name: "gazette-indexer-2") { [self] in
                ThreadPriority.yieldToForeground()
                // The first screen waits for the first batch: the later parts start once that
                // screen is out, so as not to compete with it (for the CPU and the file's pages).
                while !lock.withLock({ resumed || cancelled }) { usleep(1000) }
                let others = (1..<BackgroundIndexer.helperThreads).map { _ in
                    let done = DispatchSemaphore(value: 0)
                    BackgroundThread.start(name: "gazette-indexer-2") { [self] in
                        ThreadPriority.yieldToForeground()
                        indexParts(source, sourceIndex, plan)
                        done.signal()
                    }
                    return done
                }
                indexParts(source, sourceIndex, plan)
                for done in others { done.wait() }
                finished.signal()
            }
        }
        // Before the first batch, the thread is started by it (see `startLaterParts`).
        let now = lock.withLock { () -> Bool in
            if signalledFirst { return true }
            startLaterParts = start
            return false
        }
        if now { start() }
        return finished
    }

    /// Takes later parts of a file in turn until none is left, indexing each and handing
    /// over what is ready.
    private func indexParts(_ source: OpenedSource, _ sourceIndex: Int, _ plan: FileParts) {
        while let part = lock.withLock({ () -> Int? in
            guard !cancelled, parts.nextToTake < plan.count else { return nil }
            defer { parts.nextToTake += 1 }
            return parts.nextToTake
        }) {
            let found = indexPart(part, of: source, plan)
            lock.withLock { parts.found[part] = found }
            handOverParts(source, sourceIndex)
        }
    }

    /// The summaries of a later part of a file (empty when its cut was not found, or
    /// indexing was cancelled), their ids before the rules for repeated ids, with its
    /// progress told as it goes.
    private func indexPart(_ part: Int, of source: OpenedSource, _ plan: FileParts) -> FoundPart {
        guard let range = plan.range(ofPart: part) else { return FoundPart() }
        var summaries: [ArticleSummary] = []
        var stories: [StoryIDRepeats.Story] = []
        var released = range.lowerBound
        var told = range.lowerBound
        source.index(in: range, endingAt: nil, repeats: nil) { summary, story, offset in
            summaries.append(summary)
            if let story { stories.append(story) }
            if offset - told >= BackgroundIndexer.partProgressStride {
                told = offset
                let stop = lock.withLock {
                    parts.bytes[part] = offset - range.lowerBound
                    parts.articles[part] = summaries.count
                    return cancelled
                }
                if stop { return false }
            }
            if offset - released >= BackgroundIndexer.releaseStride {
                source.release(released..<offset)
                released = offset
            }
            return true
        }
        source.release(released..<range.upperBound)
        lock.withLock {
            parts.bytes[part] = range.count
            parts.articles[part] = summaries.count
        }
        return FoundPart(summaries: summaries, stories: stories)
    }

    /// Bytes a later part indexes between two reports of its progress.
    static let partProgressStride = 1 << 20

    /// Serialises hand-overs of parts, so that they stay in file order.
    private let handOverLock = NSLock()

    /// Hands over the parts that are done and follow all those handed over, in file order,
    /// their items that share an id told apart now that all the items before them are.
    private func handOverParts(_ source: OpenedSource, _ sourceIndex: Int) {
        handOverLock.withLock {
            while let (part, found, repeats) = lock.withLock({ () -> (Int, FoundPart, StoryIDRepeats)? in
                // Nothing after a cancel: a part stopped half way would leave a gap.
                let next = parts.nextToHandOver
                guard !cancelled, next < parts.found.count, let found = parts.found[next] else { return nil }
                parts.found[next] = nil
                parts.nextToHandOver += 1
                return (next, found, parts.repeats)
            }) {
                var summaries = found.summaries
                if !found.stories.isEmpty { repeats.settle(&summaries, found.stories) }
                flush(source, sourceIndex, &summaries, bytesDone: nil, handingOverPart: part)
            }
        }
    }

    /// Indexes `range` of a source (up to `lateEnd` when given), its feed items that share an
    /// id told apart by `repeats`, handing batches over as it goes; false when cancelled.
    private func indexRange(
        _ source: OpenedSource, _ sourceIndex: Int, _ range: Range<Int>, endingAt lateEnd: LatePartEnd?,
        repeats: StoryIDRepeats, doneBefore: Int
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
        source.index(in: range, endingAt: lateEnd, repeats: repeats) { summary, _, offset in
            summaries.append(summary)
            if offering { firstRows?.offer(summary) }
            if summaries.count >= limit
                || summaries.count % 256 == 0
                    && Date().timeIntervalSince(lastFlush) >= BackgroundIndexer.batchInterval
            {
                flush(source, sourceIndex, &summaries, bytesDone: doneBefore + offset)
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
        // The rest read goes too: a folder of small files kept every one's pages.
        source.release(released..<end)
        flush(source, sourceIndex, &summaries, bytesDone: doneBefore + end)
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
        lock.withLock { startLaterParts.take() }?()
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

    /// The feeds found renamed so far, `summaries` (of `source`, the source `sourceIndex`)
    /// looked at: the first of a file's stories with a short guid scoped by its feed's title
    /// reads the tag stored for it (``FeedTitleChanges``). Nothing without `loadTitleTag`.
    private func feedTitleChanges(
        _ source: OpenedSource, _ sourceIndex: Int, _ summaries: [ArticleSummary]
    ) -> FeedTitleChanges {
        guard let loadTitleTag else { return FeedTitleChanges() }
        return titleLock.withLock {
            for summary in summaries {
                titleChanges.look(
                    at: summary, ofSource: sourceIndex, key: { source.source.stateKey }, stored: loadTitleTag,
                    moved: { findMovedTitleTag?($0, summaries) })
            }
            return titleChanges
        }
    }

    /// Hands `summaries` over as a batch with their states; `bytesDone`: the progress now,
    /// when it is told by the batch (nil for a later part's, told as the part went); `part`:
    /// the later part the batch is, whose articles are then no longer held back.
    private func flush(
        _ source: OpenedSource, _ sourceIndex: Int, _ summaries: inout [ArticleSummary], bytesDone: Int?,
        handingOverPart part: Int? = nil
    ) {
        // The first screen's details first when the states would wait for the state file to
        // open (they need only the file); the states first when they are there, while the
        // screen's thread works on the details, then this thread helps with the rest.
        let ids = summaries.map(\.id)
        let statesFirst = statesReady?() ?? false
        var states = statesFirst && !ids.isEmpty ? loadStates(ids) : [:]
        let details = firstScreenDetails(sourceIndex)
        if !statesFirst && !ids.isEmpty { states = loadStates(ids) }
        // States kept under the ids stories had before: one more query, only when some has one.
        let changes = feedTitleChanges(source, sourceIndex, summaries)
        let carried = PreviousIDStates.carried(
            summaries, titleChanges: changes, loaded: states, load: loadStates)
        // Those of stories with a state are newer (their feeds' files read under another title).
        states.merge(carried) { _, carried in carried }
        var batch = Batch(sourceIndex: sourceIndex, summaries: summaries, states: states, details: details)
        batch.carriedOver = carried
        if !changes.isEmpty {
            batch.retitled = changes.retitled(summaries)
            batch.scopesKeptInStep = changes.scopesKeptInStep
        }
        summaries.removeAll(keepingCapacity: true)
        lock.withLock {
            batch.openedSources = openedSources
            openedSources.removeAll()
            if !batch.summaries.isEmpty || !batch.openedSources.isEmpty { pending.append(batch) }
            if let bytesDone { progress.bytesDone = bytesDone }
            if let part { parts.articles[part] = 0 }
        }
        if !batch.summaries.isEmpty { signalFirstBatch() }
        onBatch?()
    }
}
