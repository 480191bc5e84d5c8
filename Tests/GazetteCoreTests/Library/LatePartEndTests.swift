import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The first part of a big file can end where its cut is found late: the parse of a feed
/// or the index of a dump asks for it only near it, and finds the same stories as when
/// given the part's end at once.
final class LatePartEndTests: XCTestCase {
    private struct Read: Equatable {
        var ids: [String] = []
        var titles: [String] = []
        var bodies: [String] = []
        var warnings: [String] = []
    }

    private func read(
        _ bytes: [UInt8], part: Range<Int>? = nil, lateEnd: LatePartEnd? = nil, limit: Int = .max
    ) throws -> Read {
        var found = Read()
        let failure: FeedError? = bytes.withUnsafeBytes { buffer in
            do throws(FeedError) {
                let result = try FeedParser.parse(buffer, format: .rss, part: part, lateEnd: lateEnd) {
                    item in
                    found.ids.append(item.id)
                    found.titles.append(item.title)
                    found.bodies.append(item.content)
                    return found.ids.count < limit
                }
                found.warnings = result.warnings
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        return found
    }

    /// Fails with the first difference (the reads are too long to print whole).
    private func assertSame(
        _ found: Read, _ expected: Read, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(found.ids.count, expected.ids.count, "items", file: file, line: line)
        XCTAssertEqual(found.warnings, expected.warnings, file: file, line: line)
        let first = zip(found.ids.indices, zip(found.ids, expected.ids)).first { $0.1.0 != $0.1.1 }?.0
        XCTAssertNil(
            first.map { "first different id at \($0): \(found.ids[$0]) vs \(expected.ids[$0])" }, file: file,
            line: line)
        for index in found.ids.indices where index < expected.ids.count {
            guard found.titles[index] == expected.titles[index], found.bodies[index] == expected.bodies[index]
            else {
                XCTFail(
                    "item \(index) differs: \(found.titles[index].prefix(80)) / \(found.bodies[index].suffix(80))"
                        + " vs \(expected.titles[index].prefix(80)) / \(expected.bodies[index].suffix(80))",
                    file: file, line: line)
                return
            }
        }
    }

    private func cut(_ bytes: [UInt8]) throws -> Int {
        let found = bytes.withUnsafeBytes {
            FeedItemBoundary.cut(in: $0, format: .rss, after: bytes.count / 2)
        }
        return try XCTUnwrap(found, "no cut")
    }

    /// A feed of several parser chunks.
    private let feed = Array(FeedText.rssWithHTMLBodies(items: 3000).utf8)

    func testALateEndReadsTheItemsOfThePartUpToIt() throws {
        XCTAssertGreaterThan(feed.count, 3 * XMLTextSource.chunkSize)
        let cut = try cut(feed)
        let expected = try read(feed, part: 0..<cut)
        var asked = 0
        let end = LatePartEnd(atLeast: feed.count / 2) {
            asked += 1
            return cut
        }
        let found = try read(feed, lateEnd: end)
        assertSame(found, expected)
        XCTAssertLessThan(found.ids.count, 3000)
        XCTAssertGreaterThan(found.ids.count, 1000)
        XCTAssertEqual(asked, 1)
        XCTAssertEqual(end.valueIfKnown, .some(cut))
    }

    func testNoCutReadsTheWholeFile() throws {
        let end = LatePartEnd(atLeast: feed.count / 2) { nil }
        assertSame(try read(feed, lateEnd: end), try read(feed))
        XCTAssertEqual(end.valueIfKnown, .some(nil))
    }

    func testACutBeforeWhereTheEndWasPromisedIsTakenForNone() throws {
        let end = LatePartEnd(atLeast: feed.count / 2) { 100 }
        XCTAssertNil(end.value)
        assertSame(try read(feed, lateEnd: LatePartEnd(atLeast: feed.count / 2) { 100 }), try read(feed))
    }

    func testAReadThatStopsEarlyNeverLooksForTheEnd() throws {
        var asked = 0
        let end = LatePartEnd(atLeast: feed.count / 2) {
            asked += 1
            return nil
        }
        let found = try read(feed, lateEnd: end, limit: 40)
        XCTAssertEqual(found.ids.count, 40)
        XCTAssertEqual(asked, 0)
        XCTAssertTrue(end.valueIfKnown == nil)
    }

    /// A first part that breaks before its end is read on after the break up to the cut, not
    /// into the second part.
    func testABrokenFirstPartIsRecoveredUpToItsLateEnd() throws {
        var text = FeedText.rssWithHTMLBodies(items: 3000)
        let broken = try XCTUnwrap(text.range(of: "<item><guid>g700</guid>"))
        text.replaceSubrange(
            broken, with: "<item><guid>g700</guid><title>Broken</title></itm><item><guid>g700b</guid>")
        let bytes = Array(text.utf8)
        let cut = try cut(bytes)
        let expected = try read(bytes, part: 0..<cut)
        XCTAssertFalse(expected.warnings.isEmpty, "the feed should break")
        let found = try read(bytes, lateEnd: LatePartEnd(atLeast: bytes.count / 2) { cut })
        assertSame(found, expected)
        XCTAssertFalse(found.ids.contains("g2999"))
    }

    /// Dump articles with indented lines, CRLF and long lines around the middle.
    private func dump(articles count: Int) -> [UInt8] {
        var text = ""
        for index in 0..<count {
            let long = String(repeating: "long line \(index) ", count: index % 7 == 0 ? 400 : 3)
            text += DumpText.article(title: "   Story \(index)", paragraphs: ["\t Words \(index).", long])
            text += index % 5 == 0 ? "\r\n\r\n\r\n" : "\n\n\n"
        }
        return Array(text.utf8)
    }

    private func dumpIndex(
        _ bytes: [UInt8], range: Range<Int>? = nil, lateEnd: LatePartEnd? = nil, limit: Int = .max
    )
        -> [ArticleSummary]
    {
        var found: [ArticleSummary] = []
        bytes.withUnsafeBytes { buffer in
            PlainTextDumpParser.index(buffer, range: range, lateEnd: lateEnd) { summary, _ in
                found.append(summary)
                return found.count < limit
            }
        }
        return found
    }

    func testADumpWithALateEndIndexesTheArticlesUpToIt() throws {
        let bytes = dump(articles: 400)
        // Every place the part may be said to end at the least, up to the cut itself.
        var checked = 0
        for atLeast in stride(from: bytes.count / 2, to: bytes.count * 3 / 4, by: 997) {
            guard
                let cut = bytes.withUnsafeBytes({
                    PlainTextDumpParser.articleBoundary(in: $0, after: atLeast)
                })
            else { continue }
            let expected = dumpIndex(bytes, range: 0..<cut)
            let found = dumpIndex(bytes, lateEnd: LatePartEnd(atLeast: atLeast) { cut })
            XCTAssertEqual(found.map(\.id), expected.map(\.id), "at least \(atLeast), cut \(cut)")
            XCTAssertEqual(found.map(\.title), expected.map(\.title), "at least \(atLeast), cut \(cut)")
            XCTAssertEqual(found.map(\.location), expected.map(\.location), "at least \(atLeast), cut \(cut)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
        let none = LatePartEnd(atLeast: bytes.count / 2) { nil }
        XCTAssertEqual(dumpIndex(bytes, lateEnd: none).map(\.id), dumpIndex(bytes).map(\.id))
    }

    func testADumpIndexThatStopsEarlyNeverLooksForTheEnd() {
        let bytes = dump(articles: 400)
        let end = LatePartEnd(atLeast: bytes.count / 2) { nil }
        XCTAssertEqual(dumpIndex(bytes, lateEnd: end, limit: 30).count, 30)
        XCTAssertTrue(end.valueIfKnown == nil)
    }

    func testTheEndIsLookedForOnceByTheFirstThreadThatAsks() {
        let calls = Counter()
        let end = LatePartEnd(atLeast: 10) {
            calls.add()
            usleep(20_000)
            return 42
        }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            XCTAssertEqual(end.value, 42)
        }
        XCTAssertEqual(calls.value, 1)
        XCTAssertEqual(end.valueIfKnown, .some(42))
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
