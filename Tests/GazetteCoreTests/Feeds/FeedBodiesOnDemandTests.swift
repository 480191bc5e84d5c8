import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A big feed keeps only what the list needs of each item and parses a body again from the
/// file when it is shown, counted or searched: every story must read exactly as it does
/// from a feed whose bodies are kept, in any order, whole or cut in two.
final class FeedBodiesOnDemandTests: XCTestCase {
    /// An RSS feed of items of very different sizes, with CDATA, comments, entities and
    /// escaped markup that look like items, some of them sharing a title.
    private func rss(items count: Int, seed: UInt64 = 7) -> String {
        var random = SeededGenerator(seed: seed)
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [<!ENTITY house "Gazette House">]>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Big feed</title><link>https://example.com/</link>

            """
        for index in 1...count {
            let words = (0..<Int.random(in: 1...600, using: &random)).map { "w\($0 % 97)" }
            let paragraph = words.joined(separator: " ")
            let body: String
            switch index % 5 {
            case 0:
                body =
                    "<content:encoded><![CDATA[<p>\(paragraph)</p><p>A fake </item>\n<item> tag, \(index).</p>]]></content:encoded>"
            case 1: body = "<description>&lt;p&gt;\(paragraph) &amp; &house; \(index)&lt;/p&gt;</description>"
            case 2:
                body =
                    "<!-- a comment\n</item>\n<item> inside it --><description>\(paragraph)</description>"
            case 3:
                body =
                    "<description>Ünïcödé ✓ \(paragraph)</description><dc:creator>Writer \(index)</dc:creator>"
            default:
                body =
                    "<description><![CDATA[<ul><li>\(paragraph)</li><li><a href=\"/x\(index)\">link</a></li></ul>]]></description>"
            }
            let title = index % 7 == 0 ? "Same title" : "Story \(index)"
            text +=
                "<item><title>\(title)</title><guid>id-\(index)</guid><link>https://example.com/\(index)</link>\(body)</item>\n"
        }
        return text + "</channel></rss>\n"
    }

    private func atom(entries count: Int) -> String {
        FeedText.atom(entries: count, title: "Big atom", authors: true) { $0 % 300 }
    }

    private func source(_ bytes: [UInt8], format: SourceFormat, onDemand: Bool) -> OpenedSource {
        OpenedSource(
            source: Source(path: "feed.xml", displayName: "feed", format: format),
            bytes: FileBytes(bytes: bytes),
            bodiesOnDemandFrom: onDemand ? 0 : Int.max, keepingBodiesOfFirst: 0)
    }

    /// The summaries the background indexer finds, cut in two when `split`.
    private func index(_ opened: OpenedSource, split: Bool) -> [ArticleSummary] {
        let indexer = BackgroundIndexer(sources: [opened], splitThreshold: split ? 1 : Int.max) { _ in [:] }
        indexer.runToEnd()
        return indexer.take().batches.flatMap(\.summaries)
    }

    private func searchText(_ opened: OpenedSource, _ summary: ArticleSummary) -> String {
        var text = ""
        _ = opened.searchText(summary) { bytes in
            text = String(decoding: bytes, as: UTF8.self)
            return true
        }
        return text
    }

    /// Every story of the on-demand source, visited in a shuffled order, reads as the kept one.
    private func assertReadsAsKept(_ bytes: [UInt8], format: SourceFormat, split: Bool, count: Int) throws {
        let kept = source(bytes, format: format, onDemand: false)
        let onDemand = source(bytes, format: format, onDemand: true)
        let expected = index(kept, split: split)
        let summaries = index(onDemand, split: split)
        XCTAssertEqual(expected.count, count)
        XCTAssertEqual(summaries, expected)
        // What the kept source reads, worked out once for both visits of each story.
        let keptReads = expected.map { (kept.article($0), kept.details($0), searchText(kept, $0)) }
        var random = SeededGenerator(seed: 11)
        var order = Array(summaries.indices)
        order.shuffle(using: &random)
        // Shuffled, then backwards (the cache and the neighbours before an item).
        for position in order + summaries.indices.reversed() {
            let summary = summaries[position]
            let (article, details, text) = keptReads[position]
            XCTAssertEqual(onDemand.article(summary), article, summary.title)
            XCTAssertEqual(onDemand.details(summary), details, summary.title)
            XCTAssertEqual(searchText(onDemand, summary), text, summary.title)
        }
        XCTAssertEqual(onDemand.rereadFallbacks, 0, "every item found near where the index saw it")
    }

    func testRSSBodiesReadAgainAreTheKeptOnes() throws {
        try assertReadsAsKept(Array(rss(items: 500).utf8), format: .rss, split: false, count: 500)
    }

    func testRSSCutInTwoReadsAgainFromBothParts() throws {
        try assertReadsAsKept(Array(rss(items: 500, seed: 3).utf8), format: .rss, split: true, count: 500)
    }

    func testAtomBodiesReadAgainAreTheKeptOnes() throws {
        try assertReadsAsKept(Array(atom(entries: 500).utf8), format: .atom, split: true, count: 500)
    }

    /// Catalog positions a search finds, on the search's own threads.
    private func search(_ text: String, in opened: OpenedSource) -> [Int] {
        let catalog = ArticleCatalog.indexed([opened])
        let job = SearchJob(query: SearchQuery(text), sources: catalog.sources)
        job.enqueue(SearchJob.work(catalog.entries.indices, in: catalog))
        var found: [Int] = []
        while true {
            let (positions, _, done) = job.take()
            found += positions
            if done { break }
            usleep(1000)
        }
        return found
    }

    func testSearchFindsWhatItFindsInKeptBodies() throws {
        // Two search threads read bodies again at once, sharing the cache.
        let bytes = Array(rss(items: 600, seed: 13).utf8)
        let kept = source(bytes, format: .rss, onDemand: false)
        let onDemand = source(bytes, format: .rss, onDemand: true)
        for query in ["w5 w6", "\"gazette house\"", "unicode", "w96 tag"] {
            let expected = search(query, in: kept)
            XCTAssertFalse(expected.isEmpty, query)
            XCTAssertEqual(search(query, in: onDemand), expected, query)
        }
    }

    func testDetailsWorkedOutWhileIndexingAreTheSame() throws {
        // For the commands, which print every item's credit and reading time.
        let bytes = Array(rss(items: 300, seed: 17).utf8)
        let kept = source(bytes, format: .rss, onDemand: false)
        let early = OpenedSource(
            source: Source(path: "feed.xml", displayName: "feed", format: .rss),
            bytes: FileBytes(bytes: bytes),
            bodiesOnDemandFrom: 0, keepingBodiesOfFirst: 0, detailsWhileIndexing: true)
        let expected = index(kept, split: true)
        let summaries = index(early, split: true)
        XCTAssertEqual(summaries, expected)
        for (got, want) in zip(summaries, expected) {
            XCTAssertEqual(early.details(got), kept.details(want), got.title)
        }
    }

    func testTheBodiesAreNotKept() throws {
        let bytes = Array(rss(items: 300).utf8)
        let onDemand = OpenedSource(
            source: Source(path: "feed.xml", displayName: "feed", format: .rss),
            bytes: FileBytes(bytes: bytes),
            bodiesOnDemandFrom: 0)
        let summaries = onDemand.indexAll()
        XCTAssertEqual(summaries.count, 300)
        // What the index keeps of an item holds no body; reading it again gives it back.
        XCTAssertEqual(onDemand.keptBody(summaries[200]), "")
        XCTAssertEqual(onDemand.keptBody(summaries[10])?.isEmpty, false, "the first screen's are kept")
        let kept = source(bytes, format: .rss, onDemand: false)
        XCTAssertEqual(kept.indexAll(), summaries)
        XCTAssertEqual(kept.keptBody(summaries[200])?.isEmpty, false)
        XCTAssertFalse(try XCTUnwrap(onDemand.article(summaries[200])).paragraphs.isEmpty)
    }

    func testSmallAndNonUTF8FeedsKeepTheirBodies() throws {
        let small = OpenedSource(
            source: Source(path: "f.xml", displayName: "f", format: .rss),
            bytes: FileBytes(bytes: Array(rss(items: 20).utf8)))
        XCTAssertEqual(small.indexAll().compactMap { small.keptBody($0) }.filter(\.isEmpty).count, 0)
        let latin =
            "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss><channel><title>t</title>"
            + "<item><title>A</title><description>caf\u{E9}</description></item></channel></rss>"
        let bytes = latin.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let opened = source(bytes, format: .rss, onDemand: true)
        let summaries = opened.indexAll()
        XCTAssertEqual(summaries.count, 1)
        XCTAssertEqual(opened.keptBody(summaries[0]), "café", "not cut, so kept")
    }

    func testADamagedFeedReadsAsKept() throws {
        // Broken tags and a stray end tag in the middle: the sanitiser's repairs must come out
        // the same whether the item is read in the whole parse or again from a cut.
        var text = rss(items: 400, seed: 5)
        for (marker, damage) in [
            ("<guid>id-120</guid>", "<guid>id-120</guid><b unclosed"),
            ("<guid>id-200</guid>", "<item><title>Nested</title>"),
            ("<guid>id-333</guid>", "<description>&bogus; & <</description>"),
        ] {
            text = text.replacingOccurrences(of: marker, with: damage)
        }
        let bytes = Array(text.utf8)
        let kept = source(bytes, format: .rss, onDemand: false)
        let onDemand = source(bytes, format: .rss, onDemand: true)
        let expected = index(kept, split: false)
        let summaries = index(onDemand, split: false)
        XCTAssertEqual(summaries, expected)
        // The parse reads on after each break: the stories after the damage are all there.
        XCTAssertGreaterThanOrEqual(summaries.count, 398)
        for (got, want) in zip(summaries, expected).reversed() {
            XCTAssertEqual(onDemand.article(got), kept.article(want), got.title)
        }
        // Near the damage, a parse from a cut may read items differently from the whole
        // file's parse: those are read again from the start of the file, once for the stretch
        // (its neighbours are kept).
        XCTAssertLessThanOrEqual(onDemand.rereadFallbacks, 1)
    }

    func testARepeatedStoryIsNotTakenForTheOther() throws {
        // Found by the feed fuzzer: a damaged Atom feed where one entry came twice (same id,
        // title and link) with different bodies; each must read as its own. (The damage is
        // now read otherwise, without the repeat: a feed that repeats an entry is added.)
        let repeated = """
            <feed xmlns='http://www.w3.org/2005/Atom'><title>Repeats</title>
            <entry><link href='http://e.example/1'/><title>Entry1</title><id>http://e.example/1</id>
            <content>Content1</content></entry>
            <entry><link href='http://e.example/2'/><title>Entry2</title><id>http://e.example/2</id>
            <content>Content2</content></entry>
            <entry><link href='http://e.example/1'/><title>Entry1</title><id>http://e.example/1</id>
            <content>Another body</content></entry>
            </feed>
            """
        let fuzzed = Fixtures.bytes(Fixtures.fuzzFindings.appendingPathComponent("feed-repeated-entry.xml"))
        for bytes in [fuzzed, Array(repeated.utf8)] {
            let kept = source(bytes, format: .atom, onDemand: false)
            let onDemand = source(bytes, format: .atom, onDemand: true)
            let expected = kept.indexAll()
            let summaries = onDemand.indexAll()
            XCTAssertEqual(summaries, expected)
            XCTAssertGreaterThan(Set(expected.map(\.id)).count, 0)
            for (got, want) in zip(summaries, expected).reversed() {
                XCTAssertEqual(onDemand.article(got), kept.article(want), got.title)
            }
        }
        let expected = source(Array(repeated.utf8), format: .atom, onDemand: false).indexAll()
        XCTAssertEqual(expected.count, 3)
        XCTAssertEqual(Set(expected.map(\.id)).count, 2, "a story repeated")
    }

    func testTheIndexIsTheSameWhetherBodiesAreKeptOrNot() throws {
        // Found by the feed fuzzer: deciding to drop bodies ran a parser inside the index's
        // own parse, which then lost its items (FoundationXML allows one parser at a time on
        // a thread).
        let bytes = Fixtures.bytes(
            Fixtures.fuzzFindings.appendingPathComponent("feed-on-demand-nested-parse.xml"))
        let format = try XCTUnwrap(bytes.withUnsafeBytes { FeedParser.detect($0) })
        let expected = source(bytes, format: format, onDemand: false).indexAll()
        XCTAssertEqual(expected.count, 4)
        XCTAssertEqual(source(bytes, format: format, onDemand: true).indexAll(), expected)
    }

    func testABodyReadDifferentlyFromACutIsNotShown() throws {
        // Found by the feed fuzzer: after a damaged stretch, a parse from a cut read a body the
        // index's parse had read as empty (same id, title and link). The body's hash tells
        // them apart, and the item is read by its place from the start instead.
        let bytes = Fixtures.bytes(
            Fixtures.fuzzFindings.appendingPathComponent("feed-body-read-differently.xml"))
        let format = try XCTUnwrap(bytes.withUnsafeBytes { FeedParser.detect($0) })
        let kept = source(bytes, format: format, onDemand: false)
        let onDemand = source(bytes, format: format, onDemand: true)
        let expected = kept.indexAll()
        let summaries = onDemand.indexAll()
        XCTAssertEqual(summaries, expected)
        for (got, want) in zip(summaries, expected).reversed() {
            XCTAssertEqual(onDemand.article(got), kept.article(want), got.title)
        }
        XCTAssertGreaterThan(onDemand.rereadFallbacks, 0)
    }

    /// A feed of 2,000 items written to a file in `folder` and indexed with bodies on demand.
    private func feedOnDisk(in folder: URL) throws -> (
        path: String, text: String, opened: OpenedSource, summaries: [ArticleSummary]
    ) {
        let path = folder.appendingPathComponent("feed.xml").path
        let text = rss(items: 2000, seed: 9)
        XCTAssertGreaterThan(text.utf8.count, 1 << 20, "big enough to be mapped, not read")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let opened = OpenedSource(
            source: Source(path: path, displayName: "feed", format: .rss), bytes: try FileBytes(path: path),
            bodiesOnDemandFrom: 0)
        let summaries = opened.indexAll()
        XCTAssertEqual(summaries.count, 2000)
        return (path, text, opened, summaries)
    }

    func testAFeedRewrittenOnDiskGivesNoWrongBody() throws {
        let folder = try TemporaryFolder.make("gazette-on-demand")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, text, opened, summaries) = try feedOnDisk(in: folder)
        // Rewritten in place, same length, other stories: the ids no longer match.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.write(Data(text.replacingOccurrences(of: "<guid>id-", with: "<guid>xx-").utf8))
        handle.closeFile()
        // Not another story's body: a notice that the file changed (the pane was blank; QA).
        for position in [1300, 1301] {
            let article = try XCTUnwrap(opened.article(summaries[position]))
            XCTAssertTrue(article.changedOnDisk, "story \(position)")
            XCTAssertEqual(article.title, summaries[position].title)
            XCTAssertTrue(article.paragraphs.first?.contains("changed on disk since it was opened") == true)
        }
        XCTAssertEqual(opened.rereadFallbacks, 1, "one whole parse finds the file changed; then no more")
        XCTAssertNotNil(opened.article(summaries[3]), "the first screen's stories kept their bodies")
    }

    /// A big feed cut short on disk while open says so where a story's body is gone, as a
    /// dump's story does (the pane was blank, title and all; found by QA).
    func testAFeedCutShortOnDiskSaysSoWhereABodyIsGone() throws {
        let folder = try TemporaryFolder.make("gazette-on-demand")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _, opened, summaries) = try feedOnDisk(in: folder)
        XCTAssertEqual(truncate(path, 100_000), 0)
        let article = try XCTUnwrap(opened.article(summaries[1500]))
        XCTAssertTrue(article.changedOnDisk)
        XCTAssertEqual(article.title, summaries[1500].title)
        XCTAssertTrue(article.paragraphs.first?.contains("changed on disk since it was opened") == true)
    }

    func testTheRealWorldFeedsReadAsKept() throws {
        let folder = Fixtures.feeds
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path)).compactMap {
            $0 as? String
        }
        .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rss") || $0.hasSuffix(".atom") }
        var checked = 0
        for file in files.sorted() {
            let bytes = Fixtures.bytes(folder.appendingPathComponent(file))
            guard let format = bytes.withUnsafeBytes({ FeedParser.detect($0) }), format != .jsonFeed else {
                continue
            }
            let kept = source(bytes, format: format, onDemand: false)
            let onDemand = source(bytes, format: format, onDemand: true)
            let expected = kept.indexAll()
            let summaries = onDemand.indexAll()
            XCTAssertEqual(summaries, expected, file)
            for (got, want) in zip(summaries, expected).reversed() {
                XCTAssertEqual(onDemand.article(got), kept.article(want), "\(file): \(got.title)")
                XCTAssertEqual(onDemand.details(got), kept.details(want), "\(file): \(got.title)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }
}
