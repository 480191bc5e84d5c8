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

    /// At 40 columns the reason stays, the file's name gives way: it was "not reloaded,
    /// stories kept: cannot op…" (found by QA).
    func testTheReasonStaysAtFortyColumns() {
        for (reason, expected) in [
            ("No such file or directory", " R failed: No such file or directory"),
            ("Permission denied", " not reloaded: Permission denied"),
        ] {
            let error = Failure(description: "cannot open 'a-long-file-name.txt': \(reason)")
            var canvas = Canvas(width: 40, height: 1)
            StatusLineView.render(
                message: ReaderApp.notReloadedStatus(error), focus: .list, row: 0, into: &canvas)
            XCTAssertEqual(canvas.text(ofRow: 0), expected)
            var wide = Canvas(width: 80, height: 1)
            StatusLineView.render(
                message: ReaderApp.notReloadedStatus(error), focus: .list, row: 0, into: &wide)
            XCTAssertTrue(wide.text(ofRow: 0).hasSuffix(reason), wide.text(ofRow: 0))
        }
    }
}
