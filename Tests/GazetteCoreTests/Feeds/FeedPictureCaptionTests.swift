import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A picture's `media:description` beside an item's description shows as the picture's
/// caption, "[image: caption]", before the text, unless the text says it already.
final class FeedPictureCaptionTests: XCTestCase {
    private func articles(_ items: String) -> [Article] {
        FeedText.articles(
            ofRSSItems: items,
            namespaces: #"xmlns:media="http://search.yahoo.com/mrss/" "#
                + #"xmlns:dc="http://purl.org/dc/elements/1.1/""#)
    }

    /// The caption was dropped: the story showed its description alone.
    func testAPicturesCaptionShowsBeforeTheDescription() {
        let shown = articles(
            """
            <item><title>Martial law lifted</title><guid>https://news.example/1</guid>
            <description>Lawmakers voted to lift it hours after it was declared.</description>
            <media:content url="https://img.example/assembly.jpg" medium="image" width="1024" height="576"/>
            <media:description>Protesters outside the National Assembly in Seoul.</media:description></item>
            <item><title>Bluesfest</title><guid>https://news.example/2</guid>
            <description><![CDATA[<p>We were booked to play closing night.</p>]]></description>
            <media:content url="https://img.example/stage.jpg" type="image/jpeg">
            <media:credit>Renee Doiron</media:credit>
            <media:description type="html"><![CDATA[Adrian Sutherland on the <b>City Stage</b>. ]]></media:description>
            </media:content></item>
            <item><title>Floods</title><guid>https://news.example/3</guid>
            <description>Rivers burst their banks overnight.</description>
            <media:thumbnail url="https://img.example/river.jpg" width="976" height="549"/>
            <media:description>  The Ouse at York,
              on Sunday  </media:description></item>
            """)
        XCTAssertEqual(
            shown.map(\.paragraphs),
            [
                [
                    "[image: Protesters outside the National Assembly in Seoul.]",
                    "Lawmakers voted to lift it hours after it was declared.",
                ],
                ["[image: Adrian Sutherland on the City Stage.]", "We were booked to play closing night."],
                ["[image: The Ouse at York, on Sunday]", "Rivers burst their banks overnight."],
            ])
        // The caption is searched with the text; the words and ids are the description's.
        XCTAssertEqual(shown.map(\.wordCount), [10, 7, 5])
        XCTAssertEqual(
            shown.map(\.id.rawValue),
            ["https://news.example/1", "https://news.example/2", "https://news.example/3"])
    }

    /// A description that says the caption (as an image's alt text, the way most feeds that
    /// give both write it, or in its words) does not show it twice; a video's description
    /// is no picture's caption (it shows as the video's, ``FeedMediaFileDescriptionTests``),
    /// nor a podcast episode's (an audio enclosure beside its thumbnail), and a caption that is
    /// the story's only text is its body.
    func testACaptionTheStorySaysOrNoPicturesIsNotShown() {
        let shown = articles(
            """
            <item><title>Hijabs</title><guid>h1</guid>
            <description type="html"><![CDATA[<img src="https://img.example/h.png" alt="About 50 female students at Dakota Collegiate wear hijabs." data-caption="About 50 female students at Dakota Collegiate wear hijabs."><p>Winnipeg students can now wear a custom hijab.</p>]]></description>
            <media:content url="https://img.example/h.png" medium="image"><media:description><![CDATA[About 50 female students at Dakota Collegiate wear hijabs.]]></media:description></media:content>
            <media:content url="https://video.example/h.mp4" medium="video"><media:description><![CDATA[Watch: the team's first game.]]></media:description></media:content></item>
            <item><title>Drums</title><guid>h2</guid>
            <description>Backstage: Tom Petty &amp; the Heartbreakers' drum kit, at Bluesfest.</description>
            <media:content url="https://img.example/drums.jpg"><media:description>Tom Petty &amp; The Heartbreakers’ drum kit</media:description></media:content></item>
            <item><title>Talk</title><guid>h3</guid><description>The keynote, in full.</description>
            <media:group><media:content url="https://video.example/talk.mp4" type="video/mp4"/>
            <media:thumbnail url="https://img.example/talk.jpg"/>
            <media:description>An hour on the future of the web.</media:description></media:group></item>
            <item><title>Photo</title><guid>h4</guid>
            <media:content url="https://img.example/p.jpg" medium="image"><media:description>Only a caption.</media:description></media:content></item>
            <item><title>Episode 4</title><guid>h5</guid><description>Podcast notes.</description>
            <enclosure url="https://cdn.example/ep4.mp3" type="audio/mpeg" length="1"/>
            <media:thumbnail url="https://img.example/ep4.jpg"/>
            <media:description>The episode's summary, said again.</media:description></item>
            """)
        XCTAssertEqual(
            shown.map(\.paragraphs),
            [
                [
                    "[video: Watch: the team's first game.]",
                    "[image: About 50 female students at Dakota Collegiate wear hijabs.]",
                    "Winnipeg students can now wear a custom hijab.",
                ],
                ["Backstage: Tom Petty & the Heartbreakers' drum kit, at Bluesfest."],
                ["[video: An hour on the future of the web.]", "The keynote, in full."],
                ["Only a caption."],
                ["Podcast notes."],
            ])
    }

    /// The headings of a description stay its headings after a caption.
    func testHeadingsStayTheirsAfterACaption() throws {
        let shown = try XCTUnwrap(
            articles(
                """
                <item><title>Storm</title><guid>s1</guid>
                <description><![CDATA[<h2>What we know</h2><p>Winds reached 120 km/h.</p>]]></description>
                <media:content url="https://img.example/storm.jpg" medium="image"><media:description>Waves at Brighton.</media:description></media:content></item>
                """
            ).first)
        XCTAssertEqual(
            shown.paragraphs, ["[image: Waves at Brighton.]", "What we know", "Winds reached 120 km/h."])
        XCTAssertEqual(shown.headings, [1])
    }
}
