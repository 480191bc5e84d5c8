import XCTest

@testable import GazetteCore

/// A feed's texts are trimmed of Unicode's white space, as `WhiteSpace` tells it.
final class FeedItemWhitespaceTests: XCTestCase {
    func testWhiteSpaceIsUnicodesWhiteSpace() {
        for value in UInt32(0)...0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if WhiteSpace.contains(scalar) != scalar.properties.isWhitespace {
                XCTFail("U+\(String(value, radix: 16))")
                return
            }
        }
    }

    func testTextsAreTrimmedOfWhiteSpaceInAndOutsideASCII() {
        XCTAssertEqual(FeedItemDraft.trimmed(" \t\n\r\u{0B}\u{0C}Title\u{0C} \n"), "Title")
        XCTAssertEqual(FeedItemDraft.trimmed("\u{A0}\u{3000}\u{85}Title\u{2028}\u{202F}"), "Title")
        // Controls that are no white space stay (the terminal's sanitizer deals with them).
        XCTAssertEqual(FeedItemDraft.trimmed("\u{1C}Title\u{1F}"), "\u{1C}Title\u{1F}")
        XCTAssertEqual(FeedItemDraft.trimmed("\u{200B}Title"), "\u{200B}Title")
        XCTAssertEqual(FeedItemDraft.trimmed(" \u{A0} "), "")
        XCTAssertEqual(FeedItemDraft.withFirstIndent(of: "\u{A0}  \tcode", "code"), "  \tcode")
    }
}
