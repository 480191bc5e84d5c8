import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A relative `xml:base` resolves against the base around it (RFC 3986 §5), nested ones
/// composing, and the outermost against the document's address: the feed's own absolute base,
/// else its `rel="self"` link (Atom) or its channel's link (RSS). One with no absolute base
/// around it was kept as written: an entry's links, enclosures and body links under
/// `xml:base="/blog/"` stayed relative, or were resolved against the item's link without it.
final class XMLBaseTests: XCTestCase {
    private func articles(_ feed: String, format: SourceFormat) -> [Article] {
        FeedText.articles(of: feed, format: format)
    }

    func testNestedRelativeBasesComposeBeforeTheDocumentsAddress() {
        let base = XMLBase.none.declaring("../a/b/").declaring("../c/").declaring("d/")
        XCTAssertNil(base.absolute)
        XCTAssertNil(base.resolved(document: nil))
        XCTAssertNil(base.resolved(document: URL(string: "/no/scheme/")))
        // Composed one at a time against an absolute base, the leading ".." is not lost.
        XCTAssertEqual(
            base.resolved(document: URL(string: "https://ex.com/x/y/feed.atom"))?.absoluteString,
            "https://ex.com/x/a/c/d/")
        XCTAssertEqual(
            XMLBase.none.declaring("https://ex.com/feed/").declaring("/blog/").declaring("2024/")
                .resolved(document: nil)?.absoluteString,
            "https://ex.com/blog/2024/")
        // An absolute base inside a relative one starts again; an empty one is the same document.
        XCTAssertEqual(
            XMLBase.none.declaring("/blog/").declaring("https://cdn.ex.com/i/").declaring("")
                .resolved(document: nil)?.absoluteString,
            "https://cdn.ex.com/i/")
    }

    func testAnAtomEntrysRelativeBaseResolvesAgainstTheFeedsSelfLink() {
        let feed = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <link rel="self" href="https://ex.com/feeds/all.atom"/>
            <entry xml:base="/blog/"><id>urn:1</id><title>One</title><link href="first/"/>
            <link rel="enclosure" type="audio/mpeg" href="media/1.mp3"/>
            <content type="html" xml:base="first/">&lt;p&gt;See &lt;a href="notes.html"&gt;notes&lt;/a&gt; \
            and &lt;a href="../second/"&gt;the next&lt;/a&gt;.&lt;/p&gt;</content></entry>
            <entry xml:base="../archive/2024/"><id>urn:2</id><title>Two</title><link href="post.html"/>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A \
            <a href="pic.html">picture</a>.</p></div></content></entry>
            </feed>
            """
        let parsed = ParsedFeed(feed)
        XCTAssertEqual(
            parsed.items.map(\.link), ["https://ex.com/blog/first/", "https://ex.com/archive/2024/post.html"])
        let found = articles(feed, format: .atom)
        XCTAssertEqual(
            found.map(\.links),
            [
                [
                    "https://ex.com/blog/first/notes.html", "https://ex.com/blog/second/",
                    "https://ex.com/blog/media/1.mp3",
                ],
                ["https://ex.com/archive/2024/pic.html"],
            ])
    }

    /// A relative base on the feed itself, its self link after it (the address comes later in
    /// the file than the base it resolves).
    func testAFeedsRelativeBaseWaitsForItsSelfLink() {
        let parsed = ParsedFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="news/"><title>F</title>
            <link rel="self" href="https://ex.com/site/feed.atom"/><link href="./"/>
            <entry><id>urn:1</id><title>One</title><link href="one.html"/></entry>
            </feed>
            """)
        XCTAssertEqual(parsed.header?.link, "https://ex.com/site/news/")
        XCTAssertEqual(parsed.first?.link, "https://ex.com/site/news/one.html")
    }

    func testAnRSSItemsRelativeBaseResolvesAgainstTheChannelsLink() {
        let parsed = ParsedFeed(
            """
            <rss version="2.0"><channel><title>F</title><link>https://ex.com/site/</link>
            <item xml:base="/blog/2024/"><title>One</title><link>one.html</link>\
            <description>&lt;a href="two.html"&gt;two&lt;/a&gt;</description></item>
            </channel></rss>
            """)
        XCTAssertEqual(parsed.first?.link, "https://ex.com/blog/2024/one.html")
        XCTAssertEqual(parsed.first?.content, "<a href=\"https://ex.com/blog/2024/two.html\">two</a>")
    }
}
