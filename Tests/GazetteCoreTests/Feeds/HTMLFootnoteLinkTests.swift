import XCTest

@testable import GazetteCore

/// A footnote's reference reads raised ("one¹") and gets no number among the links, also when
/// written "[1]" or linked by the page's full address; a note's way back ("↩") is left out.
/// They read "two² [1]", "Text[1]", "Text1 [1]", and every note ended in "↩ [3]".
final class HTMLFootnoteLinkTests: XCTestCase {
    func testWordPressFootnotesReadRaisedWithoutBackLinks() {
        let rendered = HTMLRenderer.render(
            """
            <p>Text one<sup><a href="#fn1" id="fnref1">1</a></sup> and two<sup id="fnref2">\
            <a href="https://blog.example/post/#fn2">2</a></sup> and <a href="https://x.example/">a link</a>.</p>\
            <ol><li id="fn1"><p>Note one. <a href="#fnref1" class="footnote-backref">&#8617;</a></p></li>\
            <li id="fn2"><p>Note two.&nbsp;<a href="https://blog.example/post/#fnref2">&#x21A9;&#xFE0E;</a></p></li></ol>
            """, baseURL: "https://blog.example/post/")
        XCTAssertEqual(
            rendered.paragraphs, ["Text one¹ and two² and a link [1].", "1. Note one.\n2. Note two."])
        XCTAssertEqual(rendered.links, ["https://x.example/"])
    }

    func testMarkdownItAndSubstackReferences() {
        let ghost = HTMLRenderer.render(
            """
            <p>Text<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> more text <a href="#fn2">[2]</a>.</p>\
            <ol><li id="fn2"><p>Note two <a href="#fnref2" class="footnote-backref">↩︎</a> \
            <a href="#fnref2:1" class="footnote-backref">↩︎<sup>2</sup></a></p></li></ol>
            """)
        XCTAssertEqual(ghost.paragraphs, ["Text¹ more text².", "1. Note two"])
        XCTAssertEqual(ghost.links, [])
        let substack = HTMLRenderer.render(
            """
            <p>Text<a class="footnote-anchor" id="footnote-anchor-1" href="https://s.example/p/post#footnote-1">1</a> \
            here, <a href="https://s.example/p/other#x">elsewhere</a>, <a href="https://s.example/p/post#jump">read on</a>.</p>
            """, baseURL: "https://s.example/p/post")
        XCTAssertEqual(substack.paragraphs, ["Text¹ here, elsewhere [1], read on [2]."])
        XCTAssertEqual(substack.links, ["https://s.example/p/other#x", "https://s.example/p/post#jump"])
    }

    func testArrowsInTextOrOutOfPageLinksStay() {
        XCTAssertEqual(
            HTMLRenderer.render(
                ##"<p>Back ↩ here <a href="https://x.example/#top">↩</a> and <a href="#top">up ↑</a>.</p>"##
            ).paragraphs,
            ["Back ↩ here ↩ [1] and up ↑."])
    }

    /// A note referenced twice reads raised both times: markdown-it's second reference read
    /// "again[1:1]"; its note shows once, without its two ways back.
    func testANoteReferencedTwice() {
        let rendered = HTMLRenderer.render(
            """
            <p>Text<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> and \
            again<sup class="footnote-ref"><a href="#fn1" id="fnref1:1">[1:1]</a></sup>.</p>\
            <section class="footnotes"><ol><li id="fn1"><p>Note one. <a href="#fnref1">↩︎</a> \
            <a href="#fnref1:1">↩︎<sup>2</sup></a></p></li></ol></section>
            """)
        XCTAssertEqual(rendered.paragraphs, ["Text¹ and again¹.", "1. Note one."])
        XCTAssertEqual(rendered.links, [])
    }

    /// Substack's note starts with its number linked back to its reference: it reads as the
    /// note's label, not as a link ("1 [1]" above "Note one.").
    func testSubstackNotesAreLabelledByTheirNumbers() {
        let rendered = HTMLRenderer.render(
            """
            <p>Text<a class="footnote-anchor" id="footnote-anchor-1" href="https://s.example/p/post#footnote-1">1</a> \
            more.</p><div class="footnote"><a id="footnote-1" href="https://s.example/p/post#footnote-anchor-1" \
            class="footnote-number" contenteditable="false">1</a><div class="footnote-content"><p>Note one.</p>\
            <p>Its second paragraph.</p></div></div><div class="footnote"><a id="footnote-2" \
            href="https://s.example/p/post#footnote-anchor-2" class="footnote-number">2</a>\
            <div class="footnote-content"><p>Note two.</p></div></div>
            """, baseURL: "https://s.example/p/post")
        XCTAssertEqual(
            rendered.paragraphs, ["Text¹ more.", "1. Note one.", "Its second paragraph.", "2. Note two."])
        XCTAssertEqual(rendered.links, [])
    }
}
