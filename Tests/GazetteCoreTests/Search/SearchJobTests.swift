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
        // Each story read and folded once for all the queries (``SearchComparison``), the
        // search job asked for every one of them.
        SearchComparison(catalog).expectAgreement(
            Self.queries, in: "in \(paths)", jobEvery: 1, file: file, line: line)
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

    /// With several sources open, the rows show each story's source, and a search finds a
    /// feed's stories by its name ("Avian" found none; found by QA); with one, the name is in
    /// the title bar alone, and is not searched.
    func testASourcesNameIsSearchedWhenTheRowsShowIt() throws {
        let folder = try TemporaryFolder.make("gazette-name-search")
        defer { try? FileManager.default.removeItem(at: folder) }
        let avian = folder.appendingPathComponent("a.xml").path
        let other = folder.appendingPathComponent("b.xml").path
        try Data(
            FeedText.rssWithHTMLBodies(items: 3).replacingOccurrences(
                of: "<title>F</title>", with: "<title>Avian’s Blog</title>"
            )
            .utf8
        ).write(to: URL(fileURLWithPath: avian))
        try Data(
            FeedText.rssWithHTMLBodies(items: 2).replacingOccurrences(of: "g1", with: "h1")
                .replacingOccurrences(of: "g2", with: "h2").utf8
        ).write(to: URL(fileURLWithPath: other))
        let both = ArticleCatalog.indexed(try SourceLoader.open(paths: [avian, other]).sources)
        XCTAssertEqual(both.entries.count, 5)
        let all = Array(both.entries.indices)
        XCTAssertEqual(SearchJob.matches(of: SearchQuery("AVIAN"), in: both, among: all), [0, 1, 2])
        XCTAssertEqual(SearchJob.matches(of: SearchQuery("avian story 2"), in: both, among: all), [1])
        XCTAssertEqual(
            SearchJob.matches(of: SearchQuery("\"avian’s blog\""), in: both, among: all), [0, 1, 2])
        XCTAssertEqual(SearchJob.matches(of: SearchQuery("avian zzzz"), in: both, among: all), [])
        XCTAssertEqual(SearchJob.matches(of: SearchQuery("story"), in: both, among: all), all)
        let alone = ArticleCatalog.indexed(try SourceLoader.open(paths: [avian]).sources)
        XCTAssertEqual(SearchJob.matches(of: SearchQuery("avian"), in: alone, among: [0, 1, 2]), [])
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
