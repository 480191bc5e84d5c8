import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// `A` over several feeds asks on the status line first, in a sentence that fits 40 columns
/// in its short form (a newsboat user pressed `A` for "this feed" and marked 611 stories of 39
/// feeds read; found by QA).
final class MarkAllQuestionScreenTests: XCTestCase {
    private var folder: URL?

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    /// A folder of two feeds: "Avian’s Blog" with 3 stories, then "F" with 2.
    private func feeds() throws -> URL {
        let folder = try TemporaryFolder.make("gazette-mark-all-question-screen")
        self.folder = folder
        try Data(
            FeedText.rssWithHTMLBodies(items: 3).replacingOccurrences(
                of: "<title>F</title>", with: "<title>Avian’s Blog</title>"
            ).utf8
        ).write(to: folder.appendingPathComponent("a.xml"))
        try Data(FeedText.rssWithHTMLBodies(items: 2).utf8).write(to: folder.appendingPathComponent("b.xml"))
        return folder
    }

    private func isRead(_ s: ReaderSession, _ position: Int) -> Bool {
        s.reader.tracker.isRead(s.catalog.entries[position].summary.id)
    }

    func testAOverSeveralFeedsAsksOnTheStatusLine() throws {
        let s = try ReaderSession(try feeds(), width: 80, height: 24)
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
        let s = try ReaderSession(try feeds(), width: 40, height: 12)
        s.keys("A")
        XCTAssertEqual(
            s.statusLine.trimmingCharacters(in: .whitespaces), "mark 5 read (2 sources)? y/n", s.screenText)
        let long = StatusMessage.markAllQuestion(stories: 1_234_567, sources: 999)
        XCTAssertLessThanOrEqual(
            DisplayWidth.of(long.fitting(StatusMessage.shortWidth)), StatusMessage.shortWidth)
    }
}
