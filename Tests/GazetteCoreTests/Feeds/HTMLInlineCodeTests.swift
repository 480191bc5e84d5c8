import XCTest

@testable import GazetteCore

/// Code in a line of prose reads between backticks, as Markdown writes it: a command or path in
/// a sentence read as its words ("then a simple vale sync to force it"; found by QA). Code in a
/// code block (already set apart) gets none, nor code that shows nothing.
final class HTMLInlineCodeTests: XCTestCase {
    private func paragraphs(_ html: String) -> [String] {
        HTMLRenderer.render(html, baseURL: "https://b.example/").paragraphs
    }

    func testCodeInProseIsBetweenBackticks() {
        XCTAssertEqual(
            paragraphs(
                "<p>then a simple <code>vale sync</code> to force it, or <code>vale </code>alone.</p>"),
            ["then a simple `vale sync` to force it, or `vale` alone."])
        XCTAssertEqual(
            paragraphs("<p>sets <a href=\"/m\"><code>makeprg</code></a> to vale</p>"),
            ["sets `makeprg` [1] to vale"])
        XCTAssertEqual(
            paragraphs("<h2>The <code><code>dialog</code></code> element</h2>"), ["The `dialog` element"])
    }

    func testAFenceLongerThanTheCodesOwnBackticks() {
        XCTAssertEqual(
            paragraphs("<p>type <code>a`b</code> or <code>``</code></p>"), ["type ``a`b`` or ````````"])
    }

    func testCodeInACodeBlockOrShowingNothingHasNoMarks() {
        XCTAssertEqual(paragraphs("<pre><code>let x = 1</code></pre>"), ["    let x = 1"])
        XCTAssertEqual(
            paragraphs("<p>a <code></code> b<code> </code>c<code><img alt=\"\"></code></p>"), ["a b c"])
    }
}
