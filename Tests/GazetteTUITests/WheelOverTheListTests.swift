import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// The wheel over the headline list scrolls the list's rows under the pointer: the story
/// selected, open or previewed, stays as it was (found by QA: over an open story the wheel
/// moved the selection three stories, showed another story's preview and gave the list the
/// focus, so that the next `q` quit).
final class WheelOverTheListTests: XCTestCase {
    /// The 15 real-world stories at 80x24: a list of 7 rows, the pane below it.
    private func session() throws -> ReaderSession {
        try ReaderSession(Fixtures.realNews, width: 80, height: 24)
    }

    private func wheelDown(row: Int) -> InputEvent {
        .mouse(MouseEvent(action: .wheelDown, column: 10, row: row))
    }

    private func wheelUp(row: Int) -> InputEvent {
        .mouse(MouseEvent(action: .wheelUp, column: 10, row: row))
    }

    /// The story number at the start of a list row ("  N   4  Title…" gives 4).
    private func number(_ row: String) -> Int? {
        Int(row.dropFirst(3).prefix(5).trimmingCharacters(in: .whitespaces))
    }

    func testTheWheelOverTheListKeepsTheOpenStoryOpenAndQGoesBack() throws {
        let session = try session()
        session.send(keys: "\n5j")
        let divider = session.rows[8]
        let pane = Array(session.rows[9..<23])
        XCTAssertTrue(divider.contains("1/15"), divider)
        XCTAssertTrue(session.rows[23].contains("q:back"), session.rows[23])

        session.send([wheelDown(row: 4)])
        XCTAssertEqual(session.rows[1...7].map(number), Array(4...10), "the list scrolled under the pointer")
        XCTAssertEqual(session.rows[8], divider, "the open story stays, at its place")
        XCTAssertEqual(Array(session.rows[9..<23]), pane)
        XCTAssertEqual(session.reader.focus, .article)
        XCTAssertTrue(session.rows[23].contains("q:back"), session.rows[23])
        XCTAssertEqual(session.reader.visibleUnread, 14, "no other story was opened")

        session.send([wheelUp(row: 4)])
        XCTAssertEqual(session.rows[1...7].map(number), Array(1...7))
        session.send([wheelDown(row: 4), wheelDown(row: 4)])
        session.send(keys: "q")
        XCTAssertFalse(session.reader.isFinished, "q goes back to the list, it does not quit")
        XCTAssertEqual(session.reader.focus, .list)
        XCTAssertTrue(session.rows[1...7].compactMap(number).contains(1), "back shows the story's row")
    }

    func testTheWheelOverTheListScrollsItsRowsAndKeepsThePreview() throws {
        let session = try session()
        let divider = session.rows[8]
        session.send([wheelDown(row: 3), wheelDown(row: 3)])
        XCTAssertEqual(session.rows[1...7].map(number), Array(7...13))
        XCTAssertEqual(session.rows[8], divider, "the preview is the same story's")
        XCTAssertEqual(session.reader.focus, .list)
        XCTAssertEqual(session.reader.visibleUnread, 15)
        // At the end of the list the wheel stops; a key moves the selection from where it is.
        session.send([wheelDown(row: 3), wheelDown(row: 3)])
        XCTAssertEqual(session.rows[1...7].map(number), Array(9...15))
        session.send(keys: "j")
        XCTAssertTrue(session.rows[8].contains("2/15"), session.rows[8])
        XCTAssertTrue(session.rows[1...7].compactMap(number).contains(2))
    }
}
