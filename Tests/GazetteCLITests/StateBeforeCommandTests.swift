import Foundation
import TestSupport
import XCTest

@testable import gazette

/// `--state PATH` before the command's name, as git takes its options: the command was taken
/// for a file to open (`gazette --state s list --json f` said "Unknown option '--json'"; found
/// by QA).
final class StateBeforeCommandTests: CommandTestCase {
    func testTheCommandsReadAStateGivenBeforeThem() throws {
        let sample = Fixtures.sample.path
        let marked = try CommandRunner.run(["--state", statePath, "mark", sample, "1", "--read"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        let listed = try CommandRunner.run(["--state=" + statePath, "list", "--json", sample])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let stories = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(stories.count, 2)
        XCTAssertEqual(
            stories.map { $0["read"] as? Bool }, [true, false], "the mark is in the same state file")
        XCTAssertEqual(try run(["list", "--unread", sample]).stdout.split(separator: "\n").count, 1)
    }

    func testOnlyALeadingStateBeforeACommandMoves() {
        XCTAssertEqual(
            LeadingStateOption.movedBehindCommand(["--state", "s", "list", "--json", "f"]),
            ["list", "--state", "s", "--json", "f"])
        XCTAssertEqual(
            LeadingStateOption.movedBehindCommand(["--state=s", "show", "f", "1"]),
            ["show", "--state=s", "f", "1"])
        for unchanged in [
            ["--state", "s", "news.txt"], ["--state", "s"], ["--state"], ["list", "--state", "s"],
            ["--state", "s", "help", "list"], ["news.txt", "--state", "s", "list"], ["--state", "list"],
        ] {
            XCTAssertEqual(LeadingStateOption.movedBehindCommand(unchanged), unchanged, "\(unchanged)")
        }
    }
}
