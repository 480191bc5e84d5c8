import Foundation
import XCTest

@testable import GazetteCore

/// `A` and its `u` over many stories go to the store as arrays in the view's order (one read,
/// one write each), and the tracker's own table is looked up once per story: half the time of
/// `A` on a million stories was hashing ids.
final class ReadingTrackerBatchTests: XCTestCase {
    /// A store in memory that counts the calls made of it.
    private final class CountingStore: ReadingStateStoring {
        let memory = InMemoryReadingStateStore()
        var calls: [String] = []

        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] {
            calls.append("states(for:)")
            return memory.states(for: ids)
        }

        func states(inOrderOf ids: [ArticleID]) throws -> [ArticleState?] {
            calls.append("states(inOrderOf:)")
            let found = memory.states(for: ids)
            return ids.map { found[$0] }
        }

        func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
            calls.append("setStates(_:fields:)")
            memory.setStates(states, fields: fields)
        }

        func setStates(of ids: [ArticleID], to states: [ArticleState], fields: ArticleState.Fields) throws {
            calls.append("setStates(of:to:fields:)")
            var table: [ArticleID: ArticleState] = [:]
            for (id, state) in zip(ids, states) { table[id] = state }
            memory.setStates(table, fields: fields)
        }

        func setScrollLine(_ line: Int, for id: ArticleID) throws { memory.setScrollLine(line, for: id) }
        func lastSelected(inSource source: String) throws -> ArticleID? { nil }
        func setLastSelected(_ id: ArticleID, inSource source: String) throws {}
    }

    private let ids = (0..<1_000).map { ArticleID("story-\($0)") }

    func testMarkingAllAndUndoingReadAndWriteArraysInTheViewsOrder() throws {
        let store = CountingStore()
        let readAt = Date(timeIntervalSince1970: 1_600_000_000)
        store.memory.setStates([
            ids[1]: ArticleState(isRead: true, readAt: readAt), ids[2]: ArticleState(isFlagged: true),
        ])
        let tracker = try ReadingTracker(store: store, ids: ids)
        store.calls = []

        let changed = try tracker.changeRead(ids, true, label: "mark all read")
        XCTAssertEqual(changed.flipped, [0] + Array(2..<ids.count), "offsets in the ids given")
        XCTAssertEqual(changed.stored, ids.count - 1)
        XCTAssertEqual(store.calls, ["states(inOrderOf:)", "setStates(of:to:fields:)"])
        XCTAssertEqual(tracker.storiesInLastChange, ids.count - 1)

        store.calls = []
        let undone = try XCTUnwrap(tracker.undo())
        XCTAssertEqual(store.calls, ["states(inOrderOf:)", "setStates(of:to:fields:)"])
        XCTAssertEqual(undone.stories, [ids[0]] + ids[2...], "in the view's order")
        XCTAssertEqual(undone.readChanges.count, ids.count - 1)
        XCTAssertEqual(store.memory.states(for: [ids[1]])[ids[1]], ArticleState(isRead: true, readAt: readAt))
        XCTAssertEqual(store.memory.states(for: [ids[2]])[ids[2]], ArticleState(isFlagged: true))
        XCTAssertEqual(store.memory.states(for: [ids[0]])[ids[0]], ArticleState())
        XCTAssertFalse(tracker.isRead(ids[0]))
        XCTAssertTrue(tracker.isRead(ids[1]))
    }

    /// A failed write leaves the stored states taken (as before the arrays) and no undo.
    func testAFailedWriteTakesTheStoredStatesAndKeepsNoUndo() throws {
        final class FailingStore: ReadingStateStoring {
            struct Refused: Error {}
            let memory = InMemoryReadingStateStore()
            func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { memory.states(for: ids) }
            func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
                throw Refused()
            }
            func setScrollLine(_ line: Int, for id: ArticleID) throws {}
            func lastSelected(inSource source: String) throws -> ArticleID? { nil }
            func setLastSelected(_ id: ArticleID, inSource source: String) throws {}
        }
        let store = FailingStore()
        let tracker = try ReadingTracker(store: store, ids: ids)
        store.memory.setStates([ids[5]: ArticleState(isRead: true)])
        XCTAssertThrowsError(try tracker.setRead(ids, true, label: "mark all read"))
        XCTAssertNil(tracker.storiesInLastChange)
        XCTAssertTrue(tracker.isRead(ids[5]), "another reader's mark taken")
        XCTAssertFalse(tracker.isRead(ids[6]))
        XCTAssertEqual(tracker.takeReadChangesFound(), [ids[5]: true])
    }
}
