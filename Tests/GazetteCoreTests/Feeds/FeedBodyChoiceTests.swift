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
}
