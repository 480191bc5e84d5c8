import XCTest

@testable import GazetteCore

/// Blogger's `div` lines read as lines of a paragraph, as a browser shows them: a poem read
/// double spaced, each line a paragraph of its own.
final class HTMLDivisionLinesTests: XCTestCase {
    func testDivLinesOfInlineContentAreLines() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <div>Roses are <b>red</b>,</div>
                <div>violets are blue.</div><div><br></div><div>Second verse,</div><div></div>
                <div>same as the first.</div>
                """
            ).paragraphs,
            ["Roses are red,\nviolets are blue.", "Second verse,\nsame as the first."])
    }

    func testDivsOfBlocksAndTextBesideThemStayParagraphs() {
        XCTAssertEqual(
            HTMLRenderer.render(
                "<div><p>One.</p></div><div>Two.</div> tail <div>Three.</div><p>Four.</p><div>Five.</div>"
            ).paragraphs,
            ["One.", "Two.", "tail", "Three.", "Four.", "Five."])
    }
}
