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

    /// More than 64 KiB of states.
    private static let many = Dictionary(
        uniqueKeysWithValues: (0..<2_000).map {
            (ArticleID(String(repeating: "story \($0) ", count: 20)), ArticleState(isRead: true))
        })

    /// Runs `body` as under `ulimit -f`: a write past 64 KiB fails with EFBIG (the signal it
    /// sends ignored).
    private func withoutRoom(_ body: () throws -> Void) rethrows {
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var previous = rlimit()
        getrlimit(RLIMIT_FSIZE_CODE, &previous)
        var limit = previous
        limit.rlim_cur = 64 * 1024
        XCTAssertEqual(setrlimit(RLIMIT_FSIZE_CODE, &limit), 0)
        defer {
            setrlimit(RLIMIT_FSIZE_CODE, &previous)
            signal(SIGXFSZ, previousHandler)
        }
        try body()
    }
}

#if canImport(Glibc)
    private let RLIMIT_FSIZE_CODE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
    private let RLIMIT_FSIZE_CODE = RLIMIT_FSIZE
#endif
