import Foundation
import XCTest

@testable import GazetteCore

/// An RSS item whose only link is an `atom:link` (rel `alternate`, or none) has that link; an
/// item without a guid is known by it, carrying the id its title and text made before.
final class RSSAlternateLinkTests: XCTestCase {
    private func stories(_ items: String) -> [(summary: ArticleSummary, article: Article?)] {
        let rss = """
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Bridge</title>
            <link>https://bridge.example/</link>
            <atom:link href="https://bridge.example/feed.xml" rel="self" type="application/rss+xml"/>
            \(items)</channel></rss>
            """
        let source = OpenedSource(
            source: Source(path: "b.xml", displayName: "B", format: .rss),
            bytes: FileBytes(bytes: Array(rss.utf8)))
        return source.indexAll().map { ($0, source.article($0)) }
    }

    func testAnItemsAtomLinkIsItsLink() {
        let shown = stories(
            """
            <item><title>Alternate</title><atom:link rel="alternate" href="https://bridge.example/posts/1"/>
            <description>One.</description></item>
            <item><title>No rel</title><atom:link href="posts/2"/><description>Two.</description></item>
            <item><title>Others</title><atom:link rel="replies" href="https://bridge.example/posts/3/comments"/>
            <atom:link rel="self" href="https://bridge.example/posts/3.xml"/><description>Three.</description></item>
            <item><title>Own link</title><atom:link href="https://bridge.example/elsewhere"/>
            <link>https://bridge.example/posts/4</link><description>Four.</description></item>
            <item><title>Permalink</title><atom:link href="https://bridge.example/elsewhere"/>
            <guid>https://bridge.example/posts/5</guid><description>Five.</description></item>
            """)
        XCTAssertEqual(
            shown.map { $0.article?.link },
            [
                "https://bridge.example/posts/1", "https://bridge.example/posts/2", nil,
                "https://bridge.example/posts/4", "https://bridge.example/posts/5",
            ])
        XCTAssertEqual(shown[0].summary.id.rawValue, "https://bridge.example/posts/1")
        XCTAssertEqual(shown[3].summary.id.rawValue, "https://bridge.example/posts/4")
        XCTAssertTrue(shown[3].summary.earlierIDs.isEmpty)
        XCTAssertTrue(shown[4].summary.earlierIDs.isEmpty)
    }

    /// The id it had, made of its title and text, is its earlier id: the marks kept under it
    /// carry over. An item told apart by its title from another of the same page keeps it as it was.
    func testAnItemKnownByItsAtomLinkCarriesItsContentID() throws {
        let items = [
            "<item><title>First</title>LINK<description>Words of the first.</description></item>",
            "<item><title>Second</title>LINK<description>Words of the second.</description></item>",
        ]
        let link = #"<atom:link href="https://bridge.example/same"/>"#
        let before = stories(items.map { $0.replacingOccurrences(of: "LINK", with: "") }.joined())
        let now = stories(items.map { $0.replacingOccurrences(of: "LINK", with: link) }.joined())
        XCTAssertEqual(now.count, 2)
        XCTAssertEqual(now[0].summary.id.rawValue, "https://bridge.example/same")
        XCTAssertTrue(now[1].summary.id.rawValue.hasPrefix("https://bridge.example/same#title:"))
        for index in 0..<2 {
            let old = before[index].summary.id
            XCTAssertTrue(old.rawValue.hasPrefix("sha:"))
            XCTAssertEqual(now[index].summary.earlierIDs.newest, old)
            XCTAssertNil(now[index].summary.earlierIDs.older)
        }
    }
}
