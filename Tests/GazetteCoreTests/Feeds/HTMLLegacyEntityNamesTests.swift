import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The named references HTML5 reads without their ";" (`&copy 2024`, `AT&T &amp Co`, `&nbsp`)
/// showed as written: libxml2 reads none. They read as browsers read them, in text and in an
/// `alt` or `title`, never in a link's address; ids stay as they were.
final class HTMLLegacyEntityNamesTests: XCTestCase {
    func testABodyReadsThem() {
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>&copy 2024 AT&T &amp Co, x&nbspy, &reg &lt 3 &gt &quot &eacute &AElig &uuml &frac12 &COPY</p>"
            ).paragraphs,
            ["© 2024 AT&T & Co, x\u{A0}y, ® < 3 > \" é Æ ü ½ ©"])
        // The longest name that starts the letters, as HTML5 matches it; other names stay.
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>&notit; &copyright &ampx &Eacute;t&eacute &check &AMPx R&D &#169 &copy;</p>"
            )
            .paragraphs,
            ["¬it; ©right &x Été &check &x R&D © ©"])
    }

    func testTextWithoutMarkupAndEscapedMarkupReadThem() {
        XCTAssertEqual(
            HTMLRenderer.render("&copy 2024 AT&T &amp Co &lt 3").paragraphs, ["© 2024 AT&T & Co < 3"])
        XCTAssertEqual(HTMLRenderer.render("&lt;p&gt;&amp;copy 2024&lt;/p&gt;").paragraphs, ["© 2024"])
        XCTAssertEqual(HTMLRenderer.plainText("<b>&copy</b> 2024 &amp Co"), "© 2024 & Co")
        XCTAssertEqual(HTMLRenderer.titleText("AT&T &amp Co &reg"), "AT&T & Co ®")
    }

    func testAttributesReadThemOnlyWhereTheyAreText() {
        let rendered = HTMLRenderer.render(
            #"<p><a href="https://x.example/?a=1&copy=2&reg">x</a> <img src="i.png?a&copy" alt="&copy 2024"> "#
                + #"<img src="j.png" alt="a&copy=b &copyx"></p>"#)
        XCTAssertEqual(rendered.links.first, "https://x.example/?a=1&copy=2&reg")
        XCTAssertEqual(
            rendered.paragraphs, ["x [1] [image: © 2024] [image: a&copy=b &copyx]"])
        // Not in a comment's or a script's text, which the scan reads past.
        XCTAssertEqual(
            HTMLRenderer.render(#"<p><!-- "&copy --><script>if (a<b && "x") {}</script>&copy</p>"#)
                .paragraphs,
            ["©"])
    }

    func testTitlesAndAuthorsReadThemAndIDsStay() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><title>&amp;copy 2024 AT&amp;T &amp;amp Co</title><link>https://e.example/1</link>
                <author>x@e.example (Caf&amp;eacute Bob)</author><description>b</description></item>
                <item><title>Caf&amp;eacute</title><description>c</description></item>
                """)
        XCTAssertEqual(articles.map(\.title), ["© 2024 AT&T & Co", "Café"])
        XCTAssertEqual(articles.first?.credit, "Café Bob")
        XCTAssertEqual(articles.first?.id.rawValue, "https://e.example/1")
        var fingerprint = ContentFingerprint()
        fingerprint.add("Caf&eacute")
        fingerprint.endPart()
        fingerprint.add("c")
        XCTAssertEqual(articles.last?.id.rawValue, "sha:" + fingerprint.hexDigest)

        // An id made of a title is made of it as written.
        var draft = FeedItemDraft()
        draft.id = "https://example.com/"
        draft.title = "&copy 2024"
        let titles = FeedArticle.titles(of: draft.finish())
        XCTAssertEqual(titles.shown, "© 2024")
        XCTAssertEqual(titles.identifying, "&copy 2024")
        XCTAssertEqual(
            FeedArticle.titles(
                of: FeedItem(
                    id: "https://example.com/", title: "A &copy <b>B</b>", titleIsHTML: true, link: nil,
                    author: nil, date: nil, content: "", contentIsHTML: true)
            ).identifying, "A &copy B")
        // A title the format says is text keeps them as written.
        var text = FeedItemDraft()
        text.title = "&copy 2024"
        text.titleIsText = true
        XCTAssertEqual(FeedArticle.titles(of: text.finish()).shown, "&copy 2024")
    }

    func testTable() {
        XCTAssertTrue(HTMLLegacyEntityNames.contains("copy"))
        XCTAssertTrue(HTMLLegacyEntityNames.contains("AElig"))
        XCTAssertTrue(HTMLLegacyEntityNames.contains("frac34"))
        XCTAssertTrue(HTMLLegacyEntityNames.contains("REG"))
        XCTAssertFalse(HTMLLegacyEntityNames.contains("check"))
        XCTAssertFalse(HTMLLegacyEntityNames.contains("Copy"))
        XCTAssertFalse(HTMLLegacyEntityNames.contains("apos"))
        XCTAssertTrue(HTMLEntities.containsLegacyName("AT&T &amp Co"))
        XCTAssertFalse(HTMLEntities.containsLegacyName("AT&T R&D &amp; Co"))
    }

    /// Linear time on a body of a million of them.
    func testAMillionAreQuick() {
        let start = Date()
        let html = "<p>" + String(repeating: "&copy", count: 1_000_000) + "</p>"
        XCTAssertEqual(HTMLRenderer.render(html).paragraphs.first?.count, 1_000_000)
        XCTAssertEqual(HTMLRenderer.render(String(repeating: "&copy ", count: 200_000)).paragraphs.count, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }
}
