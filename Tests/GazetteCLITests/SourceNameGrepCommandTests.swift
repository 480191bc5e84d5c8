import Foundation
import TestSupport
import XCTest

/// `list --grep` and `export --grep` find a feed's stories by its name when several files are
/// listed, as the rows show it and as `/` finds them (`--grep Avian` printed nothing; found
/// by QA).
final class SourceNameGrepCommandTests: CommandTestCase {
    private func feeds() throws -> [String] {
        try FeedText.writeTwoFeeds(in: folder)
    }

    func testListGrepFindsAFeedByItsName() throws {
        let paths = try feeds()
        let list = try run(["list"] + paths + ["--grep", "avian"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, list.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix("[Avian’s Blog]") }, list.stdout)
        // Every word in the name or the story: one story of that feed.
        let one = try run(["list"] + paths + ["--grep", "AVIAN", "--grep", "\"story 2\""])
        XCTAssertEqual(one.stdout.split(separator: "\n").count, 1, one.stdout)
        XCTAssertTrue(one.stdout.contains("Story 2"), one.stdout)
        let export = try run(["export"] + paths + ["--grep", "avian"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let records = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(
            records.compactMap { $0["source"] as? String }, Array(repeating: "Avian’s Blog", count: 3))
    }

    /// One file listed shows no name in its rows: its name is not searched.
    func testOneFilesNameIsNotSearched() throws {
        let paths = try feeds()
        let list = try run(["list", paths[0], "--grep", "avian"])
        XCTAssertEqual(list.stdout, "", list.stderr)
    }
}
