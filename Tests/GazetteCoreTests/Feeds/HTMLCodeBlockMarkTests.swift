import XCTest

@testable import GazetteCore

/// A code block (`pre`, a highlighter's table of code) is indented by four columns, each of its
/// lines but the blank ones, so that a reader sees where it starts and ends: it read as prose
/// (found by QA). Its columns stay as they were; prose is not indented.
final class HTMLCodeBlockMarkTests: XCTestCase {
    func testEveryLineOfACodeBlockIsIndentedAndItsColumnsKept() {
        let rendered = HTMLRenderer.render(
            "<p>My vimrc:</p><pre>augroup vale\n\tif x\n  end\n\nname\tcity\n</pre><p>It checks.</p>")
        XCTAssertEqual(
            rendered.paragraphs,
            ["My vimrc:", "    augroup vale\n            if x\n      end\n\n    name    city", "It checks."])
        XCTAssertEqual(rendered.preformatted, [1])
    }

    func testACodeBlockInAQuotationOrListItemIsIndentedInsideItsMarks() {
        XCTAssertEqual(
            HTMLRenderer.render("<blockquote><pre>$ ls\nfile</pre></blockquote>").paragraphs,
            [">     $ ls\n>     file"])
        XCTAssertEqual(
            HTMLRenderer.render("<ul><li>Run:<pre>make</pre></li></ul>").paragraphs, ["• Run:\n      make"])
    }

    func testMarkedIndentsTheLinesThatHoldText() {
        XCTAssertEqual(HTMLCodeBlockMark.marked("a\n\n  \n b"), "    a\n\n  \n     b")
    }
}
