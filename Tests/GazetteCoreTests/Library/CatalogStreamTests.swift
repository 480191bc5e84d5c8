import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `gazette list` takes the stories as the indexing finds them: the batches it is given follow
/// one another, and together they are the whole indexing's catalog, numbered alike.
final class CatalogStreamTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-stream" }

    private func write(_ text: String, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func dump(stories range: ClosedRange<Int>) -> String {
        range.map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index).", "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
    }

    /// Items whose guids repeat: with another title (a story of its own) and as a copy (left out).
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

    /// The ranges `stream` gives until its end, checked to follow one another from 0.
    private func ranges(of stream: CatalogStream, file: StaticString = #filePath, line: UInt = #line)
        -> [Range<Int>]
    {
        var ranges: [Range<Int>] = []
        while let range = stream.next() {
            XCTAssertEqual(range.lowerBound, ranges.last?.upperBound ?? 0, file: file, line: line)
            XCTAssertFalse(range.isEmpty, file: file, line: line)
            ranges.append(range)
        }
        XCTAssertNil(stream.next(), "the end stays the end", file: file, line: line)
        return ranges
    }

    func testTheBatchesMakeTheWholeIndexingsCatalog() throws {
        // Files cut in parts (a dump, a feed with repeated ids), and several files in turn.
        let news = try write(dump(stories: 1...3000), name: "news.txt")
        let feed = try write(feed(items: 2000), name: "feed.xml")
        let other = try write(dump(stories: 3001...3100), name: "other.txt")
        for paths in [[news], [feed], [news, feed, other]] {
            let sources = try SourceLoader.open(paths: paths).sources
            // Indexed whole as the stream's indexing is, its files cut alike.
            let whole = ArticleCatalog.indexed(
                sources, until: { _ in false }, splitThreshold: 1, partSize: 16 << 10)
            let stream = CatalogStream(sources: sources, splitThreshold: 1, partSize: 16 << 10)
            let ranges = ranges(of: stream)
            XCTAssertGreaterThan(ranges.count, 1, "\(paths): the first stories come in a batch of their own")
            XCTAssertEqual(ranges.last?.upperBound, whole.entries.count, "\(paths)")
            let shared = min(stream.catalog.entries.count, whole.entries.count)
            let differing = (0..<shared).first { stream.catalog.entries[$0] != whole.entries[$0] }
            XCTAssertNil(differing, "\(paths): the first story told apart")
            XCTAssertTrue(stream.isFinished)
            XCTAssertEqual(stream.catalog.sources.count, paths.count)
        }
    }

    /// The first batch is taken while the rest of the file is still to be indexed: the
    /// indexing is held after its first batch until the test has taken it.
    func testTheFirstBatchComesBeforeTheEnd() throws {
        let sources = try SourceLoader.open(paths: [try write(dump(stories: 1...3000), name: "news.txt")])
            .sources
        let taken = DispatchSemaphore(value: 0)
        let stream = CatalogStream(
            sources: sources, splitThreshold: BackgroundIndexer.defaultSplitThreshold,
            afterFirstBatch: { _ = taken.wait(timeout: .now() + 30) })
        let first = try XCTUnwrap(stream.next())
        XCTAssertFalse(stream.isFinished)
        XCTAssertEqual(first, 0..<64, "a first screen's stories")
        taken.signal()
        XCTAssertEqual(stream.rest().entries.count, 3000)
        XCTAssertTrue(stream.isFinished)
    }

    /// A stream cancelled stops the indexing: it ends at the next batch, the rest unread.
    func testACancelledStreamEndsWithoutTheRest() throws {
        let path = try write(dump(stories: 1...20000), name: "news.txt")
        let sources = try SourceLoader.open(paths: [path]).sources
        let taken = DispatchSemaphore(value: 0)
        let stream = CatalogStream(
            sources: sources, splitThreshold: BackgroundIndexer.defaultSplitThreshold,
            afterFirstBatch: { _ = taken.wait(timeout: .now() + 30) })
        XCTAssertEqual(stream.next(), 0..<64)
        stream.cancel()
        taken.signal()
        while stream.next() != nil {}
        XCTAssertTrue(stream.isFinished)
        XCTAssertLessThan(stream.catalog.entries.count, 20000)
    }
}
