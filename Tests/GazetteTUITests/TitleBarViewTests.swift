import Foundation
import GazetteCore
import TestSupport
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

    /// The bar of `left` and `tail` beside "1 unread of 1 found".
    private func titleBar(left: String, tail: String, width: Int) -> String {
        var canvas = Canvas(width: width, height: 1)
        TitleBarView.render(
            left: left, tail: tail, right: ["1 unread of 1 found", "1 found"], row: 0, into: &canvas)
        return canvas.text(ofRow: 0)
    }

    /// The view and the search stay whole where the file's name is cut, down to a few letters of
    /// the name; narrower, the whole is cut at its end as before.
    func testTheNameIsCutBeforeTheViewAndTheSearch() {
        let left = "Gazette — 000_b85e378bc3d894c4.txt"
        let tail = " (unread only) — /ransom deal"
        XCTAssertEqual(
            titleBar(left: left, tail: tail, width: 100),
            " Gazette — 000_b85e378bc3d894c4.txt (unread only) — /ransom deal                1 unread of 1 found"
        )
        XCTAssertEqual(
            titleBar(left: left, tail: tail, width: 80),
            " Gazette — 000_b85e378bc3d894… (unread only) — /ransom deal 1 unread of 1 found")
        XCTAssertEqual(
            titleBar(left: left, tail: tail, width: 65),
            " Gazette — 000… (unread only) — /ransom deal 1 unread of 1 found")
        // Too narrow for the whole tail beside the name's first letters: the tail is cut at its
        // end, the name keeps its letters (it kept the whole name and lost the search; found by QA).
        XCTAssertEqual(
            titleBar(left: left, tail: tail, width: 64),
            " Gazette — 000… (unread only) — /ransom de… 1 unread of 1 found")
        XCTAssertEqual(
            titleBar(left: left, tail: " (unread only) — /cyberattack that hit iran last", width: 80),
            " Gazette — 000… (unread only) — /cyberattack that hit iran… 1 unread of 1 found")
        XCTAssertEqual(
            titleBar(left: "Gazette — a.txt", tail: tail, width: 66),
            " Gazette — a.txt (unread only) — /ransom deal 1 unread of 1 found", "what fits is not cut")
    }

    /// The sample at 80 columns in the unread view, searched for two words: the search shows
    /// whole in the title bar (it read "/ranso…" behind the file's name).
    func testTheSearchShowsWholeBesideTheSamplesName() throws {
        let session = try ReaderSession(Fixtures.sample, width: 80, height: 24)
        session.keys("L/ransom deal\r")
        XCTAssertEqual(session.reader.query?.text, "ransom deal")
        XCTAssertTrue(session.titleBar.contains(" (unread only) — /ransom deal "), session.screenText)
        XCTAssertTrue(session.titleBar.hasPrefix(" Gazette — 000_b85e"), session.screenText)
        XCTAssertTrue(session.titleBar.hasSuffix(" 1 unread of 1 found"), session.screenText)
    }
}
