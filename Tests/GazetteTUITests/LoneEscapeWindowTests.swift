import XCTest

@testable import GazetteTUI

/// When a `[` or `O` after a lone Esc is the rest of its sequence (a key split by a slow link).
final class LoneEscapeWindowTests: XCTestCase {
    private let start = ContinuousClock.now
    private let bracket = UInt32(UInt8(ascii: "["))
    private let letterO = UInt32(UInt8(ascii: "O"))

    private func after(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    func testABracketOrOSoonAfterALoneEscContinuesIt() {
        var window = LoneEscapeWindow()
        window.escapeCameAlone(at: start)
        XCTAssertTrue(window.continuesSequence(bracket, at: after(60)))
        window.escapeCameAlone(at: start)
        XCTAssertTrue(window.continuesSequence(letterO, at: after(499)))
    }

    func testLaterItIsAKeyOfItsOwn() {
        var window = LoneEscapeWindow()
        window.escapeCameAlone(at: start)
        XCTAssertFalse(window.continuesSequence(bracket, at: after(500)))
        XCTAssertFalse(window.continuesSequence(bracket, at: after(501)))
    }

    /// Only the character right after the Esc: after another one, or a second `[`, it is gone.
    func testOnlyTheNextCharacterCounts() {
        var window = LoneEscapeWindow()
        XCTAssertFalse(window.continuesSequence(bracket, at: start), "no Esc came")
        window.escapeCameAlone(at: start)
        XCTAssertFalse(window.continuesSequence(UInt32(UInt8(ascii: "j")), at: after(10)))
        XCTAssertFalse(window.continuesSequence(bracket, at: after(20)))
        window.escapeCameAlone(at: start)
        XCTAssertTrue(window.continuesSequence(bracket, at: after(10)))
        XCTAssertFalse(window.continuesSequence(bracket, at: after(20)), "the Esc is used")
    }
}
