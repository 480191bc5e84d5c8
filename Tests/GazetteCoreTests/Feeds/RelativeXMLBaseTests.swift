import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A relative `xml:base` with no document address (a feed read from a file that names none)
/// was not applied: the links under it stayed as written (`post1` under `xml:base="/blog/"`).
/// It now composes with the bases around it and the links under it (`/blog/post1`), and what
/// an item without an id is known by stays as it was.
final class RelativeXMLBaseTests: XCTestCase {
    private func articles(_ feed: String, format: SourceFormat) -> [Article] {
        FeedText.articles(of: feed, format: format)
    }

    private let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/"><title>F</title>
        <entry xml:base="2024/"><id>urn:1</id><title>One</title><link href="post1"/>
        <link rel="enclosure" type="audio/mpeg" href="media/1.mp3"/>
        <content type="html">&lt;p&gt;See &lt;a href="../notes.html"&gt;notes&lt;/a&gt; and \
        &lt;a href="#top"&gt;up&lt;/a&gt;.&lt;/p&gt;</content></entry>
        <entry><id>urn:2</id><title>Two</title><link href="post2"/>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A \
        <a href="pic.html">picture</a>, <a href="https://ex.org/">elsewhere</a>.</p></div></content></entry>
        </feed>
        """

    func testAnAtomEntrysLinksComposeWithTheRelativeBases() {
        let parsed = ParsedFeed(atom)
        XCTAssertEqual(parsed.items.map(\.link), ["/blog/2024/post1", "/blog/post2"])
        XCTAssertEqual(parsed.first?.enclosures, ["/blog/2024/media/1.mp3"])
        XCTAssertEqual(
            articles(atom, format: .atom).map(\.links),
            [["/blog/notes.html", "/blog/2024/media/1.mp3"], ["/blog/pic.html", "https://ex.org/"]])
    }

    func testAnRSSItemsLinksComposeWithTheRelativeBase() {
        let feed = """
            <rss version="2.0"><channel><title>F</title>
            <item xml:base="/blog/2024/"><title>One</title><link>one.html</link>\
            <description>&lt;a href="two.html"&gt;two&lt;/a&gt;</description></item>
            </channel></rss>
            """
        XCTAssertEqual(ParsedFeed(feed).first?.link, "/blog/2024/one.html")
        XCTAssertEqual(articles(feed, format: .rss).first?.links, ["/blog/2024/two.html"])
    }

    /// An item without an id is known by its link (or its title and body) as it was read
    /// before: its reading state is kept.
    func testAnItemWithoutAnIdKeepsItsID() {
        let rss = ParsedFeed(
            """
            <rss version="2.0"><channel><title>F</title>
            <item xml:base="/blog/"><title>One</title><link>one.html</link></item>
            <item xml:base="/blog/"><title>Two</title><description>&lt;a href="x.html"&gt;x&lt;/a&gt;</description></item>
            </channel></rss>
            """)
        XCTAssertEqual(rss.items.map(\.link), ["/blog/one.html", nil])
        let asWritten = ParsedFeed(
            """
            <rss version="2.0"><channel><title>F</title>
            <item><title>One</title><link>one.html</link></item>
            <item><title>Two</title><description>&lt;a href="x.html"&gt;x&lt;/a&gt;</description></item>
            </channel></rss>
            """)
        XCTAssertEqual(rss.items.map(\.id), asWritten.items.map(\.id))
        XCTAssertEqual(rss.items.first?.id, "one.html")
        let atom = ParsedFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/"><title>F</title>
            <entry><title>One</title><link href="post1"/></entry>
            <entry><title>Two</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\
            <a href="x.html">x</a></div></content></entry></feed>
            """)
        let atomAsWritten = ParsedFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><title>One</title><link href="post1"/></entry>
            <entry><title>Two</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\
            <a href="x.html">x</a></div></content></entry></feed>
            """)
        XCTAssertEqual(atom.first?.link, "/blog/post1")
        XCTAssertEqual(atom.items.last?.content, "<a href=\"/blog/x.html\">x</a>")
        XCTAssertEqual(atom.items.map(\.id), atomAsWritten.items.map(\.id))
    }
}
