import XCTest

@testable import GazetteCore

/// A highlighter's table of numbered code lines reads as its code, a block of preformatted
/// text without the numbers: it was a table whose column of numbers was glued to the code.
final class HTMLCodeTableTests: XCTestCase {
    func testJekyllsRougeTable() {
        let rendered = HTMLRenderer.render(
            """
            <p>Before.</p><figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">\
            <table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1
            2
            3
            </pre></td><td class="code"><pre>def foo
              puts 'foo'
            end
            </pre></td></tr></tbody></table></code></pre></figure><p>After.</p>
            """)
        XCTAssertEqual(rendered.paragraphs, ["Before.", "    def foo\n      puts 'foo'\n    end", "After."])
        XCTAssertEqual(rendered.preformatted, [1])
        XCTAssertEqual(rendered.tables, [:])
    }

    func testHugosChromaTable() {
        let rendered = HTMLRenderer.render(
            """
            <div class="highlight"><div class="chroma">
            <table class="lntable"><tr><td class="lntd">
            <pre tabindex="0" class="chroma"><code><span class="lnt">1
            </span><span class="lnt">2
            </span></code></pre></td>
            <td class="lntd">
            <pre tabindex="0" class="chroma"><code class="language-go" data-lang="go"><span class="line">\
            <span class="cl">package main
            </span></span><span class="line"><span class="cl">	func main() {}
            </span></span></code></pre></td></tr></table>
            </div></div>
            """)
        XCTAssertEqual(rendered.paragraphs, ["    package main\n            func main() {}"])
        XCTAssertEqual(rendered.preformatted, [0])
    }

    func testPygmentsAndGitHubRowsOfLines() {
        let pygments = HTMLRenderer.render(
            """
            <table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre>1
            2</pre></div></td><td class="code"><div class="highlight"><pre><span></span>x = 1
            y = 2
            </pre></div></td></tr></table>
            """)
        XCTAssertEqual(pygments.paragraphs, ["    x = 1\n    y = 2"])
        let github = HTMLRenderer.render(
            """
            <table class="highlight tab-size js-file-line-container">
              <tr>
                <td id="L1" class="blob-num js-line-number" data-line-number="1"></td>
                <td id="LC1" class="blob-code blob-code-inner js-file-line">if (a &lt; b) {</td>
              </tr>
              <tr>
                <td id="L2" class="blob-num js-line-number" data-line-number="2">2</td>
                <td id="LC2" class="blob-code blob-code-inner js-file-line">  return;</td>
              </tr>
            </table>
            """)
        XCTAssertEqual(github.paragraphs, ["    if (a < b) {\n      return;"])
        XCTAssertEqual(github.preformatted, [0])
    }

    func testOtherTablesStayTables() {
        let rendered = HTMLRenderer.render(
            "<table class=\"data\"><tr><td class=\"gutter\">1</td><td>one</td></tr></table>")
        XCTAssertEqual(rendered.paragraphs, ["1  one"])
    }
}
