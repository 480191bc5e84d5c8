import XCTest

@testable import GazetteCore

/// White space told without the property table below U+1680 is what the table says.
final class WhiteSpaceTests: XCTestCase {
    func testEveryScalarIsWhiteSpaceAsThePropertySays() {
        var count = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(
                WhiteSpace.contains(scalar), scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            if WhiteSpace.contains(scalar) { count += 1 }
        }
        XCTAssertEqual(count, 25)
    }

    /// A scalar shows on its own as the property table says, for every scalar.
    func testShowingOnItsOwnTakesWhiteSpaceAsThePropertySays() {
        for value in UInt32(0x7F)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let shows =
                !TerminalSanitizer.isControl(scalar) && !scalar.properties.isWhitespace
                && DisplayWidth.scalarWidth(scalar) > 0
            XCTAssertEqual(TerminalSanitizer.showsOnItsOwn(scalar), shows, "U+\(String(value, radix: 16))")
        }
    }
}
