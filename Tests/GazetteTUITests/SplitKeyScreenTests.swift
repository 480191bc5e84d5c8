import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// A movement key whose escape sequence a slow link split (a lone Esc, then the rest: the
/// terminal gives `splitKey`, or `splitSequence` for a key the reader drops) outside the `/`
/// prompt: the lone Esc acts at once, and is taken back when the rest comes, whatever it did
/// (it left the story and its zoom, closed help, dropped a number, cleared a search in a view).
final class SplitKeyScreenTests: XCTestCase {
    /// A reader over the real-world news dump on a `MemoryTerminal`.
    private final class Session: ReaderSession {
        convenience init() throws {
            try self.init(Fixtures.realNews, width: 100, height: 30)
        }

        /// Sends a lone Esc, runs the loop (it acts), then sends `rest` and runs the loop.
        func splitAfterEscape(_ rest: InputEvent) {
            keys("\u{1B}")
            send(rest)
        }

        func send(_ events: InputEvent...) {
            terminal.send(events)
            settle()
        }
    }

    /// In an open story the Esc went back to the list: the split ↓ scrolls the story a line.
    func testASplitKeyInAnOpenStoryScrollsIt() throws {
        let s = try Session()
        s.keys("\rjj")
        XCTAssertEqual(s.reader.articleScroll, 2)
        s.keys("\u{1B}")
        XCTAssertEqual(s.reader.focus, .list, "a lone Esc acts at once")
        s.send(.splitKey(.down))
        XCTAssertEqual(s.reader.focus, .article, s.screenText)
        XCTAssertEqual(s.reader.articleScroll, 3)
        XCTAssertEqual(s.reader.selection, 0)
        s.keys("q")
        XCTAssertEqual(s.reader.focus, .list)
        XCTAssertFalse(s.reader.isFinished)
    }

    /// A zoomed story stays zoomed, and `z` then does what it did before the Esc: from a zoom
    /// opened in the list it goes back to the list.
    func testASplitKeyInAZoomedStoryKeepsTheZoom() throws {
        let s = try Session()
        s.keys("\rz")
        s.splitAfterEscape(.splitKey(.down))
        XCTAssertTrue(s.reader.zoomed, s.screenText)
        XCTAssertEqual(s.reader.focus, .article)
        XCTAssertEqual(s.reader.articleScroll, 1)
        XCTAssertEqual(s.reader.layout.listHeight, 0, "the list is hidden:\(s.screenText)")
        s.keys("z")
        XCTAssertEqual(s.reader.focus, .article, "z unzooms the story opened before")
        s.keys("q\u{1B}z")
        s.splitAfterEscape(.splitKey(.down))
        XCTAssertTrue(s.reader.zoomed)
        s.keys("z")
        XCTAssertFalse(s.reader.zoomed)
        XCTAssertEqual(s.reader.focus, .list, "z opened the story from the list: z goes back to it")
    }

    /// Help closed by the Esc shows again, scrolled by the split ↓.
    func testASplitKeyInHelpScrollsIt() throws {
        let s = try Session()
        s.keys("?jj")
        XCTAssertEqual(s.reader.helpScroll, 2)
        s.keys("\u{1B}")
        XCTAssertFalse(s.reader.showingHelp, "a lone Esc acts at once")
        s.send(.splitKey(.down))
        XCTAssertTrue(s.reader.showingHelp, s.screenText)
        XCTAssertEqual(s.reader.helpScroll, 3)
        XCTAssertTrue(s.screenText.contains("Esc"), s.screenText)
        s.splitAfterEscape(.splitSequence)
        XCTAssertTrue(s.reader.showingHelp)
        XCTAssertEqual(s.reader.helpScroll, 3)
    }

    /// A number being typed is kept: the split ↓ moves that many rows; after a dropped key the
    /// number is typed on.
    func testASplitKeyKeepsANumberBeingTyped() throws {
        let s = try Session()
        s.keys("3")
        s.splitAfterEscape(.splitKey(.down))
        XCTAssertEqual(s.reader.selection, 3, "3 ↓")
        XCTAssertEqual(s.reader.pendingNumber, "")
        s.keys("1")
        s.splitAfterEscape(.splitSequence)
        XCTAssertEqual(s.reader.pendingNumber, "1")
        XCTAssertTrue(s.statusLine.contains("go to story: 1"), s.statusLine)
        s.keys("2\r")
        XCTAssertEqual(s.reader.selection, 11, "story 12")
    }

    /// In the unread view, a search whose story was read since: the Esc left the story, the next
    /// Esc cleared the search; the split ↓ keeps the search in that view, the read story still
    /// shown with the others.
    func testASplitKeyInAViewKeepsItsSearch() throws {
        let s = try Session()
        let matches = s.expectedMatches("president")
        XCTAssertGreaterThanOrEqual(matches.count, 2)
        s.keys("L/president\n\r")
        XCTAssertEqual(s.reader.filter, .unread)
        XCTAssertEqual(s.reader.visibleUnread, matches.count - 1, "the story opened is read")
        s.keys("\u{1B}\u{1B}")
        XCTAssertNil(s.reader.query, "a lone Esc acts at once")
        s.send(.splitKey(.down))
        XCTAssertEqual(s.reader.filter, .unread)
        XCTAssertEqual(s.reader.query?.text, "president", s.screenText)
        XCTAssertEqual(s.reader.visible, matches, "the read story is still shown")
        XCTAssertEqual(s.reader.visibleUnread, matches.count - 1)
        XCTAssertEqual(s.reader.visible[s.reader.selection], matches[1])
    }
}
