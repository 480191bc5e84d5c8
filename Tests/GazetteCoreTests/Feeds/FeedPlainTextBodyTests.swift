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
    /// A description hard-wrapped by its generator (lines that run on in small letters), as old
    /// feeds and pretty-printed XML give it, is one paragraph as before: its breaks were kept,
    /// with orphan words and the XML's indentation (found by QA).
    func testAHardWrappedDescriptionReadsAsParagraphs() {
        let feed = ParsedFeed(
            """
            <rss version="2.0"><channel><title>t</title><link>http://ex.com/</link>
            <item><guid>a</guid><description>The committee met on Tuesday to discuss the
            proposed changes to the zoning rules, which would
            allow taller buildings near the station.

            Residents objected to the plan, saying it would
            block sunlight.</description></item>
            <item><guid>b</guid><description>
                  This description is indented by the
                  feed generator and wrapped at 40 columns
                  like many old RSS feeds do.
                </description></item>
            <item><guid>c</guid><description>Changes in 2.0:
            - faster parsing
            - fewer bugs
            Thanks to all contributors.</description></item>
            </channel></rss>
            """)
        let paragraphs = feed.items.map {
            FeedArticle.article(of: $0, id: ArticleID($0.id), source: "s").paragraphs
        }
        XCTAssertEqual(
            paragraphs,
            [
                [
                    "The committee met on Tuesday to discuss the proposed changes to the zoning rules, which would allow taller buildings near the station.",
                    "Residents objected to the plan, saying it would block sunlight.",
                ],
                [
                    "This description is indented by the feed generator and wrapped at 40 columns like many old RSS feeds do."
                ],
                ["Changes in 2.0:\n- faster parsing\n- fewer bugs\nThanks to all contributors."],
            ])
    }
}
