import Foundation
import TestSupport
import XCTest

/// The link a user opens (`o`, the link `export` gives) and the numbered links `show` lists
/// compose with a relative `xml:base` when nothing makes it absolute: they stayed as written.
final class FeedRelativeLinkCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-relative-links" }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(
            arguments, environment: ["GAZETTE_STATE": folder.appendingPathComponent("s.sqlite").path])
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func exported(_ path: String) throws -> [[String: Any]] {
        let export = try run(["export", path])
        XCTAssertEqual(export.status, 0, export.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
    }

    func testExportGivesLinksComposedWithARelativeBase() throws {
        let relative = try write(
            "relative.atom",
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/"><title>F</title>
            <entry><id>urn:1</id><title>One</title><link href="post1"/>
            <content type="html">&lt;p&gt;See &lt;a href="notes"&gt;the notes&lt;/a&gt;.&lt;/p&gt;</content></entry>
            </feed>
            """)
        let composed = try exported(relative)
        XCTAssertEqual(composed.first?["link"] as? String, "/blog/post1")
        XCTAssertEqual(composed.first?["links"] as? [String], ["/blog/notes"])
    }
}
