import Foundation
import TestSupport
import XCTest

/// The built reader run by an interactive shell whose terminal closes (`tmux kill-session`):
/// the changes made since its state file was deleted are saved in a new state file, as at a
/// quit or a `kill -HUP`. They were lost: the shell's SIGHUP ended the reader as a quit does,
/// and the second SIGHUP, sent as the shell exits, killed it by its default action in the
/// middle of that save.
final class ClosedTerminalEndToEndTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-closed" }

    /// A pane running an interactive `bash` that runs the reader over the sample, story 1 read.
    private func readerUnderAShell() throws -> TmuxSession {
        let tmux = track(
            try TmuxSession(command: "env PS1='$ ' bash --norc --noprofile -i", width: 60, height: 20))
        try expect(tmux, "the shell's prompt") { rows in rows.contains { $0.hasPrefix("$") } }
        try tmux.typeLine(gazetteLine([Fixtures.sample.path], errorsToFile: true))
        try expect(tmux, "the first screen") { Self.unread($0) == 2 }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 read") { Self.unread($0) == 1 }
        try expect(tmux, "the state file", timeout: 10) { _ in
            FileManager.default.fileExists(atPath: statePath)
        }
        return tmux
    }

    /// Whether each story of the sample is read, as `list` tells from the state file.
    private func readMarks() throws -> [Bool] {
        let outcome = try CommandRunner.run(
            ["list", Fixtures.sample.path, "--state", statePath], environment: ["XDG_STATE_HOME": folder.path]
        )
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return outcome.stdout.split(separator: "\n").map { $0.split(separator: " ").dropFirst().first != "N" }
    }

    func testTheChangesKeptSinceTheStateFileWasDeletedAreSavedWhenTheTerminalCloses() throws {
        let tmux = try readerUnderAShell()
        try FileManager.default.removeItem(atPath: statePath)
        try tmux.sendKeys("J")
        try expect(tmux, "story 2 read, kept for the quit") { rows in
            Self.unread(rows) == 0 && rows.last?.contains("1 story's change saved at quit") == true
        }
        try tmux.tmux(["kill-session", "-t", tmux.target])

        let deadline = Date().addingTimeInterval(10)
        var errors = ""
        while Date() < deadline {
            errors = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
            if errors.hasSuffix("are saved in a new state file '\(statePath)'\n") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(errors.hasSuffix("are saved in a new state file '\(statePath)'\n"), errors)
        XCTAssertEqual(
            try readMarks(), [false, true], "story 1's mark went with the file; story 2's is saved")
    }

    func testAMarkIsKeptWhenTheTerminalCloses() throws {
        let tmux = try readerUnderAShell()
        try tmux.tmux(["kill-session", "-t", tmux.target])
        var marks: [Bool] = []
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            marks = try readMarks()
            if marks == [true, false] { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertEqual(marks, [true, false])
    }

    /// A save still waiting for another program's lock when the terminal closes: the SIGHUP
    /// that comes while it waits is held, and the save ends once the lock goes. (The signals a
    /// closing terminal sends come within milliseconds; one more, sent here, finds the reader
    /// in its save whatever the build's speed.)
    func testASaveWaitingForALockWhenTheTerminalClosesIsNotKilledByAnotherHangUp() throws {
        let tmux = try readerUnderAShell()
        let lock = try XCTUnwrap(StateFileLocker(path: statePath), "sqlite3 cannot hold the lock")
        defer { lock.release() }
        try tmux.sendKeys("J")
        try expect(tmux, "story 2 read, its save waiting") { rows in
            // The whole message or, where it does not fit, its short form ("locked: 1 story's
            // change waits").
            Self.unread(rows) == 0
                && rows.last.map { $0.contains("locked") && $0.contains("1 story's change") } == true
        }
        let reader = try XCTUnwrap(Self.onlyChild(of: try tmux.panePID()), "the reader's process")
        try tmux.tmux(["kill-session", "-t", tmux.target])
        let waiting = Date().addingTimeInterval(10)
        while Date() < waiting {
            let errors = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
            if errors.contains("waiting up to") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertEqual(kill(reader, SIGHUP), 0, "the reader waits for the lock")
        Thread.sleep(forTimeInterval: 0.3)
        lock.release()
        let ending = Date().addingTimeInterval(10)
        while Date() < ending, kill(reader, 0) == 0 { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(try readMarks(), [true, true], "story 2's mark saved once the lock went")
    }

    /// The one child process of `parent`, from `/proc`.
    private static func onlyChild(of parent: pid_t) -> pid_t? {
        let path = "/proc/\(parent)/task/\(parent)/children"
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let children = text.split(separator: " ").compactMap { pid_t($0) }
            if children.count == 1 { return children[0] }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// The count of unread stories in the title bar.
    private static func unread(_ rows: [String]) -> Int? {
        guard let title = rows.first,
            let range = title.range(of: #"\d+ unread of"#, options: .regularExpression)
        else { return nil }
        return Int(title[range].split(separator: " ")[0])
    }
}
