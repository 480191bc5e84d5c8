import GazetteCore

/// A reader over some sources whose background indexing has run to the end and been taken
/// in, each batch's states read from a store as the program reads them.
public enum IndexedReader {
    /// The reader over `sources` with `tracker`, 80x24, and how many batches it took in.
    public static func make(
        sources: [OpenedSource], tracker: ReadingTracker,
        store: some ReadingStateStoring & Sendable
    ) -> (reader: Reader, batches: Int) {
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: sources) { ids in (try? store.states(for: ids)) ?? [:] }
        reader.beginIndexing(indexer.currentProgress)
        // Every batch loads its states before the reader takes the first in.
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        reader.absorb(batches, progress: progress)
        return (reader, batches.count)
    }
}
