import Foundation
import GRDB
import TestSupport
import XCTest

@testable import GazetteCore

/// The header read that lets the reader trust a state file before opening it.
final class StateFileHeaderTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-header" }

    private func vouches(_ path: String) -> Bool {
        StateFileHeader(path: path)?.isGazetteFile(
            schemaVersion: ReadingStateStore.schemaVersion, applicationID: ReadingStateStore.applicationID,
            walPath: path + "-wal") ?? false
    }

    func testAGazetteStateFileIsVouchedFor() throws {
        let path = folder.appendingPathComponent("state.sqlite").path
        do {
            let store = try ReadingStateStore(path: path)
            try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
        }
        let header = try XCTUnwrap(StateFileHeader(path: path))
        XCTAssertEqual(header.applicationID, ReadingStateStore.applicationID)
        XCTAssertEqual(header.userVersion, 1)
        XCTAssertTrue([512, 1024, 2048, 4096, 8192, 16384, 32768, 65536].contains(header.pageSize))
        XCTAssertTrue(vouches(path))
    }

    func testANewFileIsVouchedForWhileItIsStillOpen() throws {
        // Its schema goes from the log into the file at once, not at SQLite's own checkpoint
        // (which a reader quitting while it indexes never reached): the next start opens the
        // quick way.
        let path = folder.appendingPathComponent("state.sqlite").path
        let store = try ReadingStateStore(path: path)
        try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
        XCTAssertTrue(vouches(path))
        XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.isRead, true)
    }

    func testAFileWhoseSchemaIsOnlyInItsLogIsMendedAtTheNextOpen() throws {
        // As files made before the checkpoint was added were left: header blank, schema in the log.
        let path = folder.appendingPathComponent("state.sqlite").path
        let copy = folder.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
        }
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE article_state (
                        id TEXT NOT NULL PRIMARY KEY, is_read INTEGER NOT NULL DEFAULT 0, read_at REAL,
                        flagged INTEGER NOT NULL DEFAULT 0, scroll_line INTEGER NOT NULL DEFAULT 0
                    ) WITHOUT ROWID;
                    CREATE TABLE source_state (
                        source TEXT NOT NULL PRIMARY KEY, last_selected TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1');
                    INSERT INTO article_state (id, is_read) VALUES ('a', 1);
                    PRAGMA application_id = \(ReadingStateStore.applicationID);
                    PRAGMA user_version = 1;
                    """)
        }
        // Copied while the pool is open, the way a process that ended without closing left them.
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(
                atPath: path + suffix, toPath: copy.appendingPathComponent("state.sqlite" + suffix).path)
        }
        try pool.close()
        let stuck = copy.appendingPathComponent("state.sqlite").path
        XCTAssertFalse(vouches(stuck), "the schema is only in the log")
        let store = try ReadingStateStore(path: stuck)
        XCTAssertTrue(vouches(stuck))
        XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.isRead, true)
    }

    func testOtherFilesAreNot() throws {
        let missing = folder.appendingPathComponent("missing.sqlite").path
        XCTAssertNil(StateFileHeader(path: missing))
        let text = folder.appendingPathComponent("text.sqlite").path
        try String(repeating: "not a database ", count: 20).write(
            toFile: text, atomically: true, encoding: .utf8)
        XCTAssertNil(StateFileHeader(path: text))
        XCTAssertNil(StateFileHeader(path: folder.path), "a folder")
        let foreign = folder.appendingPathComponent("foreign.sqlite").path
        do {
            let queue = try DatabaseQueue(path: foreign)
            try queue.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT)") }
            try queue.close()
        }
        XCTAssertNotNil(StateFileHeader(path: foreign))
        XCTAssertFalse(vouches(foreign))
    }

    func testACutFileIsNot() throws {
        let path = folder.appendingPathComponent("state.sqlite").path
        do {
            let store = try ReadingStateStore(path: path)
            var states: [ArticleID: ArticleState] = [:]
            for index in 0..<3000 {
                states[ArticleID("id-\(index)-\(String(repeating: "q", count: 30))")] = ArticleState()
            }
            try store.setStates(states)
        }
        XCTAssertTrue(vouches(path))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(20_000)
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertFalse(vouches(path), "shorter than its header says, with no log beside it")
    }
}
