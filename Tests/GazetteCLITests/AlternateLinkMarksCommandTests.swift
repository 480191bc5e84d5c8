import Foundation
import GazetteCore
import TestSupport
import XCTest

/// An RSS item without a guid or `<link>` whose `atom:link` is now its link and its id keeps
/// the marks made under the id its title and text gave it before, in `list` and `export`.
final class AlternateLinkMarksCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-alternate-link-marks" }

    private func feed(links: Bool) -> String {
        let items = (1...3).map { index -> String in
            let link =
                links ? #"<atom:link rel="alternate" href="https://bridge.example/posts/\#(index)"/>"# : ""
            return
                "<item><title>Post \(index)</title>\(link)<description>Words of post \(index).</description></item>"
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Bridge</title>
            <link>https://bridge.example/</link>
            \(items)
            </channel></rss>
            """
    }

    func testMarksMadeUnderTheContentIDCarryOver() throws {
        let path = folder.appendingPathComponent("bridge.xml").path
        try Data(feed(links: true).utf8).write(to: URL(fileURLWithPath: path))
        // The ids the items had before: made of their titles and texts (the same file without
        // its atom:links reads so).
        let before = OpenedSource(
            source: Source(path: "old.xml", displayName: "Bridge", format: .rss),
            bytes: FileBytes(bytes: Array(feed(links: false).utf8))
        ).indexAll().map(\.id)
        XCTAssertEqual(before.count, 3)
        XCTAssertTrue(before.allSatisfy { $0.rawValue.hasPrefix("sha:") })
        try ReadingStateStore(path: statePath).setStates([
            before[0]: ArticleState(isRead: true), before[2]: ArticleState(isRead: true, isFlagged: true),
        ])
        for command in [["list", "--json"], ["export"]] {
            let outcome = try run([command[0], path] + command.dropFirst())
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            let objects = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]],
                outcome.stdout)
            XCTAssertEqual(
                objects.map { $0["id"] as? String },
                (1...3).map { "https://bridge.example/posts/\($0)" }, "\(command)")
            XCTAssertEqual(objects.map { $0["read"] as? Bool }, [true, false, true], "\(command)")
            XCTAssertEqual(objects.map { $0["flagged"] as? Bool }, [false, false, true], "\(command)")
        }
        XCTAssertEqual(try run(["list", "--unread", path]).stdout.split(separator: "\n").count, 1)
    }
}
