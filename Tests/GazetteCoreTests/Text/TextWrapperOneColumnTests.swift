import TestSupport
import XCTest

@testable import GazetteCore

/// The byte-level wrapping of one-column text must give exactly the grapheme wrapper's lines.
final class TextWrapperOneColumnTests: XCTestCase {
    func testRandomOneColumnParagraphsWrapAsGraphemesDo() {
        let alphabet: [String] = [
            "a", "b", "Z", "0", ".", ",", "-", "é", "ß", "Ł", "ǅ", "ʼ", "’", "“", "”", "—", "–", "…", "•",
            "€", "‰", "Ж", "я", "Ѳ", "Ω", "ά", "\u{A0}", " ", " ", " ", "  ", "\t", "\n", "ễ", "Ạ", "ש",
            "א", "ق", "ة", "ل", "٣", "ԱՐ", "ა",
        ]
        var generator = SeededGenerator(seed: 20_261_202)
        for round in 0..<3000 {
            let length = Int.random(in: 0...60, using: &generator)
            var paragraph = ""
            for _ in 0..<length {
                // Long words now and then, to exercise the cut of a word wider than the line.
                if Int.random(in: 0..<20, using: &generator) == 0 {
                    paragraph += String(repeating: "x", count: Int.random(in: 5...40, using: &generator))
                } else {
                    paragraph += alphabet.randomElement(using: &generator)!
                }
            }
            let width = Int.random(in: 1...24, using: &generator)
            guard let fast = TextWrapper.wrapOneColumnText(paragraph, width: width) else {
                return XCTFail("round \(round): one-column text declined: \(paragraph.debugDescription)")
            }
            XCTAssertEqual(
                fast, TextWrapper.wrapGraphemes(paragraph, width: width),
                "round \(round), width \(width): \(paragraph.debugDescription)")
        }
    }

    func testRealProseWrapsAsGraphemesDo() {
        let prose =
            "   The minister’s “plan” — announced on Tuesday — drew criticism… Критики назвали его "
            + "«непродуманным». Ο υπουργός είπε ότι θα απαντήσει. Café owners in Łódź said: "
            + "“We’ll see.” Supercalifragilisticexpialidocious-is-a-very-long-word-indeed."
        for width in [1, 2, 5, 12, 40, 80, 200] {
            XCTAssertEqual(
                TextWrapper.wrapOneColumnText(prose, width: width),
                TextWrapper.wrapGraphemes(prose, width: width),
                "width \(width)")
        }
    }

    func testTextThatNeedsGraphemesIsDeclined() {
        for text in [
            "e\u{301}", "東京", "soft\u{AD}hyphen", "a\r\nb", "a\rb", "flag 🇮🇸", "ZW\u{200B}SP", "x\u{200D}y",
            "bell\u{7}", "Ж\u{483}", "emoji ‼\u{FE0F}", "𝔸", "ب\u{64E}", "\u{600}1", "ש\u{5BC}", "ตำ",
        ] {
            XCTAssertNil(TextWrapper.wrapOneColumnText(text, width: 10), text.debugDescription)
            // …and the public wrapper still lays it out grapheme by grapheme.
            XCTAssertEqual(TextWrapper.wrapLines(text, width: 10), TextWrapper.wrapGraphemes(text, width: 10))
        }
    }
}
