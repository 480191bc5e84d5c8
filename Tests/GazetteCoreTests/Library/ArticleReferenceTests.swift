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

    /// An id of digits only is an id: only a number from 1 to the count, written without a
    /// leading zero, is a story's number (`0005023574948040` was taken for a number, out of range).
    func testDigitsThatAreNoStoryNumberAreAnId() {
        let catalog = catalog(["0005023574948040", "9916638815555786", "1300aaaaaaaaaaaa"])
        XCTAssertEqual(catalog.lookup("0005023574948040"), 0, "a leading zero")
        XCTAssertEqual(catalog.lookup("9916638815555786"), 1, "longer than the count")
        XCTAssertEqual(catalog.lookup("0005"), 0, "the start of an id")
        XCTAssertEqual(catalog.lookup("99166"), 1)
        XCTAssertEqual(catalog.lookup("1300"), 2, "out of range")
        // Numbers in range keep meaning numbers.
        XCTAssertEqual(catalog.lookup("2"), 1)
        XCTAssertEqual(catalog.lookup("12"), 11)
        XCTAssertNil(catalog.lookup("13"))
        XCTAssertNil(catalog.lookup("0"))
        XCTAssertNil(catalog.lookup("02"), "too short for the start of an id")
        XCTAssertNil(catalog.lookup(String(repeating: "9", count: 40)))
    }
}
