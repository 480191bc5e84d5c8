import TestSupport
import XCTest

@testable import GazetteCore

/// An address no browser is handed (script, inline data, a browser's own page, a local file)
/// is not listed among a story's links: not in a body (as `javascript:` was not), nor as a
/// feed's enclosure or picture (they were listed, and `o` refused them).
final class UnlistedAddressTests: XCTestCase {
    func testTheSchemesAreReadAsABrowserReadsThem() {
        for address in [
            "javascript:alert(1)", " JavaScript:x", "java\tscript:x", "\u{1}vbscript:msgbox",
            "data:image/png;base64,AAAA", "about:blank", "FILE:///etc/passwd",
        ] {
            XCTAssertTrue(UnlistedAddress.matches(address), address)
        }
        for address in [
            "https://ex.com/a.jpg", "mailto:a@ex.com", "img/javascript:x", "javascripts:x", "data",
            "/about:x", "x-javascript:y", "",
        ] {
            XCTAssertFalse(UnlistedAddress.matches(address), address)
        }
    }

    private func articles(_ feed: String, format: SourceFormat) -> [Article] {
        FeedText.articles(of: feed, format: format)
    }

    func testAFeedsEnclosuresAndPicturesOfSuchAddressesAreNotListed() {
        let atom = articles(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>F</title>
            <entry><id>urn:a</id><title>Script</title><summary>Text.</summary><link href="https://ex.com/a"/>\
            <media:content medium="image" url="javascript:alert(1)"/><media:thumbnail url="https://ex.com/a.jpg"/></entry>
            <entry><id>urn:b</id><title>Data</title><summary>Text.</summary><link href="https://ex.com/b"/>\
            <link rel="enclosure" href="data:audio/mpeg;base64,AAAA"/><media:thumbnail url="file:///etc/passwd"/></entry>
            </feed>
            """, format: .atom)
        XCTAssertEqual(atom.map(\.links), [["https://ex.com/a.jpg"], []])
        let rss = articles(
            """
            <rss version="2.0"><channel><title>F</title>
            <item><guid>g</guid><title>T</title><description>&lt;a href="vbscript:x"&gt;V&lt;/a&gt; \
            &lt;a href="https://ex.com/ok"&gt;OK&lt;/a&gt;</description>\
            <enclosure url="vbscript:msgbox" type="audio/mpeg"/><enclosure url="https://ex.com/e.mp3" type="audio/mpeg"/></item>
            </channel></rss>
            """, format: .rss)
        XCTAssertEqual(rss.map(\.links), [["https://ex.com/ok", "https://ex.com/e.mp3"]])
        XCTAssertEqual(rss.first?.paragraphs, ["V OK [1]"])
    }

    /// A body's links and players follow the same rule (a `javascript:` link and an inline
    /// player's `data:` source were already left out).
    func testABodysLinksOfSuchAddressesAreNotNumbered() {
        let rendered = HTMLRenderer.render(
            "<p><a href=\"vbscript:x\">V</a> <a href=\"file:///etc/passwd\">F</a> <a href=\"data:text/html,x\">D</a> "
                + "<a href=\"about:blank\">A</a> <a href=\"https://ex.com/\">W</a></p>")
        XCTAssertEqual(rendered.paragraphs, ["V F D A W [1]"])
        XCTAssertEqual(rendered.links, ["https://ex.com/"])
    }
}
