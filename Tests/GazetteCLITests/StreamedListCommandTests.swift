import Foundation
import TestSupport
import XCTest

@testable import gazette

/// `gazette list` of a big file (1 MiB of files or more) prints its rows as the stories are
/// indexed, as `grep` would: the number column is then seven columns wide (the count is not
/// known yet), and the rows are otherwise those of a small file. Smaller files are listed as
/// before, their number column as wide as the count.
final class StreamedListCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-streamed-list" }

    /// A dump of the stories numbered `range`, written to `name`; its path.
    private func dump(_ range: ClosedRange<Int>, name: String) throws -> String {
        let text = range.map { index in
            DumpText.article(
                title: "Story number \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index) with a few words.", "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A big file's 6,000 stories (just over the 1 MiB from which `list` streams), and a small
    /// file of its first 50 (the same stories).
    private func bigAndSmall() throws -> (big: String, small: String) {
        let big = try dump(1...6000, name: "big.txt")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: big)[.size] as? Int)
        XCTAssertGreaterThanOrEqual(
            size, HeadlineListing.streamedFrom, "the big file is listed as it is indexed")
        return (big, try dump(1...50, name: "small.txt"))
    }

    /// `row` with its number column (up to its first space after the number) as wide as `width`.
    private func renumbered(_ row: Substring, width: Int) -> String {
        let trimmed = row.drop { $0 == " " }
        let number = trimmed.prefix { $0.isNumber }
        return String(repeating: " ", count: max(0, width - number.count)) + trimmed
    }

    func testABigFilesRowsDifferFromASmallFilesOnlyInTheNumberColumn() throws {
        let (big, small) = try bigAndSmall()
        let bigList = try run(["list", big])
        XCTAssertEqual(bigList.status, 0, bigList.stderr)
        XCTAssertEqual(bigList.stderr, "")
        let bigRows = bigList.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(bigRows.count, 6001, "6,000 rows and the last line's end")
        XCTAssertEqual(bigRows[0], "      1 N  Story number 1  — AFP")
        XCTAssertEqual(bigRows[5999], "   6000 N  Story number 6000  — AFP")
        let smallList = try run(["list", small])
        XCTAssertEqual(smallList.status, 0, smallList.stderr)
        let smallRows = smallList.stdout.split(separator: "\n")
        XCTAssertEqual(smallRows.first, " 1 N  Story number 1  — AFP", "as wide as the count, as before")
        XCTAssertEqual(smallRows.map { renumbered($0, width: 7) }, bigRows.prefix(50).map(String.init))
        // JSON has no column: its objects are as they were.
        let json = try run(["list", "--json", big])
        XCTAssertEqual(json.status, 0, json.stderr)
        let objects = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, 6000)
        XCTAssertEqual(objects.last?["index"] as? Int, 6000)
        XCTAssertEqual(objects.last?["title"] as? String, "Story number 6000")
    }

    func testABigFilesRowsShowTheirMarksAndFollowTheFilters() throws {
        let (big, _) = try bigAndSmall()
        XCTAssertEqual(try run(["mark", big, "2", "4500", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", big, "3", "4500", "--flag"]).status, 0)
        let rows = try run(["list", big]).stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 6000)
        XCTAssertEqual(rows[1], "      2    Story number 2  — AFP")
        XCTAssertEqual(rows[2], "      3 N! Story number 3  — AFP")
        XCTAssertEqual(rows[4499], "   4500  ! Story number 4500  — AFP")
        let flagged = try run(["list", "--flagged", big])
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        XCTAssertEqual(
            flagged.stdout, "      3 N! Story number 3  — AFP\n   4500  ! Story number 4500  — AFP\n")
        let unreadFlagged = try run(["list", "--flagged", "--unread", big])
        XCTAssertEqual(unreadFlagged.stdout, "      3 N! Story number 3  — AFP\n")
        let unread = try run(["list", "--unread", big]).stdout.split(separator: "\n")
        XCTAssertEqual(unread.count, 5998)
        XCTAssertEqual(unread[1], "      3 N! Story number 3  — AFP")
        let found = try run(["list", "--grep", "story 5999 with", big])
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertEqual(found.stdout, "   5999 N  Story number 5999  — AFP\n")
    }

    func testSeveralFilesAndAFolderNumberOnAcrossTheFiles() throws {
        let (big, _) = try bigAndSmall()
        // Stories of their own (a story found again in another file is listed once).
        let other = try dump(20001...20050, name: "other.txt")
        let listed = try run(["list", other, big])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let rows = listed.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 6050)
        XCTAssertEqual(rows[0], "      1 N  Story number 20001  — AFP  [other.txt]")
        XCTAssertEqual(rows[50], "     51 N  Story number 1  — AFP  [big.txt]")
        XCTAssertEqual(rows[6049], "   6050 N  Story number 6000  — AFP  [big.txt]")
        // A folder's files in the order of their names, each named.
        let inner = folder.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)
        try FileManager.default.moveItem(atPath: big, toPath: inner.appendingPathComponent("a.txt").path)
        try FileManager.default.moveItem(atPath: other, toPath: inner.appendingPathComponent("b.txt").path)
        let inFolder = try run(["list", inner.path])
        XCTAssertEqual(inFolder.status, 0, inFolder.stderr)
        let folderRows = inFolder.stdout.split(separator: "\n")
        XCTAssertEqual(folderRows.count, 6050)
        XCTAssertEqual(folderRows[0], "      1 N  Story number 1  — AFP  [a.txt]")
        XCTAssertEqual(folderRows[6000], "   6001 N  Story number 20001  — AFP  [b.txt]")
        // Small files together: as wide as the count, as before.
        let third = try dump(20051...20060, name: "third.txt")
        XCTAssertEqual(
            try run(["list", inner.appendingPathComponent("b.txt").path, third]).stdout.split(separator: "\n")
                .last,
            "60 N  Story number 20060  — AFP  [third.txt]")
    }

    /// `head -1` closing the pipe ends `list` at once, with nothing on standard error and the
    /// status of a Unix tool whose reader went: killed by SIGPIPE (141 in the shell).
    func testHeadClosingThePipeEndsListQuietly() throws {
        let (big, _) = try bigAndSmall()
        let status = folder.appendingPathComponent("status").path
        let outcome = try CommandRunner.run(
            [
                "-c", "{ \"$1\" list \"$0\" --state \"$2\"; echo $? > \"$3\"; } | head -1",
                big, CommandRunner.executable.path, statePath, status,
            ],
            executable: URL(fileURLWithPath: "/bin/sh"))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "      1 N  Story number 1  — AFP\n")
        XCTAssertEqual(outcome.stderr, "", "no word about the pipe")
        XCTAssertEqual(try String(contentsOfFile: status, encoding: .utf8), "141\n")
    }
}
