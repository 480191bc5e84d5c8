import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// With several feeds open, each row shows its feed's name, and `/` finds a feed's stories by
/// it (`/Avian` found none; found by QA): the list narrows to that feed, the name is lit in the
/// rows, and `A` then marks that feed alone.
final class SourceNameSearchScreenTests: TwoFeedsTestCase {
    override var folderPrefix: String { "gazette-name-search-screen" }

    func testASearchForAFeedsNameNarrowsToItLightsTheNameAndAMarksItAlone() throws {
        let s = try ReaderSession(try twoFeeds(), width: 80, height: 24)
        XCTAssertTrue(s.rows[1].contains("[Avian’s Blog] Story 1"), s.screenText)
        s.keys("/avian\n")
        XCTAssertEqual(s.reader.visible, [0, 1, 2], s.screenText)
        XCTAssertTrue(s.titleBar.hasSuffix("3 unread of 3 found"), s.titleBar)
        // The name's "Avian" is lit in each row, after "[" (the row's text from column 8).
        let row = s.rows[1]
        guard let bracket = row.firstIndex(of: "[") else { return XCTFail(s.screenText) }
        let start = row.distance(from: row.startIndex, to: bracket) + 1
        let lit = (0..<80).filter { s.terminal.screen[1, $0].style.contains(.highlight) }
        XCTAssertEqual(lit, Array(start..<(start + 5)), s.screenText)
        s.keys("A")
        XCTAssertTrue(s.statusLine.contains("marked 3 read (u undoes)"), s.statusLine)
        XCTAssertEqual((0..<5).map { isRead(s, $0) }, [true, true, true, false, false])
    }
}
