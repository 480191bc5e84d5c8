import Foundation
import TestSupport
import XCTest

/// The built reader while its state file is deleted (`rm`): a change made since shows, the
/// status line says it is kept to be saved at the quit, and the quit saves it in a new state
/// file, saying so. It said "replaced or emptied: not saved; restart Gazette", the story
/// stayed unread, and the quit said nothing.
final class RemovedStateFileEndToEndTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-removed" }

    /// The reader on the sample in 50 columns, its standard error to a file, story 1 marked read
    /// and the state file made.
    private func readerWithStoryOneRead() throws -> TmuxSession {
        let tmux = try startGazette([Fixtures.sample.path], width: 50, height: 20, errorsToFile: true)
        try expect(tmux, "the first screen") { Self.unread($0) == 2 }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 read") { Self.unread($0) == 1 }
        try expect(tmux, "the state file", timeout: 10) { _ in
            FileManager.default.fileExists(atPath: statePath)
        }
        return tmux
    }

    func testAChangeAfterTheStateFileIsDeletedIsSavedInANewFileAtTheQuit() throws {
        let tmux = try readerWithStoryOneRead()
        try FileManager.default.removeItem(atPath: statePath)
        try tmux.sendKeys("J")
        try expect(tmux, "story 2 read at once, kept for the quit, said whole in 50 columns") { rows in
            Self.unread(rows) == 0 && rows.last == " deleted or moved: 1 story's change saved at quit"
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "the end, without a failure") { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:0" }
        }
        let errors = try String(contentsOfFile: errorsPath, encoding: .utf8)
        XCTAssertTrue(
            errors.hasPrefix(
                "gazette: the state file was deleted or moved away while Gazette ran: the changes made since "
                    + "(read marks of 1 story"),
            errors)
        XCTAssertTrue(errors.hasSuffix("are saved in a new state file '\(statePath)'\n"), errors)

        let outcome = try CommandRunner.run(
            ["list", Fixtures.sample.path, "--state", statePath], environment: ["XDG_STATE_HOME": folder.path]
        )
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let unread = outcome.stdout.split(separator: "\n").map {
            $0.split(separator: " ").dropFirst().first == "N"
        }
        XCTAssertEqual(
            unread, [true, false], "story 1's mark went with the file deleted; story 2's is saved")
    }

    /// Deleted with its logs and made again by `gazette mark` before the reader's next change:
    /// the change shows, and is merged at the quit into the file `mark` made, beside its flag.
    /// The reader said "replaced by another file: not saved; restart", and the quit lost the
    /// change with status 0 (found by QA).
    func testAChangeAfterTheStateFileIsMadeAgainByMarkIsMergedIntoThatFileAtTheQuit() throws {
        let tmux = try readerWithStoryOneRead()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: statePath + suffix) }
        let marked = try CommandRunner.run(
            ["mark", Fixtures.sample.path, "2", "--flag", "--state", statePath],
            environment: ["XDG_STATE_HOME": folder.path])
        XCTAssertEqual(marked.status, 0, marked.stderr)

        try tmux.sendKeys("J")
        try expect(tmux, "story 2 read at once, kept for the quit") { rows in
            Self.unread(rows) == 0 && rows.last == " deleted or moved: 1 story's change saved at quit"
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "the end, without a failure") { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:0" }
        }
        let errors = try String(contentsOfFile: errorsPath, encoding: .utf8)
        XCTAssertTrue(
            errors.hasSuffix("are saved in the new state file another Gazette made at '\(statePath)'\n"),
            errors)
        let outcome = try CommandRunner.run(
            ["list", Fixtures.sample.path, "--state", statePath], environment: ["XDG_STATE_HOME": folder.path]
        )
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let marks = outcome.stdout.split(separator: "\n").map { String($0.prefix(4)) }
        XCTAssertEqual(
            marks, ["1 N ", "2  !"], "story 2 read by the reader and flagged by mark\n" + outcome.stdout)
    }

    /// QA's steps: the state file moved away (`mv`) while the reader runs, `gazette mark` makes
    /// a new one at the path with story 5 read, and `A` then `u` in the reader come to nothing:
    /// the quit writes none of it, and story 5 stays read. The quit wrote the undo's states of
    /// all the stories into the new file, story 5 unread again, with status 0 (found by QA).
    func testAllReadThenUndoneAfterTheFileMovedAwayLeavesTheMarkMadeSince() throws {
        let feed = folder.appendingPathComponent("news.xml").path
        try Data(FeedText.rssWithHTMLBodies(items: 6).utf8).write(to: URL(fileURLWithPath: feed))
        let environment = ["XDG_STATE_HOME": folder.path]
        let flagged = try CommandRunner.run(
            ["mark", feed, "1", "--flag", "--state", statePath], environment: environment)
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        let tmux = try startGazette([feed], width: 80, height: 14, errorsToFile: true)
        try expect(tmux, "the first screen") { $0.first?.hasSuffix("6 unread of 6") == true }
        XCTAssertEqual(rename(statePath, statePath + ".bak"), 0)
        let marked = try CommandRunner.run(
            ["mark", feed, "5", "--read", "--state", statePath], environment: environment)
        XCTAssertEqual(marked.status, 0, marked.stderr)

        try tmux.sendKeys("A")
        try expect(tmux, "every story read, kept for the quit") { rows in
            rows.first?.hasSuffix("0 unread of 6") == true && rows.last?.contains("saved at quit") == true
        }
        try tmux.sendKeys("u")
        try expect(tmux, "every story unread again, nothing kept") { rows in
            rows.first?.hasSuffix("6 unread of 6") == true && rows.last?.contains("undone") == true
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "the end, without a failure") { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:0" }
        }
        let outcome = try CommandRunner.run(["list", feed, "--state", statePath], environment: environment)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let marks = outcome.stdout.split(separator: "\n").map { String($0.prefix(4)) }
        XCTAssertEqual(
            marks, ["1 N ", "2 N ", "3 N ", "4 N ", "5   ", "6 N "],
            "story 5 read by mark; nothing else written\n" + outcome.stdout
                + ((try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""))
    }

    /// Another program's file put in its place: the change is refused as before, and the quit
    /// tells it again and fails. It ended with status 0 and said nothing (found by QA).
    func testAChangeRefusedForAnotherProgramsFileIsToldAtTheQuitWhichFails() throws {
        let tmux = try readerWithStoryOneRead()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: statePath + suffix) }
        let bytes = Data("another program's notes\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: statePath))

        try tmux.sendKeys("J")
        try expect(tmux, "the change refused, not shown as made") { rows in
            Self.unread(rows) == 1 && rows.last?.contains("replaced") == true
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "the end, with a failure") { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:1" }
        }
        let errors = try String(contentsOfFile: errorsPath, encoding: .utf8)
        XCTAssertTrue(
            errors.hasPrefix(
                "gazette: state file '\(statePath)' was replaced or overwritten while Gazette ran; not saved: "
                    + "read marks of 1 story"),
            errors)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), bytes, "left as it was")
    }

    /// The count of unread stories in the title bar.
    private static func unread(_ rows: [String]) -> Int? {
        guard let title = rows.first,
            let range = title.range(of: #"\d+ unread of"#, options: .regularExpression)
        else { return nil }
        return Int(title[range].split(separator: " ")[0])
    }
}
