import GazetteCore
import TestSupport
import XCTest

/// The title said again at the very start of the body shows once, as the title.
final class FeedTitleInBodyTests: XCTestCase {
    func testALeadingHeadingOrParagraphThatIsTheTitleIsLeftOut() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>m1</guid><title>10 Things I Learned</title><content:encoded><![CDATA[<h3>10 Things I Learned</h3><h2>Next</h2><p>Body.</p>]]></content:encoded></item>
                <item><guid>m2</guid><title>Leaf mould</title><description>Leaf mould</description></item>
                <item><guid>m3</guid><title>Big news!</title><description><![CDATA[<p>big  NEWS</p><p>Text.</p>]]></description></item>
                <item><guid>m4</guid><title>Big news</title><description><![CDATA[<p>Big news today: more.</p><p>Big news</p>]]></description></item>
                <item><guid>m5</guid><description><![CDATA[<p>A post with no title.</p>]]></description></item>
                <item><guid>m6</guid><title>Standard Ebooks</title><description><![CDATA[<p>Standard Ebooks:</p><blockquote>Quoted.</blockquote>]]></description></item>
                """,
            namespaces: #"xmlns:content="http://purl.org/rss/1.0/modules/content/""#)
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [
                ["Next", "Body."], ["Leaf mould"], ["Text."], ["Big news today: more.", "Big news"],
                ["A post with no title."],
                ["Standard Ebooks:", "> Quoted."],
            ])
        XCTAssertEqual(articles.first?.headings, [0])
    }

    /// A body that is only the title again stays: without it the story said the file held no
    /// text for it (miniflux's commit entries, a description that is the title).
    func testABodyOfTheTitleAloneStays() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>a</guid><title>Fix the build</title><description>Fix the build</description></item>
                <item><guid>b</guid><title>Leaf mould</title><description><![CDATA[<h3>Leaf mould</h3>]]></description></item>
                """)
        XCTAssertEqual(articles.map(\.paragraphs), [["Fix the build"], ["Leaf mould"]])
    }
}
