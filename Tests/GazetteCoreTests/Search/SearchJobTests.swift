import Foundation
import GazetteCore
import TestSupport
import XCTest

/// The background search finds exactly the stories whose shown text (title, caption,
/// paragraphs) a query matches, in catalog order: what the list narrows to and what
/// `list --grep` prints.
final class SearchJobTests: XCTestCase {
    private static let queries = ["x", "example", "the", "\"central bank\"", "東京", "1", "img", "zzzz"]

    private func expectMatchesAsShown(_ paths: [String], file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: paths).sources)
        XCTAssertGreaterThan(catalog.entries.count, 0, file: file, line: line)
        let articles = catalog.entries.indices.map { catalog.article(at: $0) }
        for text in Self.queries {
            let query = SearchQuery(text)
            let expected = articles.indices.filter { articles[$0].map(query.matches) ?? false }
            let found = SearchJob.matches(
                of: query, in: catalog, among: Array(catalog.entries.indices))
            XCTAssertEqual(found, expected, "\(text) in \(paths)", file: file, line: line)
        }
    }

    func testFeedsAreSearchedAsTheirArticlesShowThem() throws {
        // Stories that show markup as text (code samples) are found by the words they show.
        let files =
            FileManager.default.enumerator(atPath: Fixtures.feeds.path)?.compactMap {
                $0 as? String
            }.filter { !$0.hasSuffix(".md") }.sorted() ?? []
        var opened = 0
        for relative in files {
            let path = Fixtures.feeds.appendingPathComponent(relative).path
            guard (try? SourceLoader.open(paths: [path])) != nil else { continue }
            try expectMatchesAsShown([path])
            opened += 1
        }
        XCTAssertGreaterThan(opened, 40)
    }

    /// A feed item's author, which its byline shows, is searched as a dump's credit is (in its
    /// caption): "Jason Cross" found none of his stories (found by QA).
    func testAFeedsAuthorIsSearched() throws {
        let folder = try TemporaryFolder.make("gazette-author-search")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("feed.xml").path
        try Data(
            FeedText.rssWithHTMLBodies(items: 3).replacingOccurrences(of: "Writer 2", with: "Jason Cross")
                .utf8
        ).write(to: URL(fileURLWithPath: path))
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        let found = SearchJob.matches(
            of: SearchQuery("jason cross"), in: catalog, among: Array(catalog.entries.indices))
        XCTAssertEqual(found, [1])
        try expectMatchesAsShown([path])
    }

    func testDumpsAreSearchedAsTheirArticlesShowThem() throws {
        try expectMatchesAsShown([Fixtures.realNews.path, Fixtures.sample.path])
    }

    func testWaitingForAllGivesEveryMatchOnceInOrder() throws {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.realNews.path]).sources)
        let work = SearchJob.work(catalog.entries.indices, in: catalog)
        let job = SearchJob(query: SearchQuery("the"), sources: catalog.sources)
        job.enqueue(work)
        let all = job.waitForAll()
        let query = SearchQuery("the")
        let expected = catalog.entries.indices.filter { catalog.article(at: $0).map(query.matches) ?? false }
        XCTAssertEqual(all, expected)
        XCTAssertEqual(all.count, 12, "the stories in English")
        XCTAssertEqual(job.waitForAll(), [], "taken once")
        XCTAssertTrue(job.take().done)
    }
}
