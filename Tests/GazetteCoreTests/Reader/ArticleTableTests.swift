import Foundation
import XCTest

@testable import GazetteCore

/// A feed's table is laid out at the pane's width: in columns where it fits, a paragraph per
/// row where it does not (its rows wrapped in columns were broken mid-row; found by QA).
final class ArticleTableTests: XCTestCase {
    private func layout(_ html: String, width: Int) -> [String] {
        let rendered = HTMLRenderer.render(html)
        var article = Article(
            id: ArticleID("x"), title: "Title", paragraphs: rendered.paragraphs, wordCount: 1,
            readingMinutes: 1,
            source: "s", links: rendered.links)
        article.tables = rendered.tables
        return ArticleLayout(article: article, width: width).lines.map(\.text)
    }

    private let cities = """
        <table><tr><th>City</th><th>Population</th><th>Notes</th></tr>
        <tr><td>Reykjavik</td><td>139,875</td><td>The capital, by the sea</td></tr>
        <tr><td>Akureyri</td><td>19,642</td><td>In the north</td></tr></table>
        """

    func testATableInColumnsWhereItFits() {
        XCTAssertEqual(
            layout(cities, width: 60),
            [
                "Title", "",
                "City       Population  Notes",
                "─────────  ──────────  ───────────────────────",
                "Reykjavik     139,875  The capital, by the sea",
                "Akureyri       19,642  In the north",
            ])
    }

    func testATableTooWideForThePaneGivesAParagraphPerRow() {
        XCTAssertEqual(
            layout(cities, width: 30),
            [
                "Title", "",
                "City | Population | Notes", "",
                "Reykjavik | 139,875 | The", "capital, by the sea", "",
                "Akureyri | 19,642 | In the", "north",
            ])
    }

    func testATableWiderThanEightyColumnsIsInColumnsOnAWidePane() {
        let wide = String(repeating: "w", count: 50)
        let html =
            "<table><tr><td>one</td><td>\(wide)</td><td>\(wide)</td></tr><tr><td>two</td><td>x</td><td>y</td></tr></table>"
        XCTAssertEqual(HTMLRenderer.render(html).paragraphs, ["one | \(wide) | \(wide)\ntwo | x | y"])
        XCTAssertEqual(
            layout(html, width: 120).dropFirst(2),
            ["one  \(wide)  \(wide)", "two  x" + String(repeating: " ", count: 51) + "y"])
    }

    /// What follows a table in its list item, quotation or definition shows after it: it went
    /// into the table's paragraph, which the layout shows as the table alone (found by QA).
    func testTextAfterATableInAListItemOrQuotationShows() {
        let table = "<table><tr><td>a</td><td>b</td></tr></table>"
        XCTAssertEqual(
            layout("<ul><li>\(table)tail text</li><li>second</li></ul>", width: 40),
            ["Title", "", "• a  b", "", "  tail text", "• second"])
        XCTAssertEqual(
            layout("<blockquote>\(table)<p>end</p></blockquote><p>outside</p>", width: 40),
            ["Title", "", "> a  b", ">", "> end", "", "outside"])
        XCTAssertEqual(
            layout("<dl><dt>T</dt><dd>\(table)dd tail</dd></dl>", width: 40),
            ["Title", "", "T", "", "    a  b", "", "    dd tail"])
    }

    /// A quotation in a definition or a list item keeps its marks on its wrapped lines (under a
    /// definition's indent they were lost; found by QA).
    func testAQuotationInADefinitionOrListItemKeepsItsMarksWhenWrapped() {
        let words = "one two three four five six seven eight nine ten eleven twelve"
        XCTAssertEqual(
            layout("<dl><dt>Term</dt><dd><blockquote>\(words)</blockquote></dd></dl>", width: 40),
            [
                "Title", "", "Term", "    > one two three four five six seven",
                "    > eight nine ten eleven twelve",
            ])
        XCTAssertEqual(
            layout("<ul><li><blockquote>\(words)</blockquote></li></ul>", width: 40),
            ["Title", "", "• > one two three four five six seven", "  > eight nine ten eleven twelve"])
    }

    func testATableKeepsTheMarksOfItsQuotation() {
        let html = """
            <p>Before</p><blockquote><p>Said:</p><table><tr><td>a</td><td>one two three four</td></tr>
            <tr><td>bb</td><td>22</td></tr></table></blockquote>
            """
        XCTAssertEqual(
            layout(html, width: 40),
            ["Title", "", "Before", "", "> Said:", ">", "> a   one two three four", "> bb  22"])
        XCTAssertEqual(
            layout(html, width: 20),
            ["Title", "", "Before", "", "> Said:", ">", "> a | one two three", "> four", "> bb | 22"])
    }
}
