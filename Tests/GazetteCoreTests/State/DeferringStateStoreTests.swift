import Foundation
import GRDBSQLite
import TestSupport
import XCTest

@testable import GazetteCore

/// Another program holding the state file's write lock for long (`sqlite3` in a transaction, a
/// backup tool): the reader's changes show at once, wait, and are written once the lock goes.
/// Each change waited five seconds for the lock (the screen frozen), and was then lost.
final class DeferringStateStoreTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-deferring" }
    private let story = ArticleID("0123456789abcdef")
    private let other = ArticleID("fedcba9876543210")

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// A store opened as the reader opens it: short waits, changes a lock refuses kept.
    private func readerStore(retryInterval: TimeInterval = 1) throws -> (
        ReadingStateStore, DeferringStateStore
    ) {
        let store = try ReadingStateStore(path: statePath)
        store.writeWait = DeferringStateStore.readerWait
        return (store, DeferringStateStore(store, retryInterval: retryInterval))
    }

    /// The stored state of `id`, read through a store of its own.
    private func stored(_ id: ArticleID) throws -> ArticleState? {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        return try store.states(for: [id])[id]
    }

    /// How long `body` takes.
    private func seconds(_ body: () throws -> Void) rethrows -> TimeInterval {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    /// A new state file another program locked before the reader opened it: the reader's
    /// change waits as for a lock met later, and is saved once the lock goes (the opening
    /// failed, and the reader ended).
    func testAMarkMadeWhileANewFileIsLockedFromTheOpeningIsSavedOnceTheLockGoes() throws {
        let saved = ReadingStateStore.busySeconds
        ReadingStateStore.busySeconds = 0.3
        defer { ReadingStateStore.busySeconds = saved }
        let lock = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
        let store = try ReadingStateStore(
            path: statePath, deferIntegrityCheck: true, lockWait: DeferringStateStore.readerWait)
        defer { store.close() }
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store, retryInterval: 0)
        let tracker = try ReadingTracker(store: deferring, ids: [story, other])

        let took = try seconds { try tracker.setRead([story], true, label: "mark read", opening: true) }
        XCTAssertLessThan(took, 1.5, "no wait of the whole busy timeout")
        XCTAssertTrue(tracker.isRead(story), "shown at once")
        XCTAssertEqual(
            tracker.waitingMessage,
            "'state.sqlite' is locked by another program: 1 story's change waits")

        lock.release()
        let deadline = Date(timeIntervalSinceNow: 5)
        while try !deferring.saveChangesWaiting() && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(tracker.changesWaiting, 0)
        XCTAssertEqual(try stored(story)?.isRead, true, "saved once the lock went")
    }

    func testAMarkMadeWhileLockedShowsAtOnceAndIsSavedOnceTheLockGoes() throws {
        let (store, deferring) = try readerStore()
        let tracker = try ReadingTracker(store: deferring, ids: [story, other])
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")

        let took = try seconds { try tracker.setRead([story], true, label: "mark read", opening: true) }
        XCTAssertLessThan(took, 1, "no wait of the whole busy timeout")
        XCTAssertTrue(tracker.isRead(story), "shown at once")
        XCTAssertEqual(tracker.changesWaiting, 1)
        XCTAssertEqual(
            tracker.waitingMessage,
            "'state.sqlite' is locked by another program: 1 story's change waits")
        try tracker.setFlagged([other], true)
        try tracker.setScrollLine(7, for: story)
        // Remembered as the reader does, with its neighbours under a key of their own: one
        // source still ("the selected story of 2 sources"; found by QA).
        try deferring.remember(RememberedSelection(id: other, neighbours: [story]), inSource: "news.txt")
        XCTAssertEqual(tracker.changesWaiting, 2, "coalesced per story; the story selected waits, uncounted")
        XCTAssertTrue(deferring.somethingWaits)
        XCTAssertEqual(try deferring.lastSelected(inSource: "news.txt"), other)
        XCTAssertFalse(try tracker.saveChangesWaiting(), "still locked")
        XCTAssertEqual(
            deferring.waitingSummary,
            "read marks of 1 story, flags of 1 story, reading positions of 1 story, the selected story of 1 source"
        )

        lock.release()
        XCTAssertTrue(try tracker.saveChangesWaiting())
        XCTAssertEqual(tracker.takeChangesSavedLate(), 2)
        XCTAssertEqual(tracker.changesWaiting, 0)
        XCTAssertNil(tracker.waitingMessage)
        store.close()
        let reopened = try ReadingStateStore(path: statePath)
        defer { reopened.close() }
        XCTAssertEqual(try reopened.states(for: [story])[story]?.isRead, true, "survives a reopen")
        XCTAssertEqual(try reopened.states(for: [story])[story]?.scrollLine, 7)
        XCTAssertEqual(try reopened.states(for: [other])[other]?.isFlagged, true)
        XCTAssertEqual(try reopened.lastSelected(inSource: "news.txt"), other)
    }

    /// The changes waiting are newer than what another process stored meanwhile: read in, they
    /// still show, and they are what is written; what it changed in other fields stays.
    func testChangesWaitingWinOverThoseReadInFromAnotherProcess() throws {
        let (store, deferring) = try readerStore()
        defer { store.close() }
        let tracker = try ReadingTracker(store: deferring, ids: [story, other])
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        try tracker.setRead([story], true, label: "mark read")
        // The program holding the lock stores its own idea of the story, and another's flag.
        lock.execute(
            "INSERT INTO article_state (id, is_read, read_at, flagged, scroll_line) "
                + "VALUES ('\(story.rawValue)', 0, NULL, 1, 0), ('\(other.rawValue)', 1, NULL, 0, 0)")
        lock.release()
        let (readChanges, _) = try tracker.reloadStates(of: [story, other])
        XCTAssertEqual(readChanges, [other: true])
        XCTAssertTrue(tracker.isRead(story), "the waiting mark wins")
        XCTAssertTrue(tracker.isFlagged(story), "the other field is theirs")
        XCTAssertTrue(try tracker.saveChangesWaiting())
        let state = try XCTUnwrap(stored(story))
        XCTAssertTrue(state.isRead)
        XCTAssertTrue(state.isFlagged)
    }

    /// `u` of a change that waits takes it back in memory and in what waits: the file ends
    /// with the story unread.
    func testUndoingAWaitingChangeLeavesTheStoryUnread() throws {
        let (store, deferring) = try readerStore()
        defer { store.close() }
        let tracker = try ReadingTracker(store: deferring, ids: [story])
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        try tracker.setRead([story], true, label: "mark read")
        let undone = try XCTUnwrap(tracker.undo())
        XCTAssertEqual(undone.readChanges, [story: false])
        XCTAssertFalse(tracker.isRead(story))
        lock.release()
        XCTAssertTrue(try tracker.saveChangesWaiting())
        XCTAssertEqual(try stored(story)?.isRead ?? false, false)
    }

    /// A change made once the lock is gone is written after those that waited, never before
    /// (the older one would then win).
    func testAChangeAfterTheLockGoesIsWrittenAfterThoseThatWaited() throws {
        let (store, deferring) = try readerStore(retryInterval: 0)
        defer { store.close() }
        let tracker = try ReadingTracker(store: deferring, ids: [story, other])
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        try tracker.setRead([story], true, label: "mark read")
        try tracker.setFlagged([story], true)
        lock.release()
        try tracker.setRead([story], false, label: "mark unread")
        XCTAssertEqual(tracker.changesWaiting, 0, "the waiting ones written first")
        XCTAssertEqual(tracker.takeChangesSavedLate(), 1)
        XCTAssertEqual(try stored(story)?.isRead, false)
        XCTAssertEqual(try stored(story)?.isFlagged, true)
    }

    /// `A` then `u` while another program holds the lock, which marks a story read meanwhile:
    /// the changes came to nothing, nothing waits, and the lock's holder's mark stays. The undo's
    /// states were written over it once the lock went, every story unread again (found by QA
    /// with a state file moved away; the same save).
    func testAllReadThenUndoneWhileLockedWritesNothingOverTheHoldersMark() throws {
        let (store, deferring) = try readerStore()
        defer { store.close() }
        let tracker = try ReadingTracker(store: deferring, ids: [story, other])
        try tracker.setFlagged([story], true)
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        try tracker.setRead([story, other], true, label: "mark all read")
        XCTAssertEqual(tracker.changesWaiting, 2)
        lock.execute(
            "INSERT INTO article_state (id, is_read, read_at, flagged, scroll_line) "
                + "VALUES ('\(other.rawValue)', 1, 1000, 0, 0)")
        XCTAssertNotNil(try tracker.undo())
        XCTAssertEqual(tracker.changesWaiting, 0, "taken back: nothing waits")
        XCTAssertNil(tracker.waitingMessage)
        lock.release()
        XCTAssertTrue(try tracker.saveChangesWaiting())
        let theirs = try XCTUnwrap(stored(other))
        XCTAssertTrue(theirs.isRead, "the holder's mark stays")
        XCTAssertEqual(theirs.readAt, Date(timeIntervalSince1970: 1000))
        let mine = try XCTUnwrap(stored(story))
        XCTAssertFalse(mine.isRead)
        XCTAssertTrue(mine.isFlagged)
    }

    /// While changes wait, those made within a second of the lock's last refusal are kept
    /// without waiting for it again: each waited for the lock, and keys felt slow (found by QA).
    /// They are written with the others once the lock goes.
    func testChangesMadeWhileOthersWaitAreKeptWithoutTryingEachTime() throws {
        let (store, deferring) = try readerStore(retryInterval: 60)
        defer { store.close() }
        let tracker = try ReadingTracker(store: deferring, ids: [story, other])
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        try tracker.setRead([story], true, label: "mark read")
        XCTAssertEqual(deferring.tries, 1)
        try tracker.setFlagged([other], true)
        try tracker.setRead([other], true, label: "mark read")
        XCTAssertEqual(deferring.tries, 1, "kept without a try")
        XCTAssertEqual(tracker.changesWaiting, 2)
        lock.release()
        XCTAssertTrue(try tracker.saveChangesWaiting())
        XCTAssertEqual(try stored(story)?.isRead, true)
        XCTAssertEqual(try stored(other)?.isRead, true)
        XCTAssertEqual(try stored(other)?.isFlagged, true)
    }

    /// A lock already held when the reader opens the file: its opening for writing, in the
    /// background, waits for the lock; a change meanwhile waits a moment, not the whole timeout.
    func testAChangeWhileTheOpeningWaitsForTheLockWaits() throws {
        try ReadingStateStore(path: statePath).close()
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        defer { store.close() }
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store)
        store.startDeferredChecks()
        let took = try seconds { try deferring.setStates([story: ArticleState(isRead: true)], fields: .read) }
        XCTAssertLessThan(took, 2, "no wait of the whole busy timeout")
        XCTAssertEqual(deferring.changesWaiting, 1)
        let again = try seconds {
            try deferring.setStates([other: ArticleState(isRead: true)], fields: .read)
        }
        XCTAssertLessThan(again, 0.5, "the next one only the short wait")
        lock.release()
        let deadline = Date(timeIntervalSinceNow: 10)
        while try !deferring.saveChangesWaiting() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertEqual(deferring.changesWaiting, 0)
        XCTAssertEqual(try stored(story)?.isRead, true)
        XCTAssertEqual(try stored(other)?.isRead, true)
        XCTAssertNil(store.integrityFailure)
    }

    /// The reader says a change waits, shows it in the list's counts at once, and says when
    /// the retry made while idle saved it.
    func testTheReaderTellsChangesWaitingAndThenSaved() throws {
        let (store, deferring) = try readerStore()
        defer { store.close() }
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.sample.path]).sources)
        let tracker = try ReadingTracker(store: deferring, ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: 100, height: 30)
        let first = catalog.entries[0].summary.id
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        reader.apply(.toggleRead)
        XCTAssertTrue(tracker.isRead(first))
        XCTAssertEqual(reader.visibleUnread, 1)
        XCTAssertEqual(
            reader.message, "'state.sqlite' is locked by another program: 1 story's change waits")
        reader.saveChangesWaiting()
        XCTAssertEqual(
            reader.message, "'state.sqlite' is locked by another program: 1 story's change waits")
        lock.release()
        reader.saveChangesWaiting()
        XCTAssertEqual(reader.message, "the state file is free again: 1 story's change saved")
        XCTAssertEqual(try stored(first)?.isRead, true)
    }

    /// Another failure than a lock is thrown as before, and the change is not kept.
    func testAFailureOtherThanALockIsThrown() throws {
        let (store, deferring) = try readerStore()
        store.close()
        XCTAssertThrowsError(try deferring.setStates([story: ArticleState(isRead: true)], fields: .read))
        XCTAssertEqual(deferring.changesWaiting, 0)
    }

    /// A change refused for good (another program's file put in place of the state file) is
    /// counted, to be told at the quit, which fails: it was lost with status 0 (found by QA).
    func testChangesRefusedForGoodAreCountedForTheQuit() throws {
        let (store, deferring) = try readerStore()
        defer { store.close() }
        let tracker = try ReadingTracker(store: deferring, ids: [story, other])
        try tracker.setRead([story], true, label: "mark read")
        XCTAssertNil(deferring.refusedForGood, "nothing refused")
        let foreign = folder.appendingPathComponent("foreign").path
        XCTAssertTrue(FileManager.default.createFile(atPath: foreign, contents: Data("notes\n".utf8)))
        XCTAssertEqual(rename(foreign, statePath), 0)

        XCTAssertThrowsError(try tracker.setFlagged([story, other], true))
        XCTAssertThrowsError(try tracker.setRead([other], true, label: "mark read"))
        XCTAssertEqual(deferring.changesWaiting, 0, "not kept")
        let refused = try XCTUnwrap(deferring.refusedForGood)
        XCTAssertEqual(refused.summary, "read marks of 1 story, flags of 2 stories")
        XCTAssertEqual(refused.reason, .replaced(path: statePath))
        XCTAssertEqual(
            refused.reason.notSavedAtQuit(refused.summary),
            "state file '\(statePath)' was replaced or overwritten while Gazette ran; not saved: read marks of 1 "
                + "story, flags of 2 stories")
    }
}
