import GazetteCore
import TestSupport
import XCTest

final class DumpArticleSegmenterTests: XCTestCase {
    private let header =
        "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\nTT\n20\n\n"
        + "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\n\n"

    /// Paragraphs that each end in the same line after `TT` and a number are one story: each
    /// paragraph's last line was taken for a title glued to the story before, the next
    /// paragraph for its widget block with the title again, and the story was split at each.
    func testParagraphsEndingInTheSameLineAfterTheWidgetStayOneStory() {
        for paragraph in [
            "A storm hit.\nTT\n20\nweather", "TT\n20\nweather", "A storm hit.\nTT\n1.2K\nweather",
        ] {
            let body = Array(repeating: paragraph, count: 4).joined(separator: "\n\n")
            let text = header + body + "\n\nThe end."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], paragraph)
            XCTAssertEqual(articles.first?.paragraphs.count, 5, paragraph)
            XCTAssertEqual(articles.first?.paragraphs.last, "The end.", paragraph)
        }
    }

    /// The look-alike: a title glued to the end of the story before, after its text, with the
    /// widget block and the title again after it, still starts a story.
    func testATitleGluedAfterTheStorysTextStillStartsAStory() {
        let text =
            header
            + "A storm hit.\nMarkets Rise\n\nTT\n20\nMarkets Rise\n\nStocks rose on Monday.\n\nThen fell."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast", "Markets Rise"])
        XCTAssertEqual(
            articles.map(\.paragraphs), [["A storm hit."], ["Stocks rose on Monday.", "Then fell."]])
    }

    /// `TT` and its counter alone between two paragraphs (a scraped page gives its widget again
    /// in the text) are no story's header: the paragraph before them was taken for a new
    /// story's title, and the story split there.
    func testTheWidgetGivenAgainBetweenParagraphsSplitsNoStory() {
        for paragraph in [
            "A storm hit the coast overnight.", "Was it the worst storm in years?",
            "The mayor said: “We will rebuild.”", "Officials said (AP).", "暴风雨袭击了海岸。",
        ] {
            let text = header + "\(paragraph)\n\nTT\n20\n\nRescue teams arrived.\n\nThe end."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], paragraph)
            XCTAssertEqual(
                articles.first?.paragraphs, [paragraph, "TT 20", "Rescue teams arrived.", "The end."],
                paragraph)
        }
    }

    /// The look-alike: a headline (not ending as a sentence does) and the widget block after one
    /// blank line still start a story without the title again.
    func testAHeadlineBeforeTheWidgetStillStartsAStory() {
        for title in ["Second Story", "Markets rise as oil falls", "Storm: what we know"] {
            let text = header + "A storm hit.\n\n\(title)\n\nTT\n20\n\nRescue teams arrived."
            XCTAssertEqual(DumpText.articles(text).map(\.title), ["Storm Hits Coast", title], title)
        }
    }
}
