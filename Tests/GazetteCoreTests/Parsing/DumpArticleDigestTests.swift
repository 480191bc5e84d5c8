import TestSupport
import XCTest

@testable import GazetteCore

/// A long dump story is indexed, counted and searched block by block, its blocks let go as
/// they come: the same ids, counts and text as when it is held whole, in bounded memory.
final class DumpArticleDigestTests: XCTestCase {
    /// Stories longer than the blocks indexing keeps, in the header shapes dumps have, between
    /// short ones.
    private func dump(paragraphs count: Int) -> String {
        let body = (1...count).map { "Paragraph \($0) of the long story, with some words." }
        return [
            DumpText.article(title: "Short one", caption: "A pier (AFP)", paragraphs: ["Only text."]),
            DumpText.article(title: "Long with header", caption: "Waves crash (AP)", paragraphs: body),
            DumpText.article(title: "Long bare", paragraphs: body, widgets: false, repeatedHeader: false),
            // The title again, then a number alone: text, left out of the id as it always was.
            "Long numbered\n\nTT\n20\n\nLong numbered\n\n1\n\n" + body.joined(separator: "\n\n"),
            DumpText.article(title: "Short two", paragraphs: ["The end."]),
        ].joined(separator: "\n\n\n")
    }

    /// The id as made from the whole article held at once: the title, then each block of the
    /// body but the one left out of it.
    private func wholeID(_ article: DumpArticleBlocks, _ bytes: UnsafeRawBufferPointer) -> ArticleID {
        let layout = DumpArticleLayout(article, bytes: bytes)
        var fingerprint = ContentFingerprint()
        fingerprint.add(layout.title, in: bytes)
        fingerprint.endPart()
        for block in layout.body where block != layout.leftOutOfID {
            for line in article.lines(ofBlock: block) { fingerprint.add(line, in: bytes) }
            fingerprint.endPart()
        }
        return ArticleID(fingerprint.hexDigest)
    }

    func testIdsCountsAndTextAreThoseOfTheWholeArticle() throws {
        for count in [256, 257, 40_000] {
            let file = FileBytes(bytes: Array(dump(paragraphs: count).utf8))
            let bytes = file.buffer
            var whole = DumpArticleSegmenter(reader: DumpBlockReader(bytes: bytes, range: nil))
            var expected: [ArticleID] = []
            while whole.next() { expected.append(wholeID(whole.article, bytes)) }
            let summaries = PlainTextDumpParser.index(bytes)
            XCTAssertEqual(summaries.map(\.id), expected, "\(count)")
            XCTAssertEqual(
                summaries.map(\.title),
                [
                    "Short one", "Long with header", "Long bare", "Long numbered", "Short two",
                ])
            for summary in summaries {
                guard case .bytes(let range, _) = summary.location else { return XCTFail() }
                let article = try XCTUnwrap(PlainTextDumpParser.article(in: bytes, range: range, source: "s"))
                XCTAssertEqual(article.id, summary.id)
                XCTAssertEqual(article.leftOutParagraphs, 0)
                let words = article.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count }
                let details = try XCTUnwrap(PlainTextDumpParser.details(in: bytes, range: range))
                XCTAssertEqual(details.wordCount, words, "\(count) \(summary.title)")
                var text = ""
                XCTAssertTrue(
                    PlainTextDumpParser.withText(in: bytes, range: range) { buffer in
                        text = String(decoding: buffer, as: UTF8.self)
                        return true
                    })
                let lines = [article.title] + (article.caption.map { [$0] } ?? []) + article.paragraphs
                XCTAssertEqual(text, lines.map { $0 + "\n" }.joined(), "\(count) \(summary.title)")
            }
        }
    }

    /// Indexing a story of 300,000 paragraphs holds a few thousand of its lines, not all (a
    /// one-story file of 18 MB took 180 MB to list, 410 MB in the reader).
    func testIndexingALongStoryLetsItsLinesGo() {
        let text = "Title\n\n" + (1...300_000).map { "w\($0)" }.joined(separator: "\n\n") + "\n"
        let file = FileBytes(bytes: Array(text.utf8))
        var segmenter = DumpArticleSegmenter(
            reader: DumpBlockReader(bytes: file.buffer, range: nil),
            keptBlocks: DumpArticleSegmenter.indexKeptBlocks)
        XCTAssertTrue(segmenter.next())
        XCTAssertEqual(segmenter.article.blocks.count, DumpArticleSegmenter.indexKeptBlocks + 1)
        XCTAssertLessThan(segmenter.article.lines.count, 70_000)
        XCTAssertEqual(segmenter.article.byteRange, 0..<(text.utf8.count - 1))
        XCTAssertFalse(segmenter.next())
    }

    /// The reader asks for a long story's start: the paragraphs it gets are the story's first,
    /// and the rest are counted and said to be left out.
    func testTheReaderGetsTheStartOfALongStoryAndTheCountOfTheRest() throws {
        let file = FileBytes(bytes: Array(dump(paragraphs: 5_000).utf8))
        let summaries = PlainTextDumpParser.index(file.buffer)
        guard case .bytes(let range, _) = summaries[1].location else { return XCTFail() }
        let whole = try XCTUnwrap(PlainTextDumpParser.article(in: file.buffer, range: range, source: "s"))
        let start = try XCTUnwrap(
            PlainTextDumpParser.article(in: file.buffer, range: range, source: "s", maxParagraphs: 1_000))
        XCTAssertEqual(start.id, whole.id)
        XCTAssertEqual(start.caption, whole.caption)
        XCTAssertEqual(start.wordCount, whole.wordCount)
        XCTAssertGreaterThanOrEqual(start.paragraphs.count, 1_000)
        XCTAssertLessThan(start.paragraphs.count, 1_100)
        XCTAssertEqual(start.paragraphs, Array(whole.paragraphs.prefix(start.paragraphs.count)))
        XCTAssertEqual(start.paragraphs.count + start.leftOutParagraphs, 5_000)
        let lines = ArticleLayout(article: start, width: 80).lines.map(\.text)
        XCTAssertEqual(
            lines.suffix(2),
            ["", "[… \(GroupedCount.text(start.leftOutParagraphs)) more paragraphs of this story not shown]"])
    }
}
