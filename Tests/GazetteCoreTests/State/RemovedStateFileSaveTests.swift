import Foundation
import GRDB
import TestSupport
import XCTest

@testable import GazetteCore

/// Two readers on one state file, deleted while both run: the first to quit saves its changes
/// in a new file at the path, and the second merges its own into that file, as readers of one
/// file merge their changes. The second's were told "another file is there now; not saved" and
/// lost. So is a Gazette state file made there by `gazette mark` (its changes were lost, found
/// by QA); another program's file put there is never written.
final class RemovedStateFileSaveTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-removed-save" }
    private let first = ArticleID("0123456789abcdef")
    private let second = ArticleID("fedcba9876543210")

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// A reader's store on the state file as the reader opens it, and its tracker.
    private func reader() throws -> (ReadingStateStore, DeferringStateStore, ReadingTracker) {
        let store = try ReadingStateStore(path: statePath)
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store, retryInterval: 0)
        return (store, deferring, try ReadingTracker(store: deferring, ids: [first, second]))
    }

    /// Two readers on the state file, deleted; the first marked the first story read since, the
    /// second the second story.
    private func twoReadersMarkingAfterTheDeletion() throws -> (
        (ReadingStateStore, DeferringStateStore), (ReadingStateStore, DeferringStateStore)
    ) {
        let (storeA, deferringA, trackerA) = try reader()
        let (storeB, deferringB, trackerB) = try reader()
        XCTAssertEqual(unlink(statePath), 0)
        try trackerA.setRead([first], true, label: "mark read")
        try trackerB.setRead([second], true, label: "mark read")
        XCTAssertEqual(deferringA.changesWaiting, 1)
        XCTAssertEqual(deferringB.changesWaiting, 1)
        return ((storeA, deferringA), (storeB, deferringB))
    }

    /// The stored states of the file at the state path, read through a store of its own.
    private func stored() throws -> [ArticleID: ArticleState] {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        return try store.allStates()
    }

    func testTheSecondReaderMergesItsChangesIntoTheFileTheFirstMade() throws {
        let ((storeA, deferringA), (storeB, deferringB)) = try twoReadersMarkingAfterTheDeletion()
        XCTAssertEqual(RemovedStateFileSave.save(deferringA, removed: storeA), .madeAnew)
        let outcome = RemovedStateFileSave.save(deferringB, removed: storeB)
        if case .notSaved(let reason) = outcome { XCTFail("not saved: \(reason)") }
        XCTAssertEqual(deferringB.changesWaiting, 0)
        let states = try stored()
        XCTAssertEqual(states[first]?.isRead, true, "the first reader's change")
        XCTAssertEqual(states[second]?.isRead, true, "the second reader's change, merged")
    }

    func testAGazetteStateFileMadeThereByAnotherCommandIsMergedInto() throws {
        let ((storeA, deferringA), (storeB, _)) = try twoReadersMarkingAfterTheDeletion()
        storeB.close()
        // As `gazette mark` makes one, with a change of its own: not made for these changes.
        let other = try ReadingStateStore(path: statePath)
        let third = ArticleID("00112233aabbccdd")
        try other.setStates([third: ArticleState(isFlagged: true)])
        other.close()
        let outcome = RemovedStateFileSave.save(deferringA, removed: storeA)
        XCTAssertEqual(outcome, .mergedIntoNewFile)
        XCTAssertEqual(deferringA.changesWaiting, 0)
        let states = try stored()
        XCTAssertEqual(states[first]?.isRead, true, "the reader's change, merged")
        XCTAssertEqual(states[third]?.isFlagged, true, "the other command's change, kept")
    }

    func testAChangeAfterAnotherCommandMadeAFileThereWaitsForTheQuitToo() throws {
        let (store, deferring, tracker) = try reader()
        XCTAssertEqual(unlink(statePath), 0)
        try tracker.setRead([first], true, label: "mark read")
        // `gazette mark` makes a new state file at the path while the reader runs.
        let other = try ReadingStateStore(path: statePath)
        other.close()
        // Told "replaced by another file: not saved; restart", and lost.
        XCTAssertNoThrow(try tracker.setRead([second], true, label: "mark read"))
        XCTAssertEqual(deferring.changesWaiting, 2)
        XCTAssertEqual(deferring.waitingReason, .removed(path: statePath))
        XCTAssertEqual(RemovedStateFileSave.save(deferring, removed: store), .mergedIntoNewFile)
        let states = try stored()
        XCTAssertEqual(states[first]?.isRead, true)
        XCTAssertEqual(states[second]?.isRead, true)
    }

    /// The state file deleted and made again by another Gazette (`rm state.sqlite*`, then
    /// `gazette mark`) before the reader's next change: that change is kept, shown as made, and
    /// merged into the new file at the end, beside the other Gazette's marks. It was refused as
    /// "replaced by another file: not saved; restart", and the changes made since were lost at
    /// the quit (found by QA).
    func testAFileMadeAgainByAnotherGazetteBeforeTheNextChangeIsMergedInto() throws {
        let (store, deferring, tracker) = try reader()
        try tracker.setRead([first], true, label: "mark read")
        for suffix in ["", "-wal", "-shm"] { XCTAssertEqual(unlink(statePath + suffix), 0) }
        // As `gazette mark` makes one, with a change of its own.
        let other = try ReadingStateStore(path: statePath)
        let third = ArticleID("00112233aabbccdd")
        try other.setStates([third: ArticleState(isFlagged: true)])
        other.close()

        XCTAssertEqual(try tracker.setFlagged([second], true), [second])
        XCTAssertTrue(tracker.isFlagged(second), "shown as made")
        XCTAssertEqual(deferring.waitingReason, .removed(path: statePath))
        XCTAssertEqual(RemovedStateFileSave.save(deferring, removed: store), .mergedIntoNewFile)
        let states = try stored()
        XCTAssertEqual(states[second]?.isFlagged, true, "the reader's change, merged")
        XCTAssertEqual(states[third]?.isFlagged, true, "the other Gazette's change, kept")
        XCTAssertNil(states[first], "the deleted file's mark went with it")
    }

    /// QA's steps: the state file moved away while the reader runs, `gazette mark` makes a new
    /// one at the path with the second story read, and the reader's `A` then `u` come to
    /// nothing: the quit merges only what the reader changed (a flag), and the other's mark
    /// stays. The undo's states went into the new file whole, the story unread again.
    func testAllReadThenUndoneAfterTheFileMovedAwayWritesNothingOverTheNewFilesMark() throws {
        let (store, deferring, tracker) = try reader()
        XCTAssertEqual(rename(statePath, statePath + ".bak"), 0)
        let other = try ReadingStateStore(path: statePath)
        XCTAssertEqual(
            try ReadingTracker(store: other, ids: [second]).setRead([second], true, label: "mark read"),
            [second])
        let theirs = try XCTUnwrap(other.states(for: [second])[second])
        other.close()

        try tracker.setRead([first, second], true, label: "mark all read")
        XCTAssertEqual(deferring.changesWaiting, 2)
        XCTAssertEqual(deferring.waitingReason, .removed(path: statePath))
        XCTAssertNotNil(try tracker.undo())
        XCTAssertEqual(deferring.changesWaiting, 0, "taken back: nothing waits")
        try tracker.setFlagged([first], true)
        XCTAssertEqual(RemovedStateFileSave.save(deferring, removed: store), .mergedIntoNewFile)
        let states = try stored()
        let kept = try XCTUnwrap(states[second])
        XCTAssertTrue(kept.agrees(with: theirs, in: .all), "the other Gazette's mark stays: \(kept)")
        XCTAssertEqual(states[first]?.isFlagged, true, "the reader's change, merged")
        XCTAssertEqual(states[first]?.isRead, false)
    }

    /// Another program's file made there instead is still refused, and left as it was.
    func testAnotherProgramsFileMadeThereBeforeTheNextChangeIsRefused() throws {
        let (store, deferring, tracker) = try reader()
        try tracker.setRead([first], true, label: "mark read")
        for suffix in ["", "-wal", "-shm"] { XCTAssertEqual(unlink(statePath + suffix), 0) }
        do {
            let queue = try DatabaseQueue(path: statePath)
            try queue.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT)") }
            try queue.close()
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: statePath))
        XCTAssertThrowsError(try tracker.setFlagged([second], true)) { error in
            XCTAssertEqual(error as? StateStoreError, .replaced(path: statePath))
        }
        XCTAssertFalse(tracker.isFlagged(second), "not shown as made")
        XCTAssertEqual(deferring.changesWaiting, 0)
        store.close()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), bytes)
    }

    func testAFileNotGazettesIsNotWritten() throws {
        let ((storeA, deferringA), (storeB, deferringB)) = try twoReadersMarkingAfterTheDeletion()
        XCTAssertEqual(RemovedStateFileSave.save(deferringA, removed: storeA), .madeAnew)
        // The file the first reader made, replaced by another program's.
        XCTAssertEqual(unlink(statePath), 0)
        let bytes = Data("not a state file\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: statePath))
        guard case .notSaved = RemovedStateFileSave.save(deferringB, removed: storeB) else {
            return XCTFail("saved into a file not Gazette's")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), bytes)
    }
}
