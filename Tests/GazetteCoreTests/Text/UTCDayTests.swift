import Foundation
import XCTest

@testable import GazetteCore

final class UTCDayTests: XCTestCase {
    private func foundation(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
    }

    func testKnownDays() {
        XCTAssertEqual(UTCDay.string(Date(timeIntervalSince1970: 0)), "1970-01-01")
        XCTAssertEqual(UTCDay.string(Date(timeIntervalSince1970: -1)), "1969-12-31")
        XCTAssertEqual(UTCDay.string(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29")
        XCTAssertEqual(UTCDay.string(Date(timeIntervalSince1970: 1_796_169_599)), "2026-12-01")
    }

    func testDaysAgreeWithFoundationAcrossTheCalendar() {
        var dates: [Date] = []
        // Every day boundary ± 1 s over several centuries around leap years, and random instants.
        for day in stride(from: -80_000, through: 80_000, by: 97) {
            for offset in [-1.0, 0, 1, 43_200] {
                dates.append(Date(timeIntervalSince1970: Double(day) * 86_400 + offset))
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            dates.append(
                Date(
                    timeIntervalSince1970: Double.random(
                        in: -62_135_596_800...253_402_300_799, using: &generator)))
        }
        for date in dates {
            XCTAssertEqual(UTCDay.string(date), foundation(date), "\(date.timeIntervalSince1970)")
        }
    }

    func testOutOfRangeInstantsAreLeftToFoundation() {
        for seconds in [-1e13, 1e13, Double.greatestFiniteMagnitude] {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(UTCDay.string(date), foundation(date))
        }
    }
}
