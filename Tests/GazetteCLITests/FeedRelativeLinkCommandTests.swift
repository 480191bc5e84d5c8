import Foundation
import TestSupport
import XCTest

/// The link a user opens (`o`, the link `export` gives) and the numbered links `show` lists
/// resolve against an Atom feed's alternate link when it has no self link, and compose with
/// a relative `xml:base` when nothing makes it absolute: they stayed as written.
final class FeedRelativeLinkCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-relative-links" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

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

    func testExportAndShowGiveLinksResolvedAgainstTheAlternateLink() throws {
        let site = try write(
            "site.atom",
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <link rel="alternate" type="text/html" href="https://github.com/o/r/releases"/>
            <entry><id>urn:1</id><title>One</title><link href="/o/r/releases/tag/v1"/>
            <content type="html">&lt;p&gt;See &lt;a href="notes"&gt;the notes&lt;/a&gt;.&lt;/p&gt;</content></entry>
            </feed>
            """)
        let articles = try exported(site)
        XCTAssertEqual(articles.first?["link"] as? String, "https://github.com/o/r/releases/tag/v1")
        XCTAssertEqual(articles.first?["links"] as? [String], ["https://github.com/o/r/releases/tag/notes"])
        let show = try run(["show", site, "1", "--width", "100"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(
            show.stdout.contains("\nLinks\n[1] https://github.com/o/r/releases/tag/notes"), show.stdout)
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
