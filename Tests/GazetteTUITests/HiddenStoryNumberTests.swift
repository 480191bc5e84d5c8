import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// A number then `N` (or `Enter`, `F`) names a story by its number in the files: one the list
/// shows is acted on, in the list and in an open article; one the search or the view (`L`)
/// hides is refused, and the status line says which hides it and how to leave it (with both,
/// a story the view hides was said not to match the search).
final class HiddenStoryNumberTests: TemporaryFolderTestCase {
    private var app: ReaderApp!
    private var terminal: MemoryTerminal!

    override func setUpWithError() throws {
        try super.setUpWithError()
        // Stories 1, 3 and 5 hold "zebra".
        let text = (1...6).map { number in
            DumpText.article(
                title: "Story \(number)",
                paragraphs: ["Paragraph of story \(number)" + (number % 2 == 1 ? " with a zebra." : ".")])
        }.joined(separator: "\n\n\n")
        terminal = MemoryTerminal(width: 80, height: 24)
        app = ReaderApp(
            reader: try DumpText.reader(text, in: folder), terminal: terminal)
        app.run(stopWhenIdle: true)
    }

    private var reader: Reader { app.reader }

    /// Types `text` and runs the loop until the keys are used up and the search is done.
    private func keys(_ text: String) {
        terminal.send(keys: text)
        repeat {
            app.run(stopWhenIdle: true)
        } while reader.searchProgress != nil || reader.indexing != nil
    }

    private var statusLine: String { terminal.screen.text(ofRow: terminal.screen.height - 1) }

    private func isRead(_ number: Int) -> Bool {
        reader.tracker.isRead(reader.catalog.entries[number - 1].summary.id)
    }

    func testANumberShownWorksAndOneHiddenSaysWhatHidesIt() throws {
        keys("1N")
        XCTAssertTrue(isRead(1))
        keys("/zebra\n")
        XCTAssertEqual(reader.visible, [0, 2, 4], "stories 1, 3 and 5 match")
        keys("3N")
        XCTAssertTrue(isRead(3), "a number the list shows works")
        XCTAssertTrue(statusLine.contains("story 3 marked read"), statusLine)
        keys("2N")
        XCTAssertFalse(isRead(2))
        XCTAssertTrue(
            statusLine.contains("story 2 does not match the search (Esc in the list ends it)"), statusLine)

        // The same in an open article.
        keys("\n")
        XCTAssertEqual(reader.focus, .article)
        keys("2N")
        XCTAssertFalse(isRead(2))
        XCTAssertTrue(
            statusLine.contains("story 2 does not match the search (Esc in the list ends it)"), statusLine)
        keys("5N")
        XCTAssertTrue(isRead(5))
        XCTAssertTrue(statusLine.contains("story 5 marked read"), statusLine)

        // The view hides stories 1, 3 and 5, read.
        keys("q\u{1B}L")
        XCTAssertNil(reader.query)
        XCTAssertEqual(reader.visible, [1, 3, 5], "unread only")
        keys("1N")
        XCTAssertTrue(isRead(1))
        XCTAssertTrue(
            statusLine.contains("story 1 is not in this view (unread only; L changes the view)"), statusLine)
        keys("2\n\n1N")
        XCTAssertEqual(reader.focus, .article)
        XCTAssertTrue(
            statusLine.contains("story 1 is not in this view (unread only; L changes the view)"), statusLine)

        // Both: story 1 matches the search, but the view hides it; story 4 is in the view but
        // does not match.
        keys("q/zebra\n")
        XCTAssertEqual(reader.visible, [], "no unread story holds zebra")
        keys("1N")
        XCTAssertTrue(isRead(1))
        XCTAssertTrue(
            statusLine.contains("story 1 is not in this view (unread only; L changes the view)"), statusLine)
        keys("4N")
        XCTAssertFalse(isRead(4))
        XCTAssertTrue(
            statusLine.contains("story 4 does not match the search (Esc in the list ends it)"), statusLine)
    }
}
