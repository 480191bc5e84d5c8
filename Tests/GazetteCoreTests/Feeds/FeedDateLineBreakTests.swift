import Foundation
import XCTest

@testable import GazetteCore

/// A feed item's date with a CR LF in it, as a file with CR LF line ends gives it in a CDATA
/// section or as `&#13;&#10;`: read as the date (it was read as none; found by QA).
final class FeedDateLineBreakTests: XCTestCase {
    private let expected = Date(timeIntervalSince1970: 1_704_103_200)  // 2024-01-01T10:00:00Z

    /// The dates each format is given: a CR LF around, in CDATA, and as references.
    private let dates = [
        "\r\nMon, 01 Jan 2024 10:00:00 GMT\r\n", "<![CDATA[Mon, 01 Jan 2024\r\n10:00:00 GMT]]>",
        "Mon, 01 Jan 2024&#13;&#10;10:00:00 GMT", "Mon,&#13;&#10;01 Jan 2024 10:00:00 +0000",
        "<![CDATA[\r\n2024-01-01T12:00:00\r\n+02:00\r\n]]>",
    ]

    /// The feed's text with CR LF line ends.
    private func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    func testRSSDates() {
        for written in dates {
            let feed = ParsedFeed(
                crlf(
                    """
                    <?xml version="1.0"?>
                    <rss version="2.0"><channel><title>T</title>
                    <item><title>One</title><pubDate>\(written)</pubDate><description>Body</description></item>
                    </channel></rss>
                    """))
            XCTAssertEqual(feed.first?.date, expected, written)
        }
    }

    func testAtomDates() {
        for written in dates {
            let feed = ParsedFeed(
                crlf(
                    """
                    <?xml version="1.0"?>
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
                    <entry><title>One</title><id>urn:x:1</id><updated>\(written)</updated>
                    <content>Body</content></entry>
                    </feed>
                    """))
            XCTAssertEqual(feed.first?.date, expected, written)
        }
    }

    func testRDFDates() {
        for written in dates {
            let feed = ParsedFeed(
                crlf(
                    """
                    <?xml version="1.0"?>
                    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                      xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="http://e.x/"><title>T</title></channel>
                    <item rdf:about="http://e.x/1"><title>One</title><dc:date>\(written)</dc:date></item>
                    </rdf:RDF>
                    """))
            XCTAssertEqual(feed.first?.date, expected, written)
        }
    }
}
