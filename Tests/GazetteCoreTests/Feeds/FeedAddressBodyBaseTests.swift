import XCTest

@testable import GazetteCore

/// The body of an item without a link (an RSS item known by a guid that is no permalink, an
/// Atom entry without a link) resolves its relative links against the feed's address, as its
/// media did: they stayed relative though the channel's link said where the feed is.
final class FeedAddressBodyBaseTests: XCTestCase {
    private func links(_ feed: String, format: SourceFormat) -> [[String]] {
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "F", format: format),
            bytes: FileBytes(bytes: Array(feed.utf8)))
        return opened.indexAll().compactMap { opened.article($0)?.links }
    }

    func testAnRSSItemWithoutALinkResolvesAgainstTheChannelsLink() {
        let feed = """
            <rss version="2.0"><channel><title>F</title><link>https://ex.com/blog/</link>
            <item><title>One</title><guid isPermaLink="false">1</guid>\
            <description>&lt;a href="/about"&gt;about&lt;/a&gt; &lt;a href="two.html"&gt;two&lt;/a&gt;</description></item>
            <item><title>Two</title><link>https://ex.com/posts/2/</link>\
            <description>&lt;a href="three.html"&gt;three&lt;/a&gt;</description></item>
            </channel></rss>
            """
        XCTAssertEqual(
            links(feed, format: .rss),
            [
                ["https://ex.com/about", "https://ex.com/blog/two.html"],
                ["https://ex.com/posts/2/three.html"],
            ])
    }

    func testAnRDFItemWithoutALinkResolvesAgainstTheChannelsLink() {
        let feed = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about="https://ex.com/rss"><title>F</title><link>https://ex.com/blog/</link></channel>
            <item rdf:about="urn:1"><title>One</title>\
            <description>&lt;a href="two.html"&gt;two&lt;/a&gt;</description></item>
            </rdf:RDF>
            """
        XCTAssertEqual(links(feed, format: .rdf), [["https://ex.com/blog/two.html"]])
    }

    func testAnAtomEntryWithoutALinkResolvesAgainstTheFeedsAddress() {
        let feed = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <link rel="self" href="https://ex.com/blog/feed.atom"/>
            <entry><id>urn:1</id><title>One</title>\
            <content type="html">&lt;a href="two.html"&gt;two&lt;/a&gt;</content></entry>
            </feed>
            """
        XCTAssertEqual(links(feed, format: .atom), [["https://ex.com/blog/two.html"]])
    }
}
