import XCTest

@testable import GazetteCore

final class ByteSearchTests: XCTestCase {
    private func find(_ needle: String, in text: String, from start: Int = 0) -> Int? {
        ByteSearch.firstIndex(of: Array(needle.utf8), in: Array(text.utf8), from: start)
    }

    func testFindsTheFirstRunAtOrAfterTheStart() {
        XCTAssertEqual(find("?>", in: "<?xml ?><?x?>"), 6)
        XCTAssertEqual(find("?>", in: "<?xml ?><?x?>", from: 7), 11)
        XCTAssertEqual(find("ab", in: "xxab"), 2, "at the very end")
        XCTAssertEqual(find(" — ", in: "Photo — AFP"), 5, "multi-byte needles")
    }

    func testNothingFound() {
        XCTAssertNil(find("-->", in: "<!-- open"))
        XCTAssertNil(find("abc", in: "ab"))
        XCTAssertNil(find("ab", in: "xxab", from: 3))
        XCTAssertNil(find("ab", in: "ab", from: 9))
        XCTAssertNil(find("", in: "anything"), "an empty needle is not looked for")
    }

    /// A string's bytes in another's, as the search in arrays finds them: at either end, after a
    /// first byte that does not go on to a match, overlapping, with bytes beyond ASCII.
    func testAStringsBytesInAnothers() {
        let cases = [
            ("AFP - Getty", " - "), ("Getty -", " - "), ("a --  - b", " - "), ("Photo — AFP", " — "),
            ("Photo – AFP", " — "), ("AFP via Getty", " via "), ("AFP viaduct", " via "), ("", " - "),
            (" - ", " - "), ("ab", ""), ("x", "xy"), ("ééé", "éé"), ("aaab", "aab"),
        ]
        for (text, needle) in cases {
            XCTAssertEqual(
                ByteSearch.contains(needle, in: text), find(needle, in: text) != nil, "\(needle) in \(text)")
        }
    }
}
