import Foundation
import GRDB
import TestSupport
import XCTest

@testable import GazetteCore

/// The header read that lets the reader trust a state file before opening it.
final class StateFileHeaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try TemporaryFolder.make("gazette-header")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

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
