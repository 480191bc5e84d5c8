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

/// A dump id (16 lowercase hex digits) is kept as its number: it must be the same id as the
/// one made from its text, in every way an id is used.
final class InlineArticleIDTests: XCTestCase {
    func testAnIdMadeFromItsNumberIsTheIdOfItsText() {
        for value: UInt64 in [0, 1, 0x00a1_b2c3_d4e5_f607, 0xFFFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000] {
            let text = String(format: "%016llx", value)
            let fromNumber = ArticleID(hex: value)
            let fromText = ArticleID(text)
            XCTAssertEqual(fromNumber.rawValue, text)
            XCTAssertEqual(fromNumber.description, text)
            XCTAssertEqual(fromNumber, fromText)
            XCTAssertEqual(fromNumber.hashValue, fromText.hashValue)
            XCTAssertEqual(Set([fromNumber, fromText]).count, 1)
        }
    }

    func testTextThatIsNotSixteenLowercaseHexDigitsStaysText() throws {
        for text in [
            "", "00A1B2C3D4E5F607", "00a1b2c3d4e5f60", "00a1b2c3d4e5f6070", "00a1b2c3d4e5f60g",
            "sha:00a1b2c3",
            "0227392775a106c0#title:12345678", "００a1b2c3d4e5f607", "ß0a1b2c3d4e5f60",
        ] {
            let id = ArticleID(text)
            XCTAssertEqual(id.rawValue, text)
            XCTAssertEqual(try JSONDecoder().decode(ArticleID.self, from: JSONEncoder().encode(id)), id)
        }
        XCTAssertNotEqual(ArticleID("00A1B2C3D4E5F607"), ArticleID("00a1b2c3d4e5f607"), "case is kept")
        let hex = ArticleID(hex: 0x00a1_b2c3_d4e5_f607)
        XCTAssertEqual(try JSONEncoder().encode(hex), try JSONEncoder().encode("00a1b2c3d4e5f607"))
    }

    /// Ids sort as their text does, whichever way each is kept.
    func testIdsSortAsTheirText() {
        let texts = [
            "0000000000000000", "000000000000000f", "00000000000000a0", "0fffffffffffffff",
            "1000000000000000",
            "9fffffffffffffff", "a000000000000000", "ffffffffffffffff", "", "0", "0000000000000000x", "1",
            "a", "g",
            "id5", "sha:1", "zzzz", "ffffffffffffffff0",
        ]
        let ids = texts.map(ArticleID.init)
        XCTAssertEqual(ids.sorted().map(\.rawValue), texts.sorted())
        for (left, right) in zip(ids, ids.dropFirst()) {
            XCTAssertEqual(left < right, left.rawValue < right.rawValue, "\(left) < \(right)")
            XCTAssertEqual(right < left, right.rawValue < left.rawValue, "\(right) < \(left)")
        }
    }

    /// The dump index's ids are the text of its hash, as before they were kept as numbers.
    func testADumpStorysIdIsItsHashsDigits() {
        let text = "A title\n\nA caption\n\nA paragraph of the story.\n"
        let bytes = Array(text.utf8)
        let summaries = bytes.withUnsafeBytes { PlainTextDumpParser.index($0) }
        XCTAssertEqual(summaries.count, 1)
        let id = summaries[0].id
        XCTAssertEqual(id.rawValue.count, 16)
        XCTAssertEqual(id, ArticleID(id.rawValue))
        XCTAssertEqual(id.hashValue, ArticleID(id.rawValue).hashValue)
    }
}
