import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// RSS 1.0 and 0.90 read as the commands read a file: opened by path, indexed, its stories read.
final class RDFParserTests: TemporaryFolderTestCase {
    /// An RDF feed whose channel and items are in `namespace` (none when empty), an item with
    /// every element the parser takes, and elements of other namespaces of those names.
    private func rdf(namespace: String) -> String {
        let rss = namespace.isEmpty ? "" : " xmlns=\"\(namespace)\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\(rss)
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
             xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:x="http://example.com/x/">
            <channel rdf:about="https://rdf.example/"><title>RDF news</title><link>https://rdf.example/</link>
            <x:title>Not the channel's</x:title></channel>
            <item rdf:about="https://rdf.example/1"><title>First story</title><link>https://rdf.example/1</link>
            <description>Summary one.</description>
            <content:encoded>&lt;p&gt;Body with &lt;a href="/more"&gt;a link&lt;/a&gt;.&lt;/p&gt;</content:encoded>
            <dc:creator>Writer One</dc:creator><dc:creator>Writer Two</dc:creator><dc:creator>Writer One</dc:creator>
            <dcterms:modified>2024-12-01T10:00:00Z</dcterms:modified>
            <x:title>Not a title</x:title><x:link>https://x.example/</x:link><x:encoded>No body</x:encoded>
            <content:title>Not a title either</content:title><dc:encoded>No body either</dc:encoded>
            <dc:description>Nor this</dc:description></item>
            <item rdf:about="https://rdf.example/2"><dc:title>Second story</dc:title>
            <description>Plain body two.</description><dc:date>2024-12-02T10:00:00Z</dc:date>
            <dcterms:created>2024-12-03T10:00:00Z</dcterms:created></item>
            <item rdf:about="https://rdf.example/3"><title>Third story</title><description>Three.</description>
            <dcterms:issued>2024-12-04T10:00:00Z</dcterms:issued><dc:creator>Writer Three</dc:creator></item>
            </rdf:RDF>
            """
    }

    /// The file's source name and its stories, as `list` and `show` read them.
    private func read(_ text: String, name: String) throws -> (source: String, articles: [Article]) {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let opened = try SourceLoader.openFile(path)
        XCTAssertEqual(opened.source.format, .rdf)
        let articles = opened.indexAll().compactMap { opened.article($0) }
        return (opened.source.displayName, articles)
    }

    func testEveryElementAnItemTakesIsReadInRSS10And090AndNoNamespace() throws {
        let date = ISO8601DateFormatter()
        for (index, namespace) in ["http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", ""]
            .enumerated()
        {
            let feed = try read(rdf(namespace: namespace), name: "feed\(index).rdf")
            XCTAssertEqual(feed.source, "RDF news", namespace)
            XCTAssertEqual(
                feed.articles.map(\.title), ["First story", "Second story", "Third story"], namespace)
            // An item's `rdf:about` names it; only its `link` is its link.
            XCTAssertEqual(feed.articles.map(\.link), ["https://rdf.example/1", nil, nil], namespace)
            XCTAssertEqual(
                feed.articles.map(\.paragraphs),
                [["Body with a link [1]."], ["Plain body two."], ["Three."]],
                namespace)
            XCTAssertEqual(feed.articles.first?.links, ["https://rdf.example/more"], namespace)
            XCTAssertEqual(
                feed.articles.map(\.credit), ["Writer One, Writer Two", nil, "Writer Three"], namespace)
            XCTAssertEqual(
                feed.articles.map(\.date),
                ["2024-12-01T10:00:00Z", "2024-12-02T10:00:00Z", "2024-12-04T10:00:00Z"].map(
                    date.date(from:)),
                namespace)
        }
        // Items of another namespace are none of the feed's.
        XCTAssertThrowsError(try read(rdf(namespace: "http://purl.org/rss/1.0"), name: "other.rdf"))
    }

    /// The namespaces and names are told by their length before they are compared: no scalar
    /// beyond ASCII is, or is equivalent to, a character of them, so one equal to them has
    /// their length.
    func testNoScalarBeyondASCIIIsEquivalentToANamespacesCharacter() {
        let namespaces =
            "http://purl.org/rss/1.0/ http://my.netscape.com/rdf/simple/0.9/ http://purl.org/dc/terms/"
            + " http://purl.org/dc/elements/1.1/ http://purl.org/rss/1.0/modules/content/"
            + " title link description encoded creator date created issued modified"
        let characters = Set(namespaces.map { String($0) })
        for value in UInt32(0x80)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertFalse(characters.contains(String(Character(scalar))), "U+\(String(value, radix: 16))")
        }
    }
}
