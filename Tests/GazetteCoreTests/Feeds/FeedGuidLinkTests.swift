import Foundation
import XCTest

@testable import GazetteCore

/// A `<guid>` is an item's link only when it is an absolute web address.
final class FeedGuidLinkTests: XCTestCase {
    private func articles(_ items: String) -> [Article] {
        let opened = source(items)
        return opened.indexAll().compactMap { opened.article($0) }
    }

    private func source(_ items: String) -> OpenedSource {
        let rss = """
            <rss version="2.0"><channel><title>Syntax</title><link>https://syntax.fm</link>
            \(items)</channel></rss>
            """
        return OpenedSource(
            source: Source(path: "p.xml", displayName: "P", format: .rss),
            bytes: FileBytes(bytes: Array(rss.utf8)))
    }

    /// A podcast's guid "853" became the link https://syntax.fm/853 (found by QA); its id is
    /// still made of the guid.
    func testAGuidThatIsNoAddressIsNoLink() {
        let shown = articles(
            """
            <item><title>853</title><guid>853</guid><enclosure url="https://t.example/853.mp3"/></item>
            <item><title>Relative</title><guid>/episodes/852</guid></item>
            <item><title>Tag</title><guid>tag:example.com,2024:851</guid></item>
            <item><title>Web</title><guid>https://syntax.fm/850</guid></item>
            <item><title>Not a permalink</title><guid isPermaLink="false">https://syntax.fm/849</guid></item>
            <item><title>Own link</title><link>https://syntax.fm/848</link><guid>848</guid></item>
            """)
        XCTAssertEqual(
            shown.map(\.link), [nil, nil, nil, "https://syntax.fm/850", nil, "https://syntax.fm/848"])
        // Scoped by the feed's link in its normal form and its title, carrying the ids the link
        // alone and the link as written gave.
        XCTAssertEqual(
            shown.first?.id.rawValue, "https://syntax.fm/#\(FeedIDScope.titleTag("Syntax") ?? "")#853")
        let earlier = source(#"<item><title>853</title><guid>853</guid></item>"#).indexAll().first?.earlierIDs
        XCTAssertEqual(earlier?.newest?.rawValue, "https://syntax.fm/#853")
        XCTAssertEqual(earlier?.older?.rawValue, "https://syntax.fm#853")
        XCTAssertEqual(shown.first?.links, ["https://t.example/853.mp3"])
        // Without a link, the story's note does not point at one.
        let layout = ArticleLayout(article: shown[2], width: 80)
        XCTAssertFalse(layout.lines.contains { $0.text.contains("o opens") })
    }
}
