import Foundation
import XCTest

@testable import GazetteCore

/// Ids carry their hash from where they are made: equal text must stay equal ids with equal
/// hashes wherever each copy came from, and different text different ids.
final class ArticleIDTests: XCTestCase {
    func testEqualTextIsOneIdAndDifferentTextIsNot() throws {
        let made = ArticleID("00a1b2c3d4e5f607")
        let built = ArticleID(String(["00a1b2c3", "d4e5f607"].joined()))
        let decoded = try JSONDecoder().decode(ArticleID.self, from: JSONEncoder().encode(made))
        for copy in [built, decoded] {
            XCTAssertEqual(copy, made)
            XCTAssertEqual(copy.hashValue, made.hashValue)
        }
        XCTAssertNotEqual(ArticleID("00a1b2c3d4e5f608"), made)
        XCTAssertNotEqual(ArticleID(""), made)
        XCTAssertEqual(Set([made, built, decoded, ArticleID("x")]).count, 2)
    }

    /// A catalog told to expect more articles than it gets (or fewer) keeps every first copy
    /// once, in order (a copy: the same id and title).
    func testACatalogKeepsEachIdOnceWhateverItWasToldToExpect() {
        func summaries(_ range: Range<Int>) -> [ArticleSummary] {
            range.map {
                ArticleSummary(id: ArticleID("id\($0 % 700)"), title: "T\($0 % 700)", location: .item($0))
            }
        }
        for expected in [0, 10, 700, 100_000] {
            let catalog = ArticleCatalog(sources: [])
            catalog.expect(expected)
            XCTAssertEqual(catalog.append(summaries(0..<500), fromSource: 0), 500)
            catalog.expect(expected * 2)
            XCTAssertEqual(catalog.append(summaries(500..<1_000), fromSource: 0), 200)
            XCTAssertEqual(catalog.entries.count, 700)
            XCTAssertEqual(catalog.entries.map(\.summary.title), (0..<700).map { "T\($0)" })
            XCTAssertEqual(catalog.position(of: ArticleID("id699")), 699)
            XCTAssertEqual(catalog.position(of: ArticleID("id5")), 5, "a repeated id keeps its first place")
        }
    }

    /// A reckoning of 50,000 articles makes no room before the first batch is in (its ids would
    /// scatter over a table for thousands, a page fault each, on the first screen's path), then
    /// at most 32 times what is there.
    func testACatalogMakesRoomOnlyForWhatItHasSeenTimes32() {
        let catalog = ArticleCatalog(sources: [])
        catalog.expect(50_000)
        XCTAssertLessThan(catalog.positionsCapacity, 64, "nothing is reserved before the first articles")
        let first = (0..<64).map {
            ArticleSummary(id: ArticleID("id\($0)"), title: "T\($0)", location: .item($0))
        }
        catalog.append(first, fromSource: 0)
        XCTAssertLessThan(catalog.positionsCapacity, 256, "the first batch gets the room it needs")
        catalog.expect(50_000)
        XCTAssertGreaterThanOrEqual(catalog.positionsCapacity, 32 * 64)
        XCTAssertLessThan(
            catalog.positionsCapacity, 50_000, "a reckoning is held to 32 times the articles there")
        XCTAssertEqual(catalog.position(of: ArticleID("id63")), 63)
    }
}
