import XCTest

@testable import GazetteCore

/// Headings (h1–h6) read as paragraphs; they are marked, and the layout marks their lines, so
/// that the pane shows them bold.
final class HTMLHeadingTests: XCTestCase {
    func testHeadingParagraphsAreMarked() {
        let rendered = HTMLRenderer.render(
            """
            <h1>Big news</h1><p>Body text.</p><h3>A <b>part</b><br>on two lines</h3><p>More</p>
            <h2><div>Nested</div></h2><pre><h4>in pre</h4></pre><div>After</div>
            """)
        XCTAssertEqual(
            rendered.paragraphs,
            ["Big news", "Body text.", "A part\non two lines", "More", "Nested", "    in pre", "After"])
        XCTAssertEqual(rendered.headings, [0, 2, 4])
    }

    /// A heading whose paragraph goes on with text (in a quotation, a list item, a term) is
    /// not marked: the text after it was bold too (found by QA).
    func testAParagraphThatGoesOnAfterItsHeadingIsNoHeading() {
        for html in [
            "<blockquote><h3>Quoted heading</h3><p>quoted para</p></blockquote>",
            "<ul><li><h4>Item heading</h4><p>item text</p></li></ul>",
            "<dl><dt><h5>Term heading</h5></dt><dd>dd text</dd></dl>",
        ] {
            let rendered = HTMLRenderer.render(html)
            XCTAssertEqual(rendered.paragraphs.count, 1, html)
            XCTAssertEqual(rendered.headings, [], html)
        }
        XCTAssertEqual(HTMLRenderer.render("<blockquote><h3>Alone</h3></blockquote>").headings, [0])
    }

    /// A list item's or quotation's heading joined to its text is bold on its own lines, and
    /// the text beside it is not (the heading was drawn plain; found by QA).
    func testAHeadingJoinedToItsItemOrQuotationIsBoldOnItsLines() throws {
        func bold(_ html: String) throws -> [String] {
            let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;")
            let feed = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
                <item><title>T</title><guid>g1</guid><description>\(escaped)</description></item>
                </channel></rss>
                """
            let opened = OpenedSource(
                source: Source(path: "f.xml", displayName: "f", format: .rss),
                bytes: FileBytes(bytes: Array(feed.utf8)))
            let article = try XCTUnwrap(opened.article(try XCTUnwrap(opened.indexAll().first)))
            return ArticleLayout(article: article, width: 40).lines.filter(\.isHeading).map(\.text)
        }
        XCTAssertEqual(
            try bold("<ul><li><h3>Head</h3>text</li><li>b<h4>Two<br>lines</h4></li></ul>"),
            ["• Head", "  Two", "  lines"])
        XCTAssertEqual(
            try bold("<blockquote><h2>Head</h2><p>t</p><h3>Later</h3></blockquote>"), ["> Head", "> Later"])
        XCTAssertEqual(try bold("<ul><li>a</li><li><h3>Head</h3></li></ul><p>after</p>"), ["• Head"])
        XCTAssertEqual(
            try bold("<ul><li><h3>A head of many words that wrap on two lines</h3>text</li></ul>"),
            ["• A head of many words that wrap on two", "  lines"])
    }

    func testTheLayoutMarksEveryLineOfAHeading() {
        var article = Article(
            id: ArticleID("a"), title: "T", paragraphs: ["A heading long enough to wrap", "Body"],
            wordCount: 3,
            readingMinutes: 1, source: "s")
        article.headings = [0]
        let lines = ArticleLayout(article: article, width: 12).lines
        let heading = lines.filter(\.isHeading).map(\.text)
        XCTAssertEqual(heading.joined(separator: " "), "A heading long enough to wrap")
        XCTAssertGreaterThan(heading.count, 1)
        XCTAssertFalse(lines.contains { $0.text == "Body" && $0.isHeading })
        XCTAssertFalse(lines.contains { $0.kind == .title && $0.isHeading })
    }

    func testAFeedArticleKeepsItsHeadings() throws {
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
            <item><title>T</title><guid>g1</guid>
            <description>&lt;p&gt;Intro&lt;/p&gt;&lt;h2&gt;Section&lt;/h2&gt;&lt;p&gt;Text&lt;/p&gt;</description></item>
            </channel></rss>
            """
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "f", format: .rss),
            bytes: FileBytes(bytes: Array(feed.utf8)))
        let article = try XCTUnwrap(opened.article(try XCTUnwrap(opened.indexAll().first)))
        XCTAssertEqual(article.paragraphs, ["Intro", "Section", "Text"])
        XCTAssertEqual(article.headings, [1])
    }
}
