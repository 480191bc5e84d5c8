import GazetteCore
import XCTest

final class GroupedCountTests: XCTestCase {
    func testThousandsAreSeparatedByCommas() {
        let cases: [(Int, String)] = [
            (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (12_480, "12,480"), (50_000, "50,000"),
            (100_000, "100,000"), (1_234_567, "1,234,567"), (-1_234, "-1,234"), (-999, "-999"),
        ]
        for (number, text) in cases {
            XCTAssertEqual(GroupedCount.text(number), text)
        }
    }
}
