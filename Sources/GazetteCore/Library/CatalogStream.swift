import Foundation

/// A catalog filled by the reader's indexing, on threads of its own, while the calling thread
/// takes its stories in file order as they come: a command prints the first rows of a big file
/// at once, not once the whole file is indexed.
///
/// The stories come numbered as ``ArticleCatalog/indexed(_:)`` numbers them, each whole.
public final class CatalogStream: @unchecked Sendable {
    /// The stories taken so far (by ``next()``), and their sources.
    public let catalog: ArticleCatalog
    private let indexer: BackgroundIndexer
    /// Signalled by each batch handed over, and by the end of the indexing.
    private let arrived = DispatchSemaphore(value: 0)

    /// Starts indexing `sources`.
    public convenience init(sources: [OpenedSource]) {
        self.init(sources: sources, splitThreshold: BackgroundIndexer.defaultSplitThreshold)
    }

    /// Starts indexing `sources`, a file of `splitThreshold` bytes or more cut in parts of
    /// `partSize` (tests cut small ones); `afterFirstBatch`, when given, is called on the
    /// indexing thread once the first batch is handed over, before indexing goes on (tests
    /// hold the indexing there).
    init(
        sources: [OpenedSource], splitThreshold: Int, partSize: Int = BackgroundIndexer.defaultPartSize,
        afterFirstBatch: (@Sendable () -> Void)? = nil
    ) {
        catalog = ArticleCatalog(sources: sources)
        let indexer = BackgroundIndexer(
            sources: sources, splitThreshold: splitThreshold, partSize: partSize, loadStates: { _ in [:] })
        self.indexer = indexer
        let arrived = arrived
        let batches = BatchCount()
        BackgroundThread.start(name: "gazette-indexer") {
            indexer.runToEnd(onBatch: {
                arrived.signal()
                if batches.isFirst() { afterFirstBatch?() }
            })
            arrived.signal()
        }
    }

    deinit {
        indexer.cancel()
    }

    /// The bytes of the files opened, in all.
    public var bytesTotal: Int {
        catalog.sources.reduce(0) { $0 + $1.bytes.count }
    }

    /// Whether the indexing has ended (every story found, or the indexing stopped).
    public var isFinished: Bool {
        indexer.currentProgress.finished
    }

    /// Waits for stories after those taken, and adds them to ``catalog``: their positions
    /// there; nil once the indexing has ended and every story it found is in.
    public func next() -> Range<Int>? {
        while true {
            let (batches, progress) = indexer.take()
            let before = catalog.entries.count
            for batch in batches {
                catalog.add(batch.openedSources)
                catalog.append(batch.summaries, fromSource: batch.sourceIndex)
            }
            if catalog.entries.count > before { return before..<catalog.entries.count }
            // Every batch is handed over before the indexing says it has ended.
            if progress.finished { return nil }
            arrived.wait()
        }
    }

    /// Takes every story left: the catalog whole.
    public func rest() -> ArticleCatalog {
        while next() != nil {}
        return catalog
    }

    /// Stops the indexing at the next story (nothing more is wanted).
    public func cancel() {
        indexer.cancel()
    }

    /// Tells the first batch handed over from the others (batches can be handed over by
    /// several indexing threads).
    private final class BatchCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func isFirst() -> Bool {
            lock.withLock {
                count += 1
                return count == 1
            }
        }
    }
}
