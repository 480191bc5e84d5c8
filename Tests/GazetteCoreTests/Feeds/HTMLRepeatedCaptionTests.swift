import XCTest

@testable import GazetteCore

/// A caption right after a picture that says its alt text again, whatever element holds it,
/// shows once, as "[image: alt text]": a `<span class="figcaption">` showed the sentence twice in
/// a row (found by QA). Text that differs is kept.
final class HTMLRepeatedCaptionTests: XCTestCase {
    private func paragraphs(_ html: String) -> [String] {
        HTMLRenderer.render(html, baseURL: "https://b.example/").paragraphs
    }

    func testASpanCaptionRepeatingTheAltTextShowsOnce() {
        XCTAssertEqual(
            paragraphs(
                """
                <p><span class="figure quad"><img src="a.png" alt="Neulich auf einer Seite." />\
                <span class="figcaption" aria-hidden="true">Neulich auf einer Seite.<br /></span></span> \
                Nebenbei kann der Browser mehr.</p>
                """),
            ["[image: Neulich auf einer Seite.]\nNebenbei kann der Browser mehr."])
        // White space folded: a break or several spaces part the same words.
        XCTAssertEqual(
            paragraphs("<p><img src=a.png alt=\"Two  words\"><em> Two<br>words </em>after</p>"),
            ["[image: Two words] after"])
    }

    /// The number of a link around the picture stands between the two: the caption is still
    /// right after the picture.
    func testTheCaptionOfALinkedPictureShowsOnce() {
        XCTAssertEqual(
            paragraphs(
                """
                <p><span class="figure"><a href="big.jpg"><img src="small.jpg" alt="Taxifahrer: die Pitts S-2" />\
                </a><span class="figcaption">Taxifahrer: die Pitts S-2<br /></span></span></p><p>Next.</p>
                """),
            ["[image: Taxifahrer: die Pitts S-2] [1]", "Next."])
    }

    func testTextThatDiffersOrIsNoElementsOwnIsKept() {
        for (html, expected) in [
            (
                "<p><img alt=\"A plane\"><span>A plane over the sea</span></p>",
                "[image: A plane] A plane over the sea"
            ),
            ("<p><img alt=\"A plane\"><span>a plane</span></p>", "[image: A plane] a plane"),
            ("<p><img alt=\"Apple\"> Apple announced</p>", "[image: Apple] Apple announced"),
            ("<p><img alt=\"Apple\"> and <b>Apple</b></p>", "[image: Apple] and Apple"),
            ("<p><img alt=\"Apple\"><a href=\"/a\">Apple</a></p>", "[image: Apple] Apple [1]"),
            ("<p><img alt=\"\"><span>Apple</span></p>", "Apple"),
            ("<p><img><span>Apple</span></p>", "[image] Apple"),
        ] {
            XCTAssertEqual(paragraphs(html), [expected], html)
        }
    }

    /// A figure's caption of its own (a paragraph) keeps its rule: "[image]" above it.
    func testAFiguresCaptionParagraphIsAsBefore() {
        XCTAssertEqual(
            paragraphs(
                "<figure><img src=a.jpg alt=\"The bridge\"><figcaption>The bridge</figcaption></figure>"),
            ["[image]", "The bridge"])
    }

    func testRepeatsComparesWordsAndTextLengthKeepsTheBreak() {
        XCTAssertTrue(HTMLRepeatedCaption.repeats(ArraySlice(" a\u{A0}b\n".utf8), alt: "a b"))
        XCTAssertFalse(HTMLRepeatedCaption.repeats(ArraySlice(" \n".utf8), alt: ""))
        XCTAssertEqual(HTMLRepeatedCaption.textLength(of: ArraySlice(" ab\n".utf8)), 3)
    }
}
