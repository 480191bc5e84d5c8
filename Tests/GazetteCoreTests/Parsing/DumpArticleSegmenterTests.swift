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
}
