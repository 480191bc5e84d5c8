import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The named references HTML5 reads without their ";" (`&copy 2024`, `AT&T &amp Co`, `&nbsp`)
/// showed as written: libxml2 reads none. They read as browsers read them in an `alt` or
/// `title`, and so in text (not before a letter, digit or "="), never in a link's address;
/// titles and authors that are text keep them as written.
final class HTMLLegacyEntityNamesTests: XCTestCase {
    func testABodyReadsThem() {
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>&copy 2024 AT&T &amp Co, x&nbsp.y, &reg &lt 3 &gt &quot &eacute &AElig &uuml &frac12 &COPY</p>"
            ).paragraphs,
            ["© 2024 AT&T & Co, x\u{A0}.y, ® < 3 > \" é Æ ü ½ ©"])
        // Not before a letter, digit or "=": a word glued on or an address written out stays
        // (they read as "¬es" and "§ion"; found by QA).
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>&notit; &copyright &ampx &Eacute;t&eacute &check &AMPx R&D &#169 &copy; News&notes "
                    + "https://e.example/?id=1&section=2&times=3 &copy2024 BTC&ETH.</p>"
            )
            .paragraphs,
            [
                "&notit; &copyright &ampx Été &check &AMPx R&D © © News&notes "
                    + "https://e.example/?id=1&section=2&times=3 &copy2024 BTCÐ."
            ])
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

    /// A title or author that is text keeps them as written ("BTC&ETH rally" read "BTCÐ rally";
    /// found by QA); one read as HTML reads them; ids stay as they were.
    func testTitlesAndAuthorsOfTextKeepThemAndIDsStay() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><title>&amp;copy 2024 AT&amp;T &amp;amp Co</title><link>https://e.example/1</link>
                <author>x@e.example (Caf&amp;eacute Bob)</author><description>b</description></item>
                <item><title>Caf&amp;eacute</title><description>c</description></item>
                <item><title>BTC&amp;ETH rally</title><link>https://e.example/3</link></item>
                """)
        XCTAssertEqual(articles.map(\.title), ["&copy 2024 AT&T &amp Co", "Caf&eacute", "BTC&ETH rally"])
        XCTAssertEqual(articles.first?.credit, "Caf&eacute Bob")
        XCTAssertEqual(articles.first?.id.rawValue, "https://e.example/1")
        var fingerprint = ContentFingerprint()
        fingerprint.add("Caf&eacute")
        fingerprint.endPart()
        fingerprint.add("c")
        XCTAssertEqual(articles[1].id.rawValue, "sha:" + fingerprint.hexDigest)

        let html = FeedArticle.titles(
            of: FeedItem(
                id: "https://example.com/", title: "A &copy <b>B</b>", titleIsHTML: true, link: nil,
                author: nil, date: nil, content: "", contentIsHTML: true))
        XCTAssertEqual(html.shown, "A © B")
        XCTAssertEqual(html.identifying, "A &copy B")
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
    }

    /// The packed entries are the names', in order, each with its HTML 4 code point (of its
    /// lower-case name for the upper-case ones) and whether HTML 4's table holds it as written.
    func testEntriesAreTheNamesWithTheirCodePoints() throws {
        let names = HTMLLegacyEntityNames.names.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(
            String.init)
        let expected = try names.map { name -> UInt64 in
            let codePoint = try XCTUnwrap(
                HTMLEntityTable.codePoints[name] ?? HTMLEntityTable.codePoints[name.lowercased()], name)
            XCTAssertLessThan(codePoint, 0x100, name)
            let key = name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return key << 16 | (HTMLEntityTable.codePoints[name] != nil ? 0x100 : 0) | UInt64(codePoint)
        }
        XCTAssertEqual(HTMLLegacyEntityNames.entries, expected.sorted())
        XCTAssertEqual(names.count, 106)
        for name in names {
            var bytes = Array(name.utf8)
            let found = bytes.withUnsafeMutableBufferPointer {
                HTMLLegacyEntityNames.longestPrefix(of: UnsafeBufferPointer($0))
            }
            XCTAssertEqual(found?.length, bytes.count, name)
            XCTAssertEqual(found?.readWithSemicolon, HTMLEntityTable.codePoints[name] != nil, name)
        }
        // With a ";", a name of HTML 4 is libxml2's (whole, or longer than a name here), and an
        // upper-case one reads as HTML5 has it.
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>A &COPY; B &copy; C &notin; D &notit; E &amp; F &QUOT; G &ETH; I &AMP J</p>"
            )
            .paragraphs,
            ["A © B © C ∉ D &notit; E & F \" G Ð I & J"])
    }

    /// A body of a million of them reads every one (its time is the benchmarks' to judge).
    func testAMillionAreRead() {
        let html = "<p>" + String(repeating: "&copy", count: 1_000_000) + "</p>"
        XCTAssertEqual(HTMLRenderer.render(html).paragraphs.first?.count, 1_000_000)
        XCTAssertEqual(HTMLRenderer.render(String(repeating: "&copy ", count: 200_000)).paragraphs.count, 1)
    }
}
