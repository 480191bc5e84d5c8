import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Two readers on one state file: each change writes only what it changed, so neither loses
/// what the other did after it loaded its states.
final class ReadingTrackerTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-tracker" }
    private let story = ArticleID("0123456789abcdef")
    private let other = ArticleID("fedcba9876543210")

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// The stored state of `id`, read through a store of its own.
    private func stored(_ id: ArticleID) throws -> ArticleState? {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        return try store.states(for: [id])[id]
    }

    /// Two trackers that loaded their states before either changed anything.
    private func twoReaders() throws -> (ReadingTracker, ReadingTracker, [ReadingStateStore]) {
        let first = try ReadingStateStore(path: statePath)
        let second = try ReadingStateStore(path: statePath)
        return (
            try ReadingTracker(store: first, ids: [story, other]),
            try ReadingTracker(store: second, ids: [story, other]), [first, second]
        )
    }

    func testAFlagSurvivesAnotherReaderMarkingTheStoryRead() throws {
        let (a, b, stores) = try twoReaders()
        defer { for store in stores { store.close() } }
        try a.setFlagged([story], true)
        try b.setRead([story], true, label: "open")
        let state = try XCTUnwrap(stored(story))
        XCTAssertTrue(state.isFlagged)
        XCTAssertTrue(state.isRead)
        XCTAssertNotNil(state.readAt)
    }

    func testReadingSurvivesAnotherReaderFlaggingTheStory() throws {
        let (a, b, stores) = try twoReaders()
        defer { for store in stores { store.close() } }
        try a.setRead([story, other], true, label: "mark all read")
        try b.setFlagged([story], true)
        try b.setFlagged([story], false)
        XCTAssertEqual(try stored(story)?.isRead, true)
        XCTAssertEqual(try stored(other)?.isRead, true)
        XCTAssertEqual(try stored(story)?.isFlagged, false)
    }

    func testUndoPutsBackOnlyWhatItsChangeMade() throws {
        let (a, b, stores) = try twoReaders()
        defer { for store in stores { store.close() } }
        try b.setRead([story], true, label: "open")
        try a.setFlagged([story], true)
        let undone = try XCTUnwrap(b.undo())
        XCTAssertEqual(undone.label, "open")
        XCTAssertEqual(undone.readChanges, [story: false])
        let state = try XCTUnwrap(stored(story))
        XCTAssertFalse(state.isRead)
        XCTAssertNil(state.readAt)
        XCTAssertTrue(state.isFlagged, "the other reader's flag was written over by the undo")
    }

    /// `A` then `u` in one reader put back its old idea of the stories: a story another reader
    /// had marked read since came back unread (found by QA with two readers on one file).
    func testMarkAllAndUndoKeepAnotherReadersMarks() throws {
        let third = ArticleID("00000000000000aa")
        let first = try ReadingStateStore(path: statePath)
        let second = try ReadingStateStore(path: statePath)
        defer { for store in [first, second] { store.close() } }
        let ids = [story, other, third]
        let a = try ReadingTracker(store: first, ids: ids)
        let b = try ReadingTracker(store: second, ids: ids)
        try b.setRead([story], true, label: "open")
        try b.setFlagged([other], true)

        let marked = try a.setRead(ids, true, label: "mark all read")
        XCTAssertEqual(Set(marked), Set(ids), "every story this reader showed unread is read now")
        let undone = try XCTUnwrap(a.undo())
        XCTAssertEqual(undone.readChanges, [other: false, third: false])
        XCTAssertEqual(try stored(story)?.isRead, true, "the other reader's mark stays")
        XCTAssertEqual(try stored(other)?.isRead, false)
        XCTAssertEqual(try stored(other)?.isFlagged, true, "the other reader's flag stays")
        XCTAssertEqual(try stored(third)?.isRead, false)
        XCTAssertTrue(a.isRead(story), "this reader now shows the other's mark")
        XCTAssertTrue(a.isFlagged(other))
    }

    /// `A` in one reader, then the other reads a story `A` marked (it showed it unread), then
    /// `u` in the first: the story stays read, as the other reader read it; one the other
    /// marked unread since stays unread; the rest come back unread (the undo put every story
    /// back; found by QA with two readers on one file).
    func testUndoOfMarkAllKeepsWhatAnotherReaderDidSince() throws {
        let third = ArticleID("00000000000000aa")
        let first = try ReadingStateStore(path: statePath)
        let second = try ReadingStateStore(path: statePath)
        defer { for store in [first, second] { store.close() } }
        let ids = [story, other, third]
        var ticks = 0.0
        let clock: () -> Date = {
            ticks += 1
            return Date(timeIntervalSince1970: 1_700_000_000 + ticks)
        }
        let a = try ReadingTracker(store: first, ids: ids, clock: clock)
        let b = try ReadingTracker(store: second, ids: ids, clock: clock)
        XCTAssertEqual(Set(try a.setRead(ids, true, label: "mark all read")), Set(ids))
        XCTAssertEqual(try b.setRead([story], true, label: "mark read", opening: true), [story])
        XCTAssertEqual(try b.setRead([other], false, label: "mark unread"), [])
        let undone = try XCTUnwrap(a.undo())
        XCTAssertEqual(undone.readChanges, [other: false, third: false])
        XCTAssertEqual(try stored(story)?.isRead, true, "read in the other reader since")
        XCTAssertEqual(try stored(other)?.isRead, false)
        XCTAssertEqual(try stored(third)?.isRead, false)
        XCTAssertTrue(a.isRead(story))
        XCTAssertNil(try a.undo(), "its one change is undone")
        XCTAssertEqual(try XCTUnwrap(b.undo()).label, "mark unread", "a reading's stamp is no change to undo")
    }

    /// A toggle starts from what is stored: another reader's mark of the same story is seen.
    func testATogglesBaseIsTheStoredState() throws {
        let (a, b, stores) = try twoReaders()
        defer { for store in stores { store.close() } }
        try b.setRead([story], true, label: "open")
        XCTAssertEqual(try a.setRead([story], true, label: "mark read"), [story], "read, as far as A showed")
        XCTAssertNil(try a.undo(), "nothing of A's own to undo: B had marked it")
        XCTAssertEqual(try stored(story)?.isRead, true)
    }

    func testAScrollPositionSurvivesAnotherReadersChanges() throws {
        let (a, b, stores) = try twoReaders()
        defer { for store in stores { store.close() } }
        try a.setScrollLine(12, for: story)
        try b.setRead([story], true, label: "open")
        try b.setFlagged([story], true)
        XCTAssertEqual(try stored(story)?.scrollLine, 12)
    }

    /// The same rule in the store kept in memory, which tests use in place of the file.
    func testTheMemoryStoreWritesOnlyTheGivenFields() {
        let store = InMemoryReadingStateStore(states: [story: ArticleState(isFlagged: true, scrollLine: 4)])
        store.setStates(
            [story: ArticleState(isRead: true, readAt: Date(timeIntervalSince1970: 9))], fields: .read)
        XCTAssertEqual(
            store.allStates()[story],
            ArticleState(isRead: true, readAt: Date(timeIntervalSince1970: 9), isFlagged: true, scrollLine: 4)
        )
        store.setStates([other: ArticleState(isFlagged: true)], fields: .flag)
        XCTAssertEqual(store.allStates()[other], ArticleState(isFlagged: true))
        store.setStates([story: .unseen])
        XCTAssertEqual(store.allStates()[story], .unseen)
    }
}
