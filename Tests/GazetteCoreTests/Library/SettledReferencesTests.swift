import GazetteCore
import XCTest

/// `gazette mark` stops reading once what it names is settled: a story named so names the same
/// story however many more the file holds after those read.
final class SettledReferencesTests: XCTestCase {
    private func summaries(_ ids: [String], from start: Int) -> [ArticleSummary] {
        ids.enumerated().map {
            ArticleSummary(
                id: ArticleID($0.element), title: "T\(start + $0.offset)", location: .item(start + $0.offset))
        }
    }

    /// Catalogs of the same stories read to each length: a reference settled in one resolves
    /// there as in every longer one, and the whole settles what the shorter left open.
    func testASettledReferenceNamesWhatItNamesInTheWhole() {
        let ids = ["12", "story-a", "0", "story-b", "+3", "0007x", "story-c"] + (7..<20).map { "f\($0)" }
        let references = [
            "2", "story-b", "12", "0", "story-bx", "story-", "+3", "-1", "4", "20", "21", "0007", "007",
            "abc",
        ]
        let whole = ArticleCatalog(sources: [])
        whole.append(summaries(ids, from: 0), fromSource: 0)
        let wholeResults = whole.resolve(references)
        for reference in references {
            for length in 0...ids.count {
                let partial = ArticleCatalog(sources: [])
                partial.append(summaries(Array(ids.prefix(length)), from: 0), fromSource: 0)
                guard partial.settles([reference]) else { continue }
                XCTAssertEqual(
                    partial.resolve(reference), wholeResults[references.firstIndex(of: reference)!],
                    "\(reference) settled after \(length) stories")
            }
        }
        let partial = ArticleCatalog(sources: [])
        partial.append(summaries(Array(ids.prefix(4)), from: 0), fromSource: 0)
        XCTAssertTrue(partial.settles(["2", "story-b", "0", "4"]), "numbers up to the count, ids found")
        XCTAssertFalse(partial.settles(["12"]), "an id of digits is a number once there are 12 stories")
        XCTAssertFalse(partial.settles(["5"]), "a number past the stories read")
        XCTAssertFalse(partial.settles(["story-"]), "a start of ids: more may start so later")
        XCTAssertFalse(partial.settles(["story-c"]), "not found yet")
        XCTAssertFalse(partial.settles(["2", "story-c"]), "every one must be settled")
        XCTAssertTrue(whole.settles(["12", "20"]))
        XCTAssertEqual(whole.resolve("12"), .found(11), "story 12, not the id 12")
    }
}
