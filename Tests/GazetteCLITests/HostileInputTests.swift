import Foundation
import TestSupport
import XCTest

final class HostileInputTests: CommandTestCase {
    override var folderPrefix: String { "gazette-hostile" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }
    private var path: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        path = folder.appendingPathComponent("hostile.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(HostileText.dump.utf8)))
    }

    func testListAndShowPrintNothingATerminalWouldObey() throws {
        for arguments: [String] in [["list", path], ["show", path, "1"], ["show", path, "2"], [path]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(HostileText.forbidden(in: outcome.stdout), [], "\(arguments): \(outcome.stdout)")
            XCTAssertFalse(outcome.stdout.contains("\u{1B}"))
        }
        let show = try run(["show", path, "1", "--width", "200"]).stdout
        XCTAssertTrue(show.contains("red"), show)
        XCTAssertTrue(show.contains("Breaking"), show)
        XCTAssertTrue(show.contains("txt.exe"), "the text stays, only the override goes: \(show)")
        XCTAssertFalse(show.contains("pwned") && show.contains("]0;"), show)
    }

    func testMessagesNamingHostileFilesWriteNoEscapeSequence() throws {
        // Names a downloader may give: a title escape, a colour and a bell.
        let hostile = "news\u{1B}]0;pwned\u{07}\u{1B}[31mred\u{9B}2J"
        let notNews = folder.appendingPathComponent(hostile + ".txt")
        XCTAssertTrue(
            FileManager.default.createFile(atPath: notNews.path, contents: Data([0x00, 0x01, 0xFF])))
        let missing = folder.appendingPathComponent(hostile + "-missing").path
        for arguments: [String] in [
            ["list", missing], ["list", notNews.path], ["list", folder.path], ["show", missing, "1"],
            ["mark", missing, "1", "--read"], ["list", "--\u{1B}[2Joption"],
        ] {
            let outcome = try run(arguments)
            XCTAssertTrue(outcome.stderr.hasPrefix("gazette: "), "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(HostileText.forbidden(in: outcome.stderr), [], "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.contains("\u{1B}"), "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.contains("\u{07}"), "\(arguments): \(outcome.stderr)")
        }
        // The name is still there to act on, its controls shown as escapes: removed with their
        // sequences, it named a file that does not exist (found by QA).
        let message = try run(["list", missing]).stderr
        XCTAssertTrue(message.contains("news\\e]0;pwned\\a\\e[31mred\\u{9B}2J-missing"), message)
    }

    func testExportEscapesControlsAsJSON() throws {
        let outcome = try run(["export", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains("\u{1B}"), "JSON carries escapes as \\u001b, never raw")
        let articles = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(articles.count, 2)
        XCTAssertEqual(
            articles[0]["title"] as? String, "Breaking news txt.exe now", "the title the screen shows")
    }

    /// `export` and `list --json` give the text the screen shows, escape sequences removed
    /// whole (`jq -r` sent them raw to the terminal), and a search finds only what shows: "pwned"
    /// in a title's `ESC ] 0 ; pwned BEL` matched (found by QA).
    func testJSONTextAndSearchesAreWhatTheScreenShows() throws {
        let file = folder.appendingPathComponent("ctrl.txt").path
        let text =
            "Evil \u{1B}[31mRED\u{1B}]0;pwned\u{07} title\n\nBody with \u{1B}[2J clear and bell\u{07} "
            + "and tab\there.\n\n\nSecond story\n\nPlain text.\n"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data(text.utf8)))
        for arguments in [["export", file], ["list", "--json", file]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertFalse(outcome.stdout.contains("\\u001b"), "\(arguments): \(outcome.stdout)")
            XCTAssertFalse(outcome.stdout.contains("pwned"), "\(arguments): \(outcome.stdout)")
            let parsed = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
            XCTAssertEqual(parsed[0]["title"] as? String, "Evil RED title", "\(arguments)")
        }
        let exported = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try run(["export", file]).stdout.utf8))
                as? [[String: Any]])
        XCTAssertEqual(
            exported[0]["paragraphs"] as? [String], ["Body with  clear and bell and tab here."],
            "as `show` prints it")
        for command in ["list", "export"] {
            for (query, found) in [
                ("pwned", false), ("0;pwned", false), ("evil red title", true), ("bell and", true),
            ] {
                let outcome = try run([command, file, "--grep", query])
                XCTAssertEqual(outcome.status, 0, outcome.stderr)
                XCTAssertEqual(
                    outcome.stdout.contains("Evil RED"), found,
                    "\(command) --grep \(query): \(outcome.stdout)")
            }
        }
    }

    /// A feed titled with escape sequences is the source of its stories as the list shows it,
    /// in `export` and `list --json` too (kept there; found by QA); the ids stay as they were.
    func testAFeedsTitleIsItsStoriesSourceAsTheScreenShowsIt() throws {
        let file = folder.appendingPathComponent("esc.json").path
        let feed = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Esc \\u001b[1mFeed\\u001b[0m",
             "items": [{"id": "1", "title": "One", "content_text": "Text."}]}
            """
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data(feed.utf8)))
        for arguments in [["export", file], ["list", "--json", file]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            let parsed = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
            XCTAssertEqual(parsed.first?["source"] as? String, "Esc Feed", "\(arguments)")
        }
    }

    /// Not even the controls outside ASCII (CSI as one character, bidi overrides, DEL, line
    /// separators) reach the terminal raw from JSON; the data parses back the same.
    func testJSONOutputWritesNoControlRaw() throws {
        let title =
            "A \u{9B}2J B \u{202E}txt.exe\u{202C} C \u{7F} D \u{2028} E \u{FEFF}\u{2066}F\u{2069} café 中 👍"
        let file = folder.appendingPathComponent("controls.txt").path
        let text = DumpText.article(title: title, paragraphs: ["Body \u{85} with \u{200F} marks."])
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data(text.utf8)))
        for arguments in [["export", file], ["list", "--json", file]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(HostileText.forbidden(in: outcome.stdout), [], "\(arguments): \(outcome.stdout)")
            XCTAssertFalse(outcome.stdout.unicodeScalars.contains { $0.value == 0x7F }, outcome.stdout)
            XCTAssertTrue(outcome.stdout.contains("A ›2J B txt.exe C  D   E F café"), outcome.stdout)
            XCTAssertTrue(outcome.stdout.contains("café 中 👍"), "other text stays as it is: \(outcome.stdout)")
            let parsed = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
            // The text the screen shows: a C1 control is the windows-1252 character it stands for,
            // the others go (they were kept, for `jq -r` to send to a terminal; found by QA).
            XCTAssertEqual(
                parsed[0]["title"] as? String, "A ›2J B txt.exe C  D   E F café 中 👍", "\(arguments)")
        }
    }
}
