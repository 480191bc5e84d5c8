import XCTest

@testable import GazetteTUI

/// The title bar shows the counts whole: at the smallest width "2,000 unread of 2,…" cut the
/// total (found by QA).
final class TitleBarViewTests: XCTestCase {
    private func titleBar(width: Int) -> String {
        var canvas = Canvas(width: width, height: 1)
        TitleBarView.render(
            left: "Gazette — news.txt", right: ["1,999 unread of 2,000", "1,999 unread"], row: 0,
            into: &canvas)
        return canvas.text(ofRow: 0)
    }

    func testTheCountsShortenRatherThanBeingCut() {
        XCTAssertEqual(titleBar(width: 60), " Gazette — news.txt                   1,999 unread of 2,000")
        XCTAssertEqual(titleBar(width: 23), " 1,999 unread of 2,000")
        XCTAssertEqual(titleBar(width: 22), " 1,999 unread")
        XCTAssertEqual(titleBar(width: 20), " 1,999 unread")
        for width in 20...30 {
            XCTAssertFalse(
                titleBar(width: width).contains("Gazette"), "the title does not come back at \(width)")
        }
    }
}
