import TestSupport
import XCTest

@testable import GazetteCore

/// An address in angle brackets in a feed's HTML (`<jane@example.com>`, `<https://…>`), as
/// mailing-list archives and Mastodon bridges write one, was dropped as a tag: no element's
/// name holds "@" or ".", or is a scheme followed by "//", and it shows as text.
final class HTMLAddressTagTests: XCTestCase {
    func testAnAddressInAngleBracketsIsText() {
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>From Jane <jane@example.com> wrote:</p><p>See <https://example.com/a/b?c=1>.</p>"
            )
            .paragraphs,
            ["From Jane <jane@example.com> wrote:", "See <https://example.com/a/b?c=1>."])
        XCTAssertEqual(
            HTMLRenderer.render("Reply to <a@b.c>, <mailto:x@y.z> or <www.example.com>").paragraphs,
            ["Reply to <a@b.c>, <mailto:x@y.z> or <www.example.com>"])
        // An address never closed is text up to where it ends; the text after it stays.
        XCTAssertEqual(
            HTMLRenderer.render("<p>Write <jane@example.com and more</p>").paragraphs,
            ["Write <jane@example.com and more"])
        // Plain text and the word count say the same.
        XCTAssertEqual(HTMLRenderer.plainText("<p>Mail <a@b.c> now</p>"), "Mail <a@b.c> now")
        XCTAssertEqual(HTMLRenderer.wordCount("<p>Mail <a@b.c> now</p>"), 3)
        // In markup escaped once more than it should be, too.
        let twice = "&lt;p&gt;Mail &lt;a@b.c&gt; &lt;b&gt;now&lt;/b&gt;&lt;/p&gt;"
        XCTAssertEqual(HTMLRenderer.render(twice).paragraphs, ["Mail <a@b.c> now"])
        XCTAssertEqual(HTMLRenderer.plainText(twice), "Mail <a@b.c> now")
    }

    func testElementsStayElements() {
        let rendered = HTMLRenderer.render(
            #"<p><a href="mailto:a@b.c">Mail</a> <img src="x.png" alt="X"> <o:p>q</o:p> <b>b</b></p>"#)
        XCTAssertEqual(rendered.paragraphs, ["Mail [1] [image: X]", "q", "b"])
        XCTAssertEqual(rendered.links, ["mailto:a@b.c"])
        XCTAssertEqual(HTMLRenderer.render("<p>a<br/>b</p>").paragraphs, ["a\nb"])
    }

    /// In a feed's CDATA body; the ids made of titles read as before (the title as read before
    /// it showed addresses), the title itself shows it.
    func testInAFeedsBody() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>g1</guid><title>Re: build &lt;dev@lists.example.org&gt;</title>\
                <description><![CDATA[<p>On Monday, Jane <jane@example.com> wrote:</p><blockquote>It builds.</blockquote>]]></description></item>
                """)
        XCTAssertEqual(
            articles.map(\.paragraphs), [["On Monday, Jane <jane@example.com> wrote:", "> It builds."]])
        XCTAssertEqual(articles.map(\.title), ["Re: build <dev@lists.example.org>"])
    }
}
