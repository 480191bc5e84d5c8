import Foundation
import XCTest

@testable import GazetteCore

final class SQLiteFileHeadTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-head-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func file(_ bytes: [UInt8]) throws -> String {
        let path = folder.appendingPathComponent("f").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testReadsTheFirstBytesAndTheSize() throws {
        let path = try file(Array(0..<200))
        let head = try XCTUnwrap(SQLiteFileHead(path: path, count: 100))
        XCTAssertEqual(head.bytes, Array(0..<100))
        XCTAssertEqual(head.fileSize, 200)
    }

    func testAShortFileGivesWhatItHas() throws {
        let head = try XCTUnwrap(SQLiteFileHead(path: try file([1, 2, 3]), count: 100))
        XCTAssertEqual(head.bytes, [1, 2, 3])
        XCTAssertEqual(head.fileSize, 3)
        let empty = try XCTUnwrap(SQLiteFileHead(path: try file([]), count: 100))
        XCTAssertEqual(empty.bytes, [])
        XCTAssertEqual(empty.fileSize, 0)
    }

    func testMissingFilesFoldersAndPipesGiveNothing() throws {
        XCTAssertNil(SQLiteFileHead(path: folder.appendingPathComponent("missing").path, count: 100))
        XCTAssertNil(SQLiteFileHead(path: folder.path, count: 100))
        // Opening a pipe for reading would wait for a writer: it is not opened at all.
        let pipe = folder.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        XCTAssertNil(SQLiteFileHead(path: pipe, count: 100))
    }

    func testAnUnreadableFileGivesNothing() throws {
        try XCTSkipIf(getuid() == 0, "root reads every file")
        let path = try file([1, 2, 3])
        XCTAssertEqual(chmod(path, 0o200), 0)
        XCTAssertNil(SQLiteFileHead(path: path, count: 100))
    }
}
