import Foundation
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
                XCTAssertEqual(error as? StateStoreError, .replaced(path: statePath))
            }
            store.close()
            XCTAssertEqual(size(statePath), 0, "deferred: \(deferred)")
            XCTAssertNil(size(statePath + "-wal"), "its log would be folded into the next opening")
            let next = try ReadingStateStore(path: statePath)
            XCTAssertEqual(try next.allStates(), [:], "a fresh state")
            next.close()
        }
    }
}
