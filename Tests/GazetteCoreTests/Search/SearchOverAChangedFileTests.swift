import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A search over a big (mapped) file written over in place or cut short after it was indexed
/// never lists a story for bytes that are no longer its own: a story whose text is not where
/// it was indexed is matched by its title alone, and the search tells which files changed
/// (the list showed two stories without the word and missed the 108 with it; found by QA).
final class SearchOverAChangedFileTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-search-changed" }

    /// Stories of the dump: more than a mapping's worth.
    private static let count = 6000

    /// Whether story `n` of the first file has "harbour" in its title, and in its text.
    private static func titled(_ number: Int) -> Bool { number % 10 == 3 }
    private static func told(_ number: Int) -> Bool { number % 7 == 0 }

    /// A dump of `count` stories, more than a mapping's worth.
    private static func dump(count: Int, title: (Int) -> String, harbour: (Int) -> Bool) -> String {
        (1...count).map { number in
            DumpText.article(
                title: title(number), caption: "Caption \(number) (AFP)",
                paragraphs: [
                    "Paragraph one of story \(number) tells at length what happened in the town that day.",
                    harbour(number)
                        ? "Boats came into the harbour at dawn." : "Nothing came into port at dawn.",
                ])
        }.joined(separator: "\n\n\n")
    }

    /// A feed of `count` items, its bodies long enough for the file to be mapped.
    private static func feed(count: Int, title: (Int) -> String, harbour: (Int) -> Bool) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Big</title>"
        xml += "<link>https://example.com/</link>\n"
        for number in 1...count {
            let filler = String(repeating: "Words of story \(number) fill a paragraph. ", count: 12)
            let last = harbour(number) ? "Boats came into the harbour at dawn." : "Nothing came in at dawn."
            xml += "<item><title>\(title(number))</title><guid>item-\(number)</guid>"
            xml +=
                "<description>&lt;p&gt;\(filler)&lt;/p&gt;&lt;p&gt;\(last)&lt;/p&gt;</description></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    /// Writes `text` over the file at `path` in place (as `cp` or `curl -o` do), cut to its length.
    private func writeOver(_ path: String, with text: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.truncate(atOffset: UInt64(text.utf8.count))
        try handle.close()
    }

    private func search(_ text: String, in catalog: ArticleCatalog) -> (
        positions: [Int], changedSources: [Int]
    ) {
        SearchJob.search(SearchQuery(text), in: catalog, among: Array(catalog.entries.indices))
    }

    /// The dump's catalog, searched once before anything changed: every match, title or text.
    private func indexedDump() throws -> (path: String, catalog: ArticleCatalog) {
        let path = folder.appendingPathComponent("news.txt").path
        let text = Self.dump(
            count: Self.count, title: { Self.titled($0) ? "Harbour news \($0)" : "Story \($0)" },
            harbour: Self.told)
        XCTAssertGreaterThan(text.utf8.count, FileBytes.mappingThreshold, "mapped, not read")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        XCTAssertEqual(catalog.entries.count, Self.count)
        let before = search("harbour", in: catalog)
        XCTAssertEqual(
            before.positions, (1...Self.count).filter { Self.titled($0) || Self.told($0) }.map { $0 - 1 })
        XCTAssertEqual(before.changedSources, [])
        return (path, catalog)
    }

    /// The stories whose titles hold "harbour", by position.
    private static let titleMatches = (1...SearchOverAChangedFileTests.count).filter(titled).map { $0 - 1 }

    func testADumpWrittenOverIsSearchedByItsStoriesTitles() throws {
        let (path, catalog) = try indexedDump()
        // Other stories, "harbour" in every other one's text, where the first file's were.
        try writeOver(
            path, with: Self.dump(count: Self.count + 200, title: { "Other \($0)" }, harbour: { $0 % 2 == 0 })
        )
        let after = search("harbour", in: catalog)
        XCTAssertEqual(after.positions, Self.titleMatches, "no story for bytes not its own")
        XCTAssertEqual(after.changedSources, [0])
        XCTAssertEqual(search("boats", in: catalog).positions, [], "no title holds it")
    }

    func testADumpCutShortIsSearchedByItsStoriesTitles() throws {
        let (path, catalog) = try indexedDump()
        XCTAssertEqual(truncate(path, 1000), 0)
        let after = search("harbour", in: catalog)
        XCTAssertEqual(after.positions, Self.titleMatches, "the titles are still known (none was found)")
        XCTAssertEqual(after.changedSources, [0])
    }

    /// An append leaves every story where it was: each is still searched by its text.
    func testADumpAppendedToIsSearchedAsBefore() throws {
        let (path, catalog) = try indexedDump()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n\n\nA new story\n\nIn the harbour.\n".utf8))
        try handle.close()
        let after = search("harbour", in: catalog)
        XCTAssertEqual(
            after.positions, (1...Self.count).filter { Self.titled($0) || Self.told($0) }.map { $0 - 1 })
        XCTAssertEqual(after.changedSources, [])
    }

    /// A big feed whose bodies are read again from the file: once it is found written over, its
    /// bodies are not read again (each search of a cut read megabytes to find nothing), and
    /// its stories are matched by title.
    func testAFeedWrittenOverIsSearchedByItsStoriesTitlesWithoutReadingItAgain() throws {
        let path = folder.appendingPathComponent("feed.xml").path
        let text = Self.feed(
            count: 2000, title: { Self.titled($0) ? "Harbour news \($0)" : "Story \($0)" }, harbour: Self.told
        )
        XCTAssertGreaterThan(text.utf8.count, FileBytes.mappingThreshold, "mapped, not read")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let opened = OpenedSource(
            source: Source(path: path, displayName: "feed", format: .rss), bytes: try FileBytes(path: path),
            // A cache of a few hundred of these items: the others are read again from the file.
            bodiesOnDemandFrom: 0, keepingBodiesOfFirst: 0, rereadCache: RereadCache(budget: 256 << 10))
        let catalog = ArticleCatalog.indexed([opened])
        XCTAssertEqual(catalog.entries.count, 2000)
        let before = search("harbour", in: catalog)
        XCTAssertEqual(
            before.positions, (1...2000).filter { Self.titled($0) || Self.told($0) }.map { $0 - 1 })
        XCTAssertEqual(before.changedSources, [])

        // Other items (new ids), "harbour" in every other body, where the first file's were.
        try writeOver(path, with: Self.feed(count: 2100, title: { "Other \($0)" }, harbour: { $0 % 2 == 0 }))
        let parsesBefore = opened.rereadsFromACut
        let after = search("harbour", in: catalog)
        // The titles that hold it, and the stories whose bodies were read before, as indexed,
        // and are still at hand (the last few hundred): never another item's body.
        let asIndexed = Set((1...2000).filter { Self.titled($0) || Self.told($0) }.map { $0 - 1 })
        XCTAssertTrue(
            Set(after.positions).isSubset(of: asIndexed), "\(Set(after.positions).subtracting(asIndexed))")
        XCTAssertTrue(Set((1...2000).filter(Self.titled).map { $0 - 1 }).isSubset(of: Set(after.positions)))
        XCTAssertEqual(after.changedSources, [0])
        // Each of the two search threads may look for one before either finds the file changed.
        XCTAssertLessThanOrEqual(
            opened.rereadsFromACut - parsesBefore, 2, "once found changed, no body is looked for again")
    }
}
