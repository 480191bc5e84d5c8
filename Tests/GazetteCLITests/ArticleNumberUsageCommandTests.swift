import Foundation
import TestSupport
import XCTest

/// An article of `show` or `mark` that names no story (0, a negative number, a number past
/// the last story, an id no story has or the start of several) is a usage error: status 2, the
/// message, then the command's usage and where its help is, as for a range past the last story
/// (they ended with status 1, as a file that cannot be read does; found by QA).
final class ArticleNumberUsageCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-article-usage" }

    func testAnArticleThatNamesNoStoryIsAUsageError() throws {
        let sample = Fixtures.sample.path
        let alike = folder.appendingPathComponent("alike.txt").path
        try Data(DumpText.idsStartingAlike.utf8).write(to: URL(fileURLWithPath: alike))
        let cases: [([String], String)] = [
            (["show", sample, "0"], "no article '0' in '\(sample)' (it has 2; use a number or an id)"),
            (["show", sample, "9"], "no article '9' in '\(sample)' (it has 2; use a number or an id)"),
            (["show", sample, "-1"], "no article '-1': article numbers start at 1"),
            (["show", sample, "ffffffff"], "no article 'ffffffff' in '\(sample)'"),
            (["show", alike, "f403"], "'f403' is ambiguous in '\(alike)'"),
            (
                ["mark", sample, "0", "--read"],
                "no article '0' in '\(sample)' (it has 2; use a number or an id)"
            ),
            (["mark", sample, "1", "3", "--read"], "no article '3' in '\(sample)'"),
            (["mark", sample, "-2", "--read"], "no article '-2': article numbers start at 1"),
        ]
        for (arguments, message) in cases {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 2, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stdout, "", "\(arguments)")
            XCTAssertTrue(outcome.stderr.hasPrefix("gazette: \(message)"), "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(
                outcome.stderr.contains("See 'gazette \(arguments[0]) --help'"),
                "\(arguments): \(outcome.stderr)")
        }
        // Nothing was marked: story 1 named with story 3 stays unread.
        let listed = try run(["list", "--json", sample])
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["read"] as? Bool }, [false, false])
    }
}
