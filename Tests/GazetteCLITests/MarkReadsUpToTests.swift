import Foundation
import TestSupport
import XCTest

/// `gazette mark PATH N…` reads a file only until the stories it names are known, and marks
/// what it marks reading it whole: a broken tail (which gives a read warning) is not reached.
final class MarkReadsUpToTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-mark-up-to" }
    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }
    private let warning = "the file ends inside an item"

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(arguments + ["--state", statePath])
    }

    /// A feed of 12,000 items, the file ending inside one more.
    private func feed() -> String {
        let path = folder.appendingPathComponent("feed.xml").path
        let items = (1...12_000).map {
            "<item><title>Story \($0)</title><guid>g\($0)</guid><description>Body \($0).</description></item>"
        }
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test</title>"
            + "<link>https://example.com/</link>\n" + items.joined(separator: "\n")
            + "\n<item><title>Cut</title><description>cut here\n"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        return path
    }

    private func readFlags(_ path: String) throws -> [Bool] {
        let outcome = try run(["list", "--json", path])
        XCTAssertTrue(outcome.stderr.contains(warning), "list reads the whole file: \(outcome.stderr)")
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return rows.map { $0["read"] as? Bool ?? false }
    }

    func testStoriesNamedByNumberOrIdAreMarkedWithoutReadingTheRest() throws {
        let path = feed()
        let outcome = try run(["list", "--json", path])
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let third = try XCTUnwrap(rows[2]["id"] as? String)

        let marked = try run(["mark", path, "2", third, "2", "--read"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stdout, "marked read 2 articles\n")
        XCTAssertEqual(marked.stderr, "", "the broken tail was not read")
        var expected = [Bool](repeating: false, count: rows.count)
        expected[1] = true
        expected[2] = true
        XCTAssertEqual(try readFlags(path), expected)
    }

    /// What may name more stories further on reads the whole file, as before: the start of an
    /// id, a number past the stories, `--all`.
    func testWhatNeedsTheWholeFileReadsIt() throws {
        let path = feed()
        let rows = try readFlags(path).count
        for arguments in [["Story"], ["\(rows + 1)"], ["--all"]] {
            let outcome = try run(["mark", path] + arguments + ["--flag"])
            XCTAssertTrue(outcome.stderr.contains(warning), "\(arguments): \(outcome.stderr)")
        }
    }
}
