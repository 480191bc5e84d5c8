import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A folder (or several paths) holding two copies of a story, an older scrape's carrying the
/// previous id an older Gazette kept the story's marks under: `list`, `export` and `mark` show
/// and change those marks whatever the files' order. Where the newer copy came first, they
/// were missed and `mark --unflag` said nothing changed (found by QA).
final class CopiesPreviousIDsCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-copies-marks" }

    private typealias Layout = StoryCopies.Layout
    private let orders: [[Layout]] = [[.plain, .tabInBody], [.tabInBody, .plain]]

    /// A folder of the files of `order` and a state file holding the story read and flagged
    /// under the previous id of its copy with a tab in its body.
    private func setUp(_ order: [Layout]) throws -> (folder: String, paths: [String], state: String) {
        let name = order.map(\.rawValue).joined(separator: "-")
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let paths = try StoryCopies.write(order, in: url)
        let state = folder.appendingPathComponent("\(name).sqlite").path
        let earlier = try XCTUnwrap(StoryCopies.previousID(.tabInBody))
        try ReadingStateStore(path: state).setStates([earlier: ArticleState(isRead: true, isFlagged: true)])
        return (url.path, paths, state)
    }

    private func run(_ arguments: [String], state: String) throws -> CommandRunner.Outcome {
        let outcome = try CommandRunner.run(arguments + ["--state", state])
        XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
        return outcome
    }

    /// The story's marks in `list --json` or `export` (JSON either way).
    private func jsonMarks(_ arguments: [String], state: String) throws -> (read: Bool, flagged: Bool) {
        let outcome = try run(arguments, state: state)
        let objects = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]], outcome.stdout)
        XCTAssertEqual(objects.count, 3, "\(arguments)")
        let story = try XCTUnwrap(
            objects.first { $0["title"] as? String == StoryCopies.title }, "\(arguments)")
        return (story["read"] as? Bool ?? false, story["flagged"] as? Bool ?? false)
    }

    func testListAndExportShowTheMarksOfALaterCopysPreviousId() throws {
        for order in orders {
            let (folder, paths, state) = try setUp(order)
            for input in [[folder], paths] {
                let rows = try run(["list"] + input, state: state).stdout.split(separator: "\n")
                XCTAssertEqual(rows.count, 3, "\(order)")
                XCTAssertTrue(rows[0].hasPrefix("1  ! \(StoryCopies.title)"), "\(order): \(rows)")
                XCTAssertEqual(
                    try run(["list", "--unread"] + input, state: state).stdout.split(separator: "\n").count, 2
                )
                for command in [["list", "--json"], ["export"]] {
                    let marks = try jsonMarks(command + input, state: state)
                    XCTAssertTrue(marks.read && marks.flagged, "\(command) \(order)")
                }
            }
        }
    }

    func testMarkChangesTheMarksOfALaterCopysPreviousId() throws {
        for order in orders {
            let (folder, _, state) = try setUp(order)
            XCTAssertEqual(
                try run(["mark", folder, "1", "--unflag"], state: state).stdout, "unflagged 1 article\n")
            XCTAssertEqual(try run(["list", "--flagged", folder], state: state).stdout, "", "\(order)")
            XCTAssertTrue(
                try run(["list", folder], state: state).stdout.hasPrefix("1    \(StoryCopies.title)"),
                "still read: \(order)")
            XCTAssertEqual(
                try run(["mark", folder, StoryCopies.id.rawValue, "--read"], state: state).stdout,
                "marked read 0 articles (1 was read already)\n")
        }
    }

    /// `mark` reads on past the story it names, to its copies: the newer copy first in a file of
    /// many stories (handed over before the rest is read), the older copy in the next file.
    func testMarkReadsOnToTheCopiesOfTheStoryItNames() throws {
        let url = folder.appendingPathComponent("long")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let others = (1...5000).map {
            DumpText.article(title: "Other story \($0)", paragraphs: ["Body \($0)."])
        }
        let newer = ([StoryCopies.story(.plain)] + others).joined(separator: "\n\n\n")
        try Data(newer.utf8).write(to: url.appendingPathComponent("1-newer.txt"))
        let older = StoryCopies.file(.tabInBody, other: "Older news")
        try Data(older.utf8).write(to: url.appendingPathComponent("2-older.txt"))
        let state = folder.appendingPathComponent("long.sqlite").path
        let earlier = try XCTUnwrap(StoryCopies.previousID(.tabInBody))
        try ReadingStateStore(path: state).setStates([earlier: ArticleState(isRead: true, isFlagged: true)])
        XCTAssertEqual(
            try run(["mark", url.path, "1", "--unflag"], state: state).stdout, "unflagged 1 article\n")
        XCTAssertEqual(try run(["list", "--flagged", url.path], state: state).stdout, "")
    }
}
