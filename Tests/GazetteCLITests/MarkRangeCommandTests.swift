import Foundation
import TestSupport
import XCTest

/// `gazette mark` takes ranges of story numbers (`1-3`), alone or among numbers and ids; a
/// range that names no stories is a usage error (`mark a.txt 1-3` was "no article '1-3'";
/// found by QA).
final class MarkRangeCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-mark-range" }

    /// A dump of eight stories.
    private func dump() throws -> String {
        let url = folder.appendingPathComponent("a.txt")
        let text = (1...8).map {
            DumpText.article(title: "Story \($0)", paragraphs: ["The body of story \($0)."])
        }
        try Data(text.joined(separator: "\n\n\n").utf8).write(to: url)
        return url.path
    }

    /// `list --json`'s `read` of each story of `path`.
    private func read(_ path: String) throws -> [Bool] {
        let outcome = try run(["list", "--json", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return rows.map { $0["read"] as? Bool ?? false }
    }

    func testARangeMarksEachStoryInIt() throws {
        let path = try dump()
        let marked = try run(["mark", path, "1-3", "--read"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stdout, "marked read 3 articles\n")
        XCTAssertEqual(try read(path), [true, true, true, false, false, false, false, false])
        let one = try run(["mark", path, "5-5", "--read"])
        XCTAssertEqual(one.stdout, "marked read 1 article\n", one.stderr)
        XCTAssertEqual(try read(path), [true, true, true, false, true, false, false, false])
    }

    /// Ranges among numbers and ids, overlapping or not, mark each story once.
    func testRangesAmongNumbersAndIds() throws {
        let path = try dump()
        let listed = try run(["list", "--json", path])
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let eighth = try XCTUnwrap(rows[7]["id"] as? String)
        let marked = try run(["mark", path, "1-3", "7", eighth, "2-4", "--read"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stdout, "marked read 6 articles\n")
        XCTAssertEqual(try read(path), [true, true, true, true, false, false, true, true])
        XCTAssertEqual(
            try run(["mark", path, "1-8", "--unread"]).stdout,
            "marked unread 6 articles (2 were unread already)\n")
    }

    /// A range that names no story is refused as a usage error (status 2) saying why, and
    /// nothing is marked.
    func testRangesThatNameNoStoriesAreUsageErrors() throws {
        let path = try dump()
        let cases: [(String, String)] = [
            ("3-1", "the range '3-1' runs backwards: write 1-3"),
            ("0-2", "the range '0-2' starts at 0: story numbers start at 1"),
            ("1-", "the range '1-' has no end: write FIRST-LAST, as 1-3"),
            ("1-x", "'1-x' is no range of stories: write FIRST-LAST, as 1-3"),
            ("6-9", "the range '6-9' goes past the last story of '\(path)' (it has 8)"),
            (
                "2-99999999999999999999",
                "the range '2-99999999999999999999' goes past the last story of '\(path)' (it has 8)"
            ),
        ]
        for (range, message) in cases {
            let outcome = try run(["mark", path, "1", range, "--read"])
            XCTAssertEqual(outcome.status, 2, range)
            XCTAssertTrue(outcome.stderr.hasPrefix("gazette: \(message)\n"), outcome.stderr)
            XCTAssertEqual(outcome.stdout, "", range)
        }
        XCTAssertEqual(try read(path), Array(repeating: false, count: 8))
    }

    /// A range that names a file here could be either, and is refused as digits are.
    func testARangeThatNamesAFileIsRefused() throws {
        let path = try dump()
        let outcome = try CommandRunner.run(
            ["mark", path, "1-2", "--read", "--state", statePath], currentDirectory: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        try Data().write(to: folder.appendingPathComponent("1-2"))
        let refused = try CommandRunner.run(
            ["mark", path, "1-2", "--read", "--state", statePath], currentDirectory: folder)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(
            refused.stderr.hasPrefix("gazette: '1-2' is both a file or folder here and a range of stories"),
            refused.stderr)
    }

    /// `show` takes one story: a range is no story there.
    func testShowTakesASingleNumber() throws {
        let path = try dump()
        let shown = try run(["show", path, "2"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.hasPrefix("Story 2"), shown.stdout)
        let range = try run(["show", path, "1-3"])
        XCTAssertEqual(range.status, 2)
        XCTAssertEqual(range.stdout, "")
        XCTAssertTrue(range.stderr.hasPrefix("gazette: no article '1-3'"), range.stderr)
    }

    /// `mark --help` says ranges are taken and shows one.
    func testHelpTellsOfRanges() throws {
        let help = try run(["mark", "--help"])
        XCTAssertEqual(help.status, 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for words in [
            "FIRST-LAST names a range of them (1-3 is 1, 2 and 3)", "gazette mark news.txt 1-3 7 --read",
        ] {
            XCTAssertTrue(text.contains(words), "\(words) in \(text)")
        }
    }
}
