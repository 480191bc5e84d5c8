import Foundation
import GRDB
import XCTest

@testable import GazetteCore

/// A state file emptied or overwritten in place by another program while a store has it open:
/// nothing more is written into it, not even at the closing.
final class ReadingStateStoreAlteredFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-altered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    private static let read = ArticleState(isRead: true)

    private func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// Emptied while open (`: > state.sqlite`), the file stays empty when the store closes: the
    /// closing folded the log into it, and every later command called it damaged (a file left
    /// empty opens as a fresh state; found by QA).
    func testAFileEmptiedWhileOpenIsLeftEmptyAtTheClosing() throws {
        for deferred in [false, true] {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: statePath + suffix)
            }
            let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
            try store.setStates([ArticleID("a"): Self.read])
            // By path: closing a descriptor of the file would drop this process's locks on it.
            XCTAssertEqual(truncate(statePath, 0), 0)
            XCTAssertThrowsError(try store.setStates([ArticleID("b"): Self.read])) { error in
                XCTAssertEqual(error as? StateStoreError, .emptied(path: statePath))
            }
            store.close()
            XCTAssertEqual(size(statePath), 0, "deferred: \(deferred)")
            XCTAssertNil(size(statePath + "-wal"), "its log would be folded into the next opening")
            let next = try ReadingStateStore(path: statePath)
            XCTAssertEqual(try next.allStates(), [:], "a fresh state")
            next.close()
        }
    }

    /// Copies `source` over `target` in place (the same inode), as `cp` does, in another
    /// process: closing a descriptor of the file here would drop this process's locks on it.
    private func copyInPlace(_ source: String, over target: String) throws {
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [source, target]
        try copy.run()
        copy.waitUntilExit()
        XCTAssertEqual(copy.terminationStatus, 0)
    }

    /// Overwritten in place while open, with garbage, another program's database or an older
    /// copy of itself (shorter), the file is not written, not at the closing either, and
    /// the log beside it is removed: the marks went on, and the closing folded the log into
    /// whatever was there (garbage became a damaged file of 24576 bytes; the older copy lost
    /// pages and the marks; found by QA).
    func testAFileOverwrittenInPlaceWhileOpenIsNotWrittenInto() throws {
        let backup = folder.appendingPathComponent("backup.sqlite").path
        let garbage = folder.appendingPathComponent("garbage").path
        let foreign = folder.appendingPathComponent("foreign.sqlite").path
        var noise = SystemRandomNumberGenerator()
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: garbage,
                contents: Data((0..<30_000).map { _ in UInt8.random(in: 0...255, using: &noise) })))
        do {
            let queue = try DatabaseQueue(path: foreign)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
            }
            try queue.close()
        }
        for (name, replacement) in [
            ("garbage", garbage), ("another database", foreign), ("an older copy", backup),
        ] {
            for deferred in [false, true] {
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: statePath + suffix)
                }
                do {
                    let first = try ReadingStateStore(path: statePath)
                    try first.setStates([ArticleID("a"): Self.read])
                    first.close()
                }
                try? FileManager.default.removeItem(atPath: backup)
                try FileManager.default.copyItem(atPath: statePath, toPath: backup)
                do {
                    let second = try ReadingStateStore(path: statePath)
                    let many = (0..<2_000).map { (ArticleID("story \($0)"), Self.read) }
                    try second.setStates(Dictionary(uniqueKeysWithValues: many))
                    second.close()
                }
                let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
                try store.setStates([ArticleID("b"): Self.read])
                try copyInPlace(replacement, over: statePath)
                let context = "\(name), deferred: \(deferred)"
                XCTAssertThrowsError(try store.setStates([ArticleID("c"): Self.read]), context) { error in
                    XCTAssertEqual(error as? StateStoreError, .replaced(path: statePath), context)
                }
                store.close()
                XCTAssertEqual(
                    FileManager.default.contents(atPath: statePath),
                    FileManager.default.contents(atPath: replacement),
                    context)
                XCTAssertNil(size(statePath + "-wal"), context)
            }
        }
    }
}
