import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The scope of a feed's short guids (`2`, `post-42`) is its link in its normal form: a site's
/// usual moves keep its stories' ids (every story turned unread when the link gained `www.`;
/// found by QA), two sites or two pages of one stay apart, and a story whose id moved carries
/// the id earlier versions gave it.
final class FeedIDScopeTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-feed-id-scope" }

    func testASitesUsualMovesHaveOneNormalLink() {
        let moves = [
            "https://aliceblog.example/", "https://AliceBlog.example/", "http://aliceblog.example",
            "https://www.aliceblog.example/", "HTTP://WWW.AliceBlog.Example:80/",
            "https://aliceblog.example:443",
            "https://aliceblog.example//",
        ]
        for link in moves {
            XCTAssertEqual(FeedIDScope.normalLink(link), "https://aliceblog.example/", link)
        }
        for link in ["http://www.bob.example/blog/", "https://bob.example/blog", "https://Bob.example/blog/"]
        {
            XCTAssertEqual(FeedIDScope.normalLink(link), "https://bob.example/blog", link)
        }
        XCTAssertEqual(
            FeedIDScope.normalLink("http://www.Bob.example/index.php/?feed=rss#top"),
            "https://bob.example/index.php?feed=rss#top", "the query and fragment as written")
    }

    func testOtherSitesAndPagesStayApart() {
        let links = [
            "https://aliceblog.example/", "https://aliceblog.example/Blog", "https://aliceblog.example/blog",
            "https://news.aliceblog.example/", "https://aliceblog.example:8080/",
            "https://alice@aliceblog.example/",
            "https://aliceblog.example/?feed=rss", "https://www2.aliceblog.example/", "https://www.example/",
            "https://[::1]:8080/",
        ]
        let normal = links.map { FeedIDScope.normalLink($0) }
        XCTAssertEqual(Set(normal).count, links.count, "\(normal)")
        XCTAssertEqual(normal[8], "https://www.example/", "a www. that is all but the last label is kept")
        XCTAssertEqual(normal[9], "https://[::1]:8080/")
    }

    /// A link that is not a web address, and a title, scope the ids as written.
    func testOtherScopesAreAsWritten() {
        XCTAssertNil(FeedIDScope.normalLink("rss_2.0.channel.link"))
        XCTAssertNil(FeedIDScope.normalLink("ftp://www.example.com/"))
        XCTAssertNil(FeedIDScope.normalLink("https:///path"))
        let cases: [(FeedHeader?, String)] = [
            (FeedHeader(format: .rss, title: "R&amp;D News"), "R&amp;D News"),
            (FeedHeader(format: .rss, title: "T", link: "gopher://Example.com/"), "gopher://Example.com/"),
            (nil, ""),
        ]
        for (header, written) in cases {
            let scope = FeedIDScope(header: header)
            XCTAssertEqual(scope.written, written)
            XCTAssertEqual(scope.normal, written)
            XCTAssertEqual(scope.ids(of: "2").id, ArticleID(written + "#2"))
            XCTAssertNil(scope.ids(of: "2").previous)
        }
    }

    private func rss(link: String, items: String) -> String {
        """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Alice</title><link>\(link)</link>
        \(items)
        </channel></rss>
        """
    }

    private let aliceItems = """
        <item><title>Two</title><guid isPermaLink="false">2</guid><description>b</description></item>
        <item><title>Forty-two</title><guid isPermaLink="false">post-42</guid><description>c</description></item>
        <item><title>Elsewhere</title><guid>https://aliceblog.example/posts/7</guid><description>d</description></item>
        """

    private func index(_ text: String, format: SourceFormat = .rss) -> [ArticleSummary] {
        OpenedSource(
            source: Source(path: "f", displayName: "f", format: format),
            bytes: FileBytes(bytes: Array(text.utf8))
        ).indexAll()
    }

    /// The RSS feed whose link gained `www.` (or changed case) keeps its stories' ids, and each
    /// story whose id moved carries the id the link as written gave it; a link already in its
    /// normal form gives the ids it gave before, with nothing carried.
    func testAnRSSFeedKeepsItsIdsWhenItsSiteMoves() {
        let normal = index(rss(link: "https://aliceblog.example/", items: aliceItems))
        XCTAssertEqual(
            normal.map(\.id.rawValue),
            [
                "https://aliceblog.example/#2", "https://aliceblog.example/#post-42",
                "https://aliceblog.example/posts/7",
            ])
        XCTAssertEqual(normal.map(\.previousID), [nil, nil, nil])
        for link in [
            "https://AliceBlog.example/", "https://www.aliceblog.example/", "http://aliceblog.example",
        ] {
            let moved = index(rss(link: link, items: aliceItems))
            XCTAssertEqual(moved.map(\.id), normal.map(\.id), link)
            XCTAssertEqual(
                moved.map(\.previousID), [ArticleID(link + "#2"), ArticleID(link + "#post-42"), nil], link)
        }
    }

    /// A JSON Feed's home page is its link.
    func testAJSONFeedKeepsItsIdsWhenItsSiteMoves() {
        func json(_ home: String) -> String {
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Alice", "home_page_url": "\(home)",
             "items": [{"id": "2", "title": "Two", "content_text": "b"}]}
            """
        }
        let normal = index(json("https://aliceblog.example/"), format: .jsonFeed)
        XCTAssertEqual(normal.map(\.id.rawValue), ["https://aliceblog.example/#2"])
        XCTAssertEqual(normal.map(\.previousID), [nil])
        let moved = index(json("https://www.AliceBlog.example/"), format: .jsonFeed)
        XCTAssertEqual(moved.map(\.id), normal.map(\.id))
        XCTAssertEqual(moved.map(\.previousID), [ArticleID("https://www.AliceBlog.example/#2")])
    }

    /// Items that share a guid under other titles are told apart alike under both scopes; an
    /// item whose guid is the feed's link as written is told by that link, as before.
    func testRepeatedIdsCarryTheirEarlierIdsToldApartAlike() {
        let link = "http://WWW.aliceblog.example"
        let items = """
            <item><title>First</title><guid isPermaLink="false">same</guid></item>
            <item><title>Second</title><guid isPermaLink="false">same</guid></item>
            <item><title>Home</title><guid>\(link)</guid></item>
            """
        let moved = index(rss(link: link, items: items))
        let normal = index(rss(link: "https://aliceblog.example/", items: items))
        XCTAssertEqual(moved.count, 3)
        XCTAssertEqual(moved[0].id.rawValue, "https://aliceblog.example/#same")
        XCTAssertEqual(moved[0].previousID, ArticleID(link + "#same"))
        XCTAssertEqual(Array(moved.map(\.id).prefix(2)), Array(normal.map(\.id).prefix(2)))
        let second = moved[1].id.rawValue
        XCTAssertTrue(second.hasPrefix("https://aliceblog.example/#same#title:"), second)
        XCTAssertEqual(
            moved[1].previousID?.rawValue,
            link + "#same" + second.dropFirst("https://aliceblog.example/#same".count))
        XCTAssertTrue(moved[2].id.rawValue.hasPrefix(link + "#title:"), moved[2].id.rawValue)
        XCTAssertNil(moved[2].previousID)
    }

    /// Marks an earlier version stored under the id scoped by the link as written are the
    /// story's: taken over by a command's tracker and stored under its id now.
    func testMarksUnderTheLinkAsWrittenAreTakenOver() throws {
        let link = "https://www.AliceBlog.example/"
        let store = try ReadingStateStore(path: folder.appendingPathComponent("state.sqlite").path)
        try store.setStates([ArticleID(link + "#2"): ArticleState(isRead: true, isFlagged: true)])
        let summaries = index(rss(link: link, items: aliceItems))
        let tracker = try ReadingTracker(store: store, summaries: summaries)
        XCTAssertEqual(summaries.map { tracker.isRead($0.id) }, [true, false, false])
        XCTAssertTrue(tracker.isFlagged(summaries[0].id))
        XCTAssertEqual(try store.states(for: [summaries[0].id])[summaries[0].id]?.isRead, true)
        // Once the site's link is in its normal form, the mark is found under the id alone.
        let later = index(rss(link: "https://aliceblog.example/", items: aliceItems))
        XCTAssertEqual(try ReadingTracker(store: store, summaries: later).isRead(later[0].id), true)
    }
}
