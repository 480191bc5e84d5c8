import Foundation
import TestSupport
import XCTest

/// A feed's code block shows indented by four columns in `show` and `export`, as a quotation
/// shows its "> ": it read as prose (found by QA). A line of it too long for the width goes
/// on after "↪ " under the mark and the code's own indentation, so the block's edge stays
/// where it was.
final class CodeBlockMarkCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-code-block" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    private func feed() throws -> String {
        let path = folder.appendingPathComponent("code.xml").path
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Code</title><item><guid>c1</guid><title>Vale</title>
            <description><![CDATA[<p>So I put these lines in my vimrc:</p><div class="codehilite"><pre>augroup vale
              autocmd FileType markdown setlocal makeprg=vale errorformat=%f:%l
            augroup end</pre></div><p>It checks the file.</p>]]></description></item></channel></rss>
            """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testShowIndentsACodeBlockAndItsWrappedLines() throws {
        let path = try feed()
        let shown = try run(["show", path, "1", "--width", "40"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try XCTUnwrap(lines.firstIndex(of: "    augroup vale"))
        XCTAssertEqual(
            Array(lines[(start - 2)...].prefix(8)),
            [
                "So I put these lines in my vimrc:", "", "    augroup vale",
                "      autocmd FileType markdown",
                "      ↪ setlocal makeprg=vale", "      ↪ errorformat=%f:%l", "    augroup end", "",
            ])
        XCTAssertTrue(lines.contains("It checks the file."))
    }

    func testExportGivesTheBlockWithItsMark() throws {
        let export = try run(["export", try feed()])
        XCTAssertEqual(export.status, 0, export.stderr)
        let records = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(
            records.first?["paragraphs"] as? [String],
            [
                "So I put these lines in my vimrc:",
                "    augroup vale\n      autocmd FileType markdown setlocal makeprg=vale errorformat=%f:%l\n    augroup end",
                "It checks the file.",
            ])
    }
}
