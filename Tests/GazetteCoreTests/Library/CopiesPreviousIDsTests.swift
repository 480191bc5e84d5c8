import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Copies of one story in several files are one story that carries every previous id any copy
/// carries, whatever the files' order: the copy kept (the first) had none where a later one
/// had one, and the mark kept under it was missed (found by QA).
final class CopiesPreviousIDsTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-copies-previous-ids" }

    private typealias Layout = StoryCopies.Layout

    /// A folder of its own for the files of `layouts`.
    private func subfolder(_ layouts: [Layout]) throws -> URL {
        let url = folder.appendingPathComponent(layouts.map(\.rawValue).joined(separator: "-"))
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A catalog of a file for each of `layouts`, in that order, indexed whole.
    private func catalog(_ layouts: [Layout]) throws -> ArticleCatalog {
        let paths = try StoryCopies.write(layouts, in: try subfolder(layouts))
        return ArticleCatalog.indexed(try SourceLoader.open(paths: paths).sources)
    }

    /// The story's entry in `catalog`: its only one, the first copy's.
    private func storyEntry(_ catalog: ArticleCatalog, _ order: [Layout]) throws -> CatalogEntry {
        let entries = catalog.entries.filter { $0.summary.id == StoryCopies.id }
        XCTAssertEqual(entries.count, 1, "\(order)")
        XCTAssertEqual(catalog.entries.count, order.count + 1, "the story once, and each file's own")
        return try XCTUnwrap(entries.first)
    }

    func testTheCopyKeptCarriesALaterCopysPreviousId() throws {
        for order: [Layout] in [[.plain, .tabInBody], [.tabInBody, .plain]] {
            let catalog = try catalog(order)
            let entry = try storyEntry(catalog, order)
            XCTAssertEqual(entry.sourceIndex, 0, "the first copy is kept: \(order)")
            XCTAssertEqual(entry.summary.previousID, StoryCopies.previousID(.tabInBody), "\(order)")
            XCTAssertEqual(catalog.furtherPreviousIDs, [:], "\(order)")
        }
    }

    /// Two copies that carry two previous ids: the summary carries the first in the files'
    /// order, the catalog the other.
    func testEveryPreviousIdOfTheCopiesIsCarried() throws {
        let orders: [[Layout]] = [
            [.plain, .tabInBody, .tabInTitle], [.tabInTitle, .plain, .tabInBody, .tabInTitle],
            [.tabInBody, .tabInTitle, .plain],
        ]
        for order in orders {
            let catalog = try catalog(order)
            let carried = order.compactMap(StoryCopies.previousID)
            let entry = try storyEntry(catalog, order)
            XCTAssertEqual(entry.summary.previousID, carried.first, "\(order)")
            XCTAssertEqual(catalog.furtherPreviousIDs, [StoryCopies.id: [carried[1]]], "\(order)")
        }
    }

    /// A command's tracker over the catalog (`mark`, `export`) takes the state kept under a
    /// copy's previous id, whatever the order; of two previous ids with a state each, the
    /// first copy's in the files' order.
    func testACommandsTrackerTakesTheStateOfEveryCopysPreviousId() throws {
        let read = ArticleState(isRead: true)
        let flagged = ArticleState(isFlagged: true)
        let body = try XCTUnwrap(StoryCopies.previousID(.tabInBody))
        let title = try XCTUnwrap(StoryCopies.previousID(.tabInTitle))
        let cases: [([Layout], [ArticleID: ArticleState], ArticleState)] = [
            ([.plain, .tabInBody], [body: read], read),
            ([.tabInBody, .plain], [body: read], read),
            ([.plain, .tabInBody, .tabInTitle], [body: read, title: flagged], read),
            ([.plain, .tabInTitle, .tabInBody], [body: read, title: flagged], flagged),
            ([.plain, .tabInBody, .tabInTitle], [title: flagged], flagged),
            ([.tabInBody, .tabInTitle], [title: flagged], flagged),
        ]
        for (order, stored, expected) in cases {
            let catalog = try catalog(order)
            let store = InMemoryReadingStateStore(states: stored)
            let tracker = try ReadingTracker(
                store: store, summaries: catalog.entries.map(\.summary), further: catalog.furtherPreviousIDs)
            XCTAssertEqual(tracker.state(of: StoryCopies.id), expected, "\(order)")
            XCTAssertEqual(store.states(for: [StoryCopies.id])[StoryCopies.id], expected, "stored: \(order)")
        }
    }

    /// The reader, whose copies come in batches of their own, takes the same state as a
    /// command, and stores it under the id now: a later copy's state found under another
    /// previous id is not stored over it (the next start showed that one).
    func testTheReaderTakesAndStoresTheFirstCopysState() throws {
        let read = ArticleState(isRead: true)
        let flagged = ArticleState(isFlagged: true)
        let body = try XCTUnwrap(StoryCopies.previousID(.tabInBody))
        let title = try XCTUnwrap(StoryCopies.previousID(.tabInTitle))
        for (order, expected): ([Layout], ArticleState) in [
            ([.plain, .tabInBody, .tabInTitle], read), ([.tabInTitle, .plain, .tabInBody], flagged),
        ] {
            let paths = try StoryCopies.write(order, in: try subfolder(order))
            let sources = try SourceLoader.open(paths: paths).sources
            let store = InMemoryReadingStateStore(states: [body: read, title: flagged])
            let tracker = try ReadingTracker(store: store, ids: [])
            let (reader, batches) = IndexedReader.make(sources: sources, tracker: tracker, store: store)
            XCTAssertEqual(batches, order.count, "a batch for each file")
            XCTAssertEqual(tracker.state(of: StoryCopies.id), expected, "\(order)")
            XCTAssertEqual(store.states(for: [StoryCopies.id])[StoryCopies.id], expected, "stored: \(order)")
            XCTAssertEqual(reader.visibleUnread, expected.isRead ? 3 : 4, "\(order)")
        }
    }

    /// Copies in one file come in one batch: the reader takes the first copy's state there too,
    /// as a command does.
    func testCopiesInOneFileTakeTheFirstCopysState() throws {
        let read = ArticleState(isRead: true)
        let body = try XCTUnwrap(StoryCopies.previousID(.tabInBody))
        let title = try XCTUnwrap(StoryCopies.previousID(.tabInTitle))
        let url = folder.appendingPathComponent("copies.txt")
        let text = [Layout.plain, .tabInBody, .tabInTitle].map(StoryCopies.story).joined(separator: "\n\n\n")
        try Data(text.utf8).write(to: url)
        let sources = try SourceLoader.open(paths: [url.path]).sources
        let catalog = ArticleCatalog.indexed(sources)
        XCTAssertEqual(catalog.entries.count, 1)
        let states = [body: read, title: ArticleState(isFlagged: true)]
        let commandStore = InMemoryReadingStateStore(states: states)
        let command = try ReadingTracker(
            store: commandStore, summaries: catalog.entries.map(\.summary),
            further: catalog.furtherPreviousIDs)
        XCTAssertEqual(command.state(of: StoryCopies.id), read)
        let readerStore = InMemoryReadingStateStore(states: states)
        let tracker = try ReadingTracker(store: readerStore, ids: [])
        let reader = IndexedReader.make(sources: sources, tracker: tracker, store: readerStore).reader
        XCTAssertEqual(tracker.state(of: StoryCopies.id), read)
        XCTAssertEqual(readerStore.states(for: [StoryCopies.id])[StoryCopies.id], read)
        XCTAssertEqual(reader.visibleUnread, 0)
    }

    /// The story with two spaces in a hard-wrapped first paragraph: it has the same id, and
    /// carries two earlier ids (``EarlierIDs``), newest first.
    private func doubledCopy() -> (text: String, newest: ArticleID, older: ArticleID) {
        let lines = ["The river rose two metres in the night  and flooded", "the harbour district."]
        let second = "Residents were moved to schools on the hill, officials said."
        func id(_ parts: [[String]]) -> ArticleID {
            var fingerprint = ContentFingerprint()
            for part in parts {
                for line in part { fingerprint.add(line) }
                fingerprint.endPart()
            }
            return ArticleID(fingerprint.hexDigest)
        }
        let text = DumpText.article(
            title: StoryCopies.title, caption: "Boats in a flooded street (AFP)",
            paragraphs: [lines.joined(separator: "\n"), second])
        return (
            text, id([[StoryCopies.title], [lines.joined(separator: " ")], [second]]),
            id([[StoryCopies.title], lines, [second]])
        )
    }

    /// A later copy with two earlier ids brings both: to the copy kept that had none, or beside
    /// the one it had; a command's tracker takes the state kept under the older.
    func testALaterCopysTwoEarlierIdsAreCarried() throws {
        let doubled = doubledCopy()
        for first in [Layout.plain, .tabInBody] {
            let url = folder.appendingPathComponent("copies-\(first.rawValue).txt")
            try Data((StoryCopies.story(first) + "\n\n\n" + doubled.text).utf8).write(to: url)
            let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [url.path]).sources)
            XCTAssertEqual(catalog.entries.map(\.summary.id), [StoryCopies.id], "\(first)")
            let summary = try XCTUnwrap(catalog.entries.first?.summary)
            if let kept = StoryCopies.previousID(first) {
                XCTAssertEqual(summary.earlierIDs, EarlierIDs(kept))
                XCTAssertEqual(catalog.furtherPreviousIDs, [StoryCopies.id: [doubled.newest, doubled.older]])
            } else {
                XCTAssertEqual(summary.earlierIDs.newest, doubled.newest)
                XCTAssertEqual(summary.earlierIDs.older, doubled.older)
                XCTAssertEqual(catalog.furtherPreviousIDs, [:])
            }
            let store = InMemoryReadingStateStore(states: [doubled.older: ArticleState(isRead: true)])
            let tracker = try ReadingTracker(
                store: store, summaries: catalog.entries.map(\.summary), further: catalog.furtherPreviousIDs)
            XCTAssertEqual(tracker.state(of: StoryCopies.id), ArticleState(isRead: true), "\(first)")
        }
    }
}
