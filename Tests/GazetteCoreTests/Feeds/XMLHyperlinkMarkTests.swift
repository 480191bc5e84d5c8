import TestSupport
import XCTest

@testable import GazetteCore

/// An OSC 8 hyperlink in a feed's body is a numbered link, as an `<a href>` is, however it is
/// written: raw ESC in the XML's text or in a CDATA section, `&#27;` references, or in the
/// HTML escaped inside a description; ended by ST or BEL. XML forbids ESC, and the sanitizer
/// removed the sequence whole: its text stayed, its address was lost. A title keeps the text.
final class XMLHyperlinkMarkTests: XCTestCase {
    private let esc = "\u{1B}"

    /// One item whose description is `description`, read as the reader shows it.
    private func story(description: String, title: String = "T") -> Article? {
        FeedText.articles(
            ofRSSItems: "<item><guid>g</guid><title>\(title)</title>\(description)</item>",
            namespaces: "xmlns:content=\"\(RSSParser.contentNamespace)\""
        ).first
    }

    func testARawHyperlinkInADescriptionsEscapedHTMLIsALink() throws {
        let article = try XCTUnwrap(
            story(
                description:
                    "<description>&lt;p&gt;See \(esc)]8;;https://ex.com/x?a=1&amp;b=2\(esc)\\the docs"
                    + "\(esc)]8;;\(esc)\\ now. Bell \(esc)]8;id=3;https://ex.com/y\u{07}here\(esc)]8;;\u{07}."
                    + "&lt;/p&gt;</description>"))
        XCTAssertEqual(article.paragraphs, ["See the docs [1] now. Bell here [2]."])
        XCTAssertEqual(article.links, ["https://ex.com/x?a=1&b=2", "https://ex.com/y"])
    }

    func testAReferencedHyperlinkIsALink() throws {
        let article = try XCTUnwrap(
            story(
                description: "<description>See &#27;]8;;https://ex.com/x&#x1B;\\the docs&#27;]8;;&#7; now."
                    + "</description>"))
        XCTAssertEqual(article.paragraphs, ["See the docs [1] now."])
        XCTAssertEqual(article.links, ["https://ex.com/x"])
    }

    func testARawHyperlinkInCDATAIsALink() throws {
        let article = try XCTUnwrap(
            story(
                description:
                    "<content:encoded><![CDATA[<p>See \(esc)]8;;https://ex.com/x\u{07}the <b>docs</b>"
                    + "\(esc)]8;;\u{07} and \(esc)]8;;https://ex.com/z\(esc)\\zed\(esc)]8;;\(esc)\\.</p>]]>"
                    + "</content:encoded>"))
        XCTAssertEqual(article.paragraphs, ["See the docs [1] and zed [2]."])
        XCTAssertEqual(article.links, ["https://ex.com/x", "https://ex.com/z"])
    }

    /// Raw HTML tags in the description (child elements): the link stays a link when the text
    /// before it turns to markup.
    func testAHyperlinkBeforeRawTagsIsALink() throws {
        let article = try XCTUnwrap(
            story(
                description:
                    "<description>a &lt; b \(esc)]8;;https://ex.com/x\(esc)\\docs\(esc)]8;;\(esc)\\ <b>c</b></description>"
            ))
        XCTAssertEqual(article.paragraphs, ["a < b docs [1] c"])
        XCTAssertEqual(article.links, ["https://ex.com/x"])
    }

    /// A hyperlink never ended ends with the body; one started inside another ends it.
    func testAHyperlinkLeftOpenEndsWithTheBody() throws {
        let article = try XCTUnwrap(
            story(
                description:
                    "<description>\(esc)]8;;https://ex.com/x\(esc)\\one \(esc)]8;;https://ex.com/y\(esc)\\two</description>"
            ))
        XCTAssertEqual(article.paragraphs, ["one [1] two [2]"])
        XCTAssertEqual(article.links, ["https://ex.com/x", "https://ex.com/y"])
    }

