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
        let notes = try XCTUnwrap(help.firstIndex(of: "Last load"))
        XCTAssertTrue(help[notes + 2].hasPrefix("  news/DaringFireball.rss: the XML breaks"), help[notes + 2])
        XCTAssertEqual(help.last, "  skipped: 'news/windows-1252.xml' holds no articles", "\(help)")
        XCTAssertEqual(HelpView.lines(width: 80).first?.text, "Keys", "no notes, no heading")
    }

    /// A note's controls are shown as escapes, and a long list is cut with a count.
    func testNotesAreShownSafelyAndCounted() throws {
        let notes =
            ["skipped: 'x\u{1B}[31m.xml' holds no articles"] + (1...150).map { "skipped: '\($0).xml'" }
        let help = HelpView.lines(width: 80, notes: notes).map(\.text)
        let heading = try XCTUnwrap(help.firstIndex(of: "Last load"))
        XCTAssertEqual(help[heading + 2], "  skipped: 'x\\e[31m.xml' holds no articles")
        XCTAssertTrue(help.contains("  and 51 more"), "\(help.prefix(110))")
    }
    /// The keys come first, the notes after them, counted in a line above the keys: 21 skipped
    /// files filled the first page at 80x24 and the keys began on the second (found by QA).
    func testHelpShowsTheKeysFirstAndCountsTheNotesAboveThem() throws {
        let skipped = (1...21).map { "skipped: 'feeds/\($0).xml' holds no articles" }
        var canvas = Canvas(width: 80, height: 24)
        HelpView.render(scroll: 0, notes: skipped, into: &canvas)
        XCTAssertEqual(
            canvas.text(ofRow: 1).trimmingCharacters(in: .whitespaces),
            "21 files skipped at the last load: listed below the keys")
        XCTAssertEqual(canvas.text(ofRow: 3).trimmingCharacters(in: .whitespaces), "Keys")
        let first = try XCTUnwrap(KeyBindings.table.first)
        XCTAssertTrue(canvas.text(ofRow: 5).contains(first.summary), canvas.text(ofRow: 5))
        let help = HelpView.lines(width: 80, notes: skipped).map(\.text)
        let heading = try XCTUnwrap(help.firstIndex(of: "Last load"))
        XCTAssertGreaterThan(heading, try XCTUnwrap(help.firstIndex(of: "Terminal")))
        XCTAssertEqual(Array(help[(heading + 2)...]), skipped.map { "  " + $0 })
        // The count says what the notes are.
        let lost = "news/a.rss: the XML breaks at line 4: 2 stories lost"
        XCTAssertEqual(
            HelpView.notesCount([skipped[0]]), "1 file skipped at the last load: listed below the keys")
        XCTAssertEqual(HelpView.notesCount([lost]), "1 warning from the last load: listed below the keys")
        XCTAssertEqual(
            HelpView.notesCount([lost] + skipped),
            "1 warning and 21 files skipped at the last load: listed below the keys")
    }

    /// A note wrapped over rows shows every character: each continued row lost its last one
    /// ("…UVWX" / "Zabc", the Y gone; found by QA).
    func testAWrappedNoteLosesNoCharacter() {
        let note =
            "skipped: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.xml' holds no articles"
        for width in [40, 57, 80] {
            var canvas = Canvas(width: width, height: 12)
            let end = HelpView.maxScroll(width: width, height: 12, notes: [note])
            HelpView.render(scroll: end, notes: [note], into: &canvas)
            let rows = (1..<11).map { canvas.text(ofRow: $0).trimmingCharacters(in: .whitespaces) }
            let shown = rows.drop { $0 != "Last load" }.dropFirst().joined()
            XCTAssertEqual(shown.filter { !$0.isWhitespace }, note.filter { !$0.isWhitespace }, "at \(width)")
        }
    }
}
