import Foundation
import GazetteCore
import XCTest

@testable import gazette

/// Errors on standard error are broken between words to the terminal's width: the terminal
/// broke them mid-word ("m|ove it aside", "(sch|ema 99)"; found by QA).
final class StandardErrorWrappingTests: XCTestCase {
    func testALongErrorBreaksBetweenWordsOnATerminal() {
        let line =
            "gazette: state file '/tmp/qaF/d/st.sqlite' is not a Gazette state database; move it aside "
            + "or pass --state with another path"
        let wrapped = StandardError.wrapped(line, columns: 40)
        XCTAssertEqual(
            wrapped.split(separator: "\n"),
            [
                "gazette: state file", "'/tmp/qaF/d/st.sqlite' is not a Gazette",
                "state database; move it aside or pass", "--state with another path",
            ])
        XCTAssertEqual(wrapped.replacingOccurrences(of: "\n", with: " "), line, "only spaces become breaks")
        for row in wrapped.split(separator: "\n") { XCTAssertLessThanOrEqual(row.count, 40) }
        XCTAssertEqual(StandardError.wrapped(line, columns: nil), line, "into a pipe or a file: one line")
        XCTAssertEqual(StandardError.wrapped("gazette: short", columns: 40), "gazette: short")
        XCTAssertEqual(
            StandardError.wrapped("gazette: averyveryverylongword end", columns: 12),
            "gazette:\naveryveryverylongword\nend", "a word longer than the line stays whole")
    }

    /// `list` on a state file of a newer Gazette says why and what to do before the file's
    /// long path, at 50 columns and at 40: the path came first, and the advice last.
    func testANewerGazettesFileIsToldBeforeItsPath() {
        let path = "/home/reader/.local/state/gazette/state.sqlite"
        let line = "gazette: " + StateStoreError.newerSchema(path: path, version: "2").message
        XCTAssertEqual(
            StandardError.wrapped(line, columns: 50).split(separator: "\n"),
            [
                "gazette: state file from a newer Gazette (schema",
                "2): upgrade Gazette or pass --state with another",
                "path", "('/home/reader/.local/state/gazette/state.sqlite')",
            ])
        XCTAssertEqual(
            StandardError.wrapped(line, columns: 40).split(separator: "\n"),
            [
                "gazette: state file from a newer Gazette", "(schema 2): upgrade Gazette or pass",
                "--state with another path",
                "('/home/reader/.local/state/gazette/state.sqlite')",
            ])
    }
}
