import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// The title bar counts the sources whose stories are listed: a file whose every story is a copy
/// of one in an earlier file lists none ("3 sources" showed beside the stories of 2; found by QA).
final class TitleBarSourcesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-title-sources" }

    /// A dump of `count` stories named `name`, titled by `prefix`.
    private func dump(_ name: String, prefix: String, count: Int = 3) throws -> URL {
        let text = (1...count).map { index in
            DumpText.article(title: "\(prefix) story \(index)", paragraphs: ["Body of \(prefix) \(index)."])
        }.joined(separator: "\n\n\n")
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// `original` copied whole under `name`.
    private func copy(_ original: URL, as name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: original, to: url)
        return url
    }

    func testAFileAndAnExactCopyOfItShowAsTheFile() throws {
        let news = try dump("news.txt", prefix: "Home")
        let copy = try copy(news, as: "news-copy.txt")
        let session = try ReaderSession(paths: [news, copy], width: 80, height: 24)
        XCTAssertEqual(session.catalog.entries.count, 3)
        XCTAssertTrue(session.titleBar.hasPrefix(" Gazette — news.txt "), session.screenText)
        XCTAssertFalse(session.titleBar.contains("sources"), session.screenText)
        XCTAssertTrue(session.titleBar.hasSuffix(" 3 unread of 3"), session.screenText)
    }

    func testACopyAmongOtherFilesIsNotCounted() throws {
        let news = try dump("news.txt", prefix: "Home")
        let copy = try copy(news, as: "news-copy.txt")
        let world = try dump("world.txt", prefix: "World")
        let session = try ReaderSession(paths: [news, copy, world], width: 80, height: 24)
        XCTAssertTrue(session.titleBar.hasPrefix(" Gazette — 2 sources "), session.screenText)
        // The copy read first is the source, and the original the copy.
        let again = try ReaderSession(paths: [copy, news, world], width: 80, height: 24)
        XCTAssertTrue(again.titleBar.hasPrefix(" Gazette — 2 sources "), again.screenText)
        let alone = try ReaderSession(paths: [copy, news], width: 80, height: 24)
        XCTAssertTrue(alone.titleBar.hasPrefix(" Gazette — news-copy.txt "), alone.screenText)
    }

    /// While indexing, a file not indexed whole yet may list stories, and is counted; the copy
    /// drops out once a later file's stories come, or indexing ends.
    func testWhileIndexingTheCopyCountsUntilItIsIndexedWhole() throws {
        let news = try dump("news.txt", prefix: "Home")
        let copy = try copy(news, as: "news-copy.txt")
        let world = try dump("world.txt", prefix: "World")
        for (paths, final) in [([news, copy, world], "2 sources"), ([news, copy], "news.txt")] {
            let sources = try SourceLoader.open(paths: paths.map(\.path)).sources
            let tracker = try ReadingTracker(store: InMemoryReadingStateStore(), ids: [])
            let reader = Reader(
                catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24)
            let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
            reader.beginIndexing(indexer.currentProgress)
            var canvas = Canvas(width: 80, height: 24)
            func title() -> String {
                ScreenView.render(reader, into: &canvas)
                return canvas.text(ofRow: 0)
            }
            XCTAssertTrue(title().hasPrefix(" Gazette — \(paths.count) sources "), title())
            indexer.runToEnd()
            let (batches, progress) = indexer.take()
            var going = progress
            going.finished = false
            for (index, batch) in batches.enumerated() {
                reader.absorb([batch], progress: going)
                // The copy is indexed whole once the third file's stories come.
                let passed = batches[...index].contains { $0.sourceIndex > 1 }
                let count = paths.count - (passed ? 1 : 0)
                XCTAssertTrue(title().hasPrefix(" Gazette — \(count) sources "), "\(paths): \(title())")
            }
            reader.absorb([], progress: progress)
            XCTAssertNil(reader.indexing)
            XCTAssertTrue(title().hasPrefix(" Gazette — \(final) "), "\(paths): \(title())")
        }
    }
}
