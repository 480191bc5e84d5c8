import Foundation
import TestSupport
import XCTest

/// `show` and `mark` take several PATHs, numbering the stories as `list` of the same PATHs does:
/// a script that read number 12 from `list a b` could not `show a b 12` (stop 48's QA).
final class SeveralPathsCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-several-paths" }

    /// A dump at `name` (in the folder) of stories titled so, each with a body of its own.
    @discardableResult
    private func dump(_ name: String, _ titles: [String]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = titles.map { title in
            DumpText.article(title: title, paragraphs: ["The body of \(title), told at length."])
        }.joined(separator: "\n\n\n")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Two files and a folder of two: seven stories in all.
    private func files() throws -> [String] {
        let first = try dump("a.txt", ["Alpha one", "Alpha two", "Alpha three"])
        let second = try dump("b.txt", ["Beta one", "Beta two"])
        try dump("folder/c.txt", ["Gamma one"])
        try dump("folder/d.txt", ["Delta one"])
        return [first, second, folder.appendingPathComponent("folder").path]
    }

    /// `list --json`'s rows of `paths`.
    private func listed(_ paths: [String]) throws -> [[String: Any]] {
        let outcome = try run(["list", "--json"] + paths)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    }

    /// The title `show` prints first for `arguments`.
    private func shownTitle(_ arguments: [String]) throws -> String {
        let outcome = try run(["show"] + arguments + ["--width", "200"])
        XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
        return String(outcome.stdout.split(separator: "\n").first ?? "")
    }

    func testShowNumbersTheStoriesOfTwoFilesAndAFolderAsListDoes() throws {
        let paths = try files()
        let rows = try listed(paths)
        XCTAssertEqual(
            rows.compactMap { $0["title"] as? String },
            ["Alpha one", "Alpha two", "Alpha three", "Beta one", "Beta two", "Gamma one", "Delta one"])
        for row in rows {
            let title = try XCTUnwrap(row["title"] as? String)
            let index = try XCTUnwrap(row["index"] as? Int)
            let id = try XCTUnwrap(row["id"] as? String)
            XCTAssertEqual(try shownTitle(paths + [String(index)]), title)
            XCTAssertEqual(try shownTitle(paths + [id]), title)
            XCTAssertEqual(try shownTitle(paths + [String(id.prefix(10))]), title)
        }
        let missing = try run(["show"] + paths + ["8"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(
            missing.stderr.hasPrefix(
                "gazette: no article '8' in '\(paths[0])', '\(paths[1])' and '\(paths[2])' "
                    + "(they have 7; use a number or an id)\n"), missing.stderr)
        // Standard input among the PATHs, once.
        let piped = try run(
            ["show", paths[0], "-", "4"], stdin: try Data(contentsOf: URL(fileURLWithPath: paths[1])))
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("Beta one\n"), piped.stdout)
    }

    func testAStoryInTwoFilesIsNumberedOnceWhereItFirstComes() throws {
        let first = try dump("a.txt", ["Alpha one", "Shared story", "Alpha three"])
        let second = try dump("b.txt", ["Beta one", "Shared story", "Beta three"])
        let rows = try listed([first, second])
        let titles = rows.compactMap { $0["title"] as? String }
        XCTAssertEqual(titles, ["Alpha one", "Shared story", "Alpha three", "Beta one", "Beta three"])
        for (index, title) in titles.enumerated() {
            XCTAssertEqual(try shownTitle([first, second, String(index + 1)]), title)
        }
        let marked = try run(["mark", first, second, "2", "5", "--flag"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stdout, "flagged 2 articles\n")
        XCTAssertEqual(
            try listed([first, second]).map { $0["flagged"] as? Bool }, [false, true, false, false, true])
        // The shared story keeps its flag where it is listed alone.
        XCTAssertEqual(try listed([second]).map { $0["flagged"] as? Bool }, [false, true, true])
    }

    func testMarkMarksTheStoryListNumbersSo() throws {
        let paths = try files()
        let marked = try run(["mark"] + paths + ["2", "6", "--read"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stdout, "marked read 2 articles\n")
        let rows = try listed(paths)
        XCTAssertEqual(
            rows.filter { $0["read"] as? Bool == true }.compactMap { $0["title"] as? String },
            ["Alpha two", "Gamma one"])
        // By id, and every story of the PATHs.
        let id = try XCTUnwrap(rows[3]["id"] as? String)
        XCTAssertEqual(try run(["mark"] + paths + [id, "--flag"]).stdout, "flagged 1 article\n")
        XCTAssertEqual(
            try listed(paths).filter { $0["flagged"] as? Bool == true }.compactMap { $0["title"] as? String },
            ["Beta one"])
        let all = try run(["mark", paths[1], paths[2], "--all", "--read"])
        XCTAssertEqual(all.stdout, "marked read 3 articles (1 was read already)\n", all.stderr)
        XCTAssertEqual(
            try listed(paths).map { $0["read"] as? Bool }, [false, true, false, true, true, true, true])
        // A PATH after the articles is told to come first.
        let late = try run(["mark", paths[0], "1", paths[1], "--read"])
        XCTAssertEqual(late.status, 2)
        XCTAssertTrue(late.stderr.contains("it names a file or folder: PATHs come first"), late.stderr)
    }

    /// Digits that name a file here are refused by `mark`: the file or the story could be meant.
    func testDigitsNamingAFileAreAUsageErrorForMark() throws {
        let paths = try files()
        try Data("Not a story".utf8).write(to: folder.appendingPathComponent("3"))
        let run = { (arguments: [String]) in
            try CommandRunner.run(arguments + ["--state", self.statePath], currentDirectory: self.folder)
        }
        let refused = try run(["mark", paths[0], "3", "--read"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(
            refused.stderr.hasPrefix(
                "gazette: '3' is both a file or folder here and a story's number: write ./3 for the file, "
                    + "or the story's id for the story\n"),
            refused.stderr)
        XCTAssertEqual(try listed(paths).map { $0["read"] as? Bool }.filter { $0 == true }.count, 0)
        // Past the first article, digits are articles; `show`'s article is always its last.
        let marked = try run(["mark", paths[0], "1", "3", "--read"])
        XCTAssertEqual(marked.stdout, "marked read 2 articles\n", marked.stderr)
        let shown = try run(["show", paths[0], "3"])
        XCTAssertTrue(shown.stdout.hasPrefix("Alpha three\n"), shown.stderr)
        // The file written ./3 is a PATH: its story, the fourth, is marked.
        let file = try run(["mark", paths[0], "./3", "4", "--read"])
        XCTAssertEqual(file.stdout, "marked read 1 article\n", file.stderr)
        XCTAssertEqual(
            try listed([paths[0], folder.appendingPathComponent("3").path]).map { $0["read"] as? Bool },
            [true, false, true, true])
    }

    /// The forms of one PATH work as before, their errors said as before.
    func testTheFormsOfOnePathAreUnchanged() throws {
        let path = try dump("a.txt", ["Alpha one", "Alpha two", "Alpha three"])
        let rows = try listed([path])
        let id = try XCTUnwrap(rows[1]["id"] as? String)
        XCTAssertEqual(try shownTitle([path, "2"]), "Alpha two")
        XCTAssertEqual(try shownTitle([path, id]), "Alpha two")
        XCTAssertEqual(try shownTitle([path, String(id.prefix(6))]), "Alpha two")
        let text = try Data(contentsOf: URL(fileURLWithPath: path))
        let piped = try run(["show", "-", "3"], stdin: text)
        XCTAssertTrue(piped.stdout.hasPrefix("Alpha three\n"), piped.stderr)
        XCTAssertEqual(try run(["mark", path, "1", "3", "--read"]).stdout, "marked read 2 articles\n")
        XCTAssertEqual(try run(["mark", "-", "2", "--read"], stdin: text).stdout, "marked read 1 article\n")
        XCTAssertEqual(try run(["mark", path, id, "--flag"]).stdout, "flagged 1 article\n")
        XCTAssertEqual(try run(["mark", path, "--all", "--unread"]).stdout, "marked unread 3 articles\n")
        XCTAssertEqual(try listed([path]).map { $0["flagged"] as? Bool }, [false, true, false])

        let usage: [([String], String)] = [
            (["show", path], "gazette: missing expected argument '<article>'\n"),
            (["mark", path, "3", "--all", "--read"], "gazette: give article numbers or --all, not both\n"),
            (["mark", path, "--read"], "gazette: name the articles to mark, or use --all\n"),
        ]
        for (arguments, message) in usage {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 2, "\(arguments)")
            XCTAssertTrue(outcome.stderr.hasPrefix(message), "\(arguments): \(outcome.stderr)")
        }
        let missing = try run(["mark", path, "9", "--read"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(
            missing.stderr.hasPrefix(
                "gazette: no article '9' in '\(path)' (it has 3; use a number or an id)\n"),
            missing.stderr)
    }
}
