import TestSupport
import XCTest

@testable import GazetteCore

/// Terminal escape sequences in a feed's text go whole, raw or written as references; an OSC 8
/// hyperlink keeps its text and its address is a link. Their payloads read as text
/// ("See ]8;;https://ex.com/x\the docs]8;;\ now").
final class FeedEscapeSequencesTests: XCTestCase {
    func testHyperlinksInABodyAreLinks() {
        let rendered = HTMLRenderer.render(
            "<p>See \u{1B}]8;;https://ex.com/x\u{1B}\\the docs\u{1B}]8;;\u{1B}\\ now. Bell "
                + "\u{1B}]8;id=3;https://ex.com/y\u{07}here\u{1B}]8;;\u{07}. Referenced "
                + "&#27;]8;;https://ex.com/z?a=1&amp;b=2&#x1b;\\zed&#27;]8;;&#27;\\ and "
                + "&#27;[1mbold&#27;[0m.</p>",
            baseURL: "https://ex.com/post")
        XCTAssertEqual(
            rendered.paragraphs, ["See the docs [1] now. Bell here [2]. Referenced zed [3] and bold."])
        XCTAssertEqual(rendered.links, ["https://ex.com/x", "https://ex.com/y", "https://ex.com/z?a=1&b=2"])
    }

    func testTitlesKeepTheTextOnly() {
        XCTAssertEqual(
            HTMLRenderer.titleText("A &#27;]8;;https://ex.com/t&#27;\\link&#27;]8;;&#27;\\ and &#27;[31mred"),
            "A link and red")
        XCTAssertEqual(HTMLRenderer.plainText("<b>x</b> \u{1B}]0;window title\u{07}y"), "x y")
    }

    func testAFeedsStoryShowsTheTextAndTheLink() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>e1</guid><title>Hi &amp;#27;[1mthere&amp;#27;[0m</title>\
                <description>&lt;p&gt;See &amp;#27;]8;;https://ex.com/x&amp;#27;\\the docs&amp;#27;]8;;&amp;#27;\\ now.&lt;/p&gt;</description></item>
                """)
        XCTAssertEqual(articles.map(\.title), ["Hi there"])
        XCTAssertEqual(articles.map(\.paragraphs), [["See the docs [1] now."]])
        XCTAssertEqual(articles.map(\.links), [["https://ex.com/x"]])
    }

    func testTextWithoutSequencesIsKept() {
        let text = "<p>Caf&#233; &#38; &#x2F; and a lone &#27;</p><p>\u{1B}<b>Next</b></p>"
        XCTAssertEqual(FeedEscapeSequences.removed("&#233; plain", linking: true), "&#233; plain")
        XCTAssertFalse(FeedEscapeSequences.mayHold("&#233; &#272; &#x1b0; &#2;"))
        XCTAssertTrue(FeedEscapeSequences.mayHold("a &#0027;"))
        XCTAssertTrue(FeedEscapeSequences.mayHold("a &#X1B;"))
        XCTAssertEqual(HTMLRenderer.render(text).paragraphs, ["Café & / and a lone", "Next"])
    }
}
