import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// An item whose content shows no words reads its description.
final class FeedBodyChoiceTests: XCTestCase {
    private func paragraphs(_ items: String) -> [[String]] {
        FeedText.articles(
            ofRSSItems: items, namespaces: #"xmlns:content="http://purl.org/rss/1.0/modules/content/""#
        ).map(\.paragraphs)
    }

    /// Empty markup hid the description: "(the file holds no text for this story)" (found by QA).
    func testContentOfEmptyMarkupGivesWayToTheDescription() {
        let shown = paragraphs(
            """
            <item><title>a</title><guid>c1</guid><description>&lt;p&gt;The real description text.&lt;/p&gt;</description><content:encoded><![CDATA[]]></content:encoded></item>
            <item><title>b</title><guid>c2</guid><description>Desc two.</description><content:encoded><![CDATA[  <p> </p> <br/> <!-- x --> ]]></content:encoded></item>
            <item><title>c</title><guid>c3</guid><description>Kept out.</description><content:encoded><![CDATA[<p>The content.</p>]]></content:encoded></item>
            """)
        XCTAssertEqual(shown, [["The real description text."], ["Desc two."], ["The content."]])
    }

    /// Content of only an image showed "[image]" alone: the image, then the description.
    func testContentOfOnlyAnImageComesWithTheDescription() {
        let shown = paragraphs(
            """
            <item><title>a</title><guid>c3</guid><description>Desc three is text.</description><content:encoded><![CDATA[<img src="https://x.example/y.jpg" alt="A bridge">]]></content:encoded></item>
            <item><title>b</title><guid>c4</guid><description>&lt;img src="https://x.example/y.jpg"&gt; Text.</description><content:encoded><![CDATA[<img src="https://x.example/y.jpg">]]></content:encoded></item>
            <item><title>c</title><guid>c5</guid><description>&lt;p&gt; &lt;/p&gt;</description><content:encoded><![CDATA[<img src="https://x.example/y.jpg">]]></content:encoded></item>
            """)
        XCTAssertEqual(
            shown, [["[image: A bridge]", "Desc three is text."], ["[image] Text."], ["[image]"]])
    }

    /// A description that is the image's alt text or caption showed its words twice, under the
    /// image and as the text ("[image: A bridge at dawn]", "A bridge at dawn."): once now,
    /// whatever the case, spaces and punctuation. A description that says more is kept.
    func testADescriptionThatIsTheImagesCaptionShowsOnce() {
        let shown = paragraphs(
            """
            <item><title>Dawn</title><guid>p1</guid><description>A bridge at dawn.</description><content:encoded><![CDATA[<img src="https://x.example/bridge.jpg" alt="A bridge at dawn">]]></content:encoded></item>
            <item><title>Gate</title><guid>p2</guid><description>&lt;p&gt;The Golden Gate &amp;mdash; at DAWN&lt;/p&gt;</description><content:encoded><![CDATA[<figure><img src="https://x.example/gate.jpg" alt="The Golden Gate at dawn."><figcaption> </figcaption></figure>]]></content:encoded></item>
            <item><title>Fog</title><guid>p3</guid><description>Fog over the bay</description><content:encoded><![CDATA[<p><img src="https://x.example/a.jpg" alt="Fog over the bay, seen from the Marin Headlands"></p>]]></content:encoded></item>
            <item><title>More</title><guid>p4</guid><description>A bridge at dawn. The city woke to fog.</description><content:encoded><![CDATA[<img src="https://x.example/bridge.jpg" alt="A bridge at dawn">]]></content:encoded></item>
            """)
        XCTAssertEqual(
            shown,
            [
                ["[image: A bridge at dawn]"], ["[image: The Golden Gate at dawn.]"],
                ["[image: Fog over the bay, seen from the Marin Headlands]"],
                ["[image: A bridge at dawn]", "A bridge at dawn. The city woke to fog."],
            ])
    }
}
