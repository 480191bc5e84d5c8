import GazetteCore
import TestSupport
import XCTest

/// A relative address of an item's media (an enclosure, a Media RSS picture, an Atom
/// `<content src>`) is resolved as the body's links are: against the `xml:base` in scope at its
/// element, else the item's own link, else the feed's address. An Atom entry's pictures were
/// resolved against the feed's address whatever the entry's link said.
final class FeedMediaBaseTests: XCTestCase {
    private func articles(_ feed: String, format: SourceFormat) -> [Article] {
        FeedText.articles(of: feed, format: format)
    }

    func testAtomMediaResolveAgainstTheEntrysBaseThenItsLinkThenTheFeed() {
        let found = articles(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
            <title>F</title><link rel="self" href="https://ex.com/feed/atom.xml"/>
            <entry><id>urn:a</id><title>Link</title><summary>Text.</summary>\
            <media:content medium="image" url="img/a.jpg"/><link href="https://ex.com/posts/1/"/></entry>
            <entry><id>urn:b</id><title>Enclosure</title><summary>Text.</summary>\
            <link href="https://ex.com/posts/2/"/><link rel="enclosure" href="ep.mp3" type="audio/mpeg"/></entry>
            <entry xml:base="https://cdn.ex.com/2024/"><id>urn:c</id><title>Base</title><summary>Text.</summary>\
            <link href="https://ex.com/posts/3/"/><media:content medium="image" url="c.jpg"/></entry>
            <entry><id>urn:d</id><title>Own base</title><summary>Text.</summary><link href="https://ex.com/posts/4/"/>\
            <media:thumbnail xml:base="https://img.ex.com/t/" url="d.jpg"/></entry>
            <entry><id>urn:e</id><title>Source</title><summary>Text.</summary><link href="https://ex.com/posts/5/"/>\
            <content src="video.mp4" type="video/mp4"/></entry>
            <entry><id>urn:f</id><title>No link</title><summary>Text.</summary><media:thumbnail url="f.jpg"/></entry>
            </feed>
            """, format: .atom)
        XCTAssertEqual(
            found.map(\.links),
            [
                ["https://ex.com/posts/1/img/a.jpg"], ["https://ex.com/posts/2/ep.mp3"],
                ["https://cdn.ex.com/2024/c.jpg"], ["https://img.ex.com/t/d.jpg"],
                ["https://ex.com/posts/5/video.mp4"], ["https://ex.com/feed/f.jpg"],
            ])
        XCTAssertEqual(found[1].linkLabels, [0: "audio (mpeg)"])
    }

    /// In RSS as in Atom: a relative enclosure or picture is the item's link's, else the
    /// channel's; a picture's caption is said of the picture its body shows at the same address
    /// (it was placed again before the body, the two addresses resolved apart).
    func testRSSMediaResolveAgainstTheItemsLinkThenTheChannels() {
        let found = articles(
            """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F</title>
            <link>https://ex.com/</link>
            <item><guid>a</guid><title>Link</title><description>Text.</description>\
            <enclosure url="media/ep.mp3" type="audio/mpeg" length="2000000"/>\
            <link>https://ex.com/2024/05/post.html</link></item>
            <item><guid>b</guid><title>No link</title><description>Text.</description>\
            <enclosure url="media/ep2.mp3" type="audio/mpeg"/></item>
            <item><guid>c</guid><title>Caption</title><link>https://ex.com/2024/06/pic.html</link>\
            <description>&lt;p&gt;Text.&lt;/p&gt;&lt;img src="pics/c.jpg"&gt;</description>\
            <media:content medium="image" url="pics/c.jpg"><media:description>A cat.</media:description></media:content></item>
            </channel></rss>
            """, format: .rss)
        XCTAssertEqual(
            found.map(\.links).prefix(2),
            [["https://ex.com/2024/05/media/ep.mp3"], ["https://ex.com/media/ep2.mp3"]])
        XCTAssertEqual(found[0].linkLabels, [0: "audio (mpeg, 2 MB)"])
        XCTAssertEqual(found[2].paragraphs, ["Text.", "[image: A cat.]"])
    }
}
