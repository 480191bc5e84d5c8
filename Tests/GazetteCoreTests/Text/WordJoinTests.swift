import XCTest

@testable import GazetteCore

/// Words put back together with one space: the byte-level path for ASCII must give what the
/// `Character.isWhitespace` split gives.
final class WordJoinTests: XCTestCase {
    private func characterSplit(_ text: String) -> String {
        WordJoin.collapsed(text) { $0.isWhitespace }
    }

    func testFixedCases() {
        let cases = [
            "", " ", "\t\n\r", "word", "  two   words  ", "a\r\nb", "a\u{0B}b\u{0C}c", "a\u{1C}b", "x\u{7F}y",
            "Smart “quotes” here", "no\u{A0}break", "ideo\u{3000}graphic", "e\u{301} \u{301}x", "tab\tend\t",
        ]
        for text in cases {
            XCTAssertEqual(
                WordJoin.collapsedAtWhitespace(text), characterSplit(text), "\(text.debugDescription)")
        }
        XCTAssertEqual(WordJoin.collapsedAtWhitespace("  Hello,\n\tworld  "), "Hello, world")
    }

    func testRandomASCIIAgreesWithTheCharacterSplit() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array(0x00...0x7F)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator)
                    ? [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].randomElement(using: &generator)!
                    : alphabet.randomElement(using: &generator)!
            }
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(WordJoin.collapsedAtWhitespace(text), characterSplit(text), "\(bytes)")
        }
    }
}
