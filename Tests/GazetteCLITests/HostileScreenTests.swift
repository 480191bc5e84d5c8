import Foundation
import TestSupport
import XCTest

/// The real binary in tmux on a file written to attack terminals: after reading it, the
/// window title and the paste buffer (OSC 0/2 and OSC 52 targets) are as they were.
final class HostileScreenTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-hostile-tmux" }

    /// Writes a dump of `count` short stories ("Story number 1", …, each "Words of it.") into
    /// the test's folder.
    private func writeStories(_ count: Int, named name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let stories = (1...count).map {
            DumpText.article(title: "Story number \($0)", paragraphs: ["Words of it."])
        }
        try stories.joined(separator: "\n\n\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func testReadingAHostileFileLeavesTitleAndClipboardAlone() throws {
        let path = folder.appendingPathComponent("hostile.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(HostileText.dump.utf8)))
        let tmux = try startGazette([path])
        // Let tmux accept clipboard writes from the pane, so that an OSC 52 would land.
        _ = try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        _ = try tmux.tmux(["set-option", "-g", "allow-rename", "on"])
        let titleBefore = try tmux.display("#{pane_title}")
        let buffersBefore = try tmux.tmux(["list-buffers"])
        XCTAssertTrue(tmux.waitForText("Breaking"), tmux.screenText)
        for key in ["Enter", "Space", "J", "Space", "q", "/", "p", "Enter", "Escape"] {
            try tmux.sendKeys(key)
        }
        XCTAssertTrue(tmux.waitForText("Second story"), tmux.screenText)
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:0"), tmux.screenText)
        XCTAssertEqual(try tmux.display("#{pane_title}"), titleBefore, "the window title was changed")
        XCTAssertEqual(try tmux.tmux(["list-buffers"]), buffersBefore, "the paste buffer was written")
        XCTAssertFalse(tmux.screenText.contains("pwned"))
    }

    func testAFileCutShortWhileOpenIsReportedAndReloadKeepsReading() throws {
        let path = folder.appendingPathComponent("shrinking.txt").path
        let paragraph = String(repeating: "A long paragraph of words that fills the file. ", count: 20)
        let stories = (1...3000).map {
            DumpText.article(title: "Story number \($0)", paragraphs: [paragraph, "Ends here."])
        }
        try stories.joined(separator: "\n\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        let tmux = try startGazette([path])
        XCTAssertTrue(tmux.waitForText("3,000 unread of 3,000"), tmux.screenText)
        // The file is rewritten in place with only its first two stories.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(stories[0].utf8.count + 3 + stories[1].utf8.count))
        try handle.close()
        try tmux.sendKeys("G")
        XCTAssertTrue(
            tmux.waitForText("shrinking.txt changed on disk since it was opened: R reads it again"),
            tmux.screenText)
        // Reading past the new end shows a blank story; nothing crashes.
        try tmux.sendKeys("Enter")
        XCTAssertTrue(tmux.waitForText("3,000/3,000"), tmux.screenText)
        try tmux.sendKeys("q", "g", "Enter", "q", "R")
        XCTAssertTrue(tmux.waitForText("1 unread of 2"), tmux.screenText)
        XCTAssertTrue(tmux.waitForText("Story number 2"), tmux.screenText)
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:0"), tmux.screenText)
    }

    /// A state file cut short by another program while the reader runs: `R` says it cannot be
    /// read and keeps the stories and their marks (every story showed unread, "reloaded";
    /// found by QA).
    func testReloadKeepsTheMarksWhenTheStateFileCannotBeRead() throws {
        let path = try writeStories(6, named: "six.txt")
        let marked = try CommandRunner.run(["mark", path, "1", "2", "--read", "--state", statePath])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        let tmux = try startGazette([path])
        XCTAssertTrue(tmux.waitForText("4 unread of 6"), tmux.screenText)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: statePath))
        try handle.truncate(atOffset: 0)
        try handle.close()
        try tmux.sendKeys("R")
        XCTAssertTrue(
            tmux.waitFor { rows in
                rows.contains {
                    $0.contains("not reloaded, stories kept: state file") || $0.contains("EXITED:")
                }
            }, tmux.screenText)
        if tmux.screenText.contains("EXITED:") {
            // Cut short before the state's deferred opening (under load, it can come after the
            // first screen's 4 unread): the reader ends saying so, the file left as it is.
            // The message names the file, so it may wrap: its rows are read as one.
            XCTAssertTrue(tmux.capture().joined().contains("damaged"), tmux.screenText)
            XCTAssertFalse(tmux.screenText.contains("EXITED:0"), tmux.screenText)
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: statePath)[.size] as? Int, 0)
            return
        }
        XCTAssertTrue(tmux.screenText.contains("4 unread of 6"), tmux.screenText)
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:"), tmux.screenText)
    }

    /// A file deleted while open is said to be gone, not to be read again (found by QA); its
    /// stories stay readable.
    func testAFileDeletedWhileOpenIsSaidToBeGone() throws {
        let path = try writeStories(3, named: "going.txt")
        let tmux = try startGazette([path])
        XCTAssertTrue(waitForWholeFile(tmux, showing: "Story number 1"), tmux.screenText)
        try FileManager.default.removeItem(atPath: path)
        try tmux.sendKeys("j")
        XCTAssertTrue(
            tmux.waitForText("going.txt was deleted or moved since it was opened; its stories stay readable"),
            tmux.screenText)
        try tmux.sendKeys("Enter")
        XCTAssertTrue(tmux.waitForText("Words of it."), tmux.screenText)
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:0"), tmux.screenText)
    }

    /// At 40 columns the file's name gives way to what happened: it was cut behind the name
    /// ("a-file-with-a-long-name.txt was delet…"; found by QA).
    func testAFileDeletedIsToldAtFortyColumns() throws {
        try expectToldAtFortyColumns(
            " deleted or moved: its stories stay", named: "a-file-with-a-long-name.txt"
        ) {
            try FileManager.default.removeItem(atPath: $0)
        }
    }

    func testAFileChangedIsToldAtFortyColumns() throws {
        try expectToldAtFortyColumns(
            " changed on disk: R reads it again", named: "another-file-with-a-long-name.txt"
        ) { path in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: 10)
            try handle.close()
        }
    }

    /// Waits for the three stories written to be indexed whole (no "…" after the count) with
    /// `text` on the screen. A file changed before then is told by a frame drawn before the
    /// test's key, which clears it (seen once the screen was polled 5 ms after it started).
    private func waitForWholeFile(_ tmux: TmuxSession, showing text: String) -> Bool {
        tmux.waitFor { rows in
            rows.first?.hasSuffix(" 3 unread of 3") == true && rows.contains { $0.contains(text) }
        }
    }

    /// Opens a file of three stories named `name` at 40x12, does `change` to it, moves down a row
    /// and expects the status line to tell `told`.
    private func expectToldAtFortyColumns(
        _ told: String, named name: String, file: StaticString = #filePath, line: UInt = #line,
        after change: (String) throws -> Void
    ) throws {
        let path = try writeStories(3, named: name)
        let tmux = try startGazette([path], width: 40, height: 12)
        XCTAssertTrue(
            waitForWholeFile(tmux, showing: "Story number 1"), tmux.screenText, file: file, line: line)
        try change(path)
        try tmux.sendKeys("j")
        XCTAssertTrue(tmux.waitForText(told), tmux.screenText, file: file, line: line)
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:0"), tmux.screenText, file: file, line: line)
    }
}
