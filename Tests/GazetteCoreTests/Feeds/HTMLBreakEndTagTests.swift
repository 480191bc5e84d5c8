import XCTest

@testable import GazetteCore

/// `</br>`, the line break template-generated feeds write, was dropped by libxml2 and glued
/// the lines around it ("9-17Tuesday"); the HTML5 spec, and every browser, read it as `<br>`.
final class HTMLBreakEndTagTests: XCTestCase {
    func testAnEndTagOfBreakIsALineBreakInABody() {
        XCTAssertEqual(
            HTMLRenderer.render("<b>Monday:</b> 9-17</br><b>Tuesday:</b> closed</br>Wednesday").paragraphs,
            ["Monday: 9-17\nTuesday: closed\nWednesday"])
        // In any case, with white space, a "/" or attributes, as `<br>` reads.
        for tag in ["</BR>", "</br >", "</br/>", "</Br class=\"x\">", "</br\n>"] {
            XCTAssertEqual(
                HTMLRenderer.render("<p>Line A\(tag)Line B\(tag)\(tag)Para C</p>"),
                HTMLRenderer.render("<p>Line A<br>Line B<br><br>Para C</p>"), tag)
        }
        // Escaped once more than it should be, as a PHP template writes it.
        XCTAssertEqual(
            HTMLRenderer.render("&lt;b&gt;Monday:&lt;/b&gt; 9-17&lt;/br&gt;Tuesday: closed").paragraphs,
            ["Monday: 9-17\nTuesday: closed"])
        XCTAssertEqual(HTMLRenderer.plainText("one</br>two"), "one two")
        XCTAssertEqual(HTMLRenderer.wordCount("<p>one</br>two</p>"), 2)
    }

    func testATitleBreaksAtIt() {
        XCTAssertEqual(HTMLRenderer.titleText("First line</br>Second line"), "First line Second line")
        XCTAssertEqual(HTMLRenderer.titleText("First line</BR >Second line"), "First line Second line")
        // Named in a title's prose, it is text, as `<br>` is.
        XCTAssertEqual(HTMLRenderer.titleText("Why </br> is wrong"), "Why </br> is wrong")
        // Ids are made of the title as libxml2 read it.
        XCTAssertEqual(
            HTMLRenderer.titleText("First line</br>Second line", loneTagsAsText: false, sloppyMarkup: false),
            "First lineSecond line")
    }

    func testOtherTagsAndCutOnesStayAsTheyWere() {
        XCTAssertEqual(HTMLBreakEndTag.asBreaks("a</brx>b</b>c</br"), "a</brx>b</b>c</br")
        XCTAssertEqual(HTMLBreakEndTag.asBreaks("a</br<b>c</b>"), "a</br<b>c</b>")
        XCTAssertEqual(HTMLBreakEndTag.asBreaks("a</br>b</BR/>c"), "a<br>b<br>c")
        XCTAssertFalse(HTMLBreakEndTag.mayHold("<p>a<br>b</p>"))
        XCTAssertTrue(HTMLBreakEndTag.mayHold("<p>a</br>b</p>"))
    }
}
