import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import GazetteTUI

/// A file skipped because its only story was lost is told before a file that kept part of its
/// stories: it was told after it, last on the status line and in help (found by QA).
final class LoadNoteHarmTests: TemporaryFolderTestCase {
    private func write(_ name: String, items: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(name)</title><link>http://example.com/\(name)</link>
            \(items)
            </channel></rss>
            """
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testAFileLostWholeIsToldBeforeStoriesLostInAFileOpen() throws {
        let partial = try write(
            "partial.xml",
            items: """
                <item><title>First</title><guid>http://example.com/1</guid></item>
                <item><title>Second</title><guid>http://example.com/2</guid></itm>
                <item><title>Third</title><guid>http://example.com/3</guid></item>
                """)
        // Cut short inside its only item.
        let whole = folder.appendingPathComponent("whole.xml")
        try Data(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Cut</title>\n<item><title>Only o"
                .utf8
        )
        .write(to: whole)
        let empty = folder.appendingPathComponent("empty.xml")
        try Data().write(to: empty)
        let opened = try SourceLoader.open(paths: [partial, empty.path, whole.path], skippingFailures: true)
        XCTAssertEqual(opened.sources.count, 1)
        XCTAssertEqual(opened.warnings.count, 2)
        let lostWhole = try XCTUnwrap(opened.warnings.first { $0.contains("whole.xml") })
        XCTAssertEqual(LoadNoteHarm(of: lostWhole), .fileLost, lostWhole)
        let skippedEmpty = try XCTUnwrap(opened.warnings.first { $0.contains("empty.xml") })
        XCTAssertEqual(LoadNoteHarm(of: skippedEmpty), .fileSkipped, skippedEmpty)

        for width in [80, 40] {
            let reader = Reader(
                catalog: ArticleCatalog(sources: opened.sources),
                tracker: try ReadingTracker(store: InMemoryReadingStateStore(), ids: []), width: width,
                height: 24)
            reader.report(message: try XCTUnwrap(ReaderApp.skippedMessage([lostWhole])))
            reader.addLoadNotes(opened.warnings)
            let indexer = BackgroundIndexer(sources: opened.sources) { _ in [:] }
            reader.beginIndexing(indexer.currentProgress)
            indexer.runToEnd()
            reader.absorb(indexer.take().batches, progress: indexer.currentProgress)

            let partialNote = try XCTUnwrap(ReadWarningNote.message(for: opened.sources))
            XCTAssertEqual(
                reader.message, ReaderApp.skippedMessage([lostWhole]).map { $0 + "; " + partialNote })
            XCTAssertEqual(
                reader.loadNotes, [lostWhole] + ReadWarningNote.lines(for: opened.sources) + [skippedEmpty])
            var canvas = Canvas(width: width, height: 24)
            ScreenView.render(reader, into: &canvas)
            XCTAssertTrue(
                canvas.text(ofRow: 23).hasPrefix(" skipped: 'whole.xml' hold"),
                "\(width): \(canvas.text(ofRow: 23))")
        }
    }
}
