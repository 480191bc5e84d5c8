import GazetteCore
import XCTest

@testable import GazetteTUI

/// What `R` says when the files cannot be read again fits an 80-column status line whole: its
/// end, "; the stories stay", was cut to "; the stories…" (found by QA).
final class ReloadFailureMessageTests: XCTestCase {
    private struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func testTheReasonForAFileGoneFitsEightyColumns() {
        let error = Failure(description: "cannot open 'news.txt': No such file or directory")
        var canvas = Canvas(width: 80, height: 1)
        StatusLineView.render(
            message: StatusMessage(ReaderApp.notReloadedMessage(error)), focus: .list, row: 0, into: &canvas)
        let line = canvas.text(ofRow: 0)
        XCTAssertFalse(line.contains("…"), line)
        XCTAssertTrue(line.hasPrefix(" not reloaded, stories kept: cannot open"), line)
        XCTAssertTrue(line.hasSuffix("No such file or directory"), line)
    }
}
