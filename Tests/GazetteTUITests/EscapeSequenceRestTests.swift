import GazetteCore
import XCTest

@testable import GazetteTUI

/// The rest of an escape sequence after `ESC [` or `ESC O`, as both readers of keys read it:
/// right behind its Esc, and late after a lone Esc (a slow link).
final class EscapeSequenceRestTests: XCTestCase {
    /// Reads `text` as the rest of a sequence; nil after its end (nothing more came in time).
    /// Also gives how many characters were taken.
    private func rest(_ text: String, isCSI: Bool = true) -> (EscapeSequenceRest, taken: Int) {
        var characters = text.unicodeScalars.map(\.value)[...]
        let rest = EscapeSequenceRest(isCSI: isCSI) { characters.popFirst() }
        return (rest, text.unicodeScalars.count - characters.count)
    }

    func testMovementKeysAreNamed() {
        let keys: [(String, Bool, Key)] = [
            ("A", true, .up), ("B", true, .down), ("C", false, .right), ("D", false, .left),
            ("H", true, .home), ("1~", true, .home), ("7~", true, .home), ("H", false, .home),
            ("F", true, .end), ("4~", true, .end), ("8~", true, .end), ("5~", true, .pageUp),
            ("6~", true, .pageDown),
        ]
        for (text, isCSI, key) in keys {
            XCTAssertEqual(rest(text, isCSI: isCSI).0.movementKey, key, text)
        }
    }

    /// The final character ends the reading: what comes after it is left for the next key.
    func testTheFinalCharacterEndsIt() {
        let (csi, taken) = rest("1;5Bjj")
        XCTAssertEqual(csi.parameterText, "1;5")
        XCTAssertEqual(csi.final, UInt32(UInt8(ascii: "B")))
        XCTAssertEqual(taken, 4)
        XCTAssertNil(csi.movementKey, "a key with a modifier is no plain movement key")
        let (ss3, ss3Taken) = rest("xA", isCSI: false)
        XCTAssertEqual(ss3.final, UInt32(UInt8(ascii: "x")), "SS3 takes one character")
        XCTAssertEqual(ss3Taken, 1)
        XCTAssertNil(ss3.movementKey)
    }

    /// A `[` right after the CSI's own is the Linux console's function keys (`ESC [ [ A`):
    /// the sequence goes on to its final character.
    func testTheLinuxConsolesFunctionKeysAreReadWhole() {
        let (linux, taken) = rest("[Aj")
        XCTAssertEqual(linux.parameterText, "[")
        XCTAssertEqual(linux.final, UInt32(UInt8(ascii: "A")))
        XCTAssertEqual(taken, 2)
        XCTAssertNil(linux.movementKey)
        XCTAssertEqual(rest("2[").0.final, UInt32(UInt8(ascii: "[")), "a `[` later is a final")
    }

    /// A paste's start marker (`ESC [ 2 0 0 ~`) is told, whichever reader read it; its end
    /// marker or a longer number is not.
    func testAPastesStartMarkerIsTold() {
        XCTAssertTrue(rest("200~Quick").0.isPasteStart)
        XCTAssertNil(rest("200~").0.movementKey)
        for text in ["201~", "200", "2000~", "200A", "20~", "1;200~"] {
            XCTAssertFalse(rest(text).0.isPasteStart, text)
        }
        XCTAssertFalse(rest("200~", isCSI: false).0.isPasteStart, "SS3 takes one character")
    }

    /// Nothing more in time, or too many characters: no final, no key.
    func testASequenceCutShortHasNoFinal() {
        let (cut, _) = rest("99")
        XCTAssertNil(cut.final)
        XCTAssertEqual(cut.parameterText, "99")
        XCTAssertNil(cut.movementKey)
        XCTAssertNil(rest("", isCSI: false).0.final)
        let (long, taken) = rest(String(repeating: "1", count: 100) + "A")
        XCTAssertNil(long.final)
        XCTAssertEqual(taken, EscapeSequenceRest.longest)
        XCTAssertNil(rest("\u{100}5~").0.movementKey, "a wide character is no parameter of a key")
    }
}
