import TestSupport
import XCTest

@testable import GazetteCore

/// A JSON Feed item's attachments and the links in its `content_html` are its page's: they
/// resolve against its `url`, else the feed's address (its `home_page_url`, else its
/// `feed_url`), as an RSS item's enclosures and body links do. JSON Feed 1.1 says nothing of
/// relative URLs; its authors name the home page as their base (manton/JSONFeed issue 8).
/// Attachments resolved against the home page while the body's links resolved against the
/// item's `url`, and a link post's body against its `external_url` (the page it is about).
final class JSONFeedBaseTests: XCTestCase {
    private func articles(_ feed: String) -> [Article] {
        FeedText.articles(of: feed, format: .jsonFeed)
    }

    func testAttachmentsAndBodyLinksResolveAgainstTheItemsURLThenTheFeeds() {
        let found = articles(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "F",
             "home_page_url": "https://ex.org/", "feed_url": "https://ex.org/podcast/feed.json",
             "items": [
              {"id": "1", "url": "https://ex.org/podcast/1/", "title": "One",
               "content_html": "<p>Read <a href=\\"notes.html\\">the notes</a>.</p>",
               "attachments": [{"url": "ep1.mp3", "mime_type": "audio/mpeg"}]},
              {"id": "2", "external_url": "https://elsewhere.example/story", "title": "Link post",
               "content_html": "<p>Our <a href=\\"notes/2.html\\">notes</a>.</p>",
               "attachments": [{"url": "media/2.mp3", "mime_type": "audio/mpeg"}]}
             ]}
            """)
        XCTAssertEqual(
            found.map(\.links),
            [
                ["https://ex.org/podcast/1/notes.html", "https://ex.org/podcast/1/ep1.mp3"],
                [
                    "https://ex.org/notes/2.html", "https://elsewhere.example/story",
                    "https://ex.org/media/2.mp3",
                ],
            ])
        XCTAssertEqual(found.map(\.link), ["https://ex.org/podcast/1/", "https://elsewhere.example/story"])
    }

    func testWithoutAHomePageTheFeedsOwnAddressIsTheBase() {
        let parsed = ParsedFeed(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "F", "feed_url": "https://ex.org/feeds/main.json",
             "items": [{"id": "1", "url": "posts/1.html", "content_text": "x",
                        "attachments": [{"url": "1.mp3", "mime_type": "audio/mpeg"}]}]}
            """)
        XCTAssertEqual(parsed.first?.link, "https://ex.org/feeds/posts/1.html")
        XCTAssertEqual(parsed.first?.enclosures, ["https://ex.org/feeds/posts/1.mp3"])
        XCTAssertNil(parsed.header?.link, "the feed's link is its home page, which it has not")
    }
}
