import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The reader's table of states grows ahead while a big file is indexed, at the share of the
/// stories that have a state, as the catalog's table of positions does: it doubled at the end
/// of the file, the old table and the new held at once.
final class StatesTableRoomTests: TemporaryFolderTestCase {
    /// A reader over a dump of 2,000 stories, the first `stored` of them with a stored state,
    /// given the first batch (64 stories) while indexing has done a tenth of the file, then
    /// nothing more at a fifth.
    private func readerAfterATenth(stored: Int) throws -> Reader {
        let text = (0..<2000).map {
            DumpText.article(title: "Story number \($0)", paragraphs: ["Body of story \($0) here."])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("news-\(stored).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let sources = try SourceLoader.open(paths: [path]).sources
        let store = InMemoryReadingStateStore()
        let earlier = ArticleCatalog.indexed(sources)
        store.setStates(
            Dictionary(
                uniqueKeysWithValues: earlier.entries.prefix(stored).map {
                    ($0.summary.id, ArticleState(isRead: true))
                }
            ))
        let tracker = try ReadingTracker(store: store, ids: [])
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        indexer.runToEnd()
        let batches = indexer.take().batches
        let first = try XCTUnwrap(batches.first)
        XCTAssertEqual(first.summaries.count, 64)
        XCTAssertGreaterThan(batches.count, 1)
        let bytes = sources[0].bytes.count
        reader.absorb([first], progress: .init(bytesDone: bytes / 10, bytesTotal: bytes, finished: false))
        // The next hand-over (nothing new) reckons 320 stories in all from the 64 of a fifth.
        reader.absorb([], progress: .init(bytesDone: bytes / 5, bytesTotal: bytes, finished: false))
        return reader
    }

    func testRoomIsMadeForTheStatesTheRestWillBring() throws {
        // Every story with a state: 320 stories reckoned, and half as many again.
        let full = try readerAfterATenth(stored: 2000)
        XCTAssertGreaterThanOrEqual(full.tracker.statesCapacity, 480)
        // Half of them: room for half as many.
        let half = try readerAfterATenth(stored: 32)
        XCTAssertLessThan(half.tracker.statesCapacity, full.tracker.statesCapacity)
        XCTAssertGreaterThanOrEqual(half.tracker.statesCapacity, 240)
        // None: no room is made.
        let none = try readerAfterATenth(stored: 0)
        XCTAssertLessThan(none.tracker.statesCapacity, 16)
    }
}
