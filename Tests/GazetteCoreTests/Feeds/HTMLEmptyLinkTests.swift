import XCTest

@testable import GazetteCore

/// A link that shows nothing (around a decorative image or a tracking pixel, or empty) left a
/// lone "[n]" paragraph and a numbered reference; it gets neither. A link that shows something
/// (a kept image, text) keeps its number.
final class HTMLEmptyLinkTests: XCTestCase {
    func testALinkThatShowsNothingGetsNoMarkerAndNoNumber() {
        let rendered = HTMLRenderer.render(
            """
            <p><a href="https://t.example/"><img src="p.gif" width="1" height="1"></a></p>
            <p>Text <a href="https://d.example/"><img src="d.png" alt=""></a> more<a href="https://h.example/">\
            <span hidden>x</span></a>.</p><p><a href="https://e.example/"> </a>Empty <a href="https://f.example/"></a></p>
            <p><a href="https://i.example/big.jpg"><img src="small.jpg" alt="Photo"></a></p>
            <p><a href="https://d.example/">Now</a> <a href="https://n.example/">shown</a></p>
            """)
        XCTAssertEqual(
            rendered.paragraphs, ["Text more.", "Empty", "[image: Photo] [1]", "Now [2] shown [3]"])
        XCTAssertEqual(
            rendered.links, ["https://i.example/big.jpg", "https://d.example/", "https://n.example/"])
    }

    /// A link of no-break or zero-width spaces shows nothing either (it got a number; found
    /// by QA); one with a word beside them shows it.
    func testALinkOfSpacesThatShowNothingGetsNoNumber() {
        let rendered = HTMLRenderer.render(
            "<p>A <a href=\"https://a.example/\">&nbsp;</a> B <a href=\"https://b.example/\">&#8203;</a> C "
                + "<a href=\"https://c.example/\">&nbsp;é</a></p>")
        XCTAssertEqual(rendered.links, ["https://c.example/"])
        XCTAssertFalse(rendered.paragraphs[0].contains("[2]"), rendered.paragraphs[0])
    }

    /// The spaces of a link that shows nothing read as one, as in a browser ("word   word";
    /// found by QA); words it alone parts stay apart.
    func testALinkThatShowsNothingLeavesOneSpace() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <p>word <a href="https://a.example/">&nbsp;</a> word<a href="https://b.example/">&nbsp;&#8203;</a>\
                word <a href="https://c.example/">&#8203;</a>end, x<a href="https://d.example/">&#8203;</a>y \
                <a href="https://e.example/"> <img src="p.gif" width="1" height="1"> </a> z</p>
                """
            ).paragraphs, ["word word word end, xy z"])
    }

    /// (The number of a link around a rule follows it, as that of a link around any block.)
    func testALinkAroundAPlayerOrARuleShowsIt() {
        let rendered = HTMLRenderer.render(
            "<a href=\"https://p.example/\"><iframe src=\"https://player.vimeo.com/\"></iframe></a><a href=\"https://r.example/\"><hr></a>"
        )
        XCTAssertEqual(rendered.paragraphs, ["[video] [1] [2]", "─── [3]"])
    }
}
