import XCTest

@testable import GazetteCore

final class DumpParagraphTests: XCTestCase {
    func testEmDashItemsKeepALineEach() {
        XCTAssertEqual(DumpParagraph.text(of: ["— one", "— two"]), "— one\n— two")
        XCTAssertEqual(
            DumpParagraph.text(of: ["Il a dit :", "— Oui.", "— Non, pas ici."]),
            "Il a dit :\n— Oui.\n— Non, pas ici.")
    }

    func testQuotedLinesKeepALineEach() {
        XCTAssertEqual(DumpParagraph.text(of: ["> line one", "> line two"]), "> line one\n> line two")
    }

    /// A hard-wrapped line that starts with a dash goes on its paragraph, as before.
    func testALoneDashedOrQuotedLineRunsOn() {
        XCTAssertEqual(
            DumpParagraph.text(of: ["The minister said the plan", "— which failed twice — was back."]),
            "The minister said the plan — which failed twice — was back.")
        XCTAssertEqual(
            DumpParagraph.text(of: ["a long line", "— cut here", "and more", "— cut again"]),
            "a long line — cut here and more — cut again")
        XCTAssertEqual(DumpParagraph.text(of: ["if x", "> 5 then"]), "if x > 5 then")
    }

    func testOtherListsAsBefore() {
        XCTAssertEqual(DumpParagraph.text(of: ["- one", "- two"]), "- one\n- two")
        XCTAssertEqual(DumpParagraph.text(of: ["Intro", "1. a", "2. b"]), "Intro\n1. a\n2. b")
    }
}
