import Foundation
import XCTest

@testable import GazetteCore

/// Old date forms feeds still write: RFC 850 (`Sunday, 01-Dec-24 10:00:00 GMT`) and C's
/// asctime (`Sun Dec  1 10:00:00 2024`), as HTTP dates know them
/// (https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7).
final class FeedDateTests: XCTestCase {
    private func utc(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    /// An RFC 850 date gave none (found by QA).
    func testRFC850AndAsctimeDatesAreRead() {
        let expected = utc("2024-12-01T10:00:00Z")
        for text in [
            "Sunday, 01-Dec-24 10:00:00 GMT", "Sun, 01-Dec-2024 10:00:00 GMT", "01-Dec-2024 10:00:00 +0000",
            "Sunday, 01-Dec-24 11:00:00 +0100", "Sun Dec  1 10:00:00 2024", "Sun Dec 01 10:00:00 2024",
            "Sun Dec 1 10:00:00 GMT 2024",
        ] {
            XCTAssertEqual(FeedDate.parse(text), expected, text)
        }
        XCTAssertEqual(FeedDate.parseWithOffset("Sunday, 01-Dec-24 11:00:00 +0100")?.offset, 3600)
    }

    /// A year of two digits is of 1970–2069: 70–99 are 19xx, the others 20xx.
    func testTwoDigitYears() {
        XCTAssertEqual(FeedDate.parse("Tuesday, 01-Jan-70 00:00:00 GMT"), utc("1970-01-01T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Friday, 31-Dec-99 00:00:00 GMT"), utc("1999-12-31T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Monday, 01-Jan-69 00:00:00 GMT"), utc("2069-01-01T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Thu, 31 Oct 24 18:00:00 +0000"), utc("2024-10-31T18:00:00Z"))
    }

    /// What is none of the forms still gives no date.
    func testNonDatesGiveNone() {
        for text in [
            "01-Foo-24 10:00:00 GMT", "Sun Dec 10:00:00 2024", "Sun Dec 1 10:00:00", "1-2-3", "Dec-2024",
        ] {
            XCTAssertNil(FeedDate.parse(text), text)
        }
    }
}
