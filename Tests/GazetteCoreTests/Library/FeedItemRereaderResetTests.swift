import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A big feed's bodies are read again on one thread while another indexes the file again: a
/// read the new index overtook neither keeps the old index's items under its positions nor
/// finds the file changed for the new one.
final class FeedItemRereaderResetTests: XCTestCase {
    /// An RSS feed of `count` items whose guids start with `prefix`.
    private func feed(_ prefix: String, items count: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Feed</title><link>https://example.com/</link>

            """
        for index in 0..<count {
            text +=
                "<item><title>Story \(index)</title><guid>\(prefix)-\(index)</guid>"
                + "<description>Body \(index) of \(prefix), \(String(repeating: "words ", count: index % 9))</description></item>\n"
        }
        return Array((text + "</channel></rss>\n").utf8)
    }

    private func items(of bytes: [UInt8]) throws -> [FeedItem] {
        var items: [FeedItem] = []
        _ = try bytes.withUnsafeBytes { buffer in
            try FeedParser.parse(buffer, format: .rss) { item in
                items.append(item)
                return true
            }
        }
        return items
    }

    /// A feed in memory (`file`), and the items of it and of another feed of as many items.
    private struct Fixture {
        let bytes: FileBytes
        let firstItem: Int
        let inFile: [FeedItem]
        let other: [FeedItem]
        let store = FeedItemStore()

        /// Indexes `items` into the store, each body dropped, read again from the first item on.
        func index(_ items: [FeedItem]) {
            store.reset(part: 0..<bytes.count)
            for item in items {
                var kept = FeedItemStore.Kept(item: item)
                kept.item.content = ""
                kept.rereadFrom = firstItem
                kept.bodyHash = FeedItemRereader.bodyHash(item.content)
                _ = store.append(kept)
            }
        }
    }

    private func fixture() throws -> Fixture {
        let bytes = feed("in-file", items: 40)
        let first = try XCTUnwrap(
            bytes.withUnsafeBytes { FeedItemBoundary.firstCuttableItem(in: $0, format: .rss) })
        let fixture = Fixture(
            bytes: FileBytes(bytes: bytes), firstItem: first, inFile: try items(of: bytes),
            other: try items(of: feed("other", items: 40)))
        XCTAssertEqual(fixture.inFile.count, 40)
        XCTAssertEqual(fixture.other.count, 40)
        return fixture
    }

    private func rereader(_ fixture: Fixture) -> FeedItemRereader {
        FeedItemRereader(
            bytes: fixture.bytes, format: .rss, firstItem: fixture.firstItem, cache: RereadCache())
    }

    /// A rereader over `fixture` indexed as `first`, whose first read is overtaken, once it has
    /// parsed, by an index as `then` and a reset.
    private func rereader(
        _ fixture: Fixture, indexedAs first: [FeedItem], overtakenBy then: [FeedItem]
    ) -> FeedItemRereader {
        fixture.index(first)
        let rereader = rereader(fixture)
        rereader.afterParse = {
            rereader.afterParse = nil
            fixture.index(then)
            rereader.reset()
        }
        return rereader
    }

    func testANewIndexMadeWhileAReadFoundTheOldOneChangedIsNotBlank() throws {
        // The index the read started with is not the file's (written over), the one made while
        // it parsed is: its bodies read again (every story was blank until the next index).
        let fixture = try fixture()
        let rereader = rereader(fixture, indexedAs: fixture.other, overtakenBy: fixture.inFile)
        XCTAssertEqual(rereader.item(at: 5, ordinal: 5, in: fixture.store), fixture.inFile[5])
        XCTAssertFalse(rereader.isStale)
        XCTAssertEqual(rereader.item(at: 30, ordinal: 30, in: fixture.store), fixture.inFile[30])
    }

    func testAnItemReadForTheOldIndexIsNotKeptForTheNewOne() throws {
        // Indexed again while a read parsed, the file no longer holds what the new index says:
        // story 5 is not the old index's story 5 from the cache.
        let fixture = try fixture()
        let rereader = rereader(fixture, indexedAs: fixture.inFile, overtakenBy: fixture.other)
        XCTAssertNotEqual(rereader.item(at: 5, ordinal: 5, in: fixture.store), fixture.inFile[5])
        XCTAssertNil(rereader.item(at: 5, ordinal: 5, in: fixture.store))
        XCTAssertNil(rereader.item(at: 6, ordinal: 6, in: fixture.store))
        XCTAssertTrue(rereader.isStale, "the file is not what the new index says")
    }

    func testReadsWhileTheFileIsIndexedAgainAndAgain() throws {
        // One thread reads bodies while another indexes the file again and again, alternately
        // as another file and as it is: a body read is always the file's own, the file's index
        // is never found changed (by a read of the one before), and every story reads at the end.
        let fixture = try fixture()
        fixture.index(fixture.inFile)
        let rereader = rereader(fixture)
        let done = Flag()
        let reader = Thread {
            var random = SeededGenerator(seed: 3)
            while !done.isSet {
                let ordinal = Int.random(in: 0..<40, using: &random)
                if let item = rereader.item(at: ordinal, ordinal: ordinal, in: fixture.store) {
                    // Read against either index, never another story's body.
                    if item != fixture.inFile[ordinal] { done.fail("story \(ordinal): \(item.id)") }
                }
            }
            done.finished()
        }
        reader.start()
        // Indexed as another file, then (while a read of that index is likely under way) as
        // the file again: the file's index must not be found changed.
        let deadline = Date().addingTimeInterval(2)
        var rounds = 0
        var foundChanged = 0
        while Date() < deadline && rounds < 200 {
            fixture.index(fixture.other)
            rereader.reset()
            usleep(UInt32(200 + rounds % 5 * 200))
            fixture.index(fixture.inFile)
            rereader.reset()
            usleep(2000)
            if rereader.isStale { foundChanged += 1 }
            rounds += 1
        }
        done.set()
        done.waitForFinish()
        XCTAssertEqual(foundChanged, 0, "the file's index found changed by a read of the one before")
        XCTAssertNil(done.failure)
        XCTAssertGreaterThan(rounds, 10)
        XCTAssertFalse(
            rereader.isStale, "a read of the index before found the file changed after the last index")
        for ordinal in 0..<40 {
            XCTAssertEqual(
                rereader.item(at: ordinal, ordinal: ordinal, in: fixture.store), fixture.inFile[ordinal])
        }
    }

    func testALaterPartIndexedLeavesTheBodiesReadMeanwhile() throws {
        // The screen reads the first part's stories while the later parts are indexed: each
        // part's start forgot every body read again (and whether the file was found changed).
        let bytes = feed("parts", items: 400)
        let opened = OpenedSource(
            source: Source(path: "feed.xml", displayName: "feed", format: .rss),
            bytes: FileBytes(bytes: bytes),
            bodiesOnDemandFrom: 0, keepingBodiesOfFirst: 0)
        let cut = try XCTUnwrap(opened.articleBoundary(after: bytes.count / 2))
        var first: [ArticleSummary] = []
        opened.index(in: 0..<cut) { summary, _ in
            first.append(summary)
            return true
        }
        let story = try XCTUnwrap(opened.article(first[100]))
        let parses = opened.rereadsFromACut
        XCTAssertGreaterThan(parses, 0)
        var later = 0
        opened.index(in: cut..<bytes.count) { _, _ in
            later += 1
            return true
        }
        XCTAssertEqual(first.count + later, 400)
        XCTAssertEqual(opened.article(first[100]), story)
        XCTAssertEqual(opened.rereadsFromACut, parses, "read from the cache")
    }
}

/// A flag one thread sets for another, with the first failure it saw.
private final class Flag: @unchecked Sendable {
    private let condition = NSCondition()
    private var value = false
    private var ended = false
    private var failed: String?

    var isSet: Bool { condition.withLock { value } }
    var failure: String? { condition.withLock { failed } }

    func set() { condition.withLock { value = true } }

    func fail(_ reason: String) {
        condition.withLock { if failed == nil { failed = reason } }
    }

    func finished() {
        condition.withLock {
            ended = true
            condition.broadcast()
        }
    }

    func waitForFinish() {
        condition.withLock { while !ended { condition.wait() } }
    }
}
