import XCTest

@testable import GazetteCore

/// A footnote's number, a link to the note glued to its word (Substack's
/// `<a class="footnote-anchor" href="#footnote-1">1</a>`), read as part of the word ("the
/// bill1."); it reads raised, as a `sup`'s does ("the bill¹.").
final class HTMLFootnoteNumberTests: XCTestCase {
    func testASubstackFootnoteAnchorReadsRaised() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <p>Last week the <a href="https://example.com/x" rel="">Senate voted</a>&nbsp;to advance the \
                bill<span class="footnote-anchor-marker" id="footnote-anchor-1"><a href="#footnote-1" \
                class="footnote-anchor">1</a></span>.</p><div class="footnote"><a id="footnote-1" \
                href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content">\
                <p>A footnote.</p></div></div>
                """
            ).paragraphs,
            ["Last week the Senate voted [1]\u{A0}to advance the bill¹.", "1. A footnote."])
    }

    func testOnlyANumberGluedToAWordInTheSamePage() {
        XCTAssertEqual(
            HTMLRenderer.render(
                ##"<p>See note <a href="#n2">2</a>, <a href="#top">top</a>, x<a href="#n">1234</a>, "##
                    + ##"y<a href="https://a.example/">3</a>, z<sup><a href="#n4">4</a></sup>.</p>"##
            ).paragraphs,
            ["See note 2, top, x1234, y3 [1], z⁴."])
    }
}
