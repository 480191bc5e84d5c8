import GazetteCore
import TestSupport
import XCTest

/// A title made of the body's start cut with "…" (Mastodon, its bridges) was read twice: the
/// title, then the same words opening the body. The body now goes on from the cut.
final class FeedCutTitleInBodyTests: XCTestCase {
    func testTheBodyGoesOnFromTheCut() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>t1</guid><title>Just released version 2.0 of my app, with…</title>\
                <description><![CDATA[<p>Just released version 2.0 of my app, with many new features.</p><p>Enjoy!</p>]]></description></item>
                <item><guid>t2</guid><title>Just released version 2.0 of my app, with many new fea...</title>\
                <description><![CDATA[<p>just released  version 2.0 of my app,
                with many new features.</p>]]></description></item>
                <item><guid>t3</guid><title>Other words than the body…</title>\
                <description><![CDATA[<p>Just released version 2.0.</p>]]></description></item>
                <item><guid>t4</guid><title>Too short…</title><description>Too short for that rule.</description></item>
                <item><guid>t5</guid><title>The whole text of it…</title><description>The whole text of it.</description></item>
                <item><guid>t6</guid><title>No ellipsis in this title</title><description>No ellipsis in this title, but more.</description></item>
                """)
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [
                ["…many new features.", "Enjoy!"], ["…features."], ["Just released version 2.0."],
                ["Too short for that rule."], ["The whole text of it."],
                ["No ellipsis in this title, but more."],
            ])
        // The title stays as the feed gives it.
        XCTAssertEqual(articles.first?.title, "Just released version 2.0 of my app, with…")
    }
}
