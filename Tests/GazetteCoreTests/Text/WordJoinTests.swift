import TestSupport
import XCTest

@testable import GazetteCore

/// Words put back together with one space: the scalar-by-scalar path on the bytes must give
/// what the `Character.isWhitespace` split gives.
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

    /// Every scalar beside white space, ASCII's and beyond, and between words: joined to it
    /// (a prepended mark before it, a combining mark after it) or not, as the characters say.
    func testEveryScalarBesideWhiteSpaceAgreesWithTheCharacterSplit() {
        let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init)
        var start = 0
        while start < scalars.count {
            let end = min(scalars.count, start + 512)
            var text = String.UnicodeScalarView()
            for scalar in scalars[start..<end] {
                for neighbour: Unicode.Scalar in [
                    "x", scalar, " ", scalar, "\u{3000}", scalar, "y", "\r", scalar, "\n",
                ] {
                    text.append(neighbour)
                }
            }
            let joined = String(text)
            XCTAssertEqual(
                WordJoin.collapsedAtWhitespace(joined), characterSplit(joined),
                "U+\(String(start, radix: 16))")
            start = end
        }
    }

    /// Where a scalar and the one before it are told a character's start without Unicode's
    /// breaks (a white space scalar after one below U+0600, one below U+0300 after white
    /// space), that is what the breaks say.
    func testTheStartsOfCharactersToldWithoutTheBreaksAreTheirs() {
        let spaces = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)
        XCTAssertEqual(spaces.count, 25)
        func breaks(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
            var pair = String.UnicodeScalarView()
            pair.append(previous)
            pair.append(scalar)
            return String(pair).count == 2
        }
        for space in spaces {
            for value in UInt32(0)..<0x600 {
                guard let previous = Unicode.Scalar(value) else { continue }
                XCTAssertEqual(
                    WordJoin.startsCharacter(space, after: previous), breaks(previous, space),
                    "\(value) \(space.value)")
            }
            for value in UInt32(0)..<0x300 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                XCTAssertEqual(
                    WordJoin.startsCharacter(scalar, after: space), breaks(space, scalar),
                    "\(space.value) \(value)")
            }
        }
        // A prepended mark before white space, a combining mark after it.
        XCTAssertEqual(
            WordJoin.collapsedAtWhitespace("a\u{600} b  \u{301}c \u{3000}\u{302A}d"), "a\u{600} b c d")
    }

    /// A text split on its bytes at spaces, tabs and line breaks (an `alt` text's words) gives
    /// what the split by characters gives, over random texts, and real feeds' texts.
    func testTextSpaceSplitOnBytesAgreesWithTheCharacterSplit() {
        var generator = SeededGenerator(seed: 54)
        let pieces = [
            "a", "Word", " ", "  ", "\t", "\n", "\r", "\r\n", "\n\r", "\u{0B}", "\u{0C}", "\u{01}", "x\u{7F}",
            ".,",
            // Beyond ASCII: marks that extend a space before them, a prepended mark that a space
            // after it goes with, a joiner, a no-break space, letters.
            "é", "\u{301}", "\u{903}", "\u{600}", "\u{200D}", "\u{A0}", "Zoë", "東京", "🇮🇸", "👍🏽",
        ]
        var texts = ["", " ", "\r\n", "a\r\nb", "  two   words  ", "é \u{301}x"]
        for _ in 0..<5_000 {
            texts.append(
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                }.joined())
        }
        for file in Fixtures.feedFiles() {
            let bytes = Fixtures.bytes(Fixtures.feeds.appendingPathComponent(file))
            texts += String(decoding: bytes, as: UTF8.self).split(separator: "<").prefix(400).map(String.init)
        }
        var other = 0
        for text in texts {
            if !text.utf8.allSatisfy({ $0 < 0x80 }) { other += 1 }
            XCTAssertEqual(
                WordJoin.collapsedAtTextSpace(text), WordJoin.collapsedAtTextSpace(text, byCharacters: true),
                "\(text.debugDescription)")
        }
        XCTAssertGreaterThan(other, 2_000)
        XCTAssertEqual(WordJoin.collapsedAtTextSpace(" Delegates\r\n arrive\t "), "Delegates arrive")
    }
}
