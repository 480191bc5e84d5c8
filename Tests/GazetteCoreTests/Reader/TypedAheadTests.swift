import Foundation
import GazetteCore
import TestSupport
import XCTest

/// Keys typed ahead of a search's first results (Enter on the search line, `L`) act on the list
/// the search then shows, in order, as if typed after it (they acted on the empty list and were
/// lost; found by QA).
final class TypedAheadTests: TemporaryFolderTestCase {

    /// A reader over 60 stories; every third mentions "otters" (stories 3, 6, 9…).
    private func reader() throws -> Reader {
        let text = (1...60).map { number in
            DumpText.article(
                title: "Story \(number)",
                paragraphs: [
                    "Story \(number) tells of the \(number % 3 == 0 ? "otters" : "herons") of the river.",
                    String(repeating: "More words about the river and its banks. ", count: 6),
                ])
        }.joined(separator: "\n\n\n")
        return try DumpText.reader(text, in: folder)
    }

    /// Runs the search to its end, taking in what it finds as the event loop does.
    private func finishSearch(_ reader: Reader) {
        let deadline = Date().addingTimeInterval(10)
        repeat {
            reader.absorbSearch()
            if reader.searchProgress != nil { Thread.sleep(forTimeInterval: 0.002) }
        } while reader.searchProgress != nil && Date() < deadline
    }

    private func title(_ reader: Reader) -> String? { reader.selectedEntry?.summary.title }

    func testEnterTypedRightAfterTheSearchOpensItsFirstStory() throws {
        let reader = try reader()
        for key in [Key.char("/")] + "otters".map(Key.char) + [.enter, .enter, .char("F")] {
            reader.press(key)
        }
        XCTAssertTrue(reader.visible.isEmpty, "the search has found nothing yet")
        XCTAssertEqual(reader.focus, .list, "Enter waits for the list")
        finishSearch(reader)
        XCTAssertEqual(title(reader), "Story 3")
        XCTAssertEqual(reader.focus, .article, "the story the list then showed is open")
        let id = try XCTUnwrap(reader.selectedEntry?.summary.id)
        XCTAssertTrue(reader.tracker.isRead(id))
        XCTAssertTrue(reader.tracker.isFlagged(id), "F after it flagged it")
        XCTAssertEqual(reader.message, "flagged")
    }

    func testMovesTypedRightAfterAChangeOfViewMoveInTheListItFinds() throws {
        let reader = try reader()
        for key in [Key.char("/")] + "otters".map(Key.char) + [.enter] { reader.press(key) }
        finishSearch(reader)
        XCTAssertEqual(reader.visible.count, 20)
        XCTAssertEqual(title(reader), "Story 3")
        for key in [Key.char("L"), .char("j"), .char("j")] { reader.press(key) }
        XCTAssertEqual(reader.filter, .unread)
        finishSearch(reader)
        XCTAssertEqual(title(reader), "Story 9", "both j moved, from story 3")
        XCTAssertNil(reader.message)
        // A click typed ahead waits too, behind the keys before it.
        reader.apply(.cycleView)
        reader.press(.char("j"))
        reader.apply(.selectRow(0))
        finishSearch(reader)
        XCTAssertEqual(reader.filter, .flagged)
        XCTAssertTrue(reader.visible.isEmpty)
        XCTAssertNil(title(reader))
    }

    func testQuitAndHelpDoNotWaitForTheSearch() throws {
        let reader = try reader()
        for key in [Key.char("/")] + "otters".map(Key.char) + [.enter, .char("?")] { reader.press(key) }
        XCTAssertTrue(reader.showingHelp, "? does not need the list")
        reader.press(.escape)
        reader.press(.char("Q"))
        XCTAssertTrue(reader.isFinished, "Q quits at once")
    }
}
