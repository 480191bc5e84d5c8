import XCTest

@testable import GazetteCore

/// An RSS description without any markup keeps its lines, as a plain-text body does; one with
/// markup is HTML as before.
final class FeedPlainTextBodyTests: XCTestCase {
    /// A Bluesky post's numbered lines were run into one line (found by QA).
    func testPlainTextDescriptionKeepsItsLines() {
        let feed = ParsedFeed(
            """
            <rss version="2.0"><channel><title>@writer.bsky.social</title><link>https://bsky.app/profile/w</link>
            <item><guid>a</guid><description>Three things I learned today:

            1. Tea is good
            2. Rain is wet
            3. Terminals are fun

            Thread 🧵👇</description></item>
            <item><guid>b</guid><description>Line one
            Line two</description></item>
            <item><guid>c</guid><description>&lt;p&gt;Wrapped
            HTML&lt;/p&gt;</description></item>
            <item><guid>d</guid><description>Tom &amp;amp; Jerry
            again</description></item>
            <item><guid>e</guid><description>One line only</description></item>
            </channel></rss>
            """)
        let paragraphs = feed.items.map {
            FeedArticle.article(of: $0, id: ArticleID($0.id), source: "s").paragraphs
        }
        XCTAssertEqual(
            paragraphs,
            [
                [
                    "Three things I learned today:", "1. Tea is good\n2. Rain is wet\n3. Terminals are fun",
                    "Thread 🧵👇",
                ],
                ["Line one\nLine two"], ["Wrapped HTML"], ["Tom & Jerry again"], ["One line only"],
            ])
        XCTAssertEqual(feed.items.map(\.contentIsHTML), [false, false, true, true, true])
    }
}
