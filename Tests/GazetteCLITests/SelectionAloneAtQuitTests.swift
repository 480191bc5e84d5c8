import Foundation
import TestSupport
import XCTest

@testable import GazetteCore
@testable import gazette

/// The reader's quit while another program still holds the state file's lock: the story
/// selected alone waiting (no mark, flag or reading position the user made) is not a change
/// lost, and fails nothing; a mark waiting still fails the quit. The quit waited five seconds
/// for the lock to save a cursor's place, then said it was not saved and ended with status 1.
final class SelectionAloneAtQuitTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-selection-quit" }

    func testTheSelectedStoryAloneWaitingFailsNothingAndAMarkWaitingStillFailsTheQuit() throws {
        let saved = ReadingStateStore.busySeconds
        ReadingStateStore.busySeconds = 0.3
        defer { ReadingStateStore.busySeconds = saved }
        let path = folder.appendingPathComponent("state.sqlite").path
        let store = try ReadingStateStore(path: path)
        defer { store.close() }
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store, retryInterval: 0)
        let lock = SQLiteTransactionLock(path: path, transaction: "IMMEDIATE")
        defer { lock.release() }

        try deferring.setLastSelected(ArticleID("a"), inSource: "news.txt")
        XCTAssertTrue(deferring.somethingWaits, "kept behind the lock")
        XCTAssertEqual(deferring.changesWaiting, 0)
        XCTAssertNoThrow(try Open.saveChangesWaiting(deferring, in: store), "a cursor's place fails nothing")

        try deferring.setStates([ArticleID("b"): ArticleState(isRead: true)], fields: .read)
        XCTAssertEqual(deferring.changesWaiting, 1)
        XCTAssertThrowsError(
            try Open.saveChangesWaiting(deferring, in: store), "a mark not saved fails the quit")
    }
}
