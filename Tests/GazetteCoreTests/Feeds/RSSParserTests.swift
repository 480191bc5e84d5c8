import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// RSS read as the commands read a file: opened by path, indexed, its stories read.
final class RSSParserTests: TemporaryFolderTestCase {
    /// An RSS 2.0 feed whose root carries `attributes`.
    private func rss(rootAttributes attributes: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"\(attributes) xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Namespaced</title><link>https://ns.example/</link>
        <item><title>First story</title><link>https://ns.example/1</link>
        <guid isPermaLink="false">urn:ns:1</guid><pubDate>Tue, 03 Dec 2024 20:40:00 -0500</pubDate>
        <description>&lt;p&gt;Body with &lt;a href="https://ns.example/more"&gt;a link&lt;/a&gt;.&lt;/p&gt;</description>
        <dc:creator>Writer One</dc:creator></item>
        <item><title>Second story</title><guid>https://ns.example/2</guid>
        <description>Plain body.</description></item>
        </channel></rss>
        """
    }

    /// The file's source name and its stories, as `list` and `show` read them.
    private func read(_ text: String, name: String) throws -> (source: String, articles: [Article]) {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let opened = try SourceLoader.openFile(path)
        XCTAssertEqual(opened.source.format, .rss)
        let articles = opened.indexAll().compactMap { opened.article($0) }
        return (opened.source.displayName, articles)
    }

    func testARootWithADefaultNamespaceIsReadAsRSS() throws {
        let plain = try read(rss(rootAttributes: ""), name: "plain.xml")
        XCTAssertEqual(plain.source, "Namespaced")
        XCTAssertEqual(plain.articles.map(\.title), ["First story", "Second story"])
        XCTAssertEqual(plain.articles.map(\.link), ["https://ns.example/1", "https://ns.example/2"])
        XCTAssertEqual(plain.articles.first?.paragraphs, ["Body with a link [1]."])
        XCTAssertEqual(plain.articles.first?.links, ["https://ns.example/more"])
        XCTAssertEqual(plain.articles.first?.credit, "Writer One")
        XCTAssertEqual(plain.articles.first?.date, ISO8601DateFormatter().date(from: "2024-12-04T01:40:00Z"))
        for (index, namespace) in ["http://backend.userland.com/rss2", "http://purl.org/rss/2.0/"]
            .enumerated()
        {
            // They were refused: "no feed root element".
            let namespaced = try read(rss(rootAttributes: " xmlns=\"\(namespace)\""), name: "ns\(index).xml")
            XCTAssertEqual(namespaced.source, plain.source, namespace)
            XCTAssertEqual(namespaced.articles, plain.articles, namespace)
        }
    }

    /// The podcast namespace is told by its length before it is lowercased: no scalar beyond
    /// ASCII lowercases to, or is equivalent to, a character of it, so a namespace that
    /// lowercases to it has its length.
    func testOnlyASCIILowercasesToThePodcastNamespacesCharacters() {
        let namespace = "http://www.itunes.com/dtds/podcast-1.0.dtd"
        XCTAssertTrue(FeedMediaText.isPodcast(namespace.uppercased()))
        let characters = Set(namespace.map { String($0) })
        for value in UInt32(0x80)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lowered = String(Character(scalar)).lowercased()
            XCTAssertFalse(characters.contains(lowered), "U+\(String(value, radix: 16))")
        }
    }
}
