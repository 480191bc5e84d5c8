import Foundation
import TestSupport
import XCTest

/// The real binary in tmux, redrawing rows where wide (CJK) characters stood before: every
/// character of the new text reaches the screen.
final class WideCharacterScreenTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-wide-tmux" }

    private static let chinese = "海外留学生看两会出国前后关注点大不同"
    private static let accented = "about Māori and café culture, naïve résumé"

    /// Stories whose titles take turns: Chinese, then Latin letters with accents.
    private func alternatingDump() throws -> String {
        let path = folder.appendingPathComponent("alternating.txt").path
        let stories = (1...30).map { number in
            DumpText.article(
                title: "Story \(number) " + (number % 2 == 1 ? Self.chinese : Self.accented),
                paragraphs: ["Body of story \(number) " + (number % 2 == 1 ? Self.chinese : Self.accented)])
        }
        try stories.joined(separator: "\n\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Scrolling the list moves each title onto rows where the other kind stood: accented
    /// letters that landed on half of a Chinese character used to come out blank.
    func testAccentedLettersDrawnWhereChineseStoodAreKept() throws {
        let path = try alternatingDump()
        let tmux = try startGazette([path], width: 80, height: 24)
        XCTAssertTrue(tmux.waitForText("Story 1 " + Self.chinese), tmux.screenText)
        var position = 1
        for _ in 0..<12 {
            try tmux.sendKeys("j")
            position += 1
            XCTAssertTrue(tmux.waitForText("─── \(position)/30 "), tmux.screenText)
            let rows = tmux.capture()
            let listed = rows.filter { $0.contains("Story ") && $0.hasSuffix("min") }
            XCTAssertGreaterThan(listed.count, 5, tmux.screenText)
            for row in listed {
                XCTAssertTrue(
                    row.contains(Self.chinese) || row.contains(Self.accented),
                    "a title lost characters after \(position - 1) j: \(row)")
            }
            let body = "Body of story \(position) " + (position % 2 == 1 ? Self.chinese : Self.accented)
            XCTAssertTrue(
                rows.contains { $0.contains(body) }, "the article lost characters:\n\(tmux.screenText)")
        }
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:0"), tmux.screenText)
    }

    /// Hindi, Tamil, Bengali and Thai reach the screen whole, each row as wide as laid out:
    /// the vowel signs that take a column were dropped ("नमस्ते" showed "नमस्").
    func testIndicAndThaiTextIsDrawnWhole() throws {
        let path = folder.appendingPathComponent("indic.txt").path
        let title = "हिन्दी समाचार: प्रधानमंत्री ने कहा"
        let body = ["नमस्ते दुनिया, भारत के प्रधानमंत्री", "தமிழ் செய்தி: முதலமைச்சர்", "বাংলা সংবাদ", "ข่าวกำลังมา"]
        try DumpText.article(title: title, paragraphs: body).write(
            toFile: path, atomically: true, encoding: .utf8)
        let tmux = try startGazette([path], width: 70, height: 20)
        XCTAssertTrue(tmux.waitForText("বাংলা সংবাদ"), tmux.screenText)
        let rows = tmux.capture()
        for text in [title] + body {
            XCTAssertTrue(rows.contains { $0.contains(text) }, "\(text) not whole on:\n\(tmux.screenText)")
        }
        // The list row's reading time still ends one column from the edge: the row was laid
        // out in the columns the terminal gives the text.
        let row = try XCTUnwrap(rows.first { $0.contains(title) && $0.hasSuffix("min") }, tmux.screenText)
        XCTAssertEqual(Self.terminalColumns(row), 69, row)
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:0"), tmux.screenText)
    }

    /// Columns as a terminal counts them: nonspacing marks none, other scalars one (the text
    /// above has no wide characters).
    private static func terminalColumns(_ text: String) -> Int {
        text.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return false
            default: return true
            }
        }.count
    }

    /// A flag is drawn whole (both regional indicators), in its two columns: only its first
    /// indicator was drawn, beside a space.
    func testFlagsAreDrawnWholeInTheirColumns() throws {
        let path = folder.appendingPathComponent("flags.txt").path
        let text = DumpText.article(title: "Flags 🇯🇵 and 🇫🇷 here", paragraphs: ["Body 🇯🇵 x 🇩🇪 y."])
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let tmux = try startGazette([path], width: 60, height: 12)
        XCTAssertTrue(tmux.waitForText("Body 🇯🇵 x 🇩🇪 y."), tmux.screenText)
        let rows = tmux.capture()
        let row = try XCTUnwrap(rows.first { $0.contains("Flags") && $0.hasSuffix("min") }, tmux.screenText)
        XCTAssertTrue(row.contains("Flags 🇯🇵 and 🇫🇷 here"), row)
        // The reading time ends one column from the edge: every character of this row takes
        // one column (a regional indicator one, so a flag two, as the row was laid out).
        XCTAssertEqual(row.unicodeScalars.count, 59, row)
        try tmux.sendKeys("Q")
        XCTAssertTrue(tmux.waitForText("EXITED:0"), tmux.screenText)
    }
}
