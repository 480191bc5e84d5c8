import GazetteCore
import TestSupport
import XCTest

/// What a feed says a video or a sound shows (its `media:description`, else its `media:title`,
/// on the `media:content` or its `media:group`) shows in the article as a picture's caption does,
/// "[video: description]" before the body; it was dropped (Mastodon's alt text of a video).
final class FeedMediaFileDescriptionTests: XCTestCase {
    private let media = #"xmlns:media="http://search.yahoo.com/mrss/""#

    func testAVideosOrSoundsDescriptionShowsAsAPicturesCaptionDoes() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>a</guid><title>Post</title><description>&lt;p&gt;Look.&lt;/p&gt;</description>\
                <media:content url="https://ex.com/clip.mp4" type="video/mp4" fileSize="5000000" medium="video">\
                <media:description type="plain">A cat  jumping
                off a shelf</media:description></media:content></item>
                <item><guid>b</guid><title>Episode</title><description>Listen.</description>\
                <media:content url="https://ex.com/sound.mp3" type="audio/mpeg">\
                <media:title>The theme tune</media:title></media:content></item>
                <item><guid>c</guid><title>Both</title><description>Text.</description>\
                <media:content url="https://ex.com/p.jpg" medium="image">\
                <media:description>A picture</media:description></media:content>\
                <media:content url="https://ex.com/v.mp4" medium="video">\
                <media:title>Its title</media:title>\
                <media:description type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; a &lt;i&gt;cat&lt;/i&gt;</media:description>\
                </media:content></item>
                """,
            namespaces: media)
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [
                ["[video: A cat jumping off a shelf]", "Look."], ["[audio: The theme tune]", "Listen."],
                ["[image: A picture]", "[video: Bold & a cat]", "Text."],
            ])
        XCTAssertEqual(articles.first?.linkLabels, [0: "video (mp4, 5 MB)"])
    }

    func testAGroupsDescriptionIsItsFilesOnce() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>a</guid><title>Talk</title><description>Notes.</description>\
                <media:group><media:title>Talk</media:title>\
                <media:content url="https://ex.com/t.webm" type="video/webm"/>\
                <media:content url="https://ex.com/t.mp4" type="video/mp4"/>\
                <media:description>Recorded at the meetup</media:description></media:group></item>
                <item><guid>b</guid><title>Item's own</title><description>Notes.</description>\
                <media:description>Of the item, not of its video</media:description>\
                <media:content url="https://ex.com/i.mp4" type="video/mp4"/></item>
                """,
            namespaces: media)
        XCTAssertEqual(
            articles.map(\.paragraphs), [["[video: Recorded at the meetup]", "Notes."], ["Notes."]])
        XCTAssertEqual(articles.first?.links, ["https://ex.com/t.webm", "https://ex.com/t.mp4"])
    }

    func testOneThatSaysNothingMoreShowsNothing() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>a</guid><title>Empty</title><description>Text.</description>\
                <media:content url="https://ex.com/1.mp4" medium="video">\
                <media:description>  \u{200B} </media:description><media:title> </media:title></media:content></item>
                <item><guid>b</guid><title>A cat jumping</title><description>Text.</description>\
                <media:content url="https://ex.com/2.mp4" medium="video">\
                <media:description>A cat, jumping.</media:description></media:content></item>
                <item><guid>c</guid><title>Same text</title><description>The cat jumps off the shelf.</description>\
                <media:content url="https://ex.com/3.mp4" medium="video">\
                <media:description>The cat jumps off the shelf</media:description></media:content></item>
                <item><guid>d</guid><title>Only media</title>\
                <media:content url="https://ex.com/4.mp4" medium="video">\
                <media:description>The body it is</media:description></media:content></item>
                <item><guid>e</guid><title>Not a file</title><description>Text.</description>\
                <media:content url="https://ex.com/v.swf" type="application/x-shockwave-flash">\
                <media:description>A player</media:description></media:content></item>
                """,
            namespaces: media)
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [["Text."], ["Text."], ["The cat jumps off the shelf."], ["The body it is"], ["Text."]])
    }

    func testAnAtomEntrysVideoDescriptionShows() {
        let articles = FeedText.articles(
            of: """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
                <title>F</title><link href="https://ex.com/"/>
                <entry><id>urn:a</id><title>Video</title><summary>Text.</summary>\
                <media:group><media:title>Video</media:title>\
                <media:content url="https://ex.com/a.webm" type="video/webm" fileSize="2000000"/>\
                <media:description>What the video shows</media:description></media:group></entry>
                <entry><id>urn:b</id><title>Player</title>\
                <media:group><media:content url="https://ex.com/v/1" type="application/x-shockwave-flash"/>\
                <media:description>A player's text is the body</media:description></media:group></entry>
                </feed>
                """, format: .atom)
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [["[video: What the video shows]", "Text."], ["A player's text is the body"]])
    }
}
