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

    /// A `div` of white space only (`&nbsp;`, as Blogger, Outlook and Gmail write a blank line)
    /// between lines parts paragraphs as `<div><br></div>` does: it was a line of a no-break
    /// space inside one paragraph. A line's leading spaces go, as the first line's do (found by QA).
    func testABlankDivPartsParagraphsAndLinesLoseLeadingSpaces() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <div>Para A line.</div><div>&nbsp;</div><div>Para B line.</div><div><span>&#160;</span></div>\
                <div>C</div><div> </div><div>D</div><div>&nbsp;&nbsp;Indented A</div><div>&#160;Indented B</div>
                """
            ).paragraphs,
            ["Para A line.", "Para B line.", "C", "D\nIndented A\nIndented B"])
    }
}
