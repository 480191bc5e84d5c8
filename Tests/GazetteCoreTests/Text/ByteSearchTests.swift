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
}
