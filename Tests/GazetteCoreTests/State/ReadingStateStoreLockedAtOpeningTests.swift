import Foundation
import GRDBSQLite
import TestSupport
import XCTest

@testable import GazetteCore

/// A state file another program holds locked from before the reader opens it (a new or empty
/// file, locked EXCLUSIVE, is neither readable nor made a state file meanwhile): the store
/// opens all the same with nothing stored, and its opening for writing is tried again at each
/// write until the lock goes. The opening failed after the wait, and the reader ended.
final class ReadingStateStoreLockedAtOpeningTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-locked-opening" }
    private let story = ArticleID("0123456789abcdef")

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }
    private var savedBusySeconds: TimeInterval = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        savedBusySeconds = ReadingStateStore.busySeconds
        ReadingStateStore.busySeconds = 0.3
    }

    override func tearDownWithError() throws {
        ReadingStateStore.busySeconds = savedBusySeconds
        try super.tearDownWithError()
    }

    /// Writes the state of `story` as the reader would, trying again for up to `seconds` while
    /// a lock refuses it (the opening's round in the background may still be waiting).
    private func writeRead(_ store: ReadingStateStore, seconds: TimeInterval = 5) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while true {
            do {
                try store.setStates([story: ArticleState(isRead: true)], fields: .read)
                return
            } catch .busy where Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    func testANewFileLockedAtTheOpeningOpensEmptyAndIsMadeAStateFileOnceTheLockGoes() throws {
        let lock = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
        let opened = Date()
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true, lockWait: 0.2)
        defer { store.close() }
        XCTAssertLessThan(Date().timeIntervalSince(opened), 2, "the wait is bounded")
        XCTAssertEqual(store.closedAtOpening, .busy(path: statePath))
        store.writeWait = DeferringStateStore.readerWait
        let read = Date()
        XCTAssertEqual(try store.states(for: [story]), [:], "nothing stored to show")
        XCTAssertNil(try store.lastSelected(inSource: "news.txt"))
        store.prepareReads()
        XCTAssertLessThan(Date().timeIntervalSince(read), 0.2, "reads do not wait for the lock")
        XCTAssertFalse(store.changedElsewhere())
        XCTAssertThrowsError(try store.setStates([story: ArticleState(isRead: true)], fields: .read)) {
            XCTAssertEqual($0 as? StateStoreError, .busy(path: self.statePath))
        }
        XCTAssertNil(store.integrityFailure, "a lock is no reason to end the reader")
        XCTAssertEqual(
            (try FileManager.default.attributesOfItem(atPath: statePath)[.size] as? Int), 0, "left as it is")

        lock.release()
        try writeRead(store)
        XCTAssertEqual(try store.states(for: [story])[story]?.isRead, true)
        XCTAssertTrue(store.changedElsewhere(), "what the file holds is read once it opens")
        XCTAssertFalse(store.changedElsewhere())
        store.close()
        let reopened = try ReadingStateStore(path: statePath)
        defer { reopened.close() }
        XCTAssertEqual(try reopened.states(for: [story])[story]?.isRead, true, "a Gazette state file now")
    }

    func testTheFileIsOpenedOnceTheLockGoesWithoutAnyChange() throws {
        let lock = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true, lockWait: 0.2)
        defer { store.close() }
        XCTAssertNotNil(store.closedAtOpening)
        lock.release()
        let deadline = Date(timeIntervalSinceNow: 5)
        var told = false
        while !told && Date() < deadline {
            told = store.changedElsewhere()
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(told, "looked at while idle, the file opens in the background")
    }

    func testAnEmptyFileMadeAnotherProgramsDatabaseUnderItsLockIsNotWritten() throws {
        let lock = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true, lockWait: 0.2)
        defer { store.close() }
        lock.execute("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
        lock.release()
        XCTAssertThrowsError(try writeRead(store)) {
            XCTAssertEqual($0 as? StateStoreError, .anotherProgramsDatabase(path: self.statePath))
        }
        var connection: OpaquePointer?
        XCTAssertEqual(sqlite3_open_v2(statePath, &connection, SQLITE_OPEN_READONLY, nil), SQLITE_OK)
        defer { sqlite3_close(connection) }
        var names: [String] = []
        var statement: OpaquePointer?
        XCTAssertEqual(
            sqlite3_prepare_v2(connection, "SELECT name FROM sqlite_master", -1, &statement, nil), SQLITE_OK)
        while sqlite3_step(statement) == SQLITE_ROW {
            names.append(String(cString: sqlite3_column_text(statement, 0)))
        }
        sqlite3_finalize(statement)
        XCTAssertEqual(names, ["notes"], "the other program's file is left as it is")
    }

    func testAnExistingStateFileLockedExclusiveAtTheOpeningShowsItsMarks() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setStates([story: ArticleState(isFlagged: true)])
            store.close()
        }
        let lock = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
        defer { lock.release() }
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true, lockWait: 0.2)
        defer { store.close() }
        XCTAssertNil(store.closedAtOpening, "a state file in WAL mode reads under another's write")
        XCTAssertEqual(try store.states(for: [story])[story]?.isFlagged, true)
    }

    func testAFileWithContentLockedFromBeingReadStillFails() throws {
        do {
            let other = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
            other.execute("CREATE TABLE notes (body TEXT)")
        }
        let lock = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
        defer { lock.release() }
        XCTAssertThrowsError(try ReadingStateStore(path: statePath, deferIntegrityCheck: true, lockWait: 0.1))
        {
            XCTAssertEqual($0 as? StateStoreError, .busy(path: self.statePath), "its marks could not be seen")
        }
    }

    func testWithoutALockWaitTheOpeningStillFailsOnceItHasWaited() throws {
        let lock = SQLiteTransactionLock(path: statePath, transaction: "EXCLUSIVE")
        defer { lock.release() }
        XCTAssertThrowsError(try ReadingStateStore(path: statePath)) {
            XCTAssertEqual($0 as? StateStoreError, .busy(path: self.statePath))
        }
    }
}
