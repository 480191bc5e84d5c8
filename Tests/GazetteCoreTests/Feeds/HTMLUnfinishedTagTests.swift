import XCTest

@testable import GazetteCore

/// A summary cut in the middle of a tag's name at the very end ("… some text <stron") showed
/// the fragment "<stron"; in HTML, a "<" and the start of an element's name ending the text
/// is a cut tag, and shows nothing. Other text stays text.
final class HTMLUnfinishedTagTests: XCTestCase {
    private func paragraphs(_ html: String) -> [String] {
        HTMLRenderer.render(html).paragraphs
    }

    func testATagCutInItsNameAtTheEndShowsNothing() {
        for cut in ["<stron", "<STR", "<bl", "<fig", "<h", "<im", "<sp"] {
            XCTAssertEqual(
                paragraphs("<p>Some <b>bold</b> text.</p><p>And more \(cut)"),
                ["Some bold text.", "And more"], cut)
            XCTAssertEqual(HTMLRenderer.plainText("<p>Some text <em>x</em> \(cut)"), "Some text x", cut)
        }
        // A summary cut at its first tag: three letters or more after a space (found by QA).
        XCTAssertEqual(paragraphs("Some text <stron"), ["Some text"])
        XCTAssertEqual(paragraphs("Some text <fig"), ["Some text"])
        XCTAssertEqual(paragraphs("Compare x<str"), ["Compare x<str"])
        // The word count is of the text shown.
        XCTAssertEqual(HTMLRenderer.wordCount("<p>one two <b>three</b> four <stro"), 4)
    }

    func testOtherTextStaysText() {
        // Without tags it is text; letters that begin no element's name are text; something
        // after the letters is text, as before.
        XCTAssertEqual(paragraphs("if x<stro"), ["if x<stro"])
        XCTAssertEqual(paragraphs("<p>then</p> x<y"), ["then", "x<y"])
        XCTAssertEqual(paragraphs("<p>then</p> x<zq"), ["then", "x<zq"])
        XCTAssertEqual(paragraphs("<p>then</p> x<stro then"), ["then", "x<stro then"])
        XCTAssertEqual(paragraphs("<p>then</p> x<stro2"), ["then", "x<stro2"])
    }

    /// Linear time on many "<" that begin names.
    func testManyCutNamesAreQuick() {
        let html = "<p>x</p>" + String(repeating: "a <str b ", count: 50_000) + "<stro"
        let start = Date()
        XCTAssertEqual(HTMLRenderer.render(html).paragraphs.first, "x")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
