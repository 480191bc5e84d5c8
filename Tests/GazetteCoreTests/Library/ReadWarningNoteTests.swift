import Foundation
import GazetteCore
import XCTest

/// What indexing could not read in a file reaches the user: on the status line, and on
/// standard error for the commands (an item lost to a break in the XML went without a word).
final class ReadWarningNoteTests: XCTestCase {
    private static let broken = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Broken</title><link>http://example.com/</link>
        <item><title>First</title><guid>http://example.com/1</guid></item>
        <item><title>Second</title><guid>http://example.com/2</guid></item>
        <item><title>Third <story</title><guid>http://example.com/3</guid></item>
        <item><title>Fourth</title><guid>http://example.com/4</guid></item>
        </channel></rss>
        """

    private static let wellFormed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Fine</title>
        <item><title>One</title><guid>http://example.com/a</guid></item>
        </channel></rss>
        """

    private func source(_ text: String, path: String = "news/broken.xml", format: SourceFormat = .rss)
        -> OpenedSource
    {
        OpenedSource(
            source: Source(path: path, displayName: "feed", format: format),
            bytes: FileBytes(bytes: Array(text.utf8)))
    }

    func testABreakInTheMiddleIsKeptOnceIndexingHasReadTheWholeFeed() {
        let feed = source(Self.broken)
        XCTAssertEqual(feed.readWarnings, [], "nothing is known before indexing")
        let titles = feed.indexAll().map(\.title)
        XCTAssertEqual(titles, ["First", "Second", "Fourth"])
        XCTAssertEqual(feed.readWarnings.count, 1, "\(feed.readWarnings)")
        XCTAssertTrue(feed.readWarnings[0].contains("at line 5"), feed.readWarnings[0])
        XCTAssertEqual(ReadWarningNote.lines(for: [feed]), ["news/broken.xml: " + feed.readWarnings[0]])
        XCTAssertEqual(ReadWarningNote.message(for: [feed]), "broken.xml: " + feed.readWarnings[0])
    }

    /// A big feed indexed in parts tells a break in any part, at its line in the file (a break
    /// in a part after the first was not told: the break at a cut is not, and it went with it;
    /// found by QA).
    func testABreakInALaterPartOfABigFeedIsToldAtItsLine() {
        let broken = 150
        let items = (1...200).map { index in
            let title = index == broken ? "<title>Story \(index)" : "<title>Story \(index)</title>"
            return "<item>\(title)<guid>http://example.com/\(index)</guid>"
                + "<description>\(String(repeating: "Words of the story. ", count: 20))</description></item>"
        }
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Big</title>\n"
            + items.joined(separator: "\n") + "\n</channel></rss>\n"
        let feed = source(text)
        let indexer = BackgroundIndexer(sources: [feed], splitThreshold: 1, partSize: 8 << 10) { _ in [:] }
        indexer.runToEnd()
        let found = indexer.take().batches.reduce(0) { $0 + $1.summaries.count }
        XCTAssertEqual(found, 199)
        XCTAssertEqual(
            feed.readWarnings,
            [
                "the XML breaks at line \(broken + 2) (a start tag and end tag that do not match); the story there may be lost"
            ])
    }

    func testIndexingAgainReplacesWhatWasKept() {
        let feed = source(Self.broken)
        _ = feed.indexAll()
        _ = feed.indexAll()
        XCTAssertEqual(feed.readWarnings.count, 1, "\(feed.readWarnings)")
    }

    func testAStoppedIndexingTellsNothing() {
        // A break it never reached is not known; one it may have passed is not half told.
        let feed = source(Self.broken)
        feed.index { _, _ in false }
        XCTAssertEqual(feed.readWarnings, [])
    }

    func testAWellFormedFeedAndADumpHaveNone() throws {
        let feed = source(Self.wellFormed, path: "fine.xml")
        XCTAssertEqual(feed.indexAll().count, 1)
        let dump = source(
            "A title\n\n\nA paragraph of the story.\n", path: "news.txt", format: .plainTextDump)
        XCTAssertFalse(dump.indexAll().isEmpty)
        XCTAssertEqual(feed.readWarnings + dump.readWarnings, [])
        XCTAssertNil(ReadWarningNote.message(for: [feed, dump]))
        XCTAssertEqual(ReadWarningNote.lines(for: [feed, dump]), [])
    }

    func testTheMessageTellsTheFirstAndCountsTheOthersWithTheNameMadeVisible() {
        let first = source(Self.wellFormed, path: "fine.xml")
        let second = source(Self.broken, path: "/tmp/a\u{1B}[2Jb.xml")
        let third = source(Self.broken, path: "other.xml")
        for opened in [first, second, third] { _ = opened.indexAll() }
        let message = ReadWarningNote.message(for: [first, second, third]) ?? ""
        XCTAssertTrue(message.hasPrefix("a\\e[2Jb.xml: the XML breaks"), message)
        XCTAssertTrue(message.hasSuffix(" (1 more: gazette list prints them)"), message)
        XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 }, message)
    }

    func testTheReaderTellsItOnceWhenIndexingEndsAfterAMessageAlreadyThere() {
        let feed = source(Self.broken)
        let catalog = ArticleCatalog(sources: [feed])
        let tracker = try! ReadingTracker(store: InMemoryReadingStateStore(), ids: [])
        let reader = Reader(catalog: catalog, tracker: tracker, width: 80, height: 24)
        reader.report(message: "2 files skipped")
        let indexer = BackgroundIndexer(sources: [feed]) { _ in [:] }
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        XCTAssertTrue(progress.finished)
        reader.absorb(batches, progress: progress)
        let message = reader.message ?? ""
        XCTAssertTrue(message.hasPrefix("2 files skipped; broken.xml: the XML breaks"), message)
        XCTAssertEqual(reader.visible.count, 3)
        // Told once: a later pass (the loop absorbs on every turn) does not say it again.
        reader.report(message: "read")
        reader.absorb([], progress: progress)
        XCTAssertEqual(reader.message, "read")
    }
}
