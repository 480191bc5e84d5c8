import Foundation
import XCTest

@testable import GazetteCore

/// An item without a title is named by the start of its text: a text too long for a title is
/// cut, and the title then ends in "…" (one without spaces, in Japanese, was its whole text).
final class TitleFromTextTests: XCTestCase {
    /// Most columns of a title from text (`maxColumns`), and how far back a
    /// space is looked for (`wordReach`).
    private let maxColumns = 100
    private let wordReach = 24

    /// The title of an item without one whose text is `text`.
    private func shown(_ text: String) -> String {
        FeedArticle.title(
            of: FeedItem(
                id: "1", title: "", titleIsHTML: false, link: nil, author: nil, date: nil, content: text,
                contentIsHTML: false))
    }

    func testATextWithoutSpacesIsCutToAWidthAndEndsInAnEllipsis() {
        let japanese = String(repeating: "これは空白のない長い日本語の文章です。", count: 10)
        let title = shown(japanese)
        XCTAssertTrue(title.hasSuffix("…"), title)
        XCTAssertTrue(japanese.hasPrefix(title.dropLast()), title)
        XCTAssertLessThanOrEqual(DisplayWidth.of(title), maxColumns)
        XCTAssertGreaterThanOrEqual(DisplayWidth.of(title), maxColumns - 1)
        let token = String(repeating: "long-token-", count: 20)
        XCTAssertEqual(shown(token), String(token.prefix(maxColumns - 1)) + "…")
    }

    func testLongWordsAreCutAtASpaceNearTheEnd() {
        let words = (1...12).map { "word\($0)-" + String(repeating: "x", count: 8) }
        let title = shown(words.joined(separator: " "))
        XCTAssertTrue(title.hasSuffix("…"), title)
        XCTAssertFalse(title.hasSuffix(" …"), title)
        let kept = title.dropLast().split(separator: " ").map(String.init)
        XCTAssertEqual(kept, Array(words.prefix(kept.count)), "whole words only: \(title)")
        XCTAssertLessThanOrEqual(DisplayWidth.of(title), maxColumns)
        XCTAssertGreaterThan(DisplayWidth.of(title), maxColumns - wordReach - 2)
    }

    func testACutIsNeverInsideACharacter() {
        let accented = String(repeating: "e\u{301}", count: 150)
        let title = shown(accented)
        XCTAssertEqual(title, String(repeating: "e\u{301}", count: maxColumns - 1) + "…")
        let family = String(repeating: "👨‍👩‍👧", count: 80)
        XCTAssertTrue(shown(family).dropLast().allSatisfy { $0 == "👨‍👩‍👧" })
    }

    func testShortTextsAndTwelveWordsAreNamedAsBefore() {
        XCTAssertEqual(shown("Some content."), "Some content.")
        XCTAssertEqual(
            shown("One two three four five six seven eight nine ten eleven twelve thirteen."),
            "One two three four five six seven eight nine ten eleven twelve…")
        let exact = String(repeating: "y", count: maxColumns)
        XCTAssertEqual(shown(exact), exact)
    }

    /// An id made of an item's title is made of the text's twelve words as before, not of the
    /// title cut to a width: reading states stay with their stories.
    func testTheIdIsMadeOfTheTitleAsItWas() throws {
        let japanese = String(repeating: "これは空白のない長い日本語の文章です。", count: 10)
        let rss = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://x/</link>
            <item><link>http://x/</link><description>\(japanese)</description></item>
            <item><link>http://x/</link><description>Other.</description></item>
            </channel></rss>
            """
        let opened = OpenedSource(
            source: Source(path: "t.xml", displayName: "T", format: .rss),
            bytes: FileBytes(bytes: Array(rss.utf8)))
        let summary = try XCTUnwrap(opened.indexAll().first)
        XCTAssertEqual(summary.title, shown(japanese))
        XCTAssertTrue(summary.title.hasSuffix("…"))
        var fingerprint = ContentFingerprint()
        fingerprint.add(japanese)
        XCTAssertEqual(summary.id.rawValue, "http://x/#title:" + fingerprint.hexDigest.prefix(8))
        XCTAssertEqual(try XCTUnwrap(opened.article(summary)).title, summary.title)
    }
}
