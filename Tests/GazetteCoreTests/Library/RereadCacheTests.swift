import XCTest

@testable import GazetteCore

/// The items a load's feeds parse again are kept within one budget of bytes for the load.
final class RereadCacheTests: XCTestCase {
    private func item(_ index: Int, bodyBytes: Int) -> FeedItem {
        FeedItem(
            id: "item-\(index)", title: "Title \(index)", titleIsHTML: false, link: nil, author: nil,
            date: nil,
            content: String(repeating: "a", count: bodyBytes), contentIsHTML: false)
    }

    func testTheFirstKeptGoFirstWhateverTheirFeed() {
        let one = item(1, bodyBytes: 1000)
        let size = RereadCache.size(of: one)
        XCTAssertEqual(size, RereadCache.itemOverhead + 6 + 7 + 1000)
        let cache = RereadCache(budget: 3 * size)
        let first = cache.newFeed()
        let second = cache.newFeed()
        XCTAssertNotEqual(first, second)
        cache.keep([(0, item(0, bodyBytes: 1000)), (1, one)], ofFeed: first)
        XCTAssertEqual(cache.bytes, 2 * size)
        cache.keep([(5, item(5, bodyBytes: 1000)), (6, item(6, bodyBytes: 1000))], ofFeed: second)
        // Four items do not fit: the first kept goes, of the other feed.
        XCTAssertEqual(cache.bytes, 3 * size)
        XCTAssertNil(cache.item(ofFeed: first, at: 0))
        XCTAssertEqual(cache.item(ofFeed: first, at: 1), one)
        XCTAssertTrue(cache.contains(feed: second, position: 5))
        XCTAssertFalse(cache.contains(feed: first, position: 5))
        XCTAssertEqual(cache.bytes(ofFeed: first), size)
        XCTAssertEqual(cache.bytes(ofFeed: second), 2 * size)
        // Kept again, an item is the last to go.
        cache.keep([(1, one)], ofFeed: first)
        cache.keep([(7, item(7, bodyBytes: 1000))], ofFeed: second)
        XCTAssertTrue(cache.contains(feed: first, position: 1))
        XCTAssertFalse(cache.contains(feed: second, position: 5))
        XCTAssertEqual(cache.bytes, 3 * size)
        cache.forget(feed: second)
        XCTAssertEqual(cache.bytes, size)
        XCTAssertEqual(cache.item(ofFeed: first, at: 1), one)
    }

    func testAnItemOverTheBudgetIsNotKept() {
        let cache = RereadCache(budget: 500)
        let feed = cache.newFeed()
        cache.keep([(0, item(0, bodyBytes: 1000))], ofFeed: feed)
        XCTAssertEqual(cache.bytes, 0)
        XCTAssertFalse(cache.contains(feed: feed, position: 0))
    }

    func testKeepingTheSameItemsOverAndOverHoldsNoMoreThanThem() {
        let cache = RereadCache(budget: 1 << 20)
        let feed = cache.newFeed()
        for _ in 0..<5000 {
            cache.keep([(0, item(0, bodyBytes: 10)), (1, item(1, bodyBytes: 10))], ofFeed: feed)
        }
        XCTAssertEqual(cache.bytes, 2 * RereadCache.size(of: item(0, bodyBytes: 10)))
        XCTAssertLessThanOrEqual(cache.placesKept, 2 * 2 + 1024)
    }
}
