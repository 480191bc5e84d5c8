import GazetteCore
import TestSupport
import XCTest

/// A picture given only in an item's Media RSS fields is listed among its links as an
/// enclosure is; it was not shown at all.
final class FeedMediaPicturesTests: XCTestCase {
    func testAPictureGivenOnlyAsMediaIsListed() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>a</guid><title>Content</title><description>Text.</description>\
                <media:content medium="image" url="https://ex.com/a.jpg" type="image/jpeg" fileSize="52000"/>\
                <media:thumbnail url="https://ex.com/a-small.jpg"/></item>
                <item><guid>b</guid><title>Thumbnail</title><description>Text.</description>\
                <media:thumbnail url="/b.png"/></item>
                <item><guid>c</guid><title>Inline</title><description>&lt;img src="https://ex.com/c.jpg" alt="C"&gt;</description>\
                <media:content medium="image" url="https://ex.com/c.jpg"/></item>
                <item><guid>d</guid><title>Episode</title><description>Text.</description>\
                <enclosure url="https://ex.com/d.mp3" type="audio/mpeg"/><media:thumbnail url="https://ex.com/d.jpg"/></item>
                """,
            namespaces: #"xmlns:media="http://search.yahoo.com/mrss/""#,
            channelHead: "<link>https://ex.com/</link>")
        XCTAssertEqual(
            articles.map(\.links),
            [["https://ex.com/a.jpg"], ["https://ex.com/b.png"], [], ["https://ex.com/d.mp3"]])
        XCTAssertEqual(articles[0].linkLabels, [0: "image (jpeg, 52 KB)"])
        XCTAssertEqual(articles[1].linkLabels, [0: "image"])
        XCTAssertEqual(articles[2].paragraphs, ["[image: C]"])
    }
}
