import Foundation
import TestSupport
import XCTest

/// The built reader started where its state file cannot be made (under `ulimit -f` below the
/// 32 KiB of a log's index, as on a full disk): it opens, says on the status line that changes
/// are saved once there is room, shows a change as made, and the quit says what was not saved
/// and fails. It said the file cannot grow and ended, the news unread (found by QA).
final class FullDiskAtOpeningEndToEndTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-full-opening" }

    func testTheReaderOpensWithoutRoomForItsStateAndTheQuitSaysWhatWasNotSaved() throws {
        // 16 blocks: 8 or 16 KiB, as the shell counts them.
        let tmux = try startPane(
            running: "ulimit -f 16; " + gazetteLine([Fixtures.sample.path], errorsToFile: true), height: 20)
        try expect(tmux, "the first screen, saying changes wait for room") { rows in
            Self.unread(rows) == 2
                && rows.last?.contains(
                    "the disk is full or the file too big: make room to save changes ('state.sqlite')")
                    == true
        }
        try tmux.sendKeys("N")
        try expect(tmux, "story 1 read at once, its change waiting") { rows in
            Self.unread(rows) == 1 && rows.last?.contains("1 story's change waits") == true
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "the end, with a failure") { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:1" }
        }
        let errors = try String(contentsOfFile: errorsPath, encoding: .utf8)
        XCTAssertTrue(
            errors.hasPrefix(
                "gazette: state file '\(statePath)' cannot grow: the disk is full or the file too big; not saved: "
                    + "read marks of 1 story"),
            errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: statePath), "no state file made")
    }

    /// The count of unread stories in the title bar.
    private static func unread(_ rows: [String]) -> Int? {
        guard let title = rows.first,
            let range = title.range(of: #"\d+ unread of"#, options: .regularExpression)
        else { return nil }
        return Int(title[range].split(separator: " ")[0])
    }
}
