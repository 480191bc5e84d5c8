import XCTest

@testable import GazetteCore

/// CDATA markers left in a feed's HTML (a generator that escaped its CDATA once too often, or
/// wrapped it in another) showed as `![CDATA[` and `]]>` paragraphs, and titles as
/// `<![CDATA[Title]]>`; a section is its inner text, as XML and feedparser read it.
final class HTMLMarkupDeclarationTests: XCTestCase {
    func testACDATASectionInABodyIsItsInnerText() {
        XCTAssertEqual(
            HTMLRenderer.render("<![CDATA[<p>Hello <b>world</b></p><p>Second</p>]]>").paragraphs,
            ["Hello world", "Second"])
        // Escaped once too often, as a PHP template writes it.
        XCTAssertEqual(
            HTMLRenderer.render("&lt;![CDATA[&lt;p&gt;Hello&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;]]&gt;")
                .paragraphs,
            ["Hello", "Second"])
        // In text without other markup, and in the middle of a paragraph.
        XCTAssertEqual(HTMLRenderer.render("plain <![CDATA[inner]]> text").paragraphs, ["plain inner text"])
        XCTAssertEqual(HTMLRenderer.render("<p>a <![CDATA[b]]> c</p>").paragraphs, ["a b c"])
        XCTAssertEqual(HTMLRenderer.plainText("<![CDATA[<p>Hello</p><p>Second</p>]]>"), "Hello Second")
        XCTAssertEqual(HTMLRenderer.wordCount("<![CDATA[<p>Hello</p><p>Second</p>]]>"), 2)
        // A section ends at its first "]]>", as in XML: a section wrapped in another keeps the
        // outer end as text.
        XCTAssertEqual(HTMLMarkupDeclaration.read("<![CDATA[<![CDATA[x]]>]]>"), "<![CDATA[x]]>")
    }

    func testCommentsScriptsAndUnclosedSectionsAreLeftAsTheyAre() {
        for html in [
            "<p>a</p><!-- <![CDATA[x]]> --><p>b</p>",
            "<script>//<![CDATA[\nvar x = 1;\n//]]></script><p>b</p>",
            "<STYLE><![CDATA[p{}]]></STYLE>",
            "<p>unclosed <![CDATA[ tail</p>",
            "<p>no markers</p>",
        ] {
            XCTAssertEqual(HTMLMarkupDeclaration.read(html), html, html)
            XCTAssertFalse(HTMLMarkupDeclaration.mayHold(html), html)
        }
        XCTAssertEqual(
            HTMLMarkupDeclaration.read("<script>x</script><![CDATA[y]]><!--z--><![CDATA[w]]>"),
            "<script>x</script>y<!--z-->w")
    }

    func testATitleWhollyWrappedLosesTheMarkers() {
        XCTAssertEqual(HTMLRenderer.titleText("<![CDATA[Title wrapped]]>"), "Title wrapped")
        XCTAssertEqual(HTMLRenderer.titleText("  <![CDATA[Fish <b>&amp;</b> chips]]> "), "Fish & chips")
        // A title that speaks of CDATA keeps its words.
        XCTAssertEqual(HTMLRenderer.titleText("Use <![CDATA[ in XML"), "Use <![CDATA[ in XML")
        XCTAssertEqual(
            HTMLRenderer.titleText("<![CDATA[a]]> or <![CDATA[b]]>"), "<![CDATA[a]]> or <![CDATA[b]]>")
        // Ids are made of the title as read before.
        XCTAssertEqual(
            HTMLRenderer.titleText("<![CDATA[Title wrapped]]>", loneTagsAsText: false, sloppyMarkup: false),
            "<![CDATA[Title wrapped]]>")
    }

    /// Linear time on many sections never closed.
    func testManyUnclosedSectionsAreQuick() {
        let html = "<p>x</p>" + String(repeating: "<![CDATA[ a ", count: 20_000)
        let start = Date()
        XCTAssertEqual(HTMLMarkupDeclaration.read(html), html)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
