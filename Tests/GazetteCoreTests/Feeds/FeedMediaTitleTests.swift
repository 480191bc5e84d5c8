import XCTest

@testable import GazetteCore

/// An item without a title of its own is named by its `media:title`, and an item of media
/// alone after its file, not "(untitled)"; ids stay as they were.
final class FeedMediaTitleTests: XCTestCase {
    /// A photo site's items were named by their description; a podcast episode with only its
    /// audio was "(untitled)" (found by QA).
    func testMediaTitleAndFileNameNameAnUntitledItem() {
        let feed = ParsedFeed(
            """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F</title><link>https://t.example/</link>
            <item><guid>m1</guid><link>https://flickr.example/p/1</link><media:title>Sunset over the bay</media:title><media:description type="html">&lt;p&gt;A &lt;b&gt;sunset&lt;/b&gt; photo.&lt;/p&gt;</media:description><media:content url="https://flickr.example/1.jpg" medium="image"/></item>
            <item><guid>m2</guid><media:group><media:title>Grouped media title</media:title><media:description>Plain.</media:description></media:group></item>
            <item><title>Own title</title><guid>m3</guid><media:title>Media title</media:title></item>
            <item><enclosure url="https://cdn.example/audio/episode%2012.mp3" type="audio/mpeg" length="1"/></item>
            <item><enclosure url="https://cdn.example/" type="audio/mpeg" length="1"/></item>
            </channel></rss>
            """)
        XCTAssertEqual(
            feed.items.map(FeedArticle.title(of:)),
            ["Sunset over the bay", "Grouped media title", "Own title", "episode 12.mp3", Article.untitled])
        // Ids made of the item's own (empty) title and text, as before.
        var fingerprint = ContentFingerprint()
        fingerprint.add("")
        fingerprint.endPart()
        fingerprint.add("")
        XCTAssertEqual(feed.items[3].id, "sha:" + fingerprint.hexDigest)
        XCTAssertEqual(FeedArticle.titles(of: feed.items[3]).identifying, Article.untitled)
    }
}
