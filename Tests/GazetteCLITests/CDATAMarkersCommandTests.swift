import Foundation
import TestSupport
import XCTest

/// A feed whose generator escaped its CDATA once too often (or wrapped it in another) showed
/// the markers in `show` and `list`: titles `<![CDATA[Title]]>`, bodies a `![CDATA[` and a `]]>`
/// paragraph. The markers are gone now.
final class CDATAMarkersCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-cdata-markers" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    private func feed() throws -> String {
        let path = folder.appendingPathComponent("cdata.xml").path
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Escaped CDATA</title><link>https://ce.example/</link>
            <item><title>&lt;![CDATA[Title wrapped in escaped CDATA]]&gt;</title><link>https://ce.example/1</link>
            <description>&lt;![CDATA[&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;]]&gt;</description></item>
            <item><title><![CDATA[<![CDATA[Double CDATA title]]]]><![CDATA[>]]></title><link>https://ce.example/2</link>
            <content:encoded><![CDATA[<![CDATA[<p>Double wrapped body</p>]]]]><![CDATA[>]]></content:encoded></item>
            </channel></rss>
            """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testShowAndListDropTheMarkers() throws {
        let path = try feed()
        let first = try run(["show", path, "1", "--width", "60"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(
            first.stdout.split(separator: "\n").map(String.init),
            ["Title wrapped in escaped CDATA", "Hello world", "Second"])
        let second = try run(["show", path, "2", "--width", "60"])
        XCTAssertEqual(
            second.stdout.split(separator: "\n").map(String.init),
            ["Double CDATA title", "Double wrapped body"])
        let listed = try run(["list", path])
        XCTAssertFalse(listed.stdout.contains("<!["), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("Double CDATA title"), listed.stdout)
    }
}
