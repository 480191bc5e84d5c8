import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A big file cut in many parts: the parts follow each other without gap or overlap, and
/// indexing them on several threads hands over the same stories as one pass, in file order.
final class FilePartsTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-parts" }

    private func write(_ text: String, name: String = "news.txt") throws -> OpenedSource {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try SourceLoader.open(paths: [path]).sources[0]
    }

    private func stories(_ range: ClosedRange<Int>, separator: String = "\n\n\n") -> String {
        range.map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index).", "Second paragraph \(index)."])
        }.joined(separator: separator)
    }

    /// Every summary the indexer hands over, in order, with the progress at the end.
    private func indexInParts(_ sources: [OpenedSource], partSize: Int) -> (
        [ArticleSummary], BackgroundIndexer.Progress
    ) {
        let indexer = BackgroundIndexer(sources: sources, splitThreshold: 1, partSize: partSize) { _ in [:] }
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        return (batches.flatMap(\.summaries), progress)
    }

    func testThePartsOfAFileFollowEachOtherWithoutGapOrOverlap() throws {
        let source = try write(stories(1...2000))
        let plan = try XCTUnwrap(FileParts(source, parts: 40))
        XCTAssertEqual(plan.count, 40)
        var end = try XCTUnwrap(plan.firstPartEnd.value)
        XCTAssertGreaterThanOrEqual(end, source.bytes.count / 40)
        for part in 1..<plan.count {
            let range = try XCTUnwrap(plan.range(ofPart: part), "part \(part)")
            XCTAssertEqual(range.lowerBound, end, "part \(part) starts where the one before ends")
            XCTAssertFalse(range.isEmpty, "part \(part)")
            // Each part starts at a story's title.
            let title = String(
                decoding: source.bytes.buffer[range.lowerBound..<(range.lowerBound + 6)], as: UTF8.self)
            XCTAssertEqual(title, "Story ")
            end = range.upperBound
        }
        XCTAssertEqual(end, source.bytes.count)
    }

    func testAFileIsCutInTwoPartsAtLeast() throws {
        let source = try write(stories(1...50))
        XCTAssertEqual(FileParts(source, parts: 0)?.count, 2)
        XCTAssertEqual(FileParts(source, parts: 1)?.count, 2)
    }

    func testIndexingInManyPartsGivesTheSameStoriesInFileOrder() throws {
        for separator in ["\n\n\n", "\r\n\r\n\r\n", "\n \n\t\n\n"] {
            let source = try write(stories(1...3000, separator: separator))
            let whole = source.indexAll()
            XCTAssertEqual(whole.count, 3000)
            for partSize in [512, 5000, 100_000] {
                let (found, progress) = indexInParts([source], partSize: partSize)
                XCTAssertEqual(
                    found, whole, "parts of \(partSize) bytes, separator \(separator.debugDescription)")
                XCTAssertEqual(progress.bytesDone, progress.bytesTotal)
                XCTAssertEqual(progress.articlesHeldBack, 0)
                XCTAssertTrue(progress.finished)
            }
        }
    }

    /// A big feed is cut in parts as a dump is, not in two halves (the second half's stories
    /// were held back until its end, so the list's count lagged the progress; found by QA):
    /// the same stories in file order, every part keeping no body (each is read again from
    /// its part's own store as one pass reads it), and no hand-over bigger than a part. (A
    /// thousand items make 40 parts of 25; the feed's size is not what is tested.)
    func testAFeedIsIndexedInManyPartsWithTheSameStoriesAndBodies() throws {
        let count = 1000
        let items = (1...count).map { index in
            "<item><title>Item \(index)</title><guid>id-\(index)</guid>"
                + "<description>Body of item \(index), with words enough to fill a line.</description></item>"
        }
        let feeds: [(String, SourceFormat)] = [
            (
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>"
                    + "<link>https://example.com/</link>\n" + items.joined(separator: "\n")
                    + "</channel></rss>\n", .rss
            ),
            (FeedText.atom(entries: count, title: "A", authors: true) { $0 % 40 }, .atom),
        ]
        for (text, format) in feeds {
            func opened(onDemand: Bool) -> OpenedSource {
                OpenedSource(
                    source: Source(path: "feed.xml", displayName: "feed", format: format),
                    bytes: FileBytes(bytes: Array(text.utf8)),
                    bodiesOnDemandFrom: onDemand ? 0 : Int.max, keepingBodiesOfFirst: 0)
            }
            let whole = opened(onDemand: false)
            let expected = whole.indexAll()
            XCTAssertEqual(expected.count, count)
            let parted = opened(onDemand: true)
            let partSize = text.utf8.count / 40
            let indexer = BackgroundIndexer(sources: [parted], splitThreshold: 1, partSize: partSize) { _ in
                [:]
            }
            indexer.runToEnd()
            let batches = indexer.take().batches
            let found = batches.flatMap(\.summaries)
            XCTAssertEqual(found.map(\.id), expected.map(\.id), "\(format)")
            XCTAssertEqual(found.map(\.title), expected.map(\.title), "\(format)")
            let biggest = batches.map(\.summaries.count).max() ?? 0
            XCTAssertLessThan(biggest, count / 10, "\(format): no hand-over of half the feed")
            XCTAssertGreaterThan(batches.count, 20, "\(format): the count grows a part at a time")
            for (summary, reference) in zip(found, expected) {
                XCTAssertEqual(parted.keptBody(summary), "", "\(format) \(summary.title): no body kept")
                XCTAssertEqual(
                    parted.article(summary)?.paragraphs, whole.article(reference)?.paragraphs,
                    "\(format) \(summary.title)")
            }
        }
    }

    /// Indexing a later part of a big feed reads the file's start and that part, not the
    /// file up to the part: the parse of a part that ends at a cut counted the file's lines up
    /// to its start for a warning no one saw, so that every part of a feed cut in many parts
    /// mapped the whole file before it (a 424 MiB feed peaked at 484 MiB).
    func testALaterPartOfAFeedReadsOnlyItsStartAndItself() throws {
        #if os(Linux)
            let items = (1...20000).map { index in
                "<item><title>Item \(index)</title><guid>id-\(index)</guid><description>"
                    + String(
                        repeating: "Body of item \(index), with words enough to fill a line. ", count: 16)
                    + "</description></item>"
            }
            let text =
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>F</title>"
                + "<link>https://example.com/</link>\n" + items.joined(separator: "\n")
                + "\n</channel></rss>\n"
            let source = try write(text, name: "feed.xml")
            XCTAssertGreaterThan(source.bytes.count, 8 << 20)
            let plan = try XCTUnwrap(FileParts(source, parts: 40))
            let range = try XCTUnwrap(plan.range(ofPart: 38))
            XCTAssertLessThan(range.upperBound, source.bytes.count, "the part ends at a cut")
            source.release(0..<source.bytes.count)
            let before = try residentBytes(of: source.bytes.buffer)
            var found = 0
            source.index(in: range) { _, _ in
                found += 1
                return true
            }
            XCTAssertGreaterThan(found, 400)
            // The system maps a touched page with its neighbours (a large folio, up to 2 MiB
            // here): the bound is far from the file up to the part, not the part's own size.
            let grown = try residentBytes(of: source.bytes.buffer) - before
            XCTAssertLessThan(
                grown, range.lowerBound / 2, "part of \(range.count) bytes at \(range.lowerBound)")
            XCTAssertEqual(source.readWarnings, [])
        #endif
    }

    /// How much of the mapping that starts at `buffer` is resident in this process.
    private func residentBytes(of buffer: UnsafeRawBufferPointer) throws -> Int {
        let base = UInt(bitPattern: try XCTUnwrap(buffer.baseAddress))
        let smaps = String(
            decoding: try XCTUnwrap(FileHandle(forReadingAtPath: "/proc/self/smaps")).readToEnd() ?? Data(),
            as: UTF8.self)
        var inMapping = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let start = UInt(line[..<dash], radix: 16) {
                inMapping = start == base
            } else if inMapping, line.hasPrefix("Rss:") {
                let kilobytes = line.dropFirst(4).split(separator: " ").first.flatMap { Int($0) }
                return try XCTUnwrap(kilobytes) * 1024
            }
        }
        return try XCTUnwrap(nil as Int?, "the file is mapped")
    }

    /// Where no cut is found within the look-ahead, the part before runs on, and nothing is
    /// lost or found twice.
    func testPartsWhoseCutIsNotFoundAreIndexedByThePartBefore() throws {
        // A story longer than the look-ahead for a cut, so that the cuts looked for in most of
        // it are not found; and stories after single blank lines, where no cut is made.
        let paragraphs = (1...75_000).map { "Paragraph \($0) of a story that goes on and on, to no end." }
        let endless = DumpText.article(title: "The long one", paragraphs: paragraphs)
        XCTAssertGreaterThan(endless.utf8.count, PlainTextDumpParser.boundarySearchLength)
        let text = [stories(1...300), stories(1001...1700, separator: "\n\n"), endless, stories(2001...2300)]
            .joined(separator: "\n\n\n")
        let source = try write(text)
        let whole = source.indexAll()
        let plan = try XCTUnwrap(FileParts(source, parts: 24))
        let missing = (1..<plan.count).filter { plan.range(ofPart: $0) == nil }
        XCTAssertFalse(missing.isEmpty, "some cuts were not found")
        let (found, _) = indexInParts([source], partSize: source.bytes.count / 24)
        XCTAssertEqual(found.map(\.title), whole.map(\.title))
        XCTAssertEqual(found, whole)
    }

    func testSeveralFilesCutInPartsKeepTheirOrder() throws {
        let first = try write(stories(1...800), name: "a.txt")
        let second = try write(stories(801...1600), name: "b.txt")
        let indexer = BackgroundIndexer(sources: [first, second], splitThreshold: 1, partSize: 2048) { _ in
            [:]
        }
        indexer.runToEnd()
        let batches = indexer.take().batches
        XCTAssertEqual(batches.flatMap(\.summaries), first.indexAll() + second.indexAll())
        let sourceOrder = batches.map(\.sourceIndex)
        XCTAssertEqual(sourceOrder, sourceOrder.sorted(), "the first file's stories all come first")
    }

    /// Taken while the parts are indexed on their threads: the progress never goes back,
    /// and stories handed over plus those held back never count a story twice.
    func testProgressOfManyPartsNeverGoesBackNorCountsAStoryTwice() throws {
        let source = try write(stories(1...20000))
        let indexer = BackgroundIndexer(sources: [source], splitThreshold: 1, partSize: 16 << 10) { _ in [:] }
        indexer.start()
        indexer.firstScreenShown()
        var handed = 0
        var seen: [Int] = []
        while true {
            let (batches, progress) = indexer.take()
            handed += batches.reduce(0) { $0 + $1.summaries.count }
            seen.append(progress.bytesDone)
            XCTAssertLessThanOrEqual(handed + progress.articlesHeldBack, 20000)
            if progress.finished {
                handed += indexer.take().batches.reduce(0) { $0 + $1.summaries.count }
                break
            }
            usleep(200)
        }
        XCTAssertEqual(seen, seen.sorted(), "progress never goes back")
        XCTAssertEqual(seen.last, source.bytes.count)
        XCTAssertEqual(handed, 20000)
    }

    /// Cancelled while its parts are being indexed (the reader quit), indexing ends without
    /// waiting for the rest of the file, and what was handed over is in file order.
    func testCancellingWhileThePartsAreIndexedEndsIndexing() throws {
        let source = try write(stories(1...20000))
        let whole = source.indexAll()
        for delay: useconds_t in [0, 500, 5000] {
            let indexer = BackgroundIndexer(sources: [source], splitThreshold: 1, partSize: 4 << 10) { _ in
                [:]
            }
            indexer.start()
            indexer.firstScreenShown()
            usleep(delay)
            indexer.cancel()
            var handed: [ArticleSummary] = []
            let deadline = Date().addingTimeInterval(60)  // a bound for a hang, not a target
            while Date() < deadline {
                let (batches, progress) = indexer.take()
                handed += batches.flatMap(\.summaries)
                if progress.finished { break }
                usleep(1000)
            }
            handed += indexer.take().batches.flatMap(\.summaries)
            XCTAssertTrue(indexer.currentProgress.finished, "indexing ended after \(delay) µs")
            XCTAssertEqual(handed, Array(whole.prefix(handed.count)), "a prefix of the file, in order")
        }
    }

    /// A file read as lone-CR text (no LF in its first 64 KiB) is read so in every part, and
    /// each story shown is the story indexed, even where LFs come later in the file.
    func testALoneCRFileIsReadAsOneInEveryPart() throws {
        let crStories = stories(1...600).replacingOccurrences(of: "\n", with: "\r")
        XCTAssertGreaterThan(crStories.utf8.count, 1 << 16)
        let text = crStories + "\r\r\r" + stories(601...1200)
        let source = try write(text)
        let whole = source.indexAll()
        let (found, _) = indexInParts([source], partSize: 4096)
        XCTAssertEqual(found, whole)
        for summary in whole {
            XCTAssertEqual(source.article(summary)?.title, summary.title)
        }
    }
}
