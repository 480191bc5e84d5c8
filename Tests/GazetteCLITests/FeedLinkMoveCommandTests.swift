import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A feed whose site moved (its link changed case or gained `www.`) keeps its stories' marks:
/// `list` showed every story with a short guid unread again (found by QA). Marks an earlier
/// version stored under ids scoped by the link as written are shown too.
final class FeedLinkMoveCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-feed-link-move" }

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        let outcome = try CommandRunner.run(arguments + ["--state", statePath])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return outcome
    }

    /// Alice's feed with the channel link `link`, written to `name`: its path.
    private func alice(link: String, name: String) throws -> String {
        let text = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Alice</title><link>\(link)</link>
            <item><title>Two</title><guid isPermaLink="false">2</guid><description>b</description></item>
            <item><title>Forty-two</title><guid isPermaLink="false">post-42</guid><description>c</description></item>
            <item><title>Three</title><guid isPermaLink="false">3</guid><description>d</description></item>
            </channel></rss>
            """
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The read marks of `command`'s JSON (`list --json`, `export`) of `path`, in order.
    private func readMarks(_ command: String, _ path: String) throws -> [Bool] {
        let outcome = try run([command, path] + (command == "list" ? ["--json"] : []))
        let objects = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return objects.map { $0["read"] as? Bool ?? false }
    }

    /// A mark made on the feed as it was is shown by `list` and `export` once its link moved.
    func testAMarkIsListedAfterTheSiteMoved() throws {
        let before = try alice(link: "https://AliceBlog.example/", name: "alice.xml")
        let after = try alice(link: "https://www.aliceblog.example/", name: "alice-www.xml")
        _ = try run(["mark", before, "2", "--read"])
        XCTAssertEqual(try run(["list", after]).stdout, "1 N  Two\n2    Forty-two\n3 N  Three\n")
        for command in ["list", "export"] {
            XCTAssertEqual(try readMarks(command, after), [false, true, false], command)
        }
    }

    /// A mark an earlier version stored under the id scoped by the link as written is shown by
    /// `list` and `export`, and taken over by `export` and `mark` (as by the reader): stored
    /// under the id now, it is the story's whatever its link says next.
    func testAMarkUnderTheOldScopeIsListedAndTakenOver() throws {
        let before = try alice(link: "https://AliceBlog.example/", name: "alice.xml")
        let after = try alice(link: "https://www.aliceblog.example/", name: "alice-www.xml")
        // As an earlier Gazette stored "Two" read under the first link as written, and "Three"
        // read under the moved one.
        let store = try ReadingStateStore(path: statePath)
        try store.setStates([
            ArticleID("https://AliceBlog.example/#2"): ArticleState(isRead: true),
            ArticleID("https://www.aliceblog.example/#3"): ArticleState(isRead: true),
        ])
        store.close()
        XCTAssertEqual(try readMarks("list", before), [true, false, false])
        XCTAssertEqual(try readMarks("list", after), [false, false, true])
        // `export` stores a mark it takes over under the id now (`list` stores nothing).
        XCTAssertEqual(try readMarks("export", before), [true, false, false])
        XCTAssertEqual(try readMarks("list", after), [true, false, true])
        _ = try run(["mark", after, "2", "--flag"])
        XCTAssertEqual(try run(["list", before]).stdout, "1    Two\n2 N! Forty-two\n3    Three\n")
    }
}
