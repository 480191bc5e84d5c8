import GazetteCore
import XCTest

@testable import GazetteTUI

/// The numeric keypad's application-mode sequences (`ESC O` and a letter) read as their keys.
final class KeypadKeysTests: XCTestCase {
    /// Every final letter of VT100's keypad and the key it is.
    private let expected: [(final: Character, key: Key)] = [
        ("p", .char("0")), ("q", .char("1")), ("r", .char("2")), ("s", .char("3")), ("t", .char("4")),
        ("u", .char("5")), ("v", .char("6")), ("w", .char("7")), ("x", .char("8")), ("y", .char("9")),
        ("M", .enter), ("j", .char("*")), ("k", .char("+")), ("l", .char(",")), ("m", .char("-")),
        ("n", .char(".")), ("o", .char("/")), ("X", .char("=")),
    ]

    func testEachKeypadSequenceIsItsKey() {
        for (final, key) in expected {
            XCTAssertEqual(KeypadKeys.key(final: final.unicodeScalars.first!.value), key, "ESC O \(final)")
        }
    }

    func testTheCodesNcursesIsTaughtReadBackAsTheSameKeys() {
        XCTAssertEqual(KeypadKeys.sequences.count, expected.count)
        for (final, key) in expected {
            let sequence = "\u{1B}O\(final)"
            let code = KeypadKeys.sequences.first { $0.sequence == sequence }?.code
            XCTAssertNotNil(code, sequence.debugDescription)
            XCTAssertEqual(code.flatMap(KeypadKeys.key(code:)), key, "ESC O \(final)")
        }
        XCTAssertEqual(Set(KeypadKeys.sequences.map(\.code)).count, expected.count, "one code each")
    }

    /// The cursor keys' and function keys' SS3 finals, and codes of ncurses' own keys, are not
    /// the keypad's.
    func testOtherSequencesAndCodesAreNotKeypadKeys() {
        for final in "ABCDHFPQRSaz" {
            XCTAssertNil(KeypadKeys.key(final: final.unicodeScalars.first!.value), "ESC O \(final)")
        }
        XCTAssertNil(KeypadKeys.key(final: 0x1_0070))
        // KEY_UP, KEY_ENTER, KEY_F(5), KEY_MAX and the first code past it, one past the keypad's.
        for code: Int32 in [0o403, 0o527, 0o410 + 5, 0o777, 0o1000, 0x3000 + 0x80] {
            XCTAssertNil(KeypadKeys.key(code: code), "code \(code)")
        }
    }
}
