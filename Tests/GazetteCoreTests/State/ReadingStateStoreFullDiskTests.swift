import Foundation
import XCTest

@testable import GazetteCore

/// A write the disk has no room for (or that makes the file bigger than the system lets it
/// grow) says so, and that changes are not saved until there is room: it said "disk I/O
/// error" (found by QA).
final class ReadingStateStoreFullDiskTests: XCTestCase {
    func testAWriteWithoutRoomSaysTheDiskIsFull() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("full.sqlite").path
        let store = try ReadingStateStore(path: path)
        defer { store.close() }
        try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
        // As `ulimit -f` does: a write past 64 KiB fails with EFBIG (the signal it sends ignored).
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var previous = rlimit()
        getrlimit(RLIMIT_FSIZE_CODE, &previous)
        var limit = previous
        limit.rlim_cur = 64 * 1024
        XCTAssertEqual(setrlimit(RLIMIT_FSIZE_CODE, &limit), 0)
        let many = (0..<2_000).map {
            (ArticleID(String(repeating: "story \($0) ", count: 20)), ArticleState(isRead: true))
        }
        var failure: Error?
        do {
            try store.setStates(Dictionary(uniqueKeysWithValues: many))
        } catch {
            failure = error
        }
        setrlimit(RLIMIT_FSIZE_CODE, &previous)
        signal(SIGXFSZ, previousHandler)
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
}

#if canImport(Glibc)
    private let RLIMIT_FSIZE_CODE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
    private let RLIMIT_FSIZE_CODE = RLIMIT_FSIZE
#endif
