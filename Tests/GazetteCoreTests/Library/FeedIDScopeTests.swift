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
            (FeedHeader(format: .rss, link: "gopher://Example.com/"), "gopher://Example.com/"),
            (nil, ""),
        ]
        for (header, written) in cases {
            let scope = FeedIDScope(header: header)
            XCTAssertEqual(scope.written, written)
            XCTAssertEqual(scope.normal, written)
            XCTAssertEqual(scope.ids(of: "2").id, ArticleID(written + "#2"))
            // The guid alone was the id before 426d7d1.
            XCTAssertEqual(scope.ids(of: "2").earlier, EarlierIDs(guidAlone: "2"))
            XCTAssertEqual(scope.ids(of: "2").earlier.guidAlone, ArticleID("2"))
        }
        let titled = FeedIDScope(header: FeedHeader(format: .rss, title: "T", link: "gopher://Example.com/"))
        XCTAssertEqual(titled.ids(of: "2").id.rawValue, "gopher://Example.com/#\(Self.tTag)#2")
        XCTAssertEqual(titled.ids(of: "2").earlier, EarlierIDs(ArticleID("gopher://Example.com/#2")))
    }

    /// The tags of the titles "Alice" and "T" (``FeedIDScope/titleTag(_:)``): ids are stored, so
    /// the hash must not change.
    private static let aliceTag = "feed:87213df0"
    private static let tTag = "feed:6b902658"

    /// Two feeds that share a link and guids (a podcast network's shows, their link its home page)
    /// are told apart by their titles; each story carries the id the link alone gave it.
    func testFeedsSharingALinkAreToldApartByTheirTitles() {
        let link = "https://network.example/"
        let shows = ["Show A", "Show B"].map {
            FeedIDScope(header: FeedHeader(format: .rss, title: $0, link: link))
        }
        let ids = shows.map { $0.ids(of: "episode-1") }
        XCTAssertNotEqual(ids[0].id, ids[1].id)
        for (id, earlier) in ids {
            XCTAssertTrue(id.rawValue.hasPrefix(link + "#feed:"), id.rawValue)
            XCTAssertTrue(id.rawValue.hasSuffix("#episode-1"), id.rawValue)
            XCTAssertEqual(earlier.newest, ArticleID(link + "#episode-1"))
            XCTAssertNil(earlier.older)
        }
        let untitled = FeedIDScope(header: FeedHeader(format: .rss, title: " ", link: link))
        XCTAssertEqual(untitled.ids(of: "episode-1").id, ArticleID(link + "#episode-1"), "a blank title")
        XCTAssertEqual(untitled.ids(of: "episode-1").earlier, EarlierIDs(guidAlone: "episode-1"))
    }

    /// A title's tag is made of its letters and digits in lowercase: a title rewritten in its
    /// case, spaces, punctuation or markup keeps it, another title's differs.
    func testATitleTagKeepsToLettersAndDigits() throws {
        let tag = try XCTUnwrap(FeedIDScope.titleTag("Show A: The Podcast"))
        for same in [
            "show a — the podcast", "SHOW  A, THE PODCAST!", "Ｓｈｏｗ Ａ: The Podcast", "Show A The Podcast",
        ] {
            XCTAssertEqual(FeedIDScope.titleTag(same), tag, same)
        }
        let others = ["Show B: The Podcast", "Show A: The Podcast 2", "Show Å: The Podcast"]
        XCTAssertEqual(Set(others.map(FeedIDScope.titleTag) + [tag]).count, 4)
        XCTAssertNil(FeedIDScope.titleTag(" \t"))
        XCTAssertNotNil(FeedIDScope.titleTag("🎙️"))
        XCTAssertNotEqual(FeedIDScope.titleTag("🎙️"), FeedIDScope.titleTag("📻"))
        let rss = FeedHeader(format: .rss, title: "<b>Show</b> A: The Podcast", link: "https://n.example/")
        XCTAssertEqual(
            FeedIDScope(header: rss).prefix, "https://n.example/#" + tag + "#", "the title as shown")
    }

    /// A title in ASCII is tagged on its bytes, a shorter way to the same tag: every ASCII
    /// character, alone and among others, tags as Foundation's normalisation did.
    func testAnASCIITitleIsTaggedAsBefore() {
        func foundationTag(_ title: String) -> String? {
            let compatible = title.precomposedStringWithCompatibilityMapping.lowercased()
            let folded = String(
                String.UnicodeScalarView(
                    compatible.unicodeScalars.filter {
                        $0.properties.isAlphabetic || $0.properties.numericType != nil
                    }))
            let hashed = folded.isEmpty ? compatible.trimmingCharacters(in: .whitespacesAndNewlines) : folded
            guard !hashed.isEmpty else { return nil }
            var fingerprint = ContentFingerprint()
            fingerprint.add(hashed)
            return "feed:" + fingerprint.hexDigest.prefix(8)
        }
        var titles = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        titles += [
            "", " \t\r\n\u{0B}\u{0C}", " -- ", "\u{1C}", " !? ", "Show A: The Podcast", "  ABC def 123  ",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 1...12, using: &generator)
            titles.append(
                String(
                    (0..<length).map { _ in
                        Character(UnicodeScalar(UInt8.random(in: 0..<128, using: &generator)))
                    }))
        }
        for title in titles {
            XCTAssertEqual(FeedIDScope.titleTag(title), foundationTag(title), title.debugDescription)
        }
        XCTAssertEqual(FeedIDScope.titleTag("Alice"), Self.aliceTag)
        XCTAssertEqual(FeedIDScope.titleTag("T"), Self.tTag)
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
        let scope = "https://aliceblog.example/#" + Self.aliceTag + "#"
        XCTAssertEqual(
            normal.map(\.id.rawValue), [scope + "2", scope + "post-42", "https://aliceblog.example/posts/7"])
        let linkAlone = [
            ArticleID("https://aliceblog.example/#2"), ArticleID("https://aliceblog.example/#post-42"), nil,
        ]
        XCTAssertEqual(normal.map(\.earlierIDs.newest), linkAlone, "the id the link alone gave")
        XCTAssertEqual(normal.map(\.earlierIDs.older), [nil, nil, nil])
        for link in [
            "https://AliceBlog.example/", "https://www.aliceblog.example/", "http://aliceblog.example",
        ] {
            let moved = index(rss(link: link, items: aliceItems))
            XCTAssertEqual(moved.map(\.id), normal.map(\.id), link)
            XCTAssertEqual(moved.map(\.earlierIDs.newest), linkAlone, link)
            XCTAssertEqual(
                moved.map(\.earlierIDs.older), [ArticleID(link + "#2"), ArticleID(link + "#post-42"), nil],
                link)
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
        XCTAssertEqual(normal.map(\.id.rawValue), ["https://aliceblog.example/#\(Self.aliceTag)#2"])
        XCTAssertEqual(normal.map(\.earlierIDs), [EarlierIDs(ArticleID("https://aliceblog.example/#2"))])
        let moved = index(json("https://www.AliceBlog.example/"), format: .jsonFeed)
        XCTAssertEqual(moved.map(\.id), normal.map(\.id))
        XCTAssertEqual(moved.map(\.earlierIDs.newest), [ArticleID("https://aliceblog.example/#2")])
        XCTAssertEqual(moved.map(\.earlierIDs.older), [ArticleID("https://www.AliceBlog.example/#2")])
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
        let scope = "https://aliceblog.example/#" + Self.aliceTag + "#"
        XCTAssertEqual(moved.count, 3)
        XCTAssertEqual(moved[0].id.rawValue, scope + "same")
        XCTAssertEqual(moved[0].earlierIDs.newest, ArticleID("https://aliceblog.example/#same"))
        XCTAssertEqual(moved[0].earlierIDs.older, ArticleID(link + "#same"))
        XCTAssertEqual(Array(moved.map(\.id).prefix(2)), Array(normal.map(\.id).prefix(2)))
        let second = moved[1].id.rawValue
        XCTAssertTrue(second.hasPrefix(scope + "same#title:"), second)
        let added = second.dropFirst((scope + "same").count)
        XCTAssertEqual(moved[1].earlierIDs.newest?.rawValue, "https://aliceblog.example/#same" + added)
        XCTAssertEqual(moved[1].earlierIDs.older?.rawValue, link + "#same" + added)
        XCTAssertTrue(moved[2].id.rawValue.hasPrefix(link + "#title:"), moved[2].id.rawValue)
        XCTAssertEqual(moved[2].earlierIDs, EarlierIDs())
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
