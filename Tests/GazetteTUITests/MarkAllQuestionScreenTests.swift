import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// `A` over several feeds asks on the status line first, in a sentence that fits 40 columns
/// in its short form (a newsboat user pressed `A` for "this feed" and marked 611 stories of 39
/// feeds read; found by QA).
final class MarkAllQuestionScreenTests: TwoFeedsTestCase {
    override var folderPrefix: String { "gazette-mark-all-question-screen" }

    func testAOverSeveralFeedsAsksOnTheStatusLine() throws {
        let s = try ReaderSession(try twoFeeds(), width: 80, height: 24)
        s.keys("A")
        XCTAssertEqual(
            s.statusLine.trimmingCharacters(in: .whitespaces), "mark 5 stories of 2 sources read? (y/n)")
        XCTAssertEqual((0..<5).filter { isRead(s, $0) }, [])
        s.keys("j")
        XCTAssertTrue(s.statusLine.contains("cancelled: nothing marked read"), s.statusLine)
        XCTAssertEqual(s.reader.selection, 0, "the key that answered does not move")
        s.keys("Ay")
        XCTAssertTrue(s.statusLine.contains("marked 5 read (u undoes)"), s.statusLine)
        XCTAssertEqual((0..<5).filter { isRead(s, $0) }, [0, 1, 2, 3, 4])
    }

    /// At 40 columns the question is said whole in its short form.
    func testTheQuestionFitsFortyColumns() throws {
        let s = try ReaderSession(try twoFeeds(), width: 40, height: 12)
        s.keys("A")
        XCTAssertEqual(
            s.statusLine.trimmingCharacters(in: .whitespaces), "mark 5 read (2 sources)? y/n", s.screenText)
        let long = StatusMessage.markAllQuestion(stories: 1_234_567, sources: 999)
        XCTAssertLessThanOrEqual(
            DisplayWidth.of(long.fitting(StatusMessage.shortWidth)), StatusMessage.shortWidth)
    }

    /// Narrower, down to the smallest screen, the question is cut before the keys that answer
    /// it ("mark 5 read (2 s…" left out what to press).
    func testTheKeysThatAnswerStayBelowFortyColumns() throws {
        for width in [20, 25, 29] {
            let s = try ReaderSession(try twoFeeds(), width: width, height: 6)
            s.keys("A")
            let status = s.statusLine.trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(status.hasPrefix("mark 5 read"), "\(width): \(status)")
            XCTAssertTrue(status.hasSuffix("…? y/n"), "\(width): \(status)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(s.statusLine), width, status)
        }
    }
}