    /// The address goes through the checks an `<a href>`'s does: a script or one holding a
    /// control is no link, and its text is kept.
    func testAnAddressNoBrowserIsHandedIsNoLink() throws {
        let article = try XCTUnwrap(
            story(
                description: "<description>\(esc)]8;;javascript:alert(1)\(esc)\\run\(esc)]8;;\(esc)\\ and "
                    + "\(esc)]8;;https://ex.com/&#1;x\(esc)\\ctl\(esc)]8;;\(esc)\\ and "
                    + "\(esc)]8;;rel/page\(esc)\\rel\(esc)]8;;\(esc)\\</description><link>https://ex.com/a/</link>"
            ))
        XCTAssertEqual(article.paragraphs, ["run and ctl and rel [1]"])
        XCTAssertEqual(article.links, ["https://ex.com/a/rel/page"])
    }

    func testTitlesAndOtherTextKeepTheTextOnly() throws {
        let article = try XCTUnwrap(
            story(
                description: "<description>b</description>",
                title:
                    "A \(esc)]8;;https://ex.com/t\(esc)\\link\(esc)]8;;\(esc)\\ &#27;]8;;https://ex.com/u&#7;u&#27;]8;;&#7;"
            ))
        XCTAssertEqual(article.title, "A link u")
        XCTAssertEqual(article.paragraphs, ["b"])
        XCTAssertEqual(article.links, [])
    }

    func testAtomHTMLAndXHTMLBodiesLinkAndTextBodiesDoNot() {
        func entry(_ content: String) -> String {
            "<entry><id>urn:\(content.utf8.count)</id><title>T</title>\(content)</entry>"
        }
        let link = "\(esc)]8;;https://ex.com/x\(esc)\\docs\(esc)]8;;\(esc)\\"
        let feed =
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>"
            + entry("<content type=\"html\">&lt;p&gt;a \(link)&lt;/p&gt;</content>")
            + entry(
                "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>b \(link)</p></div></content>"
            )
            + entry("<summary type=\"html\">c \(link)</summary>")
            + entry("<content type=\"text\">d \(link)</content>") + "</feed>"
        let articles = FeedText.articles(of: feed, format: .atom)
        XCTAssertEqual(
            articles.map(\.paragraphs), [["a docs [1]"], ["b docs [1]"], ["c docs [1]"], ["d docs"]])
        XCTAssertEqual(
            articles.map(\.links), [["https://ex.com/x"], ["https://ex.com/x"], ["https://ex.com/x"], []])
    }

    /// The sanitizer's mark is the same wherever a chunk's cut falls in the sequence.
    func testTheMarkIsWrittenWhereverAChunkIsCut() {
        let text =
            "<d>a \(esc)]8;;https://ex.com/x?a=1\(esc)\\l\(esc)]8;;\u{07} <![CDATA[c"
            + "\(esc)]8;;https://ex.com/&amp;\u{07}d\(esc)]8;;\(esc)\\]]></d>"
        let expected =
            "<d>a \(XMLHyperlinkMark.text("https://ex.com/x?a=1"))l\(XMLHyperlinkMark.text("")) <![CDATA[c]]>\(XMLHyperlinkMark.text("https://ex.com/&amp;"))"
            + "<![CDATA[d]]>\(XMLHyperlinkMark.text(""))<![CDATA[]]></d>"
        XCTAssertEqual(XMLSanitizer.sanitized(text, finishing: true), expected)
        for cut in 3...text.utf8.count {
            XCTAssertEqual(
                XMLSanitizer.sanitized(text, cuts: [cut], finishing: true), expected, "cut at \(cut)")
        }
    }

    func testAMarkReadsBackItsAddress() {
        var output: [UInt8] = []
        XMLHyperlinkMark.write(Array("https://ex.com/é".utf8), inCDATA: false, into: &output)
        XCTAssertEqual(
            String(decoding: output, as: UTF8.self), "<?gazette-link 68747470733a2f2f65782e636f6d2fc3a9?>")
        let data = Array("68747470733a2f2f65782e636f6d2fc3a9".utf8)
        XCTAssertEqual(data.withUnsafeBufferPointer(XMLHyperlinkMark.address), Array("https://ex.com/é".utf8))
        XCTAssertNil(Array("6g".utf8).withUnsafeBufferPointer(XMLHyperlinkMark.address))
        XCTAssertNil(Array("687".utf8).withUnsafeBufferPointer(XMLHyperlinkMark.address))
    }
}
