import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A restart after the story left last time has left the file selects the story that took its
/// place, as `R` does: it went to story 1 (found by QA, Daring Fireball's feed a few days on).
final class RememberedSelectionTests: TemporaryFolderTestCase {
    /// An RSS feed of the items numbered `numbers`, in that order (item N has the guid gN).
    private func feed(_ numbers: [Int]) -> String {
        let items = numbers.map { "<item><guid>g\($0)</guid><title>Story \($0)</title></item>" }
        return "<rss version=\"2.0\"><channel><title>F</title>\(items.joined())</channel></rss>"
    }

    /// A reader over `text` saved as `news.rss`, resuming the selection `store` remembers for
    /// it, indexed to the end.
    private func reader(_ text: String, store: InMemoryReadingStateStore) throws -> (Reader, String) {
        let url = folder.appendingPathComponent("news.rss")
        try Data(text.utf8).write(to: url)
        let sources = try SourceLoader.open(paths: [url.path]).sources
        let key = sources[0].source.stateKey
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24, resuming: try store.rememberedSelection(inSource: key))
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        reader.beginIndexing(indexer.currentProgress)
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
        return (reader, key)
    }

    private func selectedTitle(_ reader: Reader) -> String? {
        reader.selectedEntry?.summary.title
    }

    func testARestartGoesToTheStoryAfterTheOneThatLeft() throws {
        let store = InMemoryReadingStateStore()
        let (first, _) = try reader(feed(Array(1...10)), store: store)
        for _ in 0..<6 { first.apply(.down) }
        XCTAssertEqual(selectedTitle(first), "Story 7")
        first.savePosition()

        // Story 7 left, and two new stories came on top: the story after it, not the 7th.
        let (second, _) = try reader(feed([11, 12] + Array(1...6) + Array(8...10)), store: store)
        XCTAssertEqual(selectedTitle(second), "Story 8")

        // Still there, it is selected as before.
        let (third, _) = try reader(feed([11, 12] + Array(1...10)), store: store)
        XCTAssertEqual(selectedTitle(third), "Story 7")
    }

    func testTheStoryBeforeWhenThoseAfterLeftToo() throws {
        let store = InMemoryReadingStateStore()
        let (first, _) = try reader(feed(Array(1...10)), store: store)
        for _ in 0..<6 { first.apply(.down) }
        first.savePosition()
        let (second, _) = try reader(feed(Array(1...6)), store: store)
        XCTAssertEqual(selectedTitle(second), "Story 6")
    }

    /// A selection stored later without neighbours (by an older Gazette) is not given the
    /// neighbours of the one before it.
    func testNeighboursOfAnotherStoryAreNotUsed() throws {
        let store = InMemoryReadingStateStore()
        let (first, key) = try reader(feed(Array(1...10)), store: store)
        for _ in 0..<6 { first.apply(.down) }
        first.savePosition()
        let remembered = try XCTUnwrap(store.rememberedSelection(inSource: key))
        XCTAssertEqual(remembered.neighbours.map(\.rawValue).count, 4, "3 after, 1 before")
        store.setLastSelected(ArticleID("g2"), inSource: key)
        XCTAssertEqual(try store.rememberedSelection(inSource: key), RememberedSelection(id: ArticleID("g2")))
    }
}
