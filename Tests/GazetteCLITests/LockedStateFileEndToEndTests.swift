import Foundation
import TestSupport
import XCTest

/// The built reader while another program (the `sqlite3` shell in a transaction) holds the
/// state file's write lock: a change shows at once and waits, is written once the lock goes,
/// and one still waiting at the end is told on standard error with a failing status. Each
/// change froze the screen for five seconds, and was then lost.
final class LockedStateFileEndToEndTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-locked" }

    /// The reader on the sample with the state file at `statePath`, in a 100x30 tmux session:
    /// its standard error goes to `errorsPath`, and its exit status shows as "EXITED:N". `briefly`,
    /// a write waits a lock out for half a second (`GAZETTE_BUSY_SECONDS`) instead of five (the
    /// first test keeps the five seconds).
    private func startReader(briefly: Bool = false) throws -> TmuxSession {
        try startGazette(
            [Fixtures.sample.path], environment: briefly ? ["GAZETTE_BUSY_SECONDS": "0.5"] : [:],
            errorsToFile: true)
    }

    func testChangesMadeWhileLockedAreSavedOnceTheLockGoesAndToldWhenNot() throws {
        let tmux = try startReader()
        try expect(tmux, "the first screen") { Self.unread($0) == 2 }
        try expect(tmux, "the state file", timeout: 10) { _ in
            FileManager.default.fileExists(atPath: statePath)
        }

        var lock = try XCTUnwrap(StateFileLocker(path: statePath), "sqlite3 cannot hold the lock")
        let opened = Date()
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 read at once, its save waiting") { rows in
            Self.unread(rows) == 1
                && rows.last?.contains("'state.sqlite' is locked by another program: 1 story's change waits")
                    == true
        }
        XCTAssertLessThan(Date().timeIntervalSince(opened), 3, "no wait of five seconds")
        try tmux.sendKeys("J")
        try expect(tmux, "keys go on while locked: story 2 opened") { Self.unread($0) == 0 }

        lock.release()
        try expect(tmux, "saved once the lock goes") { rows in
            rows.last?.contains("the state file is free again: ") == true
        }
        XCTAssertEqual(try unreadListed(), [false, false], "both read, in the file")

        lock = try XCTUnwrap(StateFileLocker(path: statePath))
        try tmux.sendKeys("N")
        try expect(tmux, "story 2 unread, waiting") { Self.unread($0) == 1 }
        try tmux.sendKeys("Q")
        try expect(tmux, "the end, failing, once the wait is over", timeout: 20) { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:1" }
        }
        let errors = try String(contentsOfFile: errorsPath, encoding: .utf8)
        XCTAssertTrue(
            errors.contains(
                "gazette: state file '\(statePath)' is still locked by another program; "
                    + "not saved: read marks of 1 story"), errors)
        lock.release()
        XCTAssertEqual(try unreadListed(), [false, false], "the mark not saved is not in the file")
    }

    /// A new state file another program locked before the reader started: the reader opens the
    /// news, says the file is locked, and its changes wait and are saved once the lock goes. It
    /// ended after five seconds with "not saved", when nothing was being saved.
    func testTheReaderOpensWhileANewStateFileIsLockedAndSavesOnceTheLockGoes() throws {
        let lock = try XCTUnwrap(
            StateFileLocker(path: statePath, transaction: "EXCLUSIVE"), "sqlite3 cannot hold the lock")
        let tmux = try startReader()
        try expect(tmux, "the first screen, saying the file is locked") { rows in
            Self.unread(rows) == 2
                && rows.last?.contains("'state.sqlite' is locked by another program: ") == true
        }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 read at once, its save waiting (the selection waits uncounted)") { rows in
            Self.unread(rows) == 1
                && rows.last?.contains("'state.sqlite' is locked by another program: 1 story's change waits")
                    == true
        }
        lock.release()
        try expect(tmux, "saved once the lock goes") { rows in
            rows.last?.contains("the state file is free again: ") == true
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "the end, without a failure") { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:0" }
        }
        XCTAssertEqual(try String(contentsOfFile: errorsPath, encoding: .utf8), "")
        XCTAssertEqual(try unreadListed(), [false, true], "story 1 read, in the file")
    }

    /// A file with content another program keeps locked from being read (a database not in WAL
    /// mode, in an EXCLUSIVE transaction): the reader, which cannot know its marks, ends once a
    /// write's wait is over, saying so. It said "not saved", when nothing was being saved.
    func testTheReaderEndsSayingWhyWhenAFileWithContentIsLocked() throws {
        do {
            let first = try XCTUnwrap(StateFileLocker(path: statePath, transaction: "EXCLUSIVE"))
            first.release()  // The shell writes the database's first page.
        }
        let lock = try XCTUnwrap(StateFileLocker(path: statePath, transaction: "EXCLUSIVE"))
        defer { lock.release() }
        let tmux = try startReader(briefly: true)
        try expect(tmux, "the end, failing", timeout: 20) { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:1" }
        }
        XCTAssertEqual(
            try String(contentsOfFile: errorsPath, encoding: .utf8),
            "gazette: state file '\(statePath)' is locked by another program, which keeps Gazette from opening "
                + "it; try again once it is done\n")
    }

    /// Whether each story `gazette list` prints is marked unread (`1 N  title`).
    private func unreadListed() throws -> [Bool] {
        let outcome = try CommandRunner.run(
            ["list", Fixtures.sample.path, "--state", statePath], environment: ["XDG_STATE_HOME": folder.path]
        )
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return outcome.stdout.split(separator: "\n").map { $0.split(separator: " ").dropFirst().first == "N" }
    }

    /// The count of unread stories in the title bar.
    private static func unread(_ rows: [String]) -> Int? {
        guard let title = rows.first,
            let range = title.range(of: #"\d+ unread of"#, options: .regularExpression)
        else { return nil }
        return Int(title[range].split(separator: " ")[0])
    }

}
