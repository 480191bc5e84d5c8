import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `gazette show N` indexes a file only until story N is known: the stories it holds are the
/// whole indexing's first ones, numbered alike and each whole, and the rest is not read.
final class CatalogIndexedUpToTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-up-to" }

    private func open(_ text: String, name: String) throws -> OpenedSource {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return try SourceLoader.open(paths: [url.path]).sources[0]
    }

    private func dump(stories count: Int) -> String {
        (1...count).map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index).", "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
    }

    /// Items whose guids repeat: with another title (a story of its own, its id told apart by
    /// the title) and as a copy (left out of the catalog).
    private func feed(items count: Int) -> String {
        let items = (1...count).map { index in
            let title = index % 5 == 0 && index > 7 ? "Story \(index - 7)" : "Story \(index)"
            return "<item><title>\(title)</title><guid>g\(index % 7)</guid>"
                + "<description>Body of story \(index).</description></item>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Test</title><link>https://example.com/</link>\n"
            + items.joined(separator: "\n") + "\n</channel></rss>\n"
    }

    /// The catalog `indexed` makes, a file cut in parts as asked.
    private func whole(_ sources: [OpenedSource], splitThreshold: Int, partSize: Int) -> ArticleCatalog {
        let catalog = ArticleCatalog(sources: sources)
        let indexer = BackgroundIndexer(
            sources: sources, splitThreshold: splitThreshold, partSize: partSize, loadStates: { _ in [:] })
        indexer.runToEnd()
        for batch in indexer.take().batches {
            catalog.append(batch.summaries, fromSource: batch.sourceIndex)
        }
        return catalog
    }

    private func assertStartsAlike(
        _ partial: ArticleCatalog, _ whole: ArticleCatalog, upTo count: Int, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertGreaterThanOrEqual(
            partial.entries.count, min(count, whole.entries.count), "up to \(count)", file: file, line: line)
        XCTAssertLessThanOrEqual(
            partial.entries.count, whole.entries.count, "up to \(count)", file: file, line: line)
        let shared = min(partial.entries.count, whole.entries.count)
        let differing = (0..<shared).first { partial.entries[$0] != whole.entries[$0] }
        XCTAssertNil(differing, "up to \(count): the first story told apart", file: file, line: line)
    }

    func testADumpIsReadOnlyUpToTheStoryAsked() throws {
        let source = try open(dump(stories: 5000), name: "news.txt")
        let whole = ArticleCatalog.indexed([source])
        XCTAssertEqual(whole.entries.count, 5000)
        let partial = ArticleCatalog.indexed([source], upTo: 3)
        assertStartsAlike(partial, whole, upTo: 3)
        XCTAssertLessThan(partial.entries.count, 1000, "the rest of the file is not read")
        XCTAssertEqual(partial.article(at: 2), whole.article(at: 2))
    }

    func testAFileCutInPartsGivesTheWholeIndexingsFirstStories() throws {
        let source = try open(dump(stories: 3000), name: "news.txt")
        let whole = whole([source], splitThreshold: 1, partSize: 16 << 10)
        XCTAssertEqual(whole.entries.count, 3000)
        for count in [1, 64, 65, 1500, 2999, 3000, 3001, 1_000_000] {
            let partial = ArticleCatalog.indexed([source], upTo: count, splitThreshold: 1, partSize: 16 << 10)
            assertStartsAlike(partial, whole, upTo: count)
        }
    }

    func testAFeedsRepeatedIdsAreNumberedAsWhenReadWhole() throws {
        let source = try open(feed(items: 1500), name: "feed.xml")
        for threshold in [BackgroundIndexer.defaultSplitThreshold, 1] {
            let whole = whole([source], splitThreshold: threshold, partSize: 64 << 10)
            XCTAssertLessThan(whole.entries.count, 1500, "copies are left out")
            for count in [1, 30, 700, whole.entries.count, whole.entries.count + 1] {
                let partial = ArticleCatalog.indexed(
                    [source], upTo: count, splitThreshold: threshold, partSize: 64 << 10)
                assertStartsAlike(partial, whole, upTo: count)
            }
        }
        let whole = ArticleCatalog.indexed([source])
        let partial = ArticleCatalog.indexed([source], upTo: 1)
        XCTAssertLessThan(partial.entries.count, whole.entries.count, "the rest of the feed is not read")
        XCTAssertEqual(partial.article(at: 0), whole.article(at: 0))
    }

    func testSeveralFilesAreReadInOrderUpToTheStoryAsked() throws {
        let first = try open(dump(stories: 10), name: "a.txt")
        let second = try open(dump(stories: 20), name: "b.txt")
        let whole = ArticleCatalog.indexed([first, second])
        XCTAssertEqual(whole.entries.count, 20, "the first file's stories are the second's first")
        let partial = ArticleCatalog.indexed([first, second], upTo: 15)
        assertStartsAlike(partial, whole, upTo: 15)
    }
}
