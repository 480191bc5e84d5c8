import Foundation
import TestSupport
import XCTest

/// A feed that writes its line breaks `</br>` (PHP templates, club sites) showed its lines run
/// together in `show` ("Monday: 9-17Tuesday: closed") and its titles glued ("First
/// lineSecond line"); they break as a browser breaks them now.
final class BreakEndTagCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-break-end-tag" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    private func feed() throws -> String {
        let path = folder.appendingPathComponent("hours.xml").path
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Club</title><link>https://club.example/</link>
            <item><title>First line&lt;/br&gt;Second line</title><link>https://club.example/hours</link>
            <description>&lt;b&gt;Monday:&lt;/b&gt; 9-17&lt;/br&gt;&lt;b&gt;Tuesday:&lt;/b&gt; closed&lt;/br&gt;&lt;/br&gt;Call us on 555-0100.</description></item>
            </channel></rss>
            """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testShowBreaksTheLinesAndTheTitle() throws {
        let path = try feed()
        let shown = try run(["show", path, "1", "--width", "60"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "First line Second line")
        let start = try XCTUnwrap(lines.firstIndex(of: "Monday: 9-17"), shown.stdout)
        XCTAssertEqual(lines[start + 1], "Tuesday: closed")
        XCTAssertTrue(lines[(start + 2)...].contains("Call us on 555-0100."), shown.stdout)
        let listed = try run(["list", path])
        XCTAssertTrue(listed.stdout.contains("First line Second line"), listed.stdout)
    }
}
