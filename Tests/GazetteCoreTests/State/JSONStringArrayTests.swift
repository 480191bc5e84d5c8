import Foundation
import XCTest

@testable import GazetteCore

/// The stored neighbours of a selection read by hand: the same strings JSON's own reading
/// gives, and nothing where that reading is left to decide.
final class JSONStringArrayTests: XCTestCase {
    func testWhatJSONSerializationWritesIsReadBackTheSame() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}",
            "\u{7F}",
            "é", "e\u{301}", "ß", "ق", "中", "😀", "👩‍👩‍👧", "\u{2028}", "\u{FEFF}", "\u{0}", "sha:", "#",
            "https://e.com/a?b=c&d",
        ]
        for round in 0..<2_000 {
            let strings = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator)!
                }
                .joined()
            }
            let text = String(decoding: try JSONSerialization.data(withJSONObject: strings), as: UTF8.self)
            XCTAssertEqual(JSONStringArray.strings(in: text), strings, "round \(round): \(text)")
        }
    }

    func testEscapesWhiteSpaceAndSurrogatePairs() {
        XCTAssertEqual(JSONStringArray.strings(in: " [ \"a\\/b\" ,\n\"\\u00e9\\u00C9\" ] "), ["a/b", "éÉ"])
        XCTAssertEqual(
            JSONStringArray.strings(in: "[\"\\ud83d\\ude00\", \"\\b\\f\\n\\r\\t\\\"\\\\\"]"),
            ["😀", "\u{08}\u{0C}\n\r\t\"\\"])
        XCTAssertEqual(JSONStringArray.strings(in: "[]"), [])
    }

    func testAnythingElseIsLeftToJSON() {
        for text in [
            "", "[", "]", "[\"a\"", "[\"a\",]", "[,\"a\"]", "[1]", "[\"a\", 2]", "[[\"a\"]]",
            "{\"a\": \"b\"}",
            "\"a\"", "[\"a\"] x", "[\"a\nb\"]", "[\"\\x41\"]", "[\"\\u12\"]", "[\"\\u00G1\"]",
            "[\"\\ud83d\"]",
            "[\"\\ude00\"]", "[\"\\ud83d\\u0041\"]", "[\"a\" \"b\"]", "[null]",
        ] {
            XCTAssertNil(JSONStringArray.strings(in: text), text.debugDescription)
        }
    }

    func testARememberedSelectionReadsItsStoredNeighbours() {
        let stored = RememberedSelection(
            id: ArticleID("https://e.com/a\"b"), neighbours: [ArticleID("sha:12"), ArticleID("é/中")],
            selectedAt: Date(timeIntervalSince1970: 1_700_000_000.25))
        XCTAssertEqual(RememberedSelection.selection(of: stored.id, in: stored.storedNeighbours), stored)
    }
}
