import GazetteCore
import XCTest

final class InvisibleCharactersTests: XCTestCase {
    /// Zero-width spaces, word joiners and byte-order marks go; every other character stays,
    /// joiners of emoji and Persian words among them.
    func testOnlyTheCharactersOfNoWidthThatMeanNothingGo() {
        XCTAssertEqual(InvisibleCharacters.removed(from: "Column: \u{FEFF}Wat een"), "Column: Wat een")
        XCTAssertEqual(InvisibleCharacters.removed(from: "\u{FEFF}a\u{200B}b\u{2060}c\u{FEFF}"), "abc")
        let kept = "👩\u{200D}💻 می\u{200C}خواهم \u{200F}x\u{1B}é"
        XCTAssertEqual(InvisibleCharacters.removed(from: kept), kept)
        XCTAssertEqual(InvisibleCharacters.removed(from: ""), "")
        XCTAssertEqual(InvisibleCharacters.removed(from: "\u{FEFF}\u{FEFF}"), "")
        // The terminal is never given them either.
        XCTAssertEqual(TerminalSanitizer.line("a\u{FEFF}b\u{200B}c\u{2060}d"), "abcd")
    }
}
