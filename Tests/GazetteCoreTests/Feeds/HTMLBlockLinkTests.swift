import XCTest

@testable import GazetteCore

/// A link around blocks (a bookmark card, an image box with its caption) left its number "[1]"
/// alone on a line after them; it goes after their last paragraph.
final class HTMLBlockLinkTests: XCTestCase {
    func testAGhostBookmarkCardEndsWithItsLinksNumber() {
        let rendered = HTMLRenderer.render(
            """
            <p>Intro text.</p><figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" \
            href="https://example.org/article"><div class="kg-bookmark-content"><div class="kg-bookmark-title">\
            Example Article Title</div><div class="kg-bookmark-description">A description.</div>\
            <div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://example.org/favicon.ico" \
            alt=""><span class="kg-bookmark-author">Example.org</span></div></div><div class="kg-bookmark-thumbnail">\
            <img src="https://example.org/thumb.jpg" alt=""></div></a></figure><div class="kg-card kg-button-card">\
            <a href="https://ghost.example/#/portal/signup" class="kg-btn kg-btn-accent">Subscribe now</a></div>
            """)
        XCTAssertEqual(
            rendered.paragraphs,
            [
                // The card's divs are lines of one block, as a browser shows them (HTMLDivisionLines).
                "Intro text.", "Example Article Title\nA description.\nExample.org [1]",
                "Subscribe now [2]",
            ])
        XCTAssertEqual(
            rendered.links, ["https://example.org/article", "https://ghost.example/#/portal/signup"])
    }

    func testADiscourseImageBoxEndsWithItsLinksNumber() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <div class="lightbox-wrapper"><a class="lightbox" href="https://forum.example/uploads/big.png" \
                title="screenshot.png"><img src="https://forum.example/uploads/optimized/small.png" \
                alt="screenshot" width="690" height="388"><div class="meta"><span class="filename">\
                screenshot.png</span> <span class="informations">1920×1080 203 KB</span></div></a></div>\
                <p><small>3 posts - 2 participants</small></p>
                """
            ).paragraphs,
            ["[image: screenshot]", "screenshot.png 1920×1080 203 KB [1]", "3 posts - 2 participants"])
    }

    func testALinkInsideOneParagraphKeepsItsNumberThere() {
        XCTAssertEqual(
            HTMLRenderer.render(#"<p>Read <a href="https://a.example/">this</a></p><p>Next</p>"#).paragraphs,
            ["Read this [1]", "Next"])
        XCTAssertEqual(
            HTMLRenderer.render(#"<a href="https://a.example/"><p>Title</p></a><p>Next</p>"#).paragraphs,
            ["Title [1]", "Next"])
    }
}
