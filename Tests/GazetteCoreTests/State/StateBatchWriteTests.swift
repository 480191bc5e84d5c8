import Foundation
import GRDB
import TestSupport
import XCTest

@testable import GazetteCore

/// A change of many stories (`A`, its `u`, `mark --all`) is written as one transaction, in
/// the table's order.
final class StateBatchWriteTests: TemporaryFolderTestCase {
    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// Ids in no order, as a dictionary hands them over.
    private func ids(_ count: Int) -> [ArticleID] {
        var generator = SeededGenerator(seed: 7)
        return (0..<count).map { _ in
            ArticleID(String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 16))
        }
    }

    /// The write calls this process has made so far (`syscw` of `/proc/self/io`).
    private func writeCalls() throws -> Int {
        let io = try String(contentsOfFile: "/proc/self/io", encoding: .utf8)
        let line = try XCTUnwrap(io.split(separator: "\n").first { $0.hasPrefix("syscw:") })
        return try XCTUnwrap(Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// Ids are stored whole, bound by their length in bytes: one that is a prefix of another,
    /// an empty one and one outside ASCII each keep their own state.
    func testIdsAreStoredWholeWhateverTheyHold() throws {
        let store = try ReadingStateStore(path: statePath)
        let ids = [ArticleID("feed#a"), ArticleID(""), ArticleID("café#日本")]
        var states: [ArticleID: ArticleState] = [:]
        for (index, id) in ids.enumerated() { states[id] = ArticleState(isRead: index % 2 == 0) }
        try store.setStates(states, fields: .read)
        let stored = try store.states(for: ids)
        XCTAssertEqual(stored.count, ids.count)
        for (index, id) in ids.enumerated() {
            XCTAssertEqual(stored[id]?.isRead, index % 2 == 0, id.rawValue)
        }
    }

    func testABatchBiggerThanTheCacheWritesEachPageOnce() throws {
        let store = try ReadingStateStore(path: statePath)
        let readAt = Date(timeIntervalSince1970: 1_700_000_000)
        var states: [ArticleID: ArticleState] = [:]
        for id in ids(100_000) { states[id] = ArticleState(isRead: true, readAt: readAt) }
        try store.setStates([ArticleID("first"): .unseen], fields: .read)  // The file opened for writing.

        let before = try writeCalls()
        try store.setStates(states, fields: .read)
        let written = try writeCalls() - before

        let stored = try store.allStates()
        XCTAssertEqual(stored.count, states.count + 1)
        for (id, state) in states { XCTAssertEqual(stored[id], state) }
        // In no order, the pages SQLite's cache could not hold were written out, read back and
        // written again: many times the table's pages (a write call each).
        let pages = try DatabaseQueue(path: statePath).read { db in
            try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        }
        XCTAssertGreaterThan(pages, 600, "the table outgrows SQLite's default cache")
        XCTAssertLessThan(written, pages * 3, "write calls \(written), table \(pages) pages")
    }

    func testMarkingAllAndUndoingGivesBackTheStatesBefore() throws {
        let store = try ReadingStateStore(path: statePath)
        let all = ids(3_000)
        var before: [ArticleID: ArticleState] = [:]
        for (index, id) in all.enumerated() where index % 3 != 0 {
            before[id] = ArticleState(
                isRead: index % 3 == 1,
                readAt: index % 3 == 1 ? Date(timeIntervalSince1970: 1_600_000_000) : nil,
                isFlagged: index % 5 == 0, scrollLine: index % 7)
        }
        try store.setStates(before)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let tracker = try ReadingTracker(store: store, ids: all, clock: { now })

        let changed = try tracker.setRead(all, true, label: "mark all read")
        XCTAssertEqual(changed.count, all.count - before.values.filter(\.isRead).count)
        let marked = try store.states(for: all)
        XCTAssertEqual(marked.count, all.count)
        for id in all {
            let old = before[id] ?? .unseen
            var expected = old
            if !old.isRead {
                expected.isRead = true
                expected.readAt = now
            }
            XCTAssertEqual(marked[id], expected, "\(id)")
        }

        let undone = try XCTUnwrap(try tracker.undo())
        XCTAssertEqual(undone.stories.count, changed.count)
        let back = try store.states(for: all)
        for id in all {
            XCTAssertEqual(back[id] ?? .unseen, before[id] ?? .unseen, "\(id)")
        }
    }
}
