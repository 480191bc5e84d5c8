import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Big feeds are cut in two at an item and parsed on two threads: the stories must be the
/// same, in the same order, as one parse of the whole file gives.
final class FeedItemBoundaryTests: XCTestCase {
    /// An RSS feed whose items hold CDATA, comments and escaped markup that look like items.
    private func rss(items count: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [<!ENTITY house "Gazette House">]>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Cut feed</title><link>https://example.com/</link>

            """
        for index in 1...count {
            let body: String
            switch index % 4 {
            case 0:
                body =
                    "<content:encoded><![CDATA[<p>CDATA with a fake </item>\n<item> tag, \(index).</p>]]></content:encoded>"
            case 1: body = "<description>&lt;item&gt; escaped &amp; &house; \(index)</description>"
            case 2:
                body =
                    "<!-- a comment\n</item>\n<item> inside it --><description>Plain \(index)</description>"
            default:
                body = "<description>Ünïcödé ✓ \(index)</description><dc:creator>Writer \(index)</dc:creator>"
            }
            text += "<item><title>Story \(index)</title><guid>id-\(index)</guid>\(body)</item>\n"
        }
        return text + "</channel></rss>\n"
    }

    private func atom(entries count: Int) -> String {
        FeedText.atom(entries: count, title: "Cut atom")
    }

    private func source(_ text: String, format: SourceFormat) -> OpenedSource {
        OpenedSource(
            source: Source(path: "feed.xml", displayName: "feed", format: format),
            bytes: FileBytes(bytes: Array(text.utf8)))
    }

    /// Titles, ids and whole articles, indexed in two halves by the background indexer.
    private func splitIndex(_ opened: OpenedSource) -> [(ArticleSummary, Article?)] {
        let indexer = BackgroundIndexer(sources: [opened], splitThreshold: 1) { _ in [:] }
        indexer.runToEnd()
        let summaries = indexer.take().batches.flatMap(\.summaries)
        return summaries.map { ($0, opened.article($0)) }
    }

    private func assertSplitMatchesWhole(_ text: String, format: SourceFormat, count: Int) throws {
        let whole = source(text, format: format)
        let expected = whole.indexAll().map { ($0, whole.article($0)) }
        XCTAssertEqual(expected.count, count)
        let cutSource = source(text, format: format)
        let cut = try XCTUnwrap(cutSource.articleBoundary(after: cutSource.bytes.count / 2), "no cut found")
        XCTAssertGreaterThan(cut, cutSource.bytes.count / 2)
        let split = splitIndex(cutSource)
        XCTAssertEqual(split.map(\.0.id), expected.map(\.0.id))
        XCTAssertEqual(split.map(\.0.title), expected.map(\.0.title))
        for (got, want) in zip(split, expected) {
            XCTAssertEqual(got.1?.paragraphs, want.1?.paragraphs, got.0.title)
            XCTAssertEqual(got.1?.link, want.1?.link, got.0.title)
            XCTAssertEqual(got.1?.credit, want.1?.credit, got.0.title)
        }
    }

    func testRSSCutInTwoReadsLikeTheWholeFile() throws {
        try assertSplitMatchesWhole(rss(items: 2001), format: .rss, count: 2001)
        // Its guids are unique only in the feed: the ids are scoped by the feed's link and title,
        // in both parts alike (checked above against the whole file's).
        let ids = source(rss(items: 3), format: .rss).indexAll().map(\.id.rawValue)
        let scope = "https://example.com/#" + (FeedIDScope.titleTag("Cut feed") ?? "") + "#"
        XCTAssertEqual(ids, [scope + "id-1", scope + "id-2", scope + "id-3"])
    }

    func testAtomCutInTwoReadsLikeTheWholeFile() throws {
        try assertSplitMatchesWhole(atom(entries: 1500), format: .atom, count: 1500)
    }

    func testNoCutInsideCDATAOrComments() {
        // Past the middle, the only "<item" tags are inside a CDATA section and a comment.
        let filler = String(repeating: "x", count: 5000)
        let text = """
            <rss><channel><title>t</title><item><title>A</title></item>
            <item><title>B</title><description><![CDATA[\(filler)</item>
            <item> fake]]></description></item>
            <!-- \(filler) </item>
            <item> -->
            </channel></rss>
            """
        let opened = source(text, format: .rss)
        XCTAssertNil(opened.articleBoundary(after: 200))
        XCTAssertEqual(splitIndex(opened).map(\.0.title), ["A", "B"])
    }

    /// The first item is found reading forwards: `<item` tags inside comments and CDATA
    /// sections before it, however long, are passed over, and so are longer names.
    func testTheFirstItemIsTheFirstItemTagOutsideCommentsAndCDATA() {
        func first(_ text: String, _ format: SourceFormat = .rss) -> Int? {
            Array(text.utf8).withUnsafeBytes { FeedItemBoundary.firstItem(in: $0, format: format) }
        }
        func offset(of marker: String, in text: String) -> Int? {
            text.utf8.firstRange(of: marker.utf8).map {
                text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound)
            }
        }
        let long = String(repeating: "- <i>x</i> ", count: 200_000)  // past the look-ahead window
        let text = """
            <?xml version="1.0"?><rss><channel><title>t</title>
            <!-- <item> in a comment \(long) -->
            <description><![CDATA[<item>in CDATA</item> \(long)]]></description>
            <itemize>not an item</itemize><item\tid="1"><title>A</title></item></channel></rss>
            """
        XCTAssertEqual(first(text), offset(of: "<item\t", in: text))
        XCTAssertEqual(first("<rss><channel><item/></channel></rss>"), 14)
        XCTAssertEqual(first("<feed><entry>x</entry></feed>", .atom), 6)
        XCTAssertNil(first("<rss><channel><!-- <item> never closed </channel></rss>"))
        XCTAssertNil(first("<rss><channel><![CDATA[ <item> never closed </channel></rss>"))
        XCTAssertNil(first("<rss><channel><items/></channel></rss>"))
        XCTAssertNil(first("<rss><channel><item>", .plainTextDump))
        // A comment that closes at once, and markup that only starts like one.
        XCTAssertEqual(first("<rss><!----><!-x><item>"), 17)
    }

    func testFeedsNotInUTF8AreNotCut() {
        let text =
            "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
            + rss(items: 50).split(separator: "\n", maxSplits: 1)[1]
        var bytes = Array(text.utf8.map { $0 })
        bytes.removeAll { $0 >= 0x80 }
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "f", format: .rss), bytes: FileBytes(bytes: bytes))
        XCTAssertNil(opened.articleBoundary(after: bytes.count / 2))
        XCTAssertEqual(splitIndex(opened).count, 50)
    }

    func testTheRealWorldFeedsReadTheSameCutOrWhole() throws {
        let folder = Fixtures.feeds
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path)).compactMap {
            $0 as? String
        }
        .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rss") || $0.hasSuffix(".atom") }
        var cutCount = 0
        for file in files.sorted() {
            let path = folder.appendingPathComponent(file).path
            guard let opened = try? SourceLoader.openFile(path), opened.source.format != .jsonFeed else {
                continue
            }
            let expected = opened.indexAll().map(\.id)
            let again = try SourceLoader.openFile(path)
            if again.articleBoundary(after: again.bytes.count / 2) != nil { cutCount += 1 }
            XCTAssertEqual(splitIndex(again).map(\.0.id), expected, file)
        }
        XCTAssertGreaterThan(cutCount, 5, "most real feeds can be cut")
    }

    func testABrokenItemNearTheCutLosesNothing() throws {
        // Found by the feed fuzzer: a real feed with a damaged item just before the cut. The
        // two parts keep every item the whole has, and no fewer. (The whole reads on after
        // the break, where the damaged item, left open, ends last.)
        let bytes = Fixtures.bytes(Fixtures.fuzzFindings.appendingPathComponent("feed-cut-broken-item.xml"))
        XCTAssertFalse(bytes.isEmpty)
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "f", format: .rss), bytes: FileBytes(bytes: bytes))
        let whole = opened.indexAll().map(\.id)
        let split = splitIndex(opened).map(\.0.id)
        XCTAssertNotNil(opened.articleBoundary(after: bytes.count / 2))
        for id in whole { XCTAssertTrue(split.contains(id), "lost \(id)") }
        XCTAssertGreaterThanOrEqual(split.count, whole.count)
    }

    func testAFeedThatTurnsOutNotToBeUTF8IsReadWholeOnce() {
        // Plain ASCII for the first 64 KiB, so the encoding sniff of the cut says UTF-8; a Latin-1
        // byte further on (and no UTF-8 character) makes the decoder read the file as
        // windows-1252, though it declares UTF-8: it is not cut, and read whole once.
        var text = Array(rss(items: 800).utf8.filter { $0 < 0x80 })
        let later = text.count * 3 / 4
        text.replaceSubrange(later..<later + 5, with: Array("Story".utf8))
        let found = text.withUnsafeBytes {
            FeedItemBoundary.find(Array("Plain".utf8), in: $0, from: later, to: text.count)
        }
        if let at = found {
            text[at + 2] = 0xE9  // "Pl\u{E9}in" in Latin-1: not UTF-8
        }
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "f", format: .rss), bytes: FileBytes(bytes: text))
        XCTAssertGreaterThan(text.count, 1 << 16)
        XCTAssertNotNil(found)
        XCTAssertNil(opened.articleBoundary(after: text.count / 2))
        let whole = opened.indexAll()
        XCTAssertEqual(whole.count, 800)
        XCTAssertTrue(
            whole.contains { opened.article($0)?.paragraphs.joined().contains("Pl\u{E9}in") == true })
        XCTAssertEqual(splitIndex(opened).map(\.0.id), whole.map(\.id))
    }

    func testAFeedWhoseStartIsBrokenIsNotCut() {
        // Found by the feed fuzzer: a tag broken before the first item. The part after a cut
        // would be read behind that broken start and lose its items, so the feed is not cut.
        let bytes = Fixtures.bytes(Fixtures.fuzzFindings.appendingPathComponent("feed-broken-header.xml"))
        XCTAssertFalse(bytes.isEmpty)
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "f", format: .rss), bytes: FileBytes(bytes: bytes))
        XCTAssertNil(opened.articleBoundary(after: bytes.count / 2))
        let whole = opened.indexAll().map(\.id)
        // 20 until a start tag that breaks was read as text: the parser read on further.
        XCTAssertEqual(whole.count, 26)
        XCTAssertEqual(splitIndex(opened).map(\.0.id), whole)
    }

    /// The search for markers finds what a byte-by-byte search finds: at the window's edges,
    /// with hits that overlap, and with the needle's rare byte first, in its middle or last.
    func testTheMarkerSearchFindsWhatAPlainSearchFinds() {
        func plain(_ needle: [UInt8], _ bytes: [UInt8], _ from: Int, _ to: Int) -> Int? {
            guard from + needle.count <= to else { return nil }
            return (from...(to - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }
        }
        let needles = ["-->", "<!--", "]]>", "<![CDATA[", "</item>", "<item", "!", "]]"].map {
            Array($0.utf8)
        }
        let alphabet = Array("-<>!][ CDATAitem/".utf8)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            let bytes = (0..<(round % 60)).map { _ in alphabet.randomElement(using: &generator)! }
            for needle in needles {
                let from = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
                let to = Int.random(in: from...max(from, bytes.count), using: &generator)
                let found = bytes.withUnsafeBytes {
                    FeedItemBoundary.find(needle, in: $0, from: from, to: to)
                }
                XCTAssertEqual(
                    found, plain(needle, bytes, from, to),
                    "\(String(decoding: needle, as: UTF8.self)) in \(String(decoding: bytes, as: UTF8.self)) [\(from), \(to))"
                )
            }
        }
        let edges = Array("]]>ab]]]>".utf8)
        edges.withUnsafeBytes { buffer in
            XCTAssertEqual(FeedItemBoundary.find(Array("]]>".utf8), in: buffer, from: 0, to: 3), 0)
            XCTAssertNil(FeedItemBoundary.find(Array("]]>".utf8), in: buffer, from: 0, to: 2))
            XCTAssertEqual(FeedItemBoundary.find(Array("]]>".utf8), in: buffer, from: 1, to: 9), 6)
            XCTAssertNil(FeedItemBoundary.find(Array("]]>".utf8), in: buffer, from: 7, to: 9))
        }
    }
}
