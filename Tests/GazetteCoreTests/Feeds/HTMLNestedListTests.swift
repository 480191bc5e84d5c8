import XCTest

@testable import GazetteCore

/// A list inside a list's item is indented under the item's text, as a browser shows it: its
/// numbers or bullets sat two columns in whatever the outer marker's width ("1. a" then
/// "  1. b", the inner number under the outer dot).
final class HTMLNestedListTests: XCTestCase {
    private func lines(_ html: String) -> [String] {
        HTMLRenderer.render(html).paragraphs.flatMap { $0.split(separator: "\n").map(String.init) }
    }

    func testAnInnerListSitsUnderTheOuterItemsText() {
        XCTAssertEqual(lines("<ol><li>a<ol><li>b</li></ol></li></ol>"), ["1. a", "   1. b"])
        XCTAssertEqual(lines("<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>"), ["1. a", "   • b", "2. c"])
        XCTAssertEqual(
            lines("<ul><li>a<ol><li>b</li><li>c</li></ol></li></ul>"), ["• a", "  1. b", "  2. c"])
        XCTAssertEqual(
            lines("<ol><li>a<ol><li>b<ul><li>c</li></ul></li></ol></li></ol>"),
            ["1. a", "   1. b", "      • c"])
        // Under a wider number, its inner numbers aligned among themselves.
        let outer = (1...9).map { "<li>i\($0)</li>" }.joined()
        let inner = (1...10).map { "<li>j\($0)</li>" }.joined()
        let wide = lines("<ol>\(outer)<li>ten<ol>\(inner)</ol></li></ol>")
        XCTAssertEqual(Array(wide[8...10]), [" 9. i9", "10. ten", "     1. j1"])
        XCTAssertEqual(Array(wide.suffix(2)), ["     9. j9", "    10. j10"])
        // A list straight inside a list (no item around it) goes two columns deeper, as before.
        XCTAssertEqual(lines("<ul><li>a</li><ul><li>b</li></ul></ul>"), ["• a", "  • b"])
    }

    /// The layout hangs an inner item's wrapped lines under its text, not under its marker.
    func testWrappedLinesHangUnderTheText() {
        let article = Article(
            id: ArticleID("n"), title: "T", caption: nil, credit: nil,
            paragraphs: HTMLRenderer.render(
                "<ol><li>a<ol><li>one two three four five six</li></ol></li></ol>"
            )
            .paragraphs,
            wordCount: 7, readingMinutes: 1, source: "s", link: nil, date: nil, links: [])
        let body = ArticleLayout(article: article, width: 16).lines.filter { $0.kind == .body }.map(\.text)
        XCTAssertEqual(body, ["1. a", "   1. one two", "      three four", "      five six"])
    }
}
