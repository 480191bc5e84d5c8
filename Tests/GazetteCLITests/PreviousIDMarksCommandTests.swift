import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import gazette

/// A dump story whose id changed when ids came to be made of paragraphs as shown (a
/// hard-wrapped paragraph) keeps the marks stored under its earlier id in `list` (its columns,
/// its filters, `--json`) and `export`, as the reader and `mark` show them: `list` showed such
/// a story unread. A small file is indexed whole; a big one is listed as it is indexed.
final class PreviousIDMarksCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-previous-id-marks" }

    /// The stories whose first paragraph is hard-wrapped (their ids changed).
    private let wrapped: Set<Int> = [2, 3, 4, 5, 4500]

    /// A dump of the stories numbered `range`, written to `name`: its path and its stories.
    private func dump(_ range: ClosedRange<Int>, name: String) throws -> (
        path: String, stories: [ArticleSummary]
    ) {
        let text = range.map { index in
            let first =
                wrapped.contains(index)
                ? "The storm reached the northern islands late on Tuesday, cutting power to\n"
                    + "thousands of homes and closing the main harbour for the night \(index)."
                : "Body of story \(index) with a few words."
            return DumpText.article(
                title: "Story number \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: [first, "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (path, DumpText.index(text))
    }

    /// Stores, for stories 2 to 5 and 4500 of `stories` (those there), marks under their
    /// earlier ids: 2 read, 3 flagged, 4 and 4500 read and flagged; 4 has a state of its own
    /// too (unread, flagged), which is its state; 5 has none stored.
    private func storeEarlierMarks(of stories: [ArticleSummary]) throws {
        let store = try ReadingStateStore(path: statePath)
        var states: [ArticleID: ArticleState] = [:]
        for (number, state) in [
            2: ArticleState(isRead: true), 3: ArticleState(isFlagged: true),
            4: ArticleState(isRead: true, isFlagged: true), 4500: ArticleState(isRead: true, isFlagged: true),
        ] where number <= stories.count {
            let story = stories[number - 1]
            states[try XCTUnwrap(story.previousID, "story \(number)'s id changed")] = state
        }
        states[stories[3].id] = ArticleState(isFlagged: true)
        try store.setStates(states)
    }

    /// The marks of `list --json` and `export` of `path`, by story number.
    private func jsonMarks(_ command: String, _ path: String) throws -> [(read: Bool, flagged: Bool)] {
        let outcome = try run([command, path] + (command == "list" ? ["--json"] : []))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let objects = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return objects.map { ($0["read"] as? Bool ?? false, $0["flagged"] as? Bool ?? false) }
    }

    func testASmallFilesListShowsTheMarksOfEarlierIds() throws {
        let (path, stories) = try dump(1...50, name: "small.txt")
        XCTAssertNil(stories[0].previousID, "an unwrapped story's id is as it was")
        try storeEarlierMarks(of: stories)
        let listed = try run(["list", path])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let rows = listed.stdout.split(separator: "\n")
        XCTAssertEqual(
            Array(rows[0..<5]),
            [
                " 1 N  Story number 1  — AFP", " 2    Story number 2  — AFP", " 3 N! Story number 3  — AFP",
                " 4 N! Story number 4  — AFP", " 5 N  Story number 5  — AFP",
            ])
        XCTAssertEqual(try run(["list", "--unread", path]).stdout.split(separator: "\n").count, 49)
        XCTAssertEqual(
            try run(["list", "--flagged", path]).stdout,
            " 3 N! Story number 3  — AFP\n 4 N! Story number 4  — AFP\n")
        for command in ["list", "export"] {
            let marks = try jsonMarks(command, path)
            XCTAssertEqual(marks.prefix(5).map(\.read), [false, true, false, false, false], command)
            XCTAssertEqual(marks.prefix(5).map(\.flagged), [false, false, true, true, false], command)
            if command == "list" {
                // Reading only: nothing is stored under the ids now.
                let stored = try ReadingStateStore(path: statePath).states(for: stories.map(\.id))
                XCTAssertEqual(Array(stored.keys), [stories[3].id])
            }
        }
    }

    func testABigFilesStreamedListShowsTheMarksOfEarlierIds() throws {
        let (path, stories) = try dump(1...6000, name: "big.txt")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertGreaterThanOrEqual(size, HeadlineListing.streamedFrom, "the file is listed as it is indexed")
        try storeEarlierMarks(of: stories)
        let listed = try run(["list", path])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let rows = listed.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 6000)
        XCTAssertEqual(rows[1], "      2    Story number 2  — AFP")
        XCTAssertEqual(rows[2], "      3 N! Story number 3  — AFP")
        XCTAssertEqual(rows[3], "      4 N! Story number 4  — AFP")
        XCTAssertEqual(rows[4], "      5 N  Story number 5  — AFP")
        XCTAssertEqual(rows[4499], "   4500  ! Story number 4500  — AFP")
        XCTAssertEqual(try run(["list", "--unread", path]).stdout.split(separator: "\n").count, 5998)
        XCTAssertEqual(
            try run(["list", "--flagged", path]).stdout,
            "      3 N! Story number 3  — AFP\n      4 N! Story number 4  — AFP\n"
                + "   4500  ! Story number 4500  — AFP\n")
        for command in ["list", "export"] {
            let marks = try jsonMarks(command, path)
            XCTAssertEqual(marks.count, 6000, command)
            XCTAssertEqual(marks.indices.filter { marks[$0].read }, [1, 4499], command)
            XCTAssertEqual(marks.indices.filter { marks[$0].flagged }, [2, 3, 4499], command)
        }
    }

    /// A story one blank line above one whose header is glued (title, `TT`, `20` with no blank
    /// line between) ran on into it in Gazettes before dd7a6f8, which made that a story of its
    /// own: the marks made under the id it had then are still its own, in `list` and `export`.
    func testTheStoryBeforeAGluedHeaderKeepsTheMarksOfTheIdItHadWhenItRanOn() throws {
        let text =
            "Storm Hits Coast\n\nTT\n20\n\nA storm hit the coast on Monday, officials said.\n\n"
            + "Rescue teams worked through the night.\n\n"
            + "Markets Rise\nTT\n20\n\nStocks rose on Monday after the central bank held rates.\n\n"
            + "Analysts expected the move.\n\n\n\nNext Story\n\nIts text."
        let path = folder.appendingPathComponent("glued.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let store = try ReadingStateStore(path: statePath)
        // Made by the build before dd7a6f8 (``DumpGluedHeaderTests/runOnIntoMarkets``).
        try store.setStates([ArticleID("80e2f7bcf2c1c355"): ArticleState(isRead: true, isFlagged: true)])
        store.close()
        for command in ["list", "export"] {
            let marks = try jsonMarks(command, path)
            XCTAssertEqual(marks.map(\.read), [true, false, false], command)
            XCTAssertEqual(marks.map(\.flagged), [true, false, false], command)
        }
    }
}
