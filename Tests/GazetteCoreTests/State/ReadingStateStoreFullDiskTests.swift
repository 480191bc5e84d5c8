import Foundation
import XCTest

@testable import GazetteCore

/// A write the disk has no room for (or that makes the file bigger than the system lets it
/// grow) says so: it said "disk I/O error" (found by QA). The reader's changes wait for room.
final class ReadingStateStoreFullDiskTests: XCTestCase {
    /// A state file in a folder of its own (removed after the test), with one story read.
    private func storeWithOneMark() throws -> (path: String, store: ReadingStateStore) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("full.sqlite").path
        let store = try ReadingStateStore(path: path)
        try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
        return (path, store)
    }

    func testAWriteWithoutRoomSaysTheDiskIsFull() throws {
        let (path, store) = try storeWithOneMark()
        defer { store.close() }
        var failure: Error?
        withoutRoom {
            do {
                try store.setStates(Self.many)
            } catch {
                failure = error
            }
        }
        let full = StateStoreError.full(path: path)
        XCTAssertEqual(failure as? StateStoreError, full)
        XCTAssertEqual(
            full.shortReason,
            "the disk is full or the file too big: not saved until there is room ('full.sqlite')")
        XCTAssertEqual(
            full.message,
            "state file '\(path)' cannot grow: the disk is full or the file too big; make room or pass --state "
                + "with another path")
        try store.setStates([ArticleID("b"): ArticleState(isRead: true)])
        XCTAssertEqual(
            try store.states(for: [ArticleID("b")])[ArticleID("b")]?.isRead, true, "saved once there is room")
    }

    /// The reader's changes refused for want of room wait, shown as made, and are saved once
    /// there is room, as those a lock refuses are: they were dropped (found by QA).
    func testTheReadersChangesWaitForRoomAndAreSavedOnceThereIsSome() throws {
        let (path, store) = try storeWithOneMark()
        defer { store.close() }
        let deferring = DeferringStateStore(store, retryInterval: 0)
        let tracker = try ReadingTracker(store: deferring, ids: Array(Self.many.keys))
        try withoutRoom {
            XCTAssertNoThrow(try tracker.setRead(Array(Self.many.keys), true, label: "mark read"))
            XCTAssertEqual(deferring.changesWaiting, Self.many.count)
            XCTAssertEqual(deferring.waitingReason, .full(path: path))
            XCTAssertEqual(
                tracker.waitingMessage,
                "the disk is full or the file too big: 2,000 stories' changes wait ('full.sqlite')")
            XCTAssertEqual(try deferring.saveChangesWaiting(), false, "still no room")
        }
        XCTAssertTrue(tracker.isRead(Self.many.keys.first!), "shown as made")
        XCTAssertEqual(try deferring.saveChangesWaiting(), true)
        XCTAssertEqual(deferring.changesWaiting, 0)
        XCTAssertEqual(deferring.takeChangesSavedLate(), Self.many.count)
        XCTAssertEqual(
            StatusMessage.savedLate(2_000, after: .full(path: path)).text,
            "there is room again: 2,000 stories' changes saved")
        let stored = try store.states(for: Array(Self.many.keys))
        XCTAssertEqual(stored.count, Self.many.count)
        XCTAssertTrue(stored.values.allSatisfy(\.isRead))
    }

    /// A reader started without room to make its state file (a full disk, `ulimit -f`) opens,
    /// its changes shown and waiting, and saved once there is room: it said the file cannot
    /// grow and ended (found by QA).
    func testAReaderOpeningANewFileWithoutRoomOpensAndItsChangesWaitForRoom() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.sqlite").path
        let story = ArticleID("0123456789abcdef")
        var opened: (ReadingStateStore, DeferringStateStore, ReadingTracker)?
        try withoutRoom(limit: Self.tooSmallForTheLogIndex) {
            let store = try ReadingStateStore(
                path: path, deferIntegrityCheck: true, lockWait: DeferringStateStore.openingWait)
            // Each write waits for the opening's round to end (the reader's waits less long).
            store.writeWait = ReadingStateStore.defaultWriteWait
            XCTAssertEqual(store.closedAtOpening, .full(path: path))
            XCTAssertTrue(store.openedWithoutRoom)
            let deferring = DeferringStateStore(store, retryInterval: 0)
            let tracker = try ReadingTracker(store: deferring, ids: [story])
            XCTAssertNoThrow(try tracker.setRead([story], true, label: "mark read"))
            XCTAssertTrue(tracker.isRead(story), "shown as made")
            XCTAssertEqual(deferring.waitingReason, .full(path: path))
            XCTAssertEqual(try deferring.saveChangesWaiting(), false, "still no room")
            opened = (store, deferring, tracker)
        }
        let (store, deferring, _) = try XCTUnwrap(opened)
        defer { store.close() }
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "nothing left behind")
        XCTAssertEqual(try deferring.saveChangesWaiting(), true, "saved once there is room")
        XCTAssertEqual(try store.states(for: [story])[story]?.isRead, true)
    }

    /// A state file with marks whose log's index cannot be made for want of room is read as it
    /// stands: the reader shows its marks, and its changes wait for room. It ended.
    func testAReaderOpeningAFileWithoutRoomForItsLogIndexShowsItsMarksAndItsChangesWait() throws {
        for keepingLogs in [true, false] {
            let (path, first) = try storeWithOneMark()
            first.close()
            if !keepingLogs { for suffix in ["-wal", "-shm"] { unlink(path + suffix) } }
            let story = ArticleID("b")
            let (store, deferring) = try openedWithoutRoomForTheLogIndex(
                path, marking: story, "logs kept: \(keepingLogs)")
            XCTAssertEqual(try deferring.saveChangesWaiting(), true, "saved once there is room")
            let stored = try store.states(for: [ArticleID("a"), story])
            XCTAssertEqual(stored[ArticleID("a")]?.isRead, true, "logs kept: \(keepingLogs)")
            XCTAssertEqual(stored[story]?.isRead, true, "read again from the file, written since")
            store.close()
        }
    }

    /// A state file with marks whose header does not vouch for it (here no application id: a
    /// file another Gazette was making when it was killed, whose own tables it holds), on a disk
    /// without room for its log's index: the reader opens it as for a file whose header vouches,
    /// its marks read as the file stands and its changes waiting for room. It ended.
    func testAReaderOpeningAFileOnTheFullyCheckedPathWithoutRoomShowsItsMarksAndItsChangesWait() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"))
        let (path, first) = try storeWithOneMark()
        first.close()
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [path, "PRAGMA application_id = 0"]
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(StateFileHeader(path: path)?.applicationID, 0)
        let story = ArticleID("b")
        let (store, deferring) = try openedWithoutRoomForTheLogIndex(path, marking: story, "")
        defer { store.close() }
        XCTAssertEqual(try deferring.saveChangesWaiting(), true, "saved once there is room")
        let stored = try store.states(for: [ArticleID("a"), story])
        XCTAssertEqual(stored[ArticleID("a")]?.isRead, true)
        XCTAssertEqual(stored[story]?.isRead, true)
    }

    /// A state file read as the reader reads it, with no room to grow (its reads need none):
    /// the reader is told so from the opening, not at the first change.
    func testAStateFileWithoutRoomToGrowIsToldAtTheOpening() throws {
        let (path, first) = try storeWithOneMark()
        first.close()
        try withoutRoom(limit: 48 * 1024) {
            let store = try ReadingStateStore(
                path: path, deferIntegrityCheck: true, lockWait: DeferringStateStore.openingWait)
            defer { store.close() }
            store.prepareReads()
            XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.isRead, true)
            XCTAssertTrue(store.openedWithoutRoom)
        }
        let store = try ReadingStateStore(
            path: path, deferIntegrityCheck: true, lockWait: DeferringStateStore.openingWait)
        defer { store.close() }
        XCTAssertFalse(store.openedWithoutRoom, "room enough")
    }

    /// A file-size limit below the 32 KiB of a log's index (`-shm`), which SQLite makes anew at
    /// the first opening of a file.
    private static let tooSmallForTheLogIndex: rlim_t = 16 * 1024

    /// More than 64 KiB of states.
    private static let many = Dictionary(
        uniqueKeysWithValues: (0..<2_000).map {
            (ArticleID(String(repeating: "story \($0) ", count: 20)), ArticleState(isRead: true))
        })

    /// Runs `body` as under `ulimit -f`: a write past `limit` bytes (64 KiB unless told) fails
    /// with EFBIG (the signal it sends ignored).
    private func withoutRoom(limit bytes: rlim_t = 64 * 1024, _ body: () throws -> Void) rethrows {
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var previous = rlimit()
        getrlimit(RLIMIT_FSIZE_CODE, &previous)
        var limit = previous
        limit.rlim_cur = bytes
        XCTAssertEqual(setrlimit(RLIMIT_FSIZE_CODE, &limit), 0)
        defer {
            setrlimit(RLIMIT_FSIZE_CODE, &previous)
            signal(SIGXFSZ, previousHandler)
        }
        try body()
    }

    /// A reader's store opened on `path` (whose story "a" is marked read) without room for the
    /// log's index: the file's mark shown, `story` marked read and waiting for room, the reader
    /// not ended. `context` names the case in failures.
    private func openedWithoutRoomForTheLogIndex(_ path: String, marking story: ArticleID, _ context: String)
        throws -> (ReadingStateStore, DeferringStateStore)
    {
        var opened: (ReadingStateStore, DeferringStateStore)?
        try withoutRoom(limit: Self.tooSmallForTheLogIndex) {
            let store = try ReadingStateStore(
                path: path, deferIntegrityCheck: true, lockWait: DeferringStateStore.openingWait)
            store.writeWait = ReadingStateStore.defaultWriteWait
            store.prepareReads()
            XCTAssertTrue(store.openedWithoutRoom, context)
            XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.isRead, true, context)
            store.startDeferredChecks()
            let deferring = DeferringStateStore(store, retryInterval: 0)
            let tracker = try ReadingTracker(store: deferring, ids: [ArticleID("a"), story])
            XCTAssertTrue(tracker.isRead(ArticleID("a")), "the file's mark shown " + context)
            XCTAssertNoThrow(try tracker.setRead([story], true, label: "mark read"))
            XCTAssertTrue(tracker.isRead(story), "shown as made " + context)
            XCTAssertEqual(deferring.waitingReason, .full(path: path), context)
            XCTAssertNil(store.integrityFailure, "not the end of the reader " + context)
            opened = (store, deferring)
        }
        return try XCTUnwrap(opened)
    }
}

#if canImport(Glibc)
    private let RLIMIT_FSIZE_CODE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
    private let RLIMIT_FSIZE_CODE = RLIMIT_FSIZE
#endif
