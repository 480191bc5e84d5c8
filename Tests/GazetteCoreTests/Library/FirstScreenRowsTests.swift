import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The first screen's rows are worked out by the screen's thread while it waits and by the
/// indexing thread when the batch is complete: each row once, with what the source itself
/// works out, whichever thread did it.
final class FirstScreenRowsTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-first-rows" }

    /// A feed of `count` items whose HTML bodies have 4 + n words and an author each.
    private func feed(items count: Int) throws -> OpenedSource {
        let path = folder.appendingPathComponent("feed-\(count).xml").path
        try Data(FeedText.rssWithHTMLBodies(items: count).utf8).write(to: URL(fileURLWithPath: path))
        return try XCTUnwrap(SourceLoader.open(paths: [path]).sources.first)
    }

    /// The rows shown to the screen's thread, in order.
    private final class Shown: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [ArticleID] = []
        func add(_ id: ArticleID) { lock.withLock { list.append(id) } }
        var ids: [ArticleID] { lock.withLock { list } }
    }

    private func summaries(_ source: OpenedSource) -> [ArticleSummary] {
        source.indexAll()
    }

    func testTheScreensThreadWorksOutRowsAsTheyComeAndTheIndexerTheRest() throws {
        let source = try feed(items: 30)
        let all = summaries(source)
        let rows = FirstScreenRows(source: source, capacity: 12)
        let helped = expectation(description: "the screen's thread returned")
        let shown = Shown()
        let waiting = Thread {
            rows.help(until: Date().addingTimeInterval(30)) { shown.add($0.id) }
            helped.fulfill()
        }
        waiting.start()
        for summary in all.prefix(20) {
            rows.offer(summary)
            usleep(500)
        }
        let details = rows.finish()
        wait(for: [helped], timeout: 30)
        XCTAssertEqual(Set(details.keys), Set(all.prefix(12).map(\.id)))
        for summary in all.prefix(12) {
            XCTAssertEqual(details[summary.id], source.details(summary))
        }
        XCTAssertEqual(details[all[2].id]?.credit, "Writer 3")
        XCTAssertEqual(details[all[2].id]?.wordCount, 4 + 3)
        // Each row shown to the screen's thread once, in order, and none past the capacity.
        let prepared = shown.ids
        XCTAssertEqual(prepared, Array(all.prefix(prepared.count).map(\.id)))
        XCTAssertLessThanOrEqual(prepared.count, 12)
    }

    func testWithNoOneHelpingTheIndexerWorksOutEveryRow() throws {
        let source = try feed(items: 5)
        let all = summaries(source)
        let rows = FirstScreenRows(source: source, capacity: 24)
        for summary in all { rows.offer(summary) }
        let details = rows.finish()
        XCTAssertEqual(details.count, 5)
        for summary in all { XCTAssertEqual(details[summary.id], source.details(summary)) }
        // Closed: a later row is not taken.
        rows.offer(all[0])
        XCTAssertEqual(rows.finish().count, 5)
    }

    func testWaitingEndsWhenTheBatchIsClosedOrAtTheDeadline() throws {
        let source = try feed(items: 3)
        let closed = FirstScreenRows(source: source, capacity: 12)
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { closed.close() }
        closed.help(until: Date().addingTimeInterval(30), preparing: nil)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "close() did not end the wait")

        let silent = FirstScreenRows(source: source, capacity: 12)
        let before = Date()
        silent.help(until: Date().addingTimeInterval(0.1), preparing: nil)
        let waited = Date().timeIntervalSince(before)
        XCTAssertGreaterThanOrEqual(waited, 0.09)
        XCTAssertLessThan(waited, 10)
    }

    /// The indexer's first batch of a feed is the screen's rows, and the screen's thread,
    /// waiting for it, is shown each of them and helps with their details.
    func testTheFirstBatchOfAFeedIsTheListsRowsAndTheWaitingThreadSeesThem() throws {
        let source = try feed(items: 200)
        let indexer = BackgroundIndexer(sources: [source], firstScreenRows: 9) { _ in [:] }
        indexer.start()
        defer { indexer.cancel() }
        var prepared: [ArticleID] = []
        indexer.waitForFirstBatch(seconds: 30) { prepared.append($0.id) }
        indexer.firstScreenShown()
        let first = try XCTUnwrap(indexer.take().batches.first)
        XCTAssertEqual(first.summaries.count, 9)
        XCTAssertEqual(first.details.count, 9)
        for summary in first.summaries {
            XCTAssertEqual(first.details[summary.id], source.details(summary))
        }
        XCTAssertEqual(prepared, Array(first.summaries.prefix(prepared.count).map(\.id)))
    }

    /// The story laid out while the first batch is indexed is the one the first screen shows:
    /// the one last selected, or else the first found.
    func testTheReaderLaysOutTheStoryItWillShowFirst() throws {
        let source = try feed(items: 6)
        let all = summaries(source)
        let tracker = try ReadingTracker(store: InMemoryReadingStateStore(), ids: [])
        let fresh = Reader(
            catalog: ArticleCatalog(sources: [source]), tracker: tracker, width: 80, height: 24)
        fresh.prepareFirstStory(all[0])
        fresh.prepareFirstStory(all[1])
        XCTAssertTrue(fresh.layoutCache.contains(all[0].id, width: fresh.layout.textWidth))
        XCTAssertFalse(fresh.layoutCache.contains(all[1].id, width: fresh.layout.textWidth))

        let returning = Reader(
            catalog: ArticleCatalog(sources: [source]), tracker: tracker, width: 80, height: 24,
            initial: all[3].id)
        for summary in all { returning.prepareFirstStory(summary) }
        XCTAssertTrue(returning.layoutCache.contains(all[3].id, width: returning.layout.textWidth))
        XCTAssertFalse(returning.layoutCache.contains(all[0].id, width: returning.layout.textWidth))
        let batch = BackgroundIndexer.Batch(sourceIndex: 0, summaries: all, states: [:], details: [:])
        returning.absorb(
            [batch], progress: BackgroundIndexer.Progress(bytesDone: 1, bytesTotal: 1, finished: true))
        XCTAssertEqual(returning.selectedEntry?.summary.id, all[3].id)
        XCTAssertEqual(returning.selectedLayout?.lines.isEmpty, false)
    }

    /// The first batch brings its states and its rows' details whether the states are loaded
    /// before the details (the state file is open) or after them.
    func testTheFirstBatchHasItsStatesAndDetailsWhicheverComesFirst() throws {
        let source = try feed(items: 40)
        for ready in [true, false] {
            let read = ArticleState(isRead: true, readAt: Date(timeIntervalSince1970: 1))
            let indexer = BackgroundIndexer(
                sources: [source], firstScreenRows: 8, statesReady: { ready },
                loadStates: { ids in Dictionary(uniqueKeysWithValues: ids.map { ($0, read) }) })
            indexer.start()
            defer { indexer.cancel() }
            indexer.waitForFirstBatch(seconds: 30)
            indexer.firstScreenShown()
            let first = try XCTUnwrap(indexer.take().batches.first)
            XCTAssertEqual(first.summaries.count, 8, "ready: \(ready)")
            XCTAssertEqual(first.states.count, 8, "ready: \(ready)")
            XCTAssertEqual(first.states[first.summaries[0].id], read)
            for summary in first.summaries {
                XCTAssertEqual(first.details[summary.id], source.details(summary), "ready: \(ready)")
            }
        }
    }
}
