import Foundation
import TestSupport
import XCTest

/// QA's steps with the built reader: `gazette mark` marks stories 2 and 3 of a feed read while
/// the reader shows it, and `n` at once opens story 4, the next unread one. It opened story 2:
/// the key acted on the states of the reader's last look (at most once a second while idle).
final class StatesStoredElsewhereEndToEndTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-stored-elsewhere" }

    func testNextUnreadRightAfterMarkFromAScriptSkipsTheStoriesItMarked() throws {
        let feed = folder.appendingPathComponent("news.xml").path
        try Data(FeedText.rssWithHTMLBodies(items: 6).utf8).write(to: URL(fileURLWithPath: feed))
        let tmux = try startGazette([feed], height: 14)
        try expect(tmux, "the first screen") { $0.first?.hasSuffix("6 unread of 6") == true }
        let marked = try CommandRunner.run(
            ["mark", feed, "2", "3", "--read", "--state", statePath],
            environment: ["XDG_STATE_HOME": folder.path])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        try tmux.sendKeys("n")
        try expect(tmux, "a story opened") { $0.last?.contains("q:back") == true }
        let divider = tmux.lastCapture.first { $0.hasPrefix("─── ") } ?? ""
        XCTAssertTrue(divider.hasPrefix("─── 4/6 ─ Story 4 "), tmux.screenText)
        try expect(tmux, "stories 1, 5 and 6 unread", timeout: 3) {
            $0.first?.hasSuffix("3 unread of 6") == true
        }
    }
}
