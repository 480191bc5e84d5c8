import GazetteCore
import TestSupport
import XCTest

/// A line alone one blank line before a story's whole header: a scraper's note at the top of the
/// file, or a section's name (``DumpArticleSegmenter/startsHeaderAfterLoneLine()``).
final class DumpLoneLineTests: XCTestCase {
    private let dutch =
        "Dutch Tighten Controls on Exports\n\nA port in Rotterdam (REUTERS)\nA port in Rotterdam (REUTERS)\nTT\n20\n\n"
        + "Dutch Tighten Controls on Exports\n\nA port in Rotterdam (REUTERS)\nA port in Rotterdam (REUTERS)\n\n"
        + "The Dutch government tightened controls on Monday.\n\n"
        + "A court ordered the government to block exports last year.\n"
    private let budget =
        "Budget Talks Stall as Deadline Nears\n\nTT\n20\n\nBudget Talks Stall as Deadline Nears\n\n"
        + "Lawmakers failed to agree on Tuesday.\n\nThe talks resume next week.\n"

    /// The story after the note is as in its own file, its id too: it was listed under the note,
    /// its title and header shown as its text. The id it had then is kept as its earlier one
    /// (made by the session's first build), so that its marks carry over.
    func testAStoryAfterANoteAtTheTopIsAStoryOfItsOwn() throws {
        let note = "Scraped 2024-03-05 from example.com"
        let text = "\(note)\n\n\(dutch)\n\n\(budget)"
        let articles = DumpText.articles(text)
        XCTAssertEqual(
            articles.map(\.title),
            [note] + (DumpText.articles(dutch) + DumpText.articles(budget)).map(\.title))
        let story = try XCTUnwrap(articles.dropFirst().first)
        let own = try XCTUnwrap(DumpText.articles(dutch).first)
        XCTAssertEqual(story.paragraphs, own.paragraphs)
        XCTAssertEqual(story.caption, own.caption)
        XCTAssertEqual(articles.first?.paragraphs, [])
        let summaries = DumpText.index(text)
        XCTAssertEqual(
            summaries.dropFirst().map(\.id), (DumpText.index(dutch) + DumpText.index(budget)).map(\.id))
        XCTAssertEqual(summaries.dropFirst().first?.previousID, ArticleID("ec239057f56bab1e"))
        XCTAssertEqual(summaries.last?.previousID, nil)
    }

    /// Without the widget block, the caption between the title and the title again is the
    /// header too (the note took the story; found by QA).
    func testAStoryWithoutTheWidgetBlockAfterANoteIsAStoryOfItsOwn() throws {
        let plain = dutch.replacingOccurrences(of: "TT\n20\n", with: "")
        let note = "Scraped 2024-03-05 from example.com"
        let articles = DumpText.articles("\(note)\n\n\(plain)")
        XCTAssertEqual(articles.map(\.title), [note] + DumpText.articles(plain).map(\.title))
        XCTAssertEqual(articles.last?.paragraphs, DumpText.articles(plain).first?.paragraphs)
    }

    /// The title in other words above its header is the story's own: no story of its own.
    func testTheTitleInOtherWordsAboveTheHeaderStays() {
        let text = "DUTCH TIGHTEN CONTROLS ON EXPORTS\n\n\(dutch)"
        XCTAssertEqual(DumpText.index(text).count, 1)
    }
}
