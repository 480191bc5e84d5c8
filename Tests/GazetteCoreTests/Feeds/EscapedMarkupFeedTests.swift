import Foundation
import XCTest

@testable import GazetteCore

/// Feeds whose titles and bodies spell out tags, escaped once more than markup would be: the
/// tags are text to show (they were read as markup, and removed with their words).
final class EscapedMarkupFeedTests: XCTestCase {
    /// The titles and bodies the reader shows for the feed's items.
    private func shown(_ text: String) -> [(title: String, body: [String])] {
        ParsedFeed(text).items.map { item in
            let body =
                item.contentIsHTML
                ? HTMLRenderer.render(item.content, baseURL: item.link).paragraphs : [item.content]
            return (FeedArticle.title(of: item), body)
        }
    }

    func testRSSTitlesAndBodies() {
        let items = shown(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Dbl</title>
            <item><title>Use &amp;lt;b&amp;gt; for bold and &amp;lt;script&amp;gt; tags</title><description>Body: use &amp;lt;b&amp;gt; for bold, and &amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt; tags; also &amp;lt;p&amp;gt;.</description></item>
            <item><title>Why 1 &amp;lt; 2 and 3 &amp;gt; 2</title><description>Compare: a &amp;lt;b and c&amp;gt; d</description></item>
            <item><title><![CDATA[The <video> element & &lt;audio&gt; tag]]></title><description><![CDATA[<p>The &lt;video&gt; element and &lt;script&gt;alert(1)&lt;/script&gt; example.</p>]]></description></item>
            <item><title>A &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; move</title><description>&amp;lt;p&amp;gt;One&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;Two&amp;lt;/p&amp;gt;</description></item>
            </channel></rss>
            """)
        XCTAssertEqual(
            items.map(\.title),
            [
                "Use <b> for bold and <script> tags", "Why 1 < 2 and 3 > 2",
                "The <video> element & <audio> tag",
                "A bold move",
            ])
        XCTAssertEqual(
            items.map(\.body),
            [
                ["Body: use <b> for bold, and <script>x</script> tags; also <p>."],
                ["Compare: a <b and c> d"],
                ["The <video> element and <script>alert(1)</script> example."], ["One", "Two"],
            ])
    }

    /// A CDATA body is HTML: its `&lt;b&gt;` is the text "<b>", even beside a tag that holds an
    /// attribute or is closed, when the tags are words of the text; a body all markup escaped
    /// once more is still read as markup (found by QA).
    func testCDATABodiesThatSpeakOfTags() {
        let items = shown(
            #"""
            <rss version="2.0"><channel><title>DE</title>
            <item><guid>1</guid><title>A</title><description><![CDATA[The &lt;dialog&gt; element now works. Use it with &lt;form method="dialog"&gt; [&#8230;]]]></description></item>
            <item><guid>2</guid><title>B</title><description><![CDATA[Tip: wrap text in &lt;b&gt; and &lt;/b&gt; to make it bold, and use &lt;br&gt; for a break.]]></description></item>
            <item><guid>3</guid><title>C</title><description><![CDATA[&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;]]></description></item>
            <item><guid>4</guid><title>D</title><description><![CDATA[One&lt;br&gt;two, a &lt;a href="https://ex.com/"&gt;link&lt;/a&gt; here]]></description></item>
            </channel></rss>
            """#)
        XCTAssertEqual(
            items.map(\.body),
            [
                [#"The <dialog> element now works. Use it with <form method="dialog"> […]"#],
                ["Tip: wrap text in <b> and </b> to make it bold, and use <br> for a break."],
                ["Hello world", "Second"], ["One\ntwo, a link [1] here"],
            ])
    }

    func testAtomHTMLTitlesAndContent() {
        let items = shown(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>D2</title><id>urn:d2</id><updated>2024-01-01T00:00:00Z</updated>
            <entry><title type="html">The &amp;lt;dialog&amp;gt; element is here</title><id>d1</id><updated>2024-01-01T00:00:00Z</updated>
            <content type="html">Use the &amp;lt;dialog&amp;gt; element for modals.</content></entry>
            <entry><title type="html">&lt;em&gt;New:&lt;/em&gt; the &amp;lt;dialog&amp;gt; element</title><id>d2</id><updated>2024-01-01T00:00:00Z</updated>
            <content type="html">&lt;p&gt;Use the &amp;lt;dialog&amp;gt; element for modals.&lt;/p&gt;</content></entry>
            <entry><title type="text">Plain &lt;dialog&gt; text title</title><id>d3</id><updated>2024-01-01T00:00:00Z</updated>
            <content type="text">Use the &lt;dialog&gt; element.</content></entry>
            </feed>
            """)
        XCTAssertEqual(
            items.map(\.title),
            ["The <dialog> element is here", "New: the <dialog> element", "Plain <dialog> text title"])
        XCTAssertEqual(
            items.map(\.body),
            [
                ["Use the <dialog> element for modals."], ["Use the <dialog> element for modals."],
                ["Use the <dialog> element."],
            ])
    }

    func testJSONFeedContentHTML() {
        let items = shown(
            #"{"version":"https://jsonfeed.org/version/1.1","title":"J2","items":[{"id":"1","title":"The <dialog> element","content_html":"Use the &lt;dialog&gt; element for modals."}]}"#
        )
        XCTAssertEqual(items.map(\.title), ["The <dialog> element"])
        XCTAssertEqual(items.map(\.body), [["Use the <dialog> element for modals."]])
    }
}
