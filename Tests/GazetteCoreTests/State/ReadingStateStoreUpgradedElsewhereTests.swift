import Foundation
import GRDB
import XCTest

@testable import GazetteCore

/// A newer Gazette upgrading the state file while an older one has it open: the older one
/// writes no more, and says why as it would at the start.
final class ReadingStateStoreUpgradedElsewhereTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-upgraded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The older reader went on marking stories read in a file of schema 99 (found by QA).
    func testAFileUpgradedWhileOpenIsWrittenNoMore() throws {
        let path = folder.appendingPathComponent("state.sqlite").path
        for deferred in [false, true] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let store = try ReadingStateStore(path: path, deferIntegrityCheck: deferred)
            defer { store.close() }
            try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
            XCTAssertFalse(store.changedElsewhere())
            XCTAssertNil(store.writeRefusal)
            let newer = try DatabaseQueue(path: path)
            try newer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA user_version = 99; ALTER TABLE article_state ADD COLUMN newcol")
            }
            try newer.close()
            let upgraded = StateStoreError.newerSchema(path: path, version: "99")
            XCTAssertTrue(store.changedElsewhere())
            XCTAssertEqual(
                store.writeRefusal, upgraded, "told when the change is seen, deferred: \(deferred)")
            XCTAssertThrowsError(try store.setStates([ArticleID("b"): ArticleState(isRead: true)])) { error in
                XCTAssertEqual(error as? StateStoreError, upgraded)
            }
            XCTAssertEqual(
                upgraded.shortReason,
                "from a newer Gazette: upgrade to save ('state.sqlite')")
        }
    }
}
