import XCTest

@testable import GazetteTUI

/// What ncurses is given to draw one grapheme: its scalars, as many as a cell holds.
final class CellCharactersTests: XCTestCase {
    private var savedLocale: String?

    // ncurses measures with `wcwidth`, which knows marks only in a UTF-8 locale, as the reader sets.
    override func setUp() {
        savedLocale = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        XCTAssertNotNil(setlocale(LC_CTYPE, "C.UTF-8"))
    }

    override func tearDown() {
        _ = setlocale(LC_CTYPE, savedLocale ?? "C")
    }

    private func scalars(_ text: String) -> [UInt32] {
        CursesTerminal.cellCharacters(text).map { UInt32(bitPattern: $0) }
    }

    func testATibetanStackKeepsItsFourMarks() {
        // ཧྨྱཱུ: a letter, two subjoined letters and two vowel signs; its last vowel was dropped.
        let stack = "\u{0F67}\u{0FA8}\u{0FB1}\u{0F71}\u{0F74}"
        XCTAssertEqual(stack.count, 1)
        XCTAssertEqual(scalars(stack), [0x0F67, 0x0FA8, 0x0FB1, 0x0F71, 0x0F74])
    }

    func testAPointedHebrewLetterKeepsItsCantillationMark() {
        let letter = "\u{05E9}\u{05B8}\u{05BC}\u{05C1}\u{05A3}"
        XCTAssertEqual(letter.count, 1)
        XCTAssertEqual(scalars(letter), [0x05E9, 0x05B8, 0x05BC, 0x05C1, 0x05A3])
    }

    func testAClusterTooLongForACellIsComposedFirst() {
        // Decomposed, six scalars; composed, ệ and three marks: all of it fits.
        let decomposed = "e\u{0323}\u{0302}\u{0308}\u{0331}\u{0330}"
        let composed = Array(decomposed.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value))
        XCTAssertLessThanOrEqual(composed.count, 5)
        XCTAssertEqual(scalars(decomposed), composed)
    }

    func testMarksPastWhatACellHoldsAreDropped() {
        let piled = "a" + String(repeating: "\u{0301}\u{0316}", count: 4)
        // Composed and put in canonical order, á, four marks below, three above: four fit.
        XCTAssertEqual(scalars(piled), [0xE1, 0x0316, 0x0316, 0x0316, 0x0316])
    }

    func testAJoinerAndWhatFollowsAreLeftToTheNextCells() {
        XCTAssertEqual(scalars("\u{0DC1}\u{0DCA}\u{200D}"), [0x0DC1, 0x0DCA])
        XCTAssertEqual(scalars("e\u{0301}"), [0x65, 0x0301])
    }
}
