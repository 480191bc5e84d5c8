import XCTest

@testable import GazetteCore

/// A link to a place in the story's own page is told as such when the page's address is
/// written another way: such footnotes were numbered among the Links.
final class StoryPageAddressTests: XCTestCase {
    func testThePageWrittenAnotherWayIsThePage() {
        let page: Substring = "https://Blog.example/post/?id=3&utm_source=rss"
        for address: Substring in [
            "http://blog.example/post?id=3", "https://blog.example:443/post/?utm_medium=feed&id=3",
            "https://blog.example/post//?id=3",
        ] {
            XCTAssertTrue(StoryPageAddress.same(address, page), String(address))
        }
        for address: Substring in [
            "https://blog.example/post/?id=4", "https://blog.example/other/?id=3",
            "https://www.other.example/post/?id=3", "ftp://blog.example/post/?id=3",
        ] {
            XCTAssertFalse(StoryPageAddress.same(address, page), String(address))
        }
    }

    func testFootnotesLinkedByThePageWrittenAnotherWay() {
        let rendered = HTMLRenderer.render(
            """
            <p>Text<a class="footnote-anchor" href="https://s.example/p/post#footnote-1">1</a> and \
            two<sup><a href="http://s.example/p/post/#fn2">2</a></sup>, <a href="https://s.example/p/post#jump">on</a>.</p>\
            <ol><li>Note. <a href="http://S.example/p/post?utm_campaign=x#fnref2">↩</a></li></ol>
            """, baseURL: "https://s.example/p/post?utm_source=substack&utm_medium=email")
        XCTAssertEqual(rendered.paragraphs, ["Text¹ and two², on [1].", "1. Note."])
        XCTAssertEqual(rendered.links, ["https://s.example/p/post#jump"])
    }
}
