import Foundation
import XCTest

@testable import GazetteCore

/// A feed parsed inside another parse's callback on the same thread (the first screen's
/// details read bodies again while the index parses, on a tall terminal) leaves the outer
/// parse its error reports: a break after the first screen is told, and read on after.
final class NestedFeedParseErrorsTests: XCTestCase {
    /// An RSS feed of `count` items whose item `broken` has a mismatched end tag.
    private func brokenFeed(items count: Int, broken: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Tall</title><link>https://example.com/</link>

            """
        for index in 1...count {
            let link =
                index == broken
                ? "<link>https://example.com/\(index)</lnk>" : "<link>https://example.com/\(index)</link>"
            text +=
                "<item><title>Story \(index)</title><guid>id-\(index)</guid>\(link)"
                + "<description>&lt;p&gt;Words of story \(index), and more words.&lt;/p&gt;</description></item>\n"
        }
        return Array((text + "</channel></rss>\n").utf8)
    }

    /// The summaries and read warnings of `bytes` indexed as the reader does with a first
    /// screen of `rows` rows, its bodies kept or parsed again when needed.
    private func indexed(_ bytes: [UInt8], rows: Int, onDemand: Bool) -> ([ArticleSummary], [String]) {
        let opened = OpenedSource(
            source: Source(path: "tall.xml", displayName: "Tall", format: .rss),
            bytes: FileBytes(bytes: bytes),
            bodiesOnDemandFrom: onDemand ? 0 : Int.max)
        let indexer = BackgroundIndexer(sources: [opened], firstScreenRows: rows) { _ in [:] }
        indexer.runToEnd()
        let batches = indexer.take().batches
        if onDemand {
            // The first screen's rows past the bodies kept at the start were read again.
            XCTAssertGreaterThan(opened.rereadsFromACut + opened.rereadFallbacks, 0)
        }
        return (batches.flatMap(\.summaries), opened.readWarnings)
    }

    func testABreakAfterTheFirstScreenIsToldWhenItsBodiesAreReadAgain() throws {
        // 80 rows: the 16 past the 64 stories that keep their bodies are parsed again when the
        // first batch is handed over, inside the index's parse; the break comes after them, in
        // the same piece of text.
        let bytes = brokenFeed(items: 120, broken: 90)
        let (expected, warnings) = indexed(bytes, rows: 80, onDemand: false)
        XCTAssertTrue(warnings.contains { $0.contains("line 92") }, "\(warnings)")
        XCTAssertTrue(expected.contains { $0.title == "Story 120" }, "read on after the break")
        let (summaries, told) = indexed(bytes, rows: 80, onDemand: true)
        XCTAssertEqual(told, warnings)
        XCTAssertEqual(summaries, expected)
    }
}
