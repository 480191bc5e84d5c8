import GazetteTUI
import XCTest

/// The status line's word on files skipped when opening: the count comes first, so that a line
/// cut at the screen's edge still tells how many.
final class SkippedMessageTests: XCTestCase {
    func testOneWarningIsShownAsItIs() {
        XCTAssertNil(ReaderApp.skippedMessage([]))
        XCTAssertEqual(
            ReaderApp.skippedMessage(["skipped: 'a.xml' holds no articles"]),
            "skipped: 'a.xml' holds no articles")
    }

    /// A name's controls are shown as escapes on the status line too: removed with the text of
    /// their sequences, the name was another's (found by QA).
    func testNamesShowTheirControlsAsEscapes() {
        XCTAssertEqual(
            ReaderApp.skippedMessage(["skipped: cannot open 'x\u{1B}[31my.txt': No such file or directory"]),
            "skipped: cannot open 'x\\e[31my.txt': No such file or directory")
        XCTAssertEqual(
            ReaderApp.goneMessage(before: ["/n/a", "/n/x\u{1B}[31my.txt"], after: ["/n/a"], skipped: []),
            "gone: x\\e[31my.txt")
    }

    func testSeveralAreCountedFirst() {
        let warnings = (1...10).map { "skipped: '/long/path/feed\($0).xml' holds no articles" }
        XCTAssertEqual(
            ReaderApp.skippedMessage(warnings),
            "10 files skipped; the first: 'feed1.xml' holds no articles",
            "skipped once, and the file's name without its folders (found by QA)")
        XCTAssertEqual(
            ReaderApp.skippedMessage(["skipped '/a/b': not a regular file", "skipped: x"]),
            "2 files skipped; the first: 'b': not a regular file")
        XCTAssertEqual(
            ReaderApp.skippedMessage(["skipped: cannot open '/n/x.txt': No such file or directory"]),
            "skipped: cannot open 'x.txt': No such file or directory")
    }
}
