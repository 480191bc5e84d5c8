import TestSupport
import XCTest

@testable import GazetteCore

/// Two dump lines that show the same text are the same line: what shows nothing aside, any run
/// of blanks matching any other, blanks at the end shown as nothing.
final class DumpUnseenDifferencesTests: XCTestCase {
    private func showSame(_ lhs: String, _ rhs: String) -> Bool {
        let bytes = Array((lhs + rhs).utf8)
        let split = lhs.utf8.count
        return bytes.withUnsafeBytes {
            DumpUnseenDifferences.showSame(
                LineSpan(start: 0, end: split), LineSpan(start: split, end: bytes.count), in: $0)
        }
    }

    func testLinesThatShowTheSame() {
        XCTAssertTrue(showSame("Storm floods the harbour", "Storm floods the harbour"))
        XCTAssertTrue(showSame("Storm floods the harbour", "Storm  floods\tthe\u{A0}harbour"))
        XCTAssertTrue(showSame("Storm floods the harbour", "Storm\u{200B} floods the harbour"))
        XCTAssertTrue(showSame("Storm floods the harbour", "\u{1B}[1mStorm floods the harbour\u{1B}[0m"))
        XCTAssertTrue(showSame("Storm floods the harbour", "Storm floods the harbour \u{3000}"))
        XCTAssertTrue(showSame("Storm floods\u{2060}the harbour", "Storm floodsthe harbour"))
        XCTAssertTrue(showSame("", "\u{FEFF}"))
    }

    func testLinesThatShowOtherwise() {
        XCTAssertFalse(showSame("Storm floods the harbour", "Storm floods the harbours"))
        XCTAssertFalse(showSame("Storm floods the harbour.", "Storm floods the harbour"))
        XCTAssertFalse(showSame("Storm floods the harbour", "Storm flood the harbour"))
        XCTAssertFalse(showSame("Storm floods the harbour", "Stormfloods the harbour"))
        XCTAssertFalse(showSame("Storm floods the harbour", "storm floods the harbour"))
        XCTAssertFalse(showSame("Café opens", "Cafe opens"))
        XCTAssertFalse(showSame("A", ""))
    }

    /// Lines made of plain letters, blanks of every kind and what shows nothing, each against a
    /// copy with its blanks and unseen characters changed and, every other time, one letter:
    /// the same as comparing the text shown (unseen characters out, every run of blanks one
    /// space, none at the end).
    func testAgreesWithTheTextShown() {
        let letters = ["a", "b", "é", "ж", "1", ".", "\u{1F600}"]
        let blanks = [" ", "  ", "\t", "\u{A0}", "\u{2009}", "\u{3000}"]
        let unseen = ["\u{200B}", "\u{2060}", "\u{FEFF}", "\u{200E}", "\u{1B}[31m", "\u{07}", ""]
        var generator = SeededGenerator(seed: 20_261_207)
        /// A blank, what shows nothing, or the letter given, as written and as shown.
        func token(_ kind: Int, _ letter: String) -> (written: String, shown: String) {
            switch kind {
            case 0: return (blanks.randomElement(using: &generator)!, " ")
            case 1: return (unseen.randomElement(using: &generator)!, "")
            default: return (letter, letter)
            }
        }
        func shown(_ tokens: [String]) -> String {
            var text = ""
            for token in tokens where !(token == " " && (text.isEmpty ? false : text.last == " ")) {
                text += token
            }
            while text.last == " " { text.removeLast() }
            return text
        }
        var agreed = 0
        for round in 0..<4_000 {
            let kinds = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                (Int.random(in: 0...4, using: &generator), letters.randomElement(using: &generator)!)
            }
            let first = kinds.map { token($0.0, $0.1) }
            var second = kinds.map { token($0.0, $0.1) }
            if round.isMultiple(of: 2), !second.isEmpty {
                second[Int.random(in: 0..<second.count, using: &generator)] = token(
                    2, letters.randomElement(using: &generator)!)
            }
            let lhs = first.map(\.written).joined()
            let rhs = second.map(\.written).joined()
            let expected = shown(first.map(\.shown)) == shown(second.map(\.shown))
            XCTAssertEqual(
                showSame(lhs, rhs), expected, "\(lhs.debugDescription) vs \(rhs.debugDescription)")
            if expected { agreed += 1 }
        }
        XCTAssertGreaterThan(agreed, 1_000)
    }
}
