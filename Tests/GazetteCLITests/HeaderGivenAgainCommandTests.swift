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
}
