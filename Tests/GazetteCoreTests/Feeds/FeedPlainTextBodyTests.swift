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

    /// Markup is looked for first, in the text as it came: the answer is the one the trimmed
    /// text gave when its line breaks were looked for first, over texts made of the bytes that
    /// start, end or trim a tag, a reference or a line (white space beyond ASCII too).
    func testMarkupLookedForFirstGivesWhatTheTrimmedTextGave() {
        let pieces = [
            "<", "a", "/", "!", "&", "#", ";", "1", " ", "\n", "\t", "\r", "\u{A0}", "\u{2003}", "\u{85}",
            ".",
            "b", "é", "<p>", "&amp;", "\n\n",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % count
        }
        var texts = [
            "", " ", "\n", "<b>x</b>\n", "a\n<", "&amp\n", "x &#\n", " \u{A0}&amp;\n x", "line\nnext",
        ]
        for _ in 0..<20_000 {
            texts.append((0..<(1 + next(9))).map { _ in pieces[next(pieces.count)] }.joined())
        }
        var plain = 0
        for text in texts {
            let trimmed = FeedItemDraft.trimmed(text)
            let before =
                trimmed.utf8.contains(UInt8(ascii: "\n")) && !FeedItemDraft.looksLikeHTML(trimmed)
                && !FeedPlainTextBody.isHardWrapped(trimmed)
            XCTAssertEqual(FeedPlainTextBody.isPlainText(text), before, text.debugDescription)
            if before { plain += 1 }
        }
        XCTAssertGreaterThan(plain, 1_000)
    }
}
