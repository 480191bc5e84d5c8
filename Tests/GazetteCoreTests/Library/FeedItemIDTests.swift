import Foundation
import XCTest

@testable import GazetteCore

/// A feed item's id: its guid, else its link; a link that is the feed's own home page names no
/// story, and the item's title is added to it.
final class FeedItemIDTests: XCTestCase {
    private let home = "http://council.example/"

    private func feed(_ items: [(title: String, link: String)]) -> String {
        let body = items.map { item in
            "<item><title>\(item.title)</title><link>\(item.link)</link>"
                + "<description>About \(item.title).</description></item>"
        }
        return """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Council</title><link>\(home)</link>
            \(body.joined(separator: "\n"))
            </channel></rss>
            """
    }

    private func catalog(_ texts: [String]) -> ArticleCatalog {
        let sources = texts.enumerated().map { index, text in
            OpenedSource(
                source: Source(path: "feed\(index).xml", displayName: "feed\(index)", format: .rss),
                bytes: FileBytes(bytes: Array(text.utf8)))
        }
        let catalog = ArticleCatalog(sources: sources)
        for (index, opened) in sources.enumerated() {
            catalog.append(opened.indexAll(), fromSource: index)
        }
        return catalog
    }

    /// Items without a guid that all link to the site's home page are each shown (all but the
    /// first were dropped as its copies, without a word; found by QA), a copy of one still once,
    /// and each keeps its id when a new item comes before it: the id depends on the item only.
    func testItemsLinkingToTheFeedsHomePageAreEachAStory() throws {
        let items = [
            ("Road closure on Main St", home), ("Library hours change", home), ("Bin collection moved", home),
        ]
        let first = catalog([feed(items + [("Bin collection moved", home)])])
        XCTAssertEqual(first.entries.map(\.summary.title), items.map(\.0))
        let ids = first.entries.map(\.summary.id)
        XCTAssertEqual(Set(ids).count, 3)
        XCTAssertTrue(ids.allSatisfy { $0.rawValue.hasPrefix(home + "#title:") }, "\(ids)")
        for (position, entry) in first.entries.enumerated() {
            XCTAssertEqual(first.article(at: position)?.paragraphs, ["About \(entry.summary.title)."])
        }
        let updated = catalog([feed([("New notice", home)] + items)])
        XCTAssertEqual(
            Array(updated.entries.map(\.summary.id).dropFirst()), ids, "a new item first moves no id")
        XCTAssertFalse(ids.contains(updated.entries[0].summary.id))
    }

    /// Other links, and a guid, are ids as they were: reading state kept is not lost.
    func testOtherLinksAndGuidsAreIdsAsTheyWere() {
        let story = "http://council.example/notices/42"
        let entries = catalog([feed([("Notice 42", story)])]).entries
        XCTAssertEqual(entries.map(\.summary.id.rawValue), [story])
        let guid = """
            <rss version="2.0"><channel><title>C</title><link>\(home)</link>
            <item><title>G</title><guid>\(home)</guid><link>\(home)</link></item>
            <item><title>H</title><guid>tag:council.example,2026:1</guid><link>\(home)</link></item>
            </channel></rss>
            """
        let ids = catalog([guid]).entries.map(\.summary.id.rawValue)
        XCTAssertEqual(ids.count, 2)
        XCTAssertTrue(
            ids[0].hasPrefix(home + "#title:"), "a guid that is the home page names no story either")
        XCTAssertEqual(ids[1], "tag:council.example,2026:1")
    }

    /// Items that share a guid or a link, under other titles, are each a story: the first keeps
    /// the id it had, each later one is told apart by its title (they were dropped as copies of
    /// the first, without a word; found by QA). A copy under the same title is still shown once.
    func testItemsSharingAGuidOrLinkUnderOtherTitlesAreEachAStory() {
        let text = """
            <rss version="2.0"><channel><title>C</title><link>\(home)</link>
            <item><title>First</title><guid>same</guid><description>a</description></item>
            <item><title>Second</title><guid>same</guid><description>b</description></item>
            <item><title>Second</title><guid>same</guid><description>b</description></item>
            <item><title>One link</title><link>http://council.example/x</link><description>c</description></item>
            <item><title>Same link</title><link>http://council.example/x</link><description>d</description></item>
            </channel></rss>
            """
        let shown = catalog([text])
        XCTAssertEqual(shown.entries.map(\.summary.title), ["First", "Second", "One link", "Same link"])
        let ids = shown.entries.map(\.summary.id.rawValue)
        // The short guid is scoped by the feed's link in its normal form (https) and its title,
        // and carries the ids the link alone and the link as written gave it.
        let scope = "https://council.example/#" + (FeedIDScope.titleTag("C") ?? "")
        XCTAssertEqual(ids[0], scope + "#same")
        XCTAssertTrue(ids[1].hasPrefix(scope + "#same#title:"), ids[1])
        XCTAssertEqual(
            shown.entries.map { $0.summary.earlierIDs.newest?.rawValue },
            [
                "https://council.example/#same", "https://council.example/" + ids[1].dropFirst(scope.count),
                nil, nil,
            ])
        XCTAssertEqual(
            shown.entries.map { $0.summary.earlierIDs.older?.rawValue },
            [home + "#same", home + ids[1].dropFirst(scope.count), nil, nil])
        XCTAssertEqual(ids[2], "http://council.example/x")
        XCTAssertTrue(ids[3].hasPrefix("http://council.example/x#title:"), ids[3])
        XCTAssertEqual((0..<4).map { shown.article(at: $0)?.paragraphs ?? [] }, [["a"], ["b"], ["c"], ["d"]])
    }

    /// A JSON Feed without a home page scopes its ids by its title as written: with its
    /// references decoded for showing, the ids moved and every mark was lost (found by QA).
    func testAJSONFeedsIdsAreScopedByItsTitleAsWritten() {
        let text = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "R&amp;D News",
             "items": [{"id": "12345", "title": "A", "content_text": "a"}]}
            """
        let opened = OpenedSource(
            source: Source(path: "f.json", displayName: "f", format: .jsonFeed),
            bytes: FileBytes(bytes: Array(text.utf8)))
        XCTAssertEqual(opened.indexAll().map(\.id.rawValue), ["R&amp;D News#12345"])
    }
}
