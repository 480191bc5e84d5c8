import TestSupport
import XCTest

@testable import GazetteCore

/// The `</br>` and markup-declaration rules read in one pass over a text's "<"s read it as the
/// two rules did one after the other, byte for byte.
final class HTMLSloppyMarkupTests: XCTestCase {
    /// The two rules one after the other, as sloppy markup was read before the one pass.
    private func twoPasses(_ html: String) -> String {
        HTMLBreakEndTag.asBreaks(HTMLMarkupDeclaration.read(html))
    }

    func testEachRuleAloneAndBoth() {
        XCTAssertEqual(HTMLSloppyMarkup.read("a</br>b</BR >c"), "a<br>b<br>c")
        XCTAssertEqual(HTMLSloppyMarkup.read("<p><![CDATA[x]]></p>"), "<p>x</p>")
        XCTAssertEqual(
            HTMLSloppyMarkup.read("<![if !supportLists]>·<![endif]>Item</br>next"), "·Item<br>next")
        let plain = "<p>No <b>sloppy</b> markup <br> here</p>"
        XCTAssertEqual(HTMLSloppyMarkup.read(plain), plain)
        XCTAssertFalse(HTMLSloppyMarkup.mayHold(plain))
        XCTAssertTrue(HTMLSloppyMarkup.mayHold("a</br>b"))
        XCTAssertTrue(HTMLSloppyMarkup.mayHold("<![endif]>b"))
    }

    /// Where a declaration read otherwise makes or breaks a `</br>` around it, and where the
    /// declaration rule reads over a comment's or a script's text but the break rule does not.
    func testRulesMeetingReadAsOneAfterTheOther() {
        let cases = [
            "<<![endif]>/br>", "</b<![CDATA[r>]]>", "</br x<![CDATA[ y ]]> >z", "<!-- </br> -->a</br>",
            "<script>if (a</br>b) {}</script></br>", "<style>/*<![CDATA[*/</style>x</br>",
            "</br <![if x]> >", "<![CDATA[</br>]]>", "<!-- never ended </br>", "<script></br>",
            "</br", "<", "</br>", "<![CDATA[a]]", "<!doctype html></br>",
        ]
        for html in cases {
            XCTAssertEqual(HTMLSloppyMarkup.read(html), twoPasses(html), html)
            XCTAssertEqual(
                HTMLSloppyMarkup.mayHold(html),
                HTMLBreakEndTag.mayHold(html) || HTMLMarkupDeclaration.mayHold(html), html)
        }
    }

    func testRandomTextsOfTheirPartsReadAsOneAfterTheOther() {
        let parts = [
            "<", ">", "/", "br", "</br>", "</BR ", "<br>", "<![CDATA[", "]]>", "<!--", "-->", "<![if x]>",
            "<![endif]>", "<script>", "</script>", "<style>", "</style>", "<!doctype html>", "<p>", "</p>",
            "text", " ", "\n", "é", "<b", "r", "!",
        ]
        var generator = SeededGenerator(seed: 48)
        for _ in 0..<5000 {
            let count = Int.random(in: 1...12, using: &generator)
            let html = (0..<count).map { _ in parts[Int.random(in: 0..<parts.count, using: &generator)] }
                .joined()
            XCTAssertEqual(HTMLSloppyMarkup.read(html), twoPasses(html), html)
            XCTAssertEqual(
                HTMLSloppyMarkup.mayHold(html),
                HTMLBreakEndTag.mayHold(html) || HTMLMarkupDeclaration.mayHold(html), html)
        }
    }
}
