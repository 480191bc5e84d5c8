import XCTest

@testable import GazetteTUI

/// How a movement key held with Shift, Alt or Ctrl is named from ncurses' name for its code.
final class ModifiedKeyNameTests: XCTestCase {
    func testXtermModifierNumbersNameTheirKeys() {
        XCTAssertEqual(CursesTerminal.modifiedKeyName("kDN5"), "Ctrl-↓")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("kUP2"), "Shift-↑")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("kLFT3"), "Alt-←")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("kRIT6"), "Ctrl-Shift-→")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("kHOM7"), "Ctrl-Alt-Home")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("kNXT8"), "Ctrl-Alt-Shift-PgDn")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("kDC4"), "Alt-Shift-Delete")
    }

    func testShiftedKeysOfTheTerminalEntryAreNamed() {
        XCTAssertEqual(CursesTerminal.modifiedKeyName("KEY_SF"), "Shift-↓")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("KEY_SR"), "Shift-↑")
        XCTAssertEqual(CursesTerminal.modifiedKeyName("KEY_SPREVIOUS"), "Shift-PgUp")
    }

    /// Sequences a terminal entry does not name (TERM=screen, vt220, linux) are named by their
    /// parameters: they were dropped without a word (found by QA).
    func testSequencesWithModifiersAreNamedByTheirParameters() {
        XCTAssertEqual(CursesTerminal.modifiedKeyName(csi: "1;5", final: "B"), "Ctrl-↓")
        XCTAssertEqual(CursesTerminal.modifiedKeyName(csi: "1;2", final: "A"), "Shift-↑")
        XCTAssertEqual(CursesTerminal.modifiedKeyName(csi: "1;8", final: "F"), "Ctrl-Alt-Shift-End")
        XCTAssertEqual(CursesTerminal.modifiedKeyName(csi: "5;3", final: "~"), "Alt-PgUp")
        XCTAssertEqual(CursesTerminal.modifiedKeyName(csi: "3;5", final: "~"), "Ctrl-Delete")
        XCTAssertNil(CursesTerminal.modifiedKeyName(csi: "1;5", final: "Z"))
        XCTAssertNil(CursesTerminal.modifiedKeyName(csi: "1;9", final: "B"))
        XCTAssertNil(CursesTerminal.modifiedKeyName(csi: "2;5", final: "B"))
        XCTAssertNil(CursesTerminal.modifiedKeyName(csi: "99", final: "~"))
        XCTAssertNil(CursesTerminal.modifiedKeyName(csi: "<0;10;5", final: "M"))
    }

    func testOtherNamesAreNotKeysOfThisKind() {
        XCTAssertNil(CursesTerminal.modifiedKeyName(nil))
        XCTAssertNil(CursesTerminal.modifiedKeyName("kDN"))
        XCTAssertNil(CursesTerminal.modifiedKeyName("kDN9"))
        XCTAssertNil(CursesTerminal.modifiedKeyName("kDN1"))
        XCTAssertNil(CursesTerminal.modifiedKeyName("kxIN"))
        XCTAssertNil(CursesTerminal.modifiedKeyName("KEY_F(13)"))
    }
}
