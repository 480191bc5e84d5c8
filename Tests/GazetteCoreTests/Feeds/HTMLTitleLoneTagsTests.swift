import XCTest

@testable import GazetteCore

/// A phrasing element's tag named in a title's prose is text; tags that dress its words (in
/// pairs, with attributes, a `<br>` between words) are markup; ids stay as they were.
final class HTMLTitleLoneTagsTests: XCTestCase {
    /// "The &lt;code&gt; element explained" was listed as "The element explained" (found by QA).
    func testTagNamedInProseIsText() {
        let names = ["br", "img", "code", "b", "i", "em", "strong", "a", "span", "wbr"]
        let items = names.map {
            "<item><title>The &lt;\($0)&gt; element explained</title><guid>\($0)</guid></item>"
        }
        let rss = ParsedFeed(
            "<rss version=\"2.0\"><channel><title>The &lt;em&gt; feed</title><link>https://t.example/</link>\(items.joined())"
                + "<item><title>Why the &lt;br&gt; tag is void</title><guid>v</guid></item></channel></rss>")
        XCTAssertEqual(
            rss.items.map(FeedArticle.title(of:)),
            names.map { "The <\($0)> element explained" } + ["Why the <br> tag is void"])
        XCTAssertEqual(rss.header?.shownTitle, "The <em> feed")
        let atom = ParsedFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><id>1</id><title type="html">Use &lt;code&gt; for code</title></entry></feed>
            """)
        XCTAssertEqual(atom.items.map(FeedArticle.title(of:)), ["Use <code> for code"])
    }

    /// Markup stays markup: tags in pairs, tags with attributes, `<br>` and `<img>` touching a
    /// word or in a title that holds other markup.
    func testFormattingMarkupIsStripped() {
        let titles = [
            "<b>x</b> and <code>y</code>": "x and y",
            "Line one<br>Line two": "Line one Line two",
            "<b>Bold</b> <br> after": "Bold after",
            "<a href=\"https://x.example/\">Link</a> text": "Link text",
            "Broken <a href=\"https://x.example/\">link": "Broken link",
            "Self-closed <br/> break": "Self-closed break",
            "<img src=\"a.png\"> Picture": "Picture",
            "Named <b> then <b>bold</b>": "Named then bold",
        ]
        for (html, text) in titles {
            XCTAssertEqual(HTMLRenderer.titleText(html), text, html)
        }
    }

    /// The title an id is made of (where an id needs one) reads as before.
    func testIdentifyingTitleIsAsBefore() {
        let rss = ParsedFeed(
            """
            <rss version="2.0"><channel><title>T</title><link>https://t.example/</link>
            <item><title>The &lt;code&gt; element explained</title><link>https://t.example/</link></item>
            </channel></rss>
            """)
        let titles = FeedArticle.titles(of: rss.items[0])
        XCTAssertEqual(titles.shown, "The <code> element explained")
        XCTAssertEqual(titles.identifying, "The element explained")
    }
}
