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
        <item><title>Third</title><guid>http://example.com/3</guid></itm>
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
        XCTAssertEqual(titles, ["First", "Second", "Third", "Fourth"])
        XCTAssertEqual(feed.readWarnings.count, 1, "\(feed.readWarnings)")
        XCTAssertTrue(feed.readWarnings[0].contains("at line 5"), feed.readWarnings[0])
        XCTAssertEqual(ReadWarningNote.lines(for: [feed]), ["news/broken.xml: " + feed.readWarnings[0]])
        XCTAssertEqual(ReadWarningNote.message(for: [feed]), "broken.xml: " + feed.readWarnings[0])
    }

    /// A feed of 200 one-line items after two header lines, item N on line N + 2; the items in
    /// `broken` have lost their title's end tag; the text is cut at `cut` bytes when given.
    private func bigFeed(broken: Set<Int>, cut: Int? = nil) -> String {
        let items = (1...200).map { index in
            let title = broken.contains(index) ? "<title>Story \(index)" : "<title>Story \(index)</title>"
            return "<item>\(title)<guid>http://example.com/\(index)</guid>"
                + "<description>\(String(repeating: "Words of the story. ", count: 20))</description></item>"
        }
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Big</title>\n"
            + items.joined(separator: "\n") + "\n</channel></rss>\n"
        return cut.map { String(decoding: Array(text.utf8).prefix($0), as: UTF8.self) } ?? text
    }

    /// Indexes `feed` in two parts, as the reader does a big feed; returns the stories found.
    private func indexInParts(_ feed: OpenedSource) -> Int {
        let indexer = BackgroundIndexer(sources: [feed], splitThreshold: 1, partSize: 8 << 10) { _ in [:] }
        indexer.runToEnd()
        return indexer.take().batches.reduce(0) { $0 + $1.summaries.count }
    }

    /// A big feed indexed in parts tells every break in every part, at its line in the file: a
    /// break in a part after the first was not told (the early end at a cut is not, and it
    /// went with it), nor a second break in one part, and the first part's end could wipe
    /// what the later part had found (found by QA).
    func testEveryBreakInEveryPartOfABigFeedIsToldAtItsLine() {
        for _ in 0..<5 {
            let feed = source(bigFeed(broken: [20, 60, 150, 180]))
            XCTAssertEqual(indexInParts(feed), 196)
            XCTAssertEqual(
                feed.readWarnings,
                [20, 60, 150, 180].map {
                    "the XML breaks at line \($0 + 2) (a start tag and end tag that do not match); the story there may be lost"
                })
        }
    }

    /// A big feed cut short in its last part says so, as a small one does (it said nothing).
    func testABigFeedCutShortSaysWhereItEnds() {
        let whole = bigFeed(broken: [])
        let lines = whole.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(190).reduce(0) { $0 + $1.utf8.count + 1 } + 40
        let feed = source(bigFeed(broken: [], cut: cut))
        XCTAssertEqual(indexInParts(feed), 189, "the item cut short kept as far as it goes")
        XCTAssertEqual(feed.readWarnings.count, 1, "\(feed.readWarnings)")
        XCTAssertTrue(
            feed.readWarnings[0].hasPrefix("the file ends inside an item at line 191"), feed.readWarnings[0])
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

    /// Standard input cannot be read again: `gazette list` is not offered for its warnings.
    func testWarningsFromStandardInputAreCountedWithoutPointingToTheListCommand() {
        let piped = source(bigFeed(broken: [20, 60]), path: "-")
        _ = piped.indexAll()
        XCTAssertGreaterThan(piped.readWarnings.count, 1, "\(piped.readWarnings)")
        let message = ReadWarningNote.message(for: [piped]) ?? ""
        XCTAssertTrue(message.hasPrefix("standard input: "), message)
        XCTAssertTrue(message.hasSuffix(" more)"), message)
        XCTAssertFalse(message.contains("gazette list"), message)
        XCTAssertEqual(
            ReadWarningNote.lines(for: [piped]), piped.readWarnings.map { "standard input: " + $0 },
            "the commands name it as the status line does")
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
        // Stories lost in a file open first, the files skipped after (QA: behind the skipped
        // file's note, the warning was cut off the status line).
        XCTAssertTrue(message.hasPrefix("broken.xml: the XML breaks"), message)
        XCTAssertTrue(message.hasSuffix("; 2 files skipped"), message)
        XCTAssertEqual(reader.visible.count, 4)
        // Told once: a later pass (the loop absorbs on every turn) does not say it again.
        reader.report(message: "read")
        reader.absorb([], progress: progress)
        XCTAssertEqual(reader.message, "read")
    }
}
