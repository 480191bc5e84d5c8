import Foundation
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
}
