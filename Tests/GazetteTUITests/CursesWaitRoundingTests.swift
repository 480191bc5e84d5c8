import XCTest

@testable import GazetteTUI

/// The key wait's slices are whole milliseconds rounded up: the last fraction of one before a
/// deadline was a wait of 0, and the loop polled without waiting until the deadline passed
/// (some 60 polls in a millisecond; found by QA with strace).
final class CursesWaitRoundingTests: XCTestCase {
    func testAFractionOfAMillisecondIsAWholeOne() {
        XCTAssertEqual(CursesTerminal.milliseconds(.microseconds(300)), 1)
        XCTAssertEqual(CursesTerminal.milliseconds(.nanoseconds(1)), 1)
        XCTAssertEqual(CursesTerminal.milliseconds(.microseconds(59_001)), 60)
    }

    func testWholeMillisecondsAndThePastStayAsTheyAre() {
        XCTAssertEqual(CursesTerminal.milliseconds(.zero), 0)
        XCTAssertEqual(CursesTerminal.milliseconds(.milliseconds(59)), 59)
        XCTAssertEqual(CursesTerminal.milliseconds(.seconds(2)), 2000)
        XCTAssertLessThanOrEqual(CursesTerminal.milliseconds(.microseconds(-300)), 0)
        XCTAssertLessThanOrEqual(CursesTerminal.milliseconds(.milliseconds(-5)), 0)
    }
}
