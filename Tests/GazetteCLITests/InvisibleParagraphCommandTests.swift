import Foundation
import TestSupport
import XCTest

/// A body or a paragraph that shows nothing (a zero-width space alone, bidi marks) gave
/// `export` an empty paragraph (`"paragraphs": [""]`) and a word, and the article pane an empty
/// paragraph (found by QA): it is none, as an empty one is.
final class InvisibleParagraphCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-invisible" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    /// `text` written to `name` in a folder of its own (so two files share a name).
    private func write(_ text: String, as name: String, in subfolder: String) throws -> String {
        let directory = folder.appendingPathComponent(subfolder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The stories `export` gives of `path`, without the file they came from.
    private func exported(_ path: String) throws -> [NSDictionary] {
        let outcome = try run(["export", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let stories = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return stories.map { story in
            var story = story
            story["sourcePath"] = nil
            return story as NSDictionary
        }
    }

    func testExportOfAFeedBodyOfAZeroWidthSpaceAloneIsThatOfAnEmptyBody() throws {
        func rss(_ description: String) -> String {
            """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>F</title>
            <item><title>One</title><guid>g1</guid><description>\(description)</description></item>
            </channel></rss>
            """
        }
        let empty = try write(rss(""), as: "f.xml", in: "empty")
        let expected = try exported(empty)
        XCTAssertEqual(expected.first?["paragraphs"] as? [String], [])
        XCTAssertEqual(expected.first?["wordCount"] as? Int, 0)
        for (index, body) in ["&#8203;", "\u{200B}", "&lt;p&gt;&amp;#8203;&lt;/p&gt;"].enumerated() {
            let path = try write(rss(body), as: "f.xml", in: "zwsp\(index)")
            XCTAssertEqual(try exported(path), expected, body)
            // `show` gives the story as an empty body's: no blank paragraph.
            XCTAssertEqual(
                try run(["show", path, "1", "--width", "60"]).stdout,
                try run(["show", empty, "1", "--width", "60"]).stdout, body)
        }
    }

    func testExportOfADumpParagraphLineOfMarksAloneIsThatOfAnEmptyLine() throws {
        func dump(_ line: String) -> String {
            """
            Markets Rally

            A trader (AP)
            A trader (AP)
            TT
            20

            Markets Rally

            A trader (AP)
            A trader (AP)

            Stocks rose on Monday.

            Bonds fell.

            \(line)



            Rain Due

            A cloud (AP)
            A cloud (AP)
            TT
            21

            Rain Due

            A cloud (AP)
            A cloud (AP)

            It will rain.

            """
        }
        let expected = try exported(try write(dump(""), as: "news.txt", in: "empty"))
        XCTAssertEqual(expected.first?["paragraphs"] as? [String], ["Stocks rose on Monday.", "Bonds fell."])
        XCTAssertEqual(expected.count, 2)
        let marks = [
            "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{200C}", "\u{200D}", "\u{AD}", "\u{200E}", "\u{200F}",
            "\u{061C}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{202A}", "\u{202B}", "\u{202C}",
            "\u{202D}", "\u{202E}",
        ]
        for (index, line) in (marks + [marks.joined(), "\u{200E}\u{200F}", " \u{2066}\u{2069} "]).enumerated()
        {
            let path = try write(dump(line), as: "news.txt", in: "marks\(index)")
            XCTAssertEqual(
                try exported(path), expected, line.unicodeScalars.map { "\($0.value)" }.joined(separator: " ")
            )
        }
    }
}
