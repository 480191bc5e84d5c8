import XCTest

@testable import GazetteCore

/// Inline elements side by side that a browser shows apart stay apart: a link's marker and the
/// word after it, and a form's controls ("[1]Download", "textarea textButton"; found by QA). A
/// list of choices is left out (``HTMLFormChoicesTests``).
final class HTMLWordsApartTests: XCTestCase {
    private func paragraphs(_ html: String) -> [String] {
        HTMLRenderer.render(html).paragraphs
    }

    func testAWordAfterALinksMarkerIsParted() {
        XCTAssertEqual(
            paragraphs(
                #"<div class="wp-block-file"><a href="https://wp.example/report.pdf">Annual report</a>"#
                    + #"<a href="https://wp.example/report.pdf" class="wp-block-file__button" download>Download</a></div>"#
                    + #"<p><a href="https://a.example/">A</a>, <a href="https://b.example/">B</a>'s and <a href="https://c.example/">C</a>.</p>"#
            ),
            ["Annual report [1] Download [1]", "A [2], B [3]'s and C [4]."])
    }

    func testFormControlsAreWordsApart() {
        XCTAssertEqual(
            paragraphs(
                "<p><select><option>Option A</option><option>Option B</option></select><textarea>textarea text</textarea><button>Button</button>.</p>"
            ),
            ["textarea text Button."])
    }
}
