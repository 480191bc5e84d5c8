import Foundation
import XCTest

@testable import GazetteCore

/// An item whose body is one CDATA section over libxml2's 10,000,000 bytes is read whole,
/// and so are the items around it: it was lost ("XML error 1"), and every story of the file
/// when it came first (found by QA).
final class FeedHugeItemTests: XCTestCase {
    /// HTML paragraphs, `megabytes` MiB or a little less.
    private func html(megabytes: Int) -> String {
        let paragraph = "<p>" + String(repeating: "lorem ipsum dolor sit amet ", count: 40) + "</p>"
        return String(repeating: paragraph, count: megabytes << 20 / paragraph.utf8.count)
    }

    private func rssItem(_ title: String, _ body: String) -> String {
        "<item><title>\(title)</title><link>http://example.com/\(title.count)</link>"
            + "<description>\(body)</description></item>\n"
    }

    private func rss(_ items: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Big</title>"
            + "<link>http://example.com/</link>\n\(items)</channel></rss>\n"
    }

    private func assertRead(
        _ feed: ParsedFeed, _ titles: [String], body: String, at index: Int,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertNil(feed.error, file: file, line: line)
        XCTAssertEqual(feed.warnings, [], file: file, line: line)
        XCTAssertEqual(feed.items.map(FeedArticle.title(of:)), titles, file: file, line: line)
        guard feed.items.count > index else { return }
        let content = feed.items[index].content
        XCTAssertEqual(content.utf8.count, body.utf8.count, file: file, line: line)
        XCTAssertTrue(content == body, "the body is not the section's text", file: file, line: line)
    }

    func testAnItemWithACDATABodyOver10MBIsReadWithTheItemsAround() {
        let body = html(megabytes: 11)
        let feed = ParsedFeed(
            rss(
                rssItem("Small before", "small") + rssItem("Big item", "<![CDATA[\(body)]]>")
                    + rssItem("Small after", "small")))
        assertRead(feed, ["Small before", "Big item", "Small after"], body: body, at: 1)
    }

    /// First in the file, the item was lost with every story after it: the file held no
    /// articles.
    func testAFirstItemWithACDATABodyOver10MBIsRead() {
        let body = html(megabytes: 17)
        let feed = ParsedFeed(
            rss(rssItem("Big item", "<![CDATA[\(body)]]>") + rssItem("Small after", "small")))
        assertRead(feed, ["Big item", "Small after"], body: body, at: 0)
    }

    func testAnAtomEntryWithACDATAContentOver10MBIsRead() {
        let body = html(megabytes: 11)
        func entry(_ title: String, _ content: String) -> String {
            "<entry><title>\(title)</title><id>urn:\(title.count)</id><link href=\"http://example.com/\(title.count)\"/>"
                + "<content type=\"html\">\(content)</content></entry>\n"
        }
        let feed = ParsedFeed(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Big</title><id>urn:feed</id>\n" + entry("Small before", "small")
                + entry("Big item", "<![CDATA[\(body)]]>") + entry("Small after", "small") + "</feed>\n")
        assertRead(feed, ["Small before", "Big item", "Small after"], body: body, at: 1)
    }

    /// An attribute value over libxml2's 10,000,000 bytes and a name over its 50,000 are cut
    /// by the sanitizer: the item is read, without a warning (the break there was named).
    func testAHugeAttributeValueOrNameNoLongerBreaksTheXML() {
        let value = String(repeating: "a", count: 11 << 20)
        let attribute = ParsedFeed(
            rss(
                rssItem("Small before", "small")
                    + "<item><title>Big</title><enclosure url=\"http://e.example/x\" title=\"\(value)\"/></item>\n"
                    + rssItem("Small after", "small")))
        XCTAssertEqual(attribute.warnings, [])
        XCTAssertEqual(attribute.items.map(FeedArticle.title(of:)), ["Small before", "Big", "Small after"])
        let name = String(repeating: "n", count: 60_000)
        let element = ParsedFeed(
            rss(
                rssItem("Small before", "small") + rssItem("Big", "a <\(name)>b</\(name)> c")
                    + rssItem("Small after", "small")))
        XCTAssertEqual(element.warnings, [])
        XCTAssertEqual(element.items.map(FeedArticle.title(of:)), ["Small before", "Big", "Small after"])
    }
}
