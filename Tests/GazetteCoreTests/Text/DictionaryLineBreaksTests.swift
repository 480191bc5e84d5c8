import XCTest

@testable import GazetteCore

/// Thai, Lao, Khmer and Myanmar break opportunities, asked of ICU a run at a time.
final class DictionaryLineBreaksTests: XCTestCase {
    private let thai = "รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจในปีหน้าและประชาชนจำนวนมากให้ความสนใจอย่างยิ่ง"

    /// A run longer than a piece gives the breaks ICU finds in the whole run: each piece
    /// ends at a break, so no word is cut at a piece's end.
    func testARunLongerThanAPieceBreaksAsAWholeRunDoes() {
        let run = String(repeating: thai, count: 40)
        let units = Array(run.utf16)
        XCTAssertGreaterThan(units.count, 3 * DictionaryLineBreaks.pieceLength)
        let pieces = DictionaryLineBreaks.offsets(in: run)
        let whole = DictionaryLineBreaks.icuBreaks(units[...])
        XCTAssertEqual(
            Set(pieces).symmetricDifference(whole).sorted(), [], "\(pieces.count) / \(whole.count)")
    }

    /// Only the runs of those scripts go to ICU: a long paragraph of other text with one Thai
    /// word, and a very long Thai paragraph, are laid out (both crashed, after gigabytes).
    func testLongParagraphsAreLaidOut() {
        let mixed = String(repeating: "word ", count: 14_000) + "ไทย"
        let offsets = DictionaryLineBreaks.offsets(in: mixed)
        XCTAssertEqual(offsets, [mixed.utf16.count], "the one Thai word's end")
        let lines = TextWrapper.wrap(String(repeating: "ประเทศไทย", count: 8_000), width: 80)
        XCTAssertEqual(lines.joined(), String(repeating: "ประเทศไทย", count: 8_000))
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }
}
