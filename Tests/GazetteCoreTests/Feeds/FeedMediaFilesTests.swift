import GazetteCore
import TestSupport
import XCTest

/// A video or a sound given in an item's Media RSS `media:content` (Mastodon's attachments) is
/// listed among its links as an enclosure of its kind is; it was dropped.
final class FeedMediaFilesTests: XCTestCase {
    func testAVideoOrSoundGivenAsMediaIsListedAsAnEnclosure() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>a</guid><title>Video</title><description>Look.</description>\
                <media:content url="https://ex.com/clip.mp4" type="video/mp4" fileSize="5000000" medium="video">\
                <media:description type="plain">A cat jumping</media:description></media:content></item>
                <item><guid>b</guid><title>Sound</title><description>Listen.</description>\
                <media:content url="https://ex.com/sound.mp3" type="audio/mpeg" fileSize="1000000" medium="audio"/></item>
                <item><guid>c</guid><title>Group</title><description>Audio group.</description>\
                <media:group><media:content url="https://ex.com/3.ogg" type="audio/ogg"/>\
                <media:content url="/3.mp3" type="audio/mpeg"/></media:group></item>
                <item><guid>d</guid><title>Both</title><description>Text.</description>\
                <enclosure url="https://ex.com/ep.mp4" length="9000000" type="video/mp4"/>\
                <media:content url="https://ex.com/ep.mp4" type="video/mp4" medium="video"/></item>
                <item><guid>e</guid><title>Medium only</title><description>Text.</description>\
                <media:content url="https://ex.com/anim" medium="video"/>\
                <media:content url="https://ex.com/a.jpg" medium="image"/></item>
                <item><guid>f</guid><title>Player</title><description>Text.</description>\
                <media:content url="https://ex.com/v.swf" type="application/x-shockwave-flash"/></item>
                """,
            namespaces: #"xmlns:media="http://search.yahoo.com/mrss/""#,
            channelHead: "<link>https://ex.com/</link>")
        XCTAssertEqual(
            articles.map(\.links),
            [
                ["https://ex.com/clip.mp4"], ["https://ex.com/sound.mp3"],
                ["https://ex.com/3.ogg", "https://ex.com/3.mp3"], ["https://ex.com/ep.mp4"],
                ["https://ex.com/anim", "https://ex.com/a.jpg"], [],
            ])
        XCTAssertEqual(
            articles.map(\.linkLabels),
            [
                [0: "video (mp4, 5 MB)"], [0: "audio (mpeg, 1 MB)"], [0: "audio (ogg)", 1: "audio (mpeg)"],
                [0: "video (mp4, 9 MB)"], [0: "video", 1: "image"], [:],
            ])
    }

    func testAnAtomEntrysVideoIsListed() {
        let articles = FeedText.articles(
            of: """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
                <title>F</title><link href="https://ex.com/"/>
                <entry><id>urn:a</id><title>Video</title><summary>Text.</summary>\
                <media:group><media:content url="https://ex.com/a.webm" type="video/webm" fileSize="2000000"/>\
                </media:group></entry></feed>
                """, format: .atom)
        XCTAssertEqual(articles.map(\.links), [["https://ex.com/a.webm"]])
        XCTAssertEqual(articles.first?.linkLabels, [0: "video (webm, 2 MB)"])
    }
}
