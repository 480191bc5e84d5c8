import Foundation
import XCTest

@testable import GazetteCore

/// A feed item's author is a byline: the list and the credit column show it as written.
final class FeedBylineTests: XCTestCase {
    private func details(of text: String, format: SourceFormat) -> [ArticleDetails] {
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "F", format: format),
            bytes: FileBytes(bytes: Array(text.utf8)))
        return opened.indexAll().map { opened.details($0) }
    }

    /// Authors with a slash or a comma were cut as a photo credit is ("/u/gst" showed "u",
    /// "AC/DC Fan Club" "AC", "John Smith, AP" "AP"; found by QA). The address of the author's
    /// page shows as the page's name (``RSSAuthor/pageName(_:)``), not cut either.
    func testAFeedAuthorShowsAsWritten() {
        let authors = [
            "/u/gst", "u/spez", "Jane Doe / Staff", "AC/DC Fan Club", "John Smith, AP",
            "Reuters/Ipsos poll desk",
            "https://example.com/author/x", "https://example.com/a/Jane/Doe%20Smith", "Bob (Guest)",
        ]
        let items = authors.enumerated().map { index, author in
            "<item><title>T\(index)</title><guid>n\(index)</guid><author>\(author)</author>"
                + "<description>x</description></item>"
        }
        let rss = "<rss version=\"2.0\"><channel><title>A</title>\(items.joined())</channel></rss>"
        let shown = details(of: rss, format: .rss)
        let names = Array(authors.dropLast(3)) + ["x", "Doe Smith", "Bob (Guest)"]
        XCTAssertEqual(shown.map(\.shortCredit), names)
        XCTAssertEqual(shown.map(\.credit), names)
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>programming</title>
            <entry><author><name>/u/gst</name></author><id>t3_1</id><title>The fastest hash table</title>
            <content type="html">x</content></entry></feed>
            """
        XCTAssertEqual(details(of: atom, format: .atom).map(\.shortCredit), ["/u/gst"])
    }

    /// A dump's photo credits keep their short form: the agency.
    func testAPhotoCreditKeepsItsShortForm() {
        let details = ArticleDetails(credits: ["REUTERS/Jane Doe"], wordCount: 0, ideographs: 0)
        XCTAssertEqual(details.shortCredit, "REUTERS")
        XCTAssertEqual(ArticleDetails(credit: "John Smith, AP", wordCount: 0).shortCredit, "AP")
    }
}
