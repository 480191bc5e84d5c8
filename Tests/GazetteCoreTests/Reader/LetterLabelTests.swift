import XCTest

@testable import GazetteCore

final class LetterLabelTests: XCTestCase {
    func testLabelsAreOneLetterOrARomanNumeralInLowerCase() {
        XCTAssertEqual(LetterLabel.label(of: "e. coli"), "e")
        XCTAssertEqual(LetterLabel.label(of: "> >  iv. four"), "iv")
        for none in ["vs. the rest", "E. coli", "e.coli", "mid. range", "é. x", "1. one"] {
            XCTAssertNil(LetterLabel.label(of: none), none)
        }
    }

    func testOneLetterCountsOnWithTheLabelBeforeOrAfterIt() {
        XCTAssertTrue(LetterLabel.countsOn("a", among: []), "a list's first letter")
        XCTAssertTrue(LetterLabel.countsOn("i", among: []), "a list's first numeral")
        XCTAssertFalse(LetterLabel.countsOn("e", among: []))
        XCTAssertFalse(LetterLabel.countsOn("e", among: ["b", "g"]))
        XCTAssertTrue(LetterLabel.countsOn("e", among: ["d"]))
        XCTAssertTrue(LetterLabel.countsOn("e", among: ["f"]))
        XCTAssertTrue(LetterLabel.countsOn("v", among: ["iv"]))
        XCTAssertTrue(LetterLabel.countsOn("x", among: ["xi"]))
        XCTAssertFalse(LetterLabel.countsOn("z", among: ["ii"]))
    }

    func testTheLabelsOfAParagraphsFirstAndLastLines() {
        XCTAssertEqual(LetterLabel.ofFirstLine("b. one\nc. two"), "b")
        XCTAssertEqual(LetterLabel.ofLastLine("b. one\nc. two"), "c")
        XCTAssertEqual(LetterLabel.ofLastLine("c. only"), "c")
        XCTAssertNil(LetterLabel.ofLastLine("c. one\nprose"))
    }
}
