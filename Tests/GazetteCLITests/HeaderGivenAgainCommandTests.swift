import Foundation
import TestSupport
import XCTest

/// A dump story whose header gives its title and widget block twice (the page's header and its
/// sticky header), then the title once more, listed an empty story ("(the file holds no text for
/// this story)") before the real one (found by QA): it is one story, with the id it has when the
/// header is given once.
final class HeaderGivenAgainCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-header-again" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    private let title = "Flood Waters Rise Across the Northern Valley Towns"
    private let caption = "Residents wade through a flooded street in Valleytown (AP)"
    private let body =
        "Heavy rain over the weekend pushed rivers over their banks, officials said on Monday.\n\n"
        + "Emergency crews evacuated hundreds of homes as water levels kept rising.\n\n\n\n"
        + "Markets Close Higher After Central Bank Decision\n\n"
        + "Stocks rose on Tuesday after the central bank held rates steady.\n"

    private func write(_ text: String, as name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The ids `list --json` gives of `path`.
    private func ids(_ path: String) throws -> [String] {
        let outcome = try run(["list", "--json", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let stories = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return stories.compactMap { $0["id"] as? String }
    }

    /// The word counts `list --json` gives of `path`.
    private func words(_ path: String) throws -> [Int] {
        let outcome = try run(["list", "--json", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let stories = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return stories.compactMap { $0["wordCount"] as? Int }
    }

    func testListAndShowGiveOneStoryWithTheIdOfTheHeaderGivenOnce() throws {
        let header = "\(title)\n\n\(caption)\n\(caption)\nTT\n20\n\n"
        let twice = try write(header + header + "\(title)\n\n" + body, as: "twice.txt")
        let once = try write(header + "\(title)\n\n" + body, as: "once.txt")

        let list = try run(["list", twice])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 2, list.stdout)
        XCTAssertEqual(list.stdout.components(separatedBy: title).count - 1, 1, list.stdout)
        XCTAssertEqual(try ids(twice), try ids(once))

        let show = try run(["show", twice, "1", "--width", "100"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertFalse(show.stdout.contains("holds no text"), show.stdout)
        XCTAssertEqual(show.stdout, try run(["show", once, "1", "--width", "100"]).stdout)
        XCTAssertTrue(show.stdout.contains("Heavy rain over the weekend"), show.stdout)
    }

    /// The header given twice or three times with the text right after the last widget block
    /// (no title once more), LF or CR LF: one story, with the id of the header given once.
    func testTheHeaderGivenTwiceOrThriceBeforeTheTextIsOneStory() throws {
        let header = "\(title)\n\n\(caption)\n\(caption)\nTT\n20\n\n"
        let once = try write(header + body, as: "once.txt")
        for (count, lineEnd) in [(2, "\n"), (3, "\n"), (2, "\r\n"), (3, "\r\n")] {
            let text = String(repeating: header, count: count) + body
            let path = try write(text.replacingOccurrences(of: "\n", with: lineEnd), as: "given-\(count).txt")
            XCTAssertEqual(try ids(path), try ids(once), "\(count)")
            let show = try run(["show", path, "1", "--width", "100"])
            XCTAssertEqual(show.status, 0, show.stderr)
            XCTAssertEqual(show.stdout, try run(["show", once, "1", "--width", "100"]).stdout, "\(count)")
            XCTAssertFalse(show.stdout.contains("holds no text"), show.stdout)
        }
    }

    /// `TT` and its counter right under the title, the first paragraph right under them (no
    /// blank line): shown as the header's, not as "TT 20" in the text; the id is made as it was.
    func testTheWidgetLinesGluedToTheFirstParagraphAreNotShown() throws {
        let glued = try write(
            "\(title)\r\nTT\r\n20\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n"), as: "glued.txt")
        let show = try run(["show", glued, "1", "--width", "100"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertFalse(show.stdout.contains("TT"), show.stdout)
        XCTAssertTrue(show.stdout.contains("\n\nHeavy rain over the weekend"), show.stdout)
        // Words as with a blank line under the widget lines.
        let spaced = try write("\(title)\n\nTT\n20\n\n" + body, as: "spaced.txt")
        XCTAssertEqual(show.stdout, try run(["show", spaced, "1", "--width", "100"]).stdout)
        XCTAssertEqual(try words(glued), try words(spaced))
        XCTAssertEqual(try words(glued).count, 2)
        let oneParagraph = try write("\(title)\n\nTT 20 " + body, as: "one-paragraph.txt")
        XCTAssertEqual(try ids(glued), try ids(oneParagraph))
    }
}
