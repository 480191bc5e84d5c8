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

    /// WordPress.com and Jetpack give each item its author's Gravatar as a `media:content`
    /// picture after the story's own: it was listed as the story's picture.
    func testAnAuthorsGravatarIsNotListed() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>a</guid><title>Log cabin</title><dc:creator>Betty Smith</dc:creator>\
                <description>Text.</description>\
                <media:thumbnail url="https://quilts.files.wordpress.com/logcabin.jpg"/>\
                <media:content url="https://quilts.files.wordpress.com/logcabin.jpg" medium="image">\
                <media:title type="html">logcabin</media:title></media:content>\
                <media:content url="https://0.gravatar.com/avatar/0123abcd?s=96&#38;d=identicon&#38;r=G" medium="image">\
                <media:title type="html">bettyquilts</media:title></media:content></item>
                <item><guid>b</guid><title>Fabric haul</title><description>Text.</description>\
                <media:content url="https://secure.gravatar.com/avatar/0123abcd?s=96" medium="image">\
                <media:title type="html">bettyquilts</media:title></media:content></item>
                <item><guid>c</guid><title>Release</title><description>Text.</description>\
                <media:thumbnail url="https://avatars.githubusercontent.com/u/1234567?s=60&amp;v=4"/></item>
                """,
            namespaces:
                #"xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/""#,
            channelHead: "<link>https://quilts.wordpress.com/</link>")
        XCTAssertEqual(articles.map(\.links), [["https://quilts.files.wordpress.com/logcabin.jpg"], [], []])
    }
}
