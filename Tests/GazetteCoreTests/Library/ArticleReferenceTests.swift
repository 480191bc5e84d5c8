import GazetteCore
import XCTest

/// How a story named on the command line is found: by number, id, or the start of an id.
final class ArticleReferenceTests: XCTestCase {
    /// A catalog of twelve stories with these ids first, the others made up.
    private func catalog(_ ids: [String]) -> ArticleCatalog {
        let all = ids + (ids.count..<12).map { "f\($0)" + String(repeating: "e", count: 14) }
        let catalog = ArticleCatalog(sources: [])
        catalog.append(
            all.enumerated().map {
                ArticleSummary(id: ArticleID($0.element), title: "T\($0.offset)", location: .item($0.offset))
            }, fromSource: 0)
        return catalog
    }

    /// An id of digits only is an id: only a number from 1 to the count is a story's number
    /// (`0005023574948040` was taken for a number, out of range); leading zeros, as `seq -w`
    /// writes numbers, still make a number (`0004` marked the story whose id starts so), unless
    /// the digits also start an id: then they name neither (`0005` silently named story 5 for a
    /// user who copied the start of story 1's id; found by QA).
    func testDigitsThatAreNoStoryNumberAreAnId() {
        let catalog = catalog(["0005023574948040", "9916638815555786", "1300aaaaaaaaaaaa"])
        XCTAssertEqual(catalog.resolve("0005023574948040"), .found(0), "a leading zero")
        XCTAssertEqual(catalog.resolve("9916638815555786"), .found(1), "longer than the count")
        XCTAssertEqual(catalog.resolve("0004"), .found(3), "story 4, written as seq -w writes it")
        XCTAssertEqual(
            catalog.resolve("0005"), .numberOrIDStart(number: 5, positions: [0], count: 1),
            "story 5's number, and the start of story 1's id")
        XCTAssertEqual(catalog.resolve("005"), .found(4), "shorter than an id's shortest start: a number")
        XCTAssertEqual(catalog.resolve("00050"), .found(0), "no number in range: the start of an id")
        XCTAssertEqual(catalog.resolve("012"), .found(11))
        XCTAssertEqual(catalog.resolve("99166"), .found(1))
        XCTAssertEqual(catalog.resolve("1300"), .found(2), "out of range")
        // Numbers in range keep meaning numbers.
        XCTAssertEqual(catalog.resolve("2"), .found(1))
        XCTAssertEqual(catalog.resolve("12"), .found(11))
        XCTAssertEqual(catalog.resolve("13"), .notFound)
        XCTAssertEqual(catalog.resolve("0"), .notFound)
        XCTAssertEqual(catalog.resolve("02"), .found(1))
        XCTAssertEqual(catalog.resolve(String(repeating: "9", count: 40)), .notFound)
    }

    /// The start of several ids names them, the first few, rather than "no article" (found by
    /// QA); an exact id wins over the start of longer ones.
    func testTheStartOfSeveralIdsIsAmbiguous() {
        let catalog = catalog([
            "c6b0aaaaaaaaaaaa", "c6b0bbbbbbbbbbbb", "tag:x#1", "tag:x#10", "c6b0cc", "c6b0dd", "c6b0ee",
            "c6b0ff", "c6b011",
        ])
        XCTAssertEqual(catalog.resolve("c6b0a"), .found(0))
        XCTAssertEqual(catalog.resolve("c6b0"), .ambiguous(positions: [0, 1, 4, 5, 6], count: 7))
        XCTAssertEqual(catalog.resolve("tag:x#1"), .found(2), "an exact id")
        XCTAssertEqual(catalog.resolve("tag:x#"), .ambiguous(positions: [2, 3], count: 2))
        XCTAssertEqual(catalog.resolve("c6b"), .notFound, "shorter than \(ArticleReference.shortestPrefix)")
        XCTAssertEqual(catalog.resolve("c6b1"), .notFound)
        // Several at once, each as alone, however many share a start.
        let references = ["c6b0", "c6b0b", "3", "tag:x#10", "nope"] + Array(repeating: "c6b0c", count: 1000)
        XCTAssertEqual(
            catalog.resolve(references),
            [.ambiguous(positions: [0, 1, 4, 5, 6], count: 7), .found(1), .found(2), .found(3), .notFound]
                + Array(repeating: .found(4), count: 1000))
    }
}
