import XCTest

@testable import GazetteCore

/// Content a page hides (`display: none`, `visibility: hidden`, the `hidden` attribute) showed
/// in the article, and its links were numbered.
final class HTMLHiddenElementTests: XCTestCase {
    func testHiddenElementsAndTheirLinksAreLeftOut() {
        let rendered = HTMLRenderer.render(
            """
            <p>Shown <span style="display:none">secret <a href="https://h.example/">link</a></span>tail.</p>
            <p>a<span style="color: red;DISPLAY : None !important">x</span> b
            <b style="visibility:hidden">y</b>c <i hidden>z</i>d <em hidden="hidden">w</em></p>
            <div hidden><p>Gone</p><p>Also <a href="https://g.example/">gone</a></p></div>
            <p>Kept <a href="https://k.example/">here</a><img style="display: none" src="x.png" alt="chart"></p>
            """)
        XCTAssertEqual(rendered.paragraphs, ["Shown tail.", "a b c d", "Kept here [1]"])
        XCTAssertEqual(rendered.links, ["https://k.example/"])
    }

    /// The one-line text (an untitled item's name) and the word count (reading time) leave it
    /// out as the article does, through the word count's skeleton too.
    func testPlainTextAndWordCountsLeaveItOut() {
        let html =
            "<p>one two three four five six <span style=\"display:none\">seven eight nine ten eleven</span>"
            + " twelve thirteen fourteen fifteen sixteen <b HIDDEN>a b c d e f</b> end</p>"
        XCTAssertEqual(
            HTMLRenderer.plainText(html),
            "one two three four five six twelve thirteen fourteen fifteen sixteen end")
        XCTAssertEqual(HTMLRenderer.wordCount(html), 12)
        XCTAssertNil(HTMLWordSkeleton(html))
        XCTAssertNil(
            HTMLWordSkeleton("<p>one two three four five six seven <i style='display&#58;none'>x</i></p>"))
        XCTAssertNotNil(
            HTMLWordSkeleton("<p>one two three four five six seven <i style='color: red'>x</i></p>"))
    }

    func testOtherStylesShow() {
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>a <span style=\"display:inline\">b</span> <span style=\"visibility: visible\">c</span> "
                    + "<span style=\"font-display: none\">d</span> <span data-hidden=\"1\">e</span></p>"
            ).paragraphs,
            ["a b c d e"])
    }

    func testStyleRule() {
        XCTAssertTrue(HTMLHiddenElement.hides(style: "display:none"))
        XCTAssertTrue(HTMLHiddenElement.hides(style: " margin:0 ; Display :\tNONE ; "))
        XCTAssertTrue(HTMLHiddenElement.hides(style: "visibility: Hidden"))
        XCTAssertFalse(HTMLHiddenElement.hides(style: "display: none; display: block"))
        XCTAssertFalse(HTMLHiddenElement.hides(style: "display: nones"))
        XCTAssertFalse(HTMLHiddenElement.hides(style: "border: none"))
    }
}
