import Foundation
import GazetteCore
import XCTest

@testable import GazetteTUI

/// The warnings of a load, most important first: stories lost in a file open came after a
/// skipped file's note, cut off the status line (found by QA); help lists them all.
final class LoadNotesTests: XCTestCase {
    private static let broken = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Broken</title><link>http://example.com/</link>
        <item><title>First</title><guid>http://example.com/1</guid></item>
        <item><title>Second</title><guid>http://example.com/2</guid></itm>
        <item><title>Third</title><guid>http://example.com/3</guid></item>
        </channel></rss>
        """

    func testLostStoriesComeBeforeSkippedFilesAndHelpListsThemAll() throws {
        let feed = OpenedSource(
            source: Source(path: "news/DaringFireball.rss", displayName: "Broken", format: .rss),
            bytes: FileBytes(bytes: Array(Self.broken.utf8)))
        let reader = Reader(
            catalog: ArticleCatalog(sources: [feed]),
            tracker: try ReadingTracker(store: InMemoryReadingStateStore(), ids: []), width: 80, height: 24)
        let skipped = ["skipped: 'news/windows-1252.xml' holds no articles"]
        reader.report(message: try XCTUnwrap(ReaderApp.skippedMessage(skipped)))
        reader.addLoadNotes(skipped)
        let indexer = BackgroundIndexer(sources: [feed]) { _ in [:] }
        reader.beginIndexing(indexer.currentProgress)
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)

        let lost = try XCTUnwrap(ReadWarningNote.message(for: [feed]))
        XCTAssertEqual(reader.message, lost + "; skipped: 'windows-1252.xml' holds no articles")
        XCTAssertEqual(reader.loadNotes, ReadWarningNote.lines(for: [feed]) + skipped)

        let help = HelpView.lines(width: 80, notes: reader.loadNotes).map(\.text)
        XCTAssertEqual(help[0], "Last load")
        XCTAssertTrue(help[2].hasPrefix("  news/DaringFireball.rss: the XML breaks"), help[2])
        XCTAssertTrue(help.contains("  skipped: 'news/windows-1252.xml' holds no articles"), "\(help)")
        XCTAssertTrue(help.contains("Keys"))
        XCTAssertEqual(HelpView.lines(width: 80).first?.text, "Keys", "no notes, no heading")
    }

    /// A note's controls are shown as escapes, and a long list is cut with a count.
    func testNotesAreShownSafelyAndCounted() {
        let notes =
            ["skipped: 'x\u{1B}[31m.xml' holds no articles"] + (1...150).map { "skipped: '\($0).xml'" }
        let help = HelpView.lines(width: 80, notes: notes).map(\.text)
        XCTAssertEqual(help[2], "  skipped: 'x\\e[31m.xml' holds no articles")
        XCTAssertTrue(help.contains("  and 51 more"), "\(help.prefix(110))")
    }
    /// A note wrapped over rows shows every character: each continued row lost its last one
    /// ("…UVWX" / "Zabc", the Y gone; found by QA).
    func testAWrappedNoteLosesNoCharacter() {
        let note =
            "skipped: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.xml' holds no articles"
        for width in [40, 57, 80] {
            var canvas = Canvas(width: width, height: 12)
            HelpView.render(scroll: 0, notes: [note], into: &canvas)
            let shown = (2..<8).map { canvas.text(ofRow: $0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != "Keys" }.joined()
            XCTAssertEqual(shown.filter { !$0.isWhitespace }, note.filter { !$0.isWhitespace }, "at \(width)")
        }
    }
}
