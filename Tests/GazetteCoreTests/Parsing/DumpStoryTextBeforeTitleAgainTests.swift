import GazetteCore
import TestSupport
import XCTest

/// The title said again after a paragraph of the story's own, with no widget block before it:
/// the header was taken to run up to it, and the paragraphs between were shown nowhere.
final class DumpStoryTextBeforeTitleAgainTests: XCTestCase {
    private let captioned =
        "Rescuers reach the stranded village\n\nVillagers wait on a roof (AFP)\nVillagers wait on a roof (AFP)\n\n"
        + "Rescuers reached the village on Monday after three days.\n\n"
        + "Rescuers reach the stranded village\n\nThe road is expected to reopen next week."

    /// Title, captions, a paragraph, the title again, a paragraph: the first paragraph is text,
    /// and so is the title said again after it.
    func testAParagraphBeforeTheTitleAgainIsText() {
        let articles = DumpText.articles(captioned)
        XCTAssertEqual(articles.map(\.caption), ["Villagers wait on a roof (AFP)"])
        XCTAssertEqual(articles.map(\.credit), ["AFP"])
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [
                [
                    "Rescuers reached the village on Monday after three days.",
                    "Rescuers reach the stranded village", "The road is expected to reopen next week.",
                ]
            ])
    }

    /// Without a caption: the first paragraph was the caption and the second was lost.
    func testTwoParagraphsBeforeTheTitleAgainAreText() {
        let text =
            "Council approves the new budget\n\nThe council voted on Tuesday to approve the budget.\n\n"
            + "Spending on schools rises by a tenth.\n\nCouncil approves the new budget\n\nThe mayor welcomed the vote."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.caption), [nil])
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [
                [
                    "The council voted on Tuesday to approve the budget.",
                    "Spending on schools rises by a tenth.",
                    "Council approves the new budget", "The mayor welcomed the vote.",
                ]
            ])
        // The id the header taken to the title again made, kept as the earlier one.
        XCTAssertEqual(DumpText.index(text).map(\.previousID), [ArticleID("11233fa812a4f6a5")])
    }

    /// The id is the story's text as it shows now; the one made before, of the body after the
    /// title again, is its earlier id (the reading state stored under it is kept).
    func testTheEarlierIDIsTheOneMadeWithoutTheParagraph() {
        let summaries = DumpText.index(captioned)
        let withoutParagraph = DumpText.index(
            "Rescuers reach the stranded village\n\nVillagers wait on a roof (AFP)\nVillagers wait on a roof (AFP)\n\n"
                + "The road is expected to reopen next week.")
        XCTAssertEqual(summaries.map(\.previousID), withoutParagraph.map(\.id))
        XCTAssertEqual(summaries.map(\.previousID), [ArticleID("0a577319bd9ac2c7")])
        XCTAssertNotEqual(summaries.map(\.id), withoutParagraph.map(\.id))
    }

    /// A byline between the captions and the title again, in title case, is still the page's.
    func testABylineBeforeTheTitleAgainStaysThePages() {
        let text =
            "Rescuers reach the stranded village\n\nVillagers wait on a roof (AFP)\nVillagers wait on a roof (AFP)\n\n"
            + "By Jane Doe\n\nRescuers reach the stranded village\n\n"
            + "Villagers wait on a roof (AFP)\nVillagers wait on a roof (AFP)\n\nThe road is expected to reopen next week."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.caption), ["Villagers wait on a roof (AFP)"])
        XCTAssertEqual(articles.map(\.paragraphs), [["The road is expected to reopen next week."]])
        XCTAssertEqual(DumpText.index(text).map(\.previousID), [nil])
    }
}
