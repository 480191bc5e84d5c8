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

/// Word's downlevel-revealed conditionals (`<![if !supportLists]>…<![endif]>`), pasted into a
/// post, showed as written around the list item; the HTML5 spec reads any declaration but a
/// comment or doctype as a bogus comment to the next ">", and browsers show nothing of it.
final class HTMLBogusDeclarationTests: XCTestCase {
    func testWordsConditionalMarkersShowNothing() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <p class="MsoNormal">Second.<o:p></o:p></p><![if !supportLists]><span style='font-family:Symbol'>·\
                <span>&nbsp;&nbsp; </span></span><![endif]>Word list item<o:p></o:p><p>End.</p>
                """
            ).paragraphs, ["Second.", "·\u{A0}\u{A0} Word list item", "End."])
        XCTAssertEqual(HTMLRenderer.render("one <![if x]>two<![endif]> three").paragraphs, ["one two three"])
        XCTAssertEqual(HTMLRenderer.render("<p>q <!ELEMENT br EMPTY> r <!> s</p>").paragraphs, ["q r s"])
        XCTAssertEqual(HTMLRenderer.plainText("<p>one <![if x]>two<![endif]></p>"), "one two")
        XCTAssertEqual(HTMLRenderer.wordCount("<p>one <![if x]>two<![endif]></p>"), 2)
    }

    func testDoctypesCommentsAndDeclarationsNeverEndedStay() {
        for html in [
            "<!DOCTYPE html><p>x</p>", "<!doctype html><p>x</p>",
            "<p>a</p><!--[if gte mso 9]><![endif]--><p>b</p>",
            "<p>unclosed <!foo bar", "<p>unclosed <![CDATA[ tail</p>",
        ] {
            XCTAssertEqual(HTMLMarkupDeclaration.read(html), html, html)
        }
        // A title's are text, as its other tags that dress no words.
        XCTAssertEqual(HTMLRenderer.titleText("Why <![if x]> is odd"), "Why <![if x]> is odd")
    }

    /// Linear time on many declarations never ended.
    func testManyDeclarationsNeverEndedAreQuick() {
        let html = "<p>x</p>" + String(repeating: "<!x ", count: 50_000)
        let start = Date()
        XCTAssertEqual(HTMLMarkupDeclaration.read(html), html)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
