import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The state file deleted or moved away while the reader has it open (`rm`, `mv`): the changes
/// made since show and are kept, to be saved in a new state file at the end, and a file moved
/// away keeps the marks made before. They were refused as "replaced or emptied" and lost, the
/// file moved away lacked the marks still in its log, and a new file made later took that log,
/// left beside the path, for its own (the deleted file's marks came back into it).
final class RemovedStateFileTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-removed" }
    private let before = ArticleID("0123456789abcdef")
    private let after = ArticleID("fedcba9876543210")

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// A store opened as the reader opens it, its tracker, and the first story marked read.
    private func readerMarkingTheFirstStory() throws -> (
        ReadingStateStore, DeferringStateStore, ReadingTracker
    ) {
        let store = try ReadingStateStore(path: statePath)
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store, retryInterval: 0)
        let tracker = try ReadingTracker(store: deferring, ids: [before, after])
        try tracker.setRead([before], true, label: "mark read")
        return (store, deferring, tracker)
    }

    /// The stored states of the file at `path`, read through a store of its own.
    private func stored(at path: String) throws -> [ArticleID: ArticleState] {
        let store = try ReadingStateStore(path: path)
        defer { store.close() }
        return try store.allStates()
    }

    func testAChangeAfterTheFileIsDeletedIsKeptAndSavedInANewFile() throws {
        let (store, deferring, tracker) = try readerMarkingTheFirstStory()
        XCTAssertEqual(unlink(statePath), 0)

        try tracker.setRead([after], true, label: "mark read")
        XCTAssertTrue(tracker.isRead(after), "shown at once")
        XCTAssertEqual(
            tracker.waitingMessage, "deleted or moved: 1 story's change saved at quit ('state.sqlite')")
        XCTAssertEqual(deferring.keptBehind, .removed(path: statePath))

        store.close()
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: statePath + "-wal"), "no log left for a new file")
        let fresh = try ReadingStateStore(path: statePath)
        XCTAssertTrue(try deferring.saveChangesWaiting(into: fresh))
        fresh.close()
        let states = try stored(at: statePath)
        XCTAssertEqual(states[after]?.isRead, true, "the change made since, saved")
        XCTAssertNil(states[before], "the deleted file's marks do not come back through its log")
    }

    func testAFileMovedAwayKeepsItsMarksAndAChangeMadeSinceIsSavedOnceItIsBack() throws {
        let (store, deferring, tracker) = try readerMarkingTheFirstStory()
        let moved = folder.appendingPathComponent("moved.sqlite").path
        XCTAssertEqual(rename(statePath, moved), 0)
        try tracker.setRead([after], true, label: "mark read")
        XCTAssertTrue(tracker.isRead(after))
        XCTAssertEqual(try deferring.saveChangesWaiting(), false, "kept while it is away")

        XCTAssertEqual(rename(moved, statePath), 0)
        XCTAssertEqual(try deferring.saveChangesWaiting(), true, "saved once it is back")
        XCTAssertEqual(rename(statePath, moved), 0)
        store.close()
        let states = try stored(at: moved)
        XCTAssertEqual(states[before]?.isRead, true, "the mark still in its log when it moved")
        XCTAssertEqual(states[after]?.isRead, true)
    }
}
