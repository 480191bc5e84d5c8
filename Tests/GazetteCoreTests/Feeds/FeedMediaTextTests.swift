import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// An item without a description or content of its own reads the text of its Media RSS or
/// podcast fields.
final class FeedMediaTextTests: XCTestCase {
    private func paragraphs(_ items: String) -> [[String]] {
        FeedText.articles(
            ofRSSItems: items,
            namespaces: #"xmlns:media="http://search.yahoo.com/mrss/" "#
                + #"xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd""#,
            channelHead: "<itunes:summary>The show's own summary.</itunes:summary>\n"
        ).map(\.paragraphs)
    }

    /// These said "(the file holds no text for this story)" (found by QA).
    func testMediaDescriptionsAreTheBodyOfAnItemWithoutOne() {
        let shown = paragraphs(
            """
            <item><title>a</title><guid>m1</guid><media:description>Plain item-level description.</media:description></item>
            <item><title>b</title><guid>m2</guid><media:group><media:content url="https://v.example/a.mp4" type="video/mp4"/><media:description>Group description.</media:description></media:group></item>
            <item><title>c</title><guid>m3</guid><media:content url="https://v.example/b.jpg" medium="image"><media:description type="plain">Alt text of image.</media:description></media:content></item>
            <item><title>d</title><guid>m4</guid><media:description type="html">&lt;p&gt;Shot from &lt;b&gt;Baker Beach&lt;/b&gt;, f/8.&lt;/p&gt;</media:description></item>
            <item><title>e</title><guid>m5</guid><media:description>Tags &lt;b&gt; stay text.</media:description></item>
            """)
        XCTAssertEqual(
            shown,
            [
                ["Plain item-level description."], ["Group description."], ["Alt text of image."],
                ["Shot from Baker Beach, f/8."], ["Tags <b> stay text."],
            ])
    }

    /// A podcast episode with only `itunes:summary` or `itunes:subtitle` (found by QA); the
    /// channel's summary is no episode's.
    func testPodcastSummariesAreTheBodyOfAnEpisodeWithoutOne() {
        let shown = paragraphs(
            """
            <item><title>853</title><guid>853</guid><itunes:summary>Only an itunes summary here.</itunes:summary></item>
            <item><title>852</title><guid>852</guid><itunes:subtitle>A subtitle.</itunes:subtitle></item>
            <item><title>851</title><guid>851</guid><itunes:subtitle>A subtitle.</itunes:subtitle><itunes:summary>The summary.</itunes:summary></item>
            <item><title>850</title><guid>850</guid></item>
            """)
        XCTAssertEqual(shown, [["Only an itunes summary here."], ["A subtitle."], ["The summary."], []])
    }

    /// A description or content comes first: a photo's caption is no story's text, but the
    /// photo's (``FeedPictureCaptionTests``).
    func testADescriptionComesBeforeMediaText() {
        let shown = paragraphs(
            """
            <item><title>Martial law</title><guid>n1</guid><description>Lawmakers voted to lift it.</description>
            <media:content url="https://x.example/p.jpg" medium="image"/>
            <media:description>Protesters outside the National Assembly.</media:description>
            <itunes:summary>A summary.</itunes:summary></item>
            """)
        XCTAssertEqual(
            shown, [["[image: Protesters outside the National Assembly.]", "Lawmakers voted to lift it."]])
    }
}
