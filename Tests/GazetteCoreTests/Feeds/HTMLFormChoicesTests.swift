import XCTest

@testable import GazetteCore

/// A form's lists of choices in a body (a contact form's `select`, a poll's, a `datalist`)
/// showed their options run together in a line of the article ("K 1st grade 2nd grade").
final class HTMLFormChoicesTests: XCTestCase {
    private let html = """
        <p>Picture day is November 8.</p>\
        <form action="/contact/" method="post"><p><label>Your child's grade<br>\
        <select name="grade"><option value="K">K</option><option>1st grade</option>\
        <optgroup label="Upper"><option>5th grade</option></optgroup></select></label></p>\
        <p><input type="text" list="sizes"><datalist id="sizes"><option value="S">Small</option>\
        <option>Large</option></datalist> <input type="submit" value="Send"></p></form>\
        <p>Forms went home <b>Monday</b>.</p>
        """

    func testTheChoicesAreLeftOut() {
        XCTAssertEqual(
            HTMLRenderer.render(html).paragraphs,
            ["Picture day is November 8.", "Your child's grade", "Forms went home Monday."])
    }

    /// The one-line text (an untitled item's name) and the word count leave them out too, the
    /// word count's skeleton declining such HTML.
    func testPlainTextAndWordCountLeaveThemOut() {
        XCTAssertEqual(
            HTMLRenderer.plainText(html),
            "Picture day is November 8. Your child's grade Forms went home Monday.")
        XCTAssertEqual(HTMLRenderer.wordCount(html), 12)
        XCTAssertNil(HTMLWordSkeleton(html))
    }
}
