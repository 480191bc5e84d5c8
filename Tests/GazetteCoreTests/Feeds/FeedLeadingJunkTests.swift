import XCTest

@testable import GazetteCore

/// A WordPress feed with a PHP warning printed before it (`<br />`, `<b>Warning</b>`…) was
/// "no RSS, RDF or Atom feed": the warning's first tag was taken for the root. The feed is read
/// from its `<?xml` (or root) at the start of a line near the top; HTML pages stay no feed.
final class FeedLeadingJunkTests: XCTestCase {
    private let warning = """
        <br />
        <b>Warning</b>:  Undefined variable $x in <b>/var/www/html/wp-content/plugins/foo.php</b> on line \
        <b>12</b><br />

        """

    private let feed = """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
        \txmlns:dc="http://purl.org/dc/elements/1.1/"
        \t>
        <channel><title>The Daily Brew</title><link>https://dailybrew.example</link>
        <item><title>Hand grinder</title><link>https://dailybrew.example/grinder/</link>
        <description>Text.</description></item>
        <item><title>Short note</title><link>https://dailybrew.example/note/</link></item>
        </channel></rss>
        """

    private func titles(_ text: String) throws -> [String] {
        var titles: [String] = []
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBytes { buffer in
            _ = try FeedParser.parse(buffer) { item in
                titles.append(item.title)
                return true
            }
        }
        return titles
    }

    /// The format found, on the bytes and read as text alike.
    private func detect(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SourceFormat? {
        let (bytes, text) = Array(text.utf8).withUnsafeBytes {
            (FeedParser.detect($0), FeedParser.detectByText($0))
        }
        XCTAssertEqual(bytes, text, file: file, line: line)
        return bytes
    }

    func testAFeedAfterAPHPWarningIsRead() throws {
        XCTAssertEqual(detect(warning + feed), .rss)
        XCTAssertEqual(try titles(warning + feed), ["Hand grinder", "Short note"])
        let atom =
            #"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>tag:a,1</id>"#
            + "<title>One</title></entry></feed>"
        XCTAssertEqual(detect(warning + atom), .atom)
        XCTAssertEqual(try titles(warning + atom), ["One"])
        Array((warning + feed).utf8).withUnsafeBytes {
            XCTAssertEqual(FormatDetector.detect($0), .success(.rss))
        }
    }

    /// A loop's warnings run past 4 KiB: fifty of them (about 5 KB) were "not a news file"
    /// (found by QA).
    func testAFeedAfterManyWarningsIsRead() throws {
        let many = String(repeating: warning, count: 80)
        XCTAssertGreaterThan(many.utf8.count, 8 << 10)
        XCTAssertEqual(detect(many + feed), .rss)
        XCTAssertEqual(try titles(many + feed), ["Hand grinder", "Short note"])
    }

    func testTheFeedStartsAtItsDeclarationOrRoot() {
        let start = Array((warning + feed).utf8).withUnsafeBytes { FeedLeadingJunk.feedStart(in: $0) }
        XCTAssertEqual(start, warning.utf8.count)
        // Feeds that start as feeds, or after lines of text alone, are read as they were.
        for text in [feed, "<!-- c -->\n" + feed, "HTTP/1.1 200 OK\nContent-Type: text/xml\n\n" + feed] {
            XCTAssertNil(Array(text.utf8).withUnsafeBytes { FeedLeadingJunk.feedStart(in: $0) }, text)
        }
    }

    func testHTMLPagesAndTagsLateInTheFileAreNoFeed() {
        XCTAssertNil(detect("<p>Hi</p>\n<html>\n" + feed))
        XCTAssertNil(detect("<channel><rss>"))
        // A dump that starts with text is no feed, whatever tags it quotes.
        XCTAssertNil(detect("Story one\nIt quotes:\n<b>XML</b>\n" + feed))
        XCTAssertNil(detect(warning + String(repeating: "<b>more</b>\n", count: 6_000) + feed))
    }
}
