import Foundation
import TestSupport
import XCTest

final class HostileInputTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-hostile" }
    private var path: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        path = folder.appendingPathComponent("hostile.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(HostileText.dump.utf8)))
    }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(
            arguments, environment: ["GAZETTE_STATE": folder.appendingPathComponent("s.sqlite").path])
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
        XCTAssertEqual(articles[0]["title"] as? String, HostileText.title, "export keeps the data exactly")
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
            XCTAssertTrue(outcome.stdout.contains("\\u009b2J B \\u202etxt.exe\\u202c"), outcome.stdout)
            XCTAssertTrue(outcome.stdout.contains("café 中 👍"), "other text stays as it is: \(outcome.stdout)")
            let parsed = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
            // The same text parsed back, but for the byte-order mark a title is given without.
            XCTAssertEqual(
                parsed[0]["title"] as? String, title.replacingOccurrences(of: "\u{FEFF}", with: ""),
                "\(arguments): the same text parsed back")
        }
    }
}
