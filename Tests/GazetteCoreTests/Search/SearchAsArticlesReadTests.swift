import Foundation
import GazetteCore
import TestSupport
import XCTest

/// The background search (each story's search text folded into a reused buffer, on two
/// threads) finds exactly the stories whose whole article, decoded and folded on its own,
/// matches: for words the stories themselves hold, on feeds whose words are split by tags,
/// entities, soft hyphens and CDATA, in many scripts, and on the real files.
final class SearchAsArticlesReadTests: XCTestCase {
    /// Items whose words are written in every way a feed writes them.
    private static let itemBodies = [
        "&lt;p&gt;Reyk&lt;b&gt;ja&lt;/b&gt;vik talks &amp;amp; more&lt;/p&gt;",
        "<![CDATA[<p>Reyk<i>javík</i> and <code>&lt;img src=x&gt;</code> shown</p>]]>",
        "&lt;p&gt;Reyk&amp;shy;javik&lt;/p&gt;",
        "&lt;p&gt;&amp;#82;EYKJAVIK and &amp;#x52;eykjavik&lt;/p&gt;",
        "&lt;p&gt;ＲＥＹＫＪＡＶＩＫ&lt;/p&gt;",
        "&lt;p&gt;ﬁnance ＦＩＮＡＮＣＥ Straße&lt;/p&gt;",
        "<![CDATA[<ul><li>Central</li><li>bank of Iran</li></ul><table><tr><td>central</td><td>bank</td></tr></table>]]>",
        "<![CDATA[<p>東京の<b>会議</b>、東<i>京</i>都</p><p>서울 한국 Москва Ёлка й и</p>]]>",
        "&lt;p&gt;Κρήτη ΚΡΗΤΗ القاهرة مصر עברית ไทย हिन्दी&lt;/p&gt;",
        "&lt;pre&gt;let reykjavik = 1\n  central  bank&lt;/pre&gt;&lt;p&gt;E=mc&lt;sup&gt;2&lt;/sup&gt;&lt;/p&gt;",
        "&lt;p&gt;&lt;img src=\"a.jpg\" alt=\"Reykjavik harbour\"&gt; picture&lt;/p&gt;",
        "Plain text body with Reykjavik\n\nand a second paragraph of café news",
        "&lt;p&gt;soft&amp;#173;hyphen zero&amp;#8203;width no&amp;nbsp;break&lt;/p&gt;",
        "&lt;p&gt;&amp;lt;b&amp;gt;escaped twice&amp;lt;/b&amp;gt; Reykjavik&lt;/p&gt;",
        "&lt;p&gt;BREAKING NEWS FROM ICELAND, TALKS GO ON&lt;/p&gt;",
    ]

    private static func variedFeed() -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Varied</title>\n"
        for (index, body) in itemBodies.enumerated() {
            let title = index % 3 == 0 ? "Story &lt;b&gt;\(index)&lt;/b&gt; Ísland" : "Story \(index)"
            xml += "<item><title>\(title)</title><link>https://example.com/\(index)</link>"
            xml += "<author>Writer Ólafsdóttir \(index)</author><description>\(body)</description></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    /// Queries made of the stories' own words (some of every story, so that most match
    /// something), with typed ones that fold.
    private static func queries(of articles: [Article?]) -> [String] {
        let words: [String] = [
            "reykjavik", "REYKJAVÍK", "iceland", "island", "\"breaking news\"", "talks", "finance", "strasse",
            "\"central bank\"", "東京", "京都", "서울", "москва",
            "елка", "й", "κρητη", "القاهرة", "mc2", "img", "shy", "image", "x", "zzzz",
        ]
        var own: Set<String> = []
        for article in articles.compactMap({ $0 }) {
            let text = ([article.title] + article.paragraphs).joined(separator: " ")
            let read = text.split(whereSeparator: \.isWhitespace)
            own.formUnion(
                read.enumerated().filter { $0.offset % 29 == 3 }.prefix(3).map { String($0.element) })
            if read.count > 6 { own.insert("\"\(read[2...4].joined(separator: " "))\"") }
        }
        return words + own.sorted().prefix(16)
    }

    /// How many stories the queries matched in all.
    @discardableResult
    private func expectSearchAsArticlesRead(
        _ path: String, file: StaticString = #filePath, line: UInt = #line
    )
        throws -> Int
    {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        let articles = catalog.entries.indices.map { catalog.article(at: $0) }
        var matched = 0
        for text in Self.queries(of: articles) {
            let query = SearchQuery(text)
            let expected = articles.indices.filter { articles[$0].map(query.matches) ?? false }
            let found = SearchJob.matches(of: query, in: catalog, among: Array(catalog.entries.indices))
            XCTAssertEqual(found, expected, "\(text) in \(path)", file: file, line: line)
            matched += expected.count
        }
        return matched
    }

    func testAVariedFeedIsSearchedAsItsArticlesRead() throws {
        let folder = try TemporaryFolder.make("gazette-search-varied")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("varied.xml").path
        try Data(Self.variedFeed().utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(try expectSearchAsArticlesRead(path), 0)
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        let found = SearchJob.matches(
            of: SearchQuery("reykjavik"), in: catalog, among: Array(catalog.entries.indices))
        XCTAssertGreaterThanOrEqual(
            found.count, 8, "words split by tags, entities and soft hyphens are found")
    }

    func testRealFeedsAreSearchedAsTheirArticlesRead() throws {
        let feeds =
            FileManager.default.enumerator(atPath: Fixtures.feeds.path)?.compactMap { $0 as? String }
            .filter { !$0.hasSuffix(".md") }.sorted().map { Fixtures.feeds.appendingPathComponent($0).path }
            ?? []
        var searched = 0
        var matched = 0
        for path in feeds {
            guard (try? SourceLoader.open(paths: [path])) != nil else { continue }
            matched += try expectSearchAsArticlesRead(path)
            searched += 1
        }
        XCTAssertGreaterThan(searched, 40)
        XCTAssertGreaterThan(matched, 100)
    }
}
