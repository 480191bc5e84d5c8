import XCTest

@testable import GazetteCore
@testable import gazette

/// What the reader tells on standard error, once it ends, of the files a folder's checking
/// skipped.
final class SkippedReportTests: XCTestCase {
    private func progress(checked: Int, of total: Int) -> BackgroundIndexer.Progress {
        var progress = BackgroundIndexer.Progress(bytesDone: 0, bytesTotal: 0, finished: false)
        progress.filesChecked = checked
        progress.filesToCheck = total
        return progress
    }

    /// A quit before every file was checked says how far checking got: the files after it that
    /// are not news go unnamed. It said nothing, where a folder checked at once named them.
    func testAQuitBeforeEveryFileWasCheckedSaysSo() {
        XCTAssertEqual(
            Open.skippedReport(
                ["gazette: skipped: a"], thenChecked: [], progress: progress(checked: 741, of: 60_003)),
            [
                "quit after checking 741 of 60,003 files: files among the rest that are not news are not named "
                    + "(gazette list names them all)"
            ])
    }

    /// Checking that ended names the files it skipped after those told when opening, up to 20
    /// in all, then how many more; it says nothing of a quit.
    func testCheckingThatEndedNamesItsSkippedFilesUpToTwenty() {
        let later = (1...25).map { "skipped: f\($0)" }
        let report = Open.skippedReport(
            ["skipped: a", "skipped: b"], thenChecked: later, progress: progress(checked: 90, of: 90))
        XCTAssertEqual(report.count, 19)
        XCTAssertEqual(report.first, "skipped: f1")
        XCTAssertEqual(report.last, "skipped 7 more files (gazette list names them all)")
        XCTAssertEqual(Open.skippedReport([], thenChecked: [], progress: progress(checked: 3, of: 3)), [])
    }
}
