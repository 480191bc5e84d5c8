import Foundation
import TestSupport
import XCTest

@testable import GazetteCore
@testable import gazette

/// A dump with two spaces after a full stop, marked by the version before (under the ids it
/// listed) or by one before that (a hard-wrapped paragraph's lines hashed alone): `list` shows
/// the marks, and the same dump with one space (a re-scrape) lists the same ids.
final class DoubledSpacesMarksCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-doubled-spaces-marks" }

    /// Five stories: 1 plain, 2 with two spaces after a full stop, 3 to 5 with them too in a
    /// hard-wrapped paragraph; `blanks` for the two spaces.
    private func dump(_ name: String, blanks: String = "  ") throws -> String {
        let text = (1...5).map { index in
            let first =
                switch index {
                case 1: "Body of story 1 with a few words."
                case 2: "The storm reached the islands.\(blanks)Power was cut to thousands of homes."
                default:
                    "The storm reached the islands.\(blanks)Power was cut to\nthousands of homes and the harbour closed."
                }
            return DumpText.article(
                title: "Story number \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: [first, "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The ids `gazette list --json` gave the doubled stories 2 to 4 in the version before.
    private let idsBefore = ["b0da0560c96ac454", "d1346d2d1ad59919", "c869d1bb25554801"]

    /// Story `number`'s id when each of its paragraphs' lines was hashed alone, as written.
    private func idOfLinesAsWritten(_ number: Int) -> ArticleID {
        var fingerprint = ContentFingerprint()
        for part in [
            ["Story number \(number)"],
            [
                "The storm reached the islands.  Power was cut to",
                "thousands of homes and the harbour closed.",
            ],
            ["Second paragraph \(number)."],
        ] {
            for line in part { fingerprint.add(line) }
            fingerprint.endPart()
        }
        return ArticleID(fingerprint.hexDigest)
    }

    func testListShowsMarksStoredUnderTheIdsBefore() throws {
        let doubled = try dump("doubled.txt")
        // 2 read and 3 flagged by the version before; 4 read by an older one, flagged by the
        // version before (its newer state); 5 read by an older one.
        try ReadingStateStore(path: statePath).setStates([
            ArticleID(idsBefore[0]): ArticleState(isRead: true),
            ArticleID(idsBefore[1]): ArticleState(isFlagged: true),
            idOfLinesAsWritten(4): ArticleState(isRead: true),
            ArticleID(idsBefore[2]): ArticleState(isFlagged: true),
            idOfLinesAsWritten(5): ArticleState(isRead: true),
        ])
        let expected = [
            "1 N  Story number 1  — AFP", "2    Story number 2  — AFP", "3 N! Story number 3  — AFP",
            "4 N! Story number 4  — AFP", "5    Story number 5  — AFP",
        ]
        let listed = try run(["list", doubled])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout.split(separator: "\n").map(String.init), expected)
        // A copy with one space has the same ids; once a command that stores took the marks
        // over (`mark`, the reader), it shows them too.
        let single = try dump("single.txt", blanks: " ")
        XCTAssertEqual(try listedIDs(single), try listedIDs(doubled))
        XCTAssertEqual(
            try listedIDs(doubled).first, "21a4fcbefe5cf4c4", "a story without two spaces keeps its id")
        XCTAssertEqual(try run(["mark", doubled, "1", "--flag"]).status, 0)
        XCTAssertEqual(
            try run(["list", single]).stdout.split(separator: "\n").map(String.init),
            ["1 N! Story number 1  — AFP"] + expected.dropFirst())
    }

    /// The ids `list --json` gives the stories of `path`.
    private func listedIDs(_ path: String) throws -> [String] {
        let outcome = try run(["list", "--json", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let objects = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return objects.map { $0["id"] as? String ?? "" }
    }
}
