import TestSupport
import XCTest

@testable import GazetteCore

final class DumpCaptionDateTests: XCTestCase {
    /// A caption that only names the story's day shows as its date, not as a caption (it showed
    /// as the caption); the id is made as before.
    func testADayAloneWhereTheCaptionGoesIsTheDate() throws {
        for (line, day) in [
            ("March 5, 2024", "2024-03-05"), ("2024-03-05", "2024-03-05"),
            ("Tue 5 Mar 2024 14:30 GMT", "2024-03-05"), ("Updated: March 5, 2024 10:32 a.m.", "2024-03-05"),
            ("05.03.2024, 14:30", "2024-03-05"),
        ] {
            let text = DumpText.article(
                title: "Storm hits the coast", caption: line, paragraphs: ["Power was cut.", "Crews came."])
            let article = try XCTUnwrap(DumpText.articles(text).first, line)
            XCTAssertNil(article.caption, line)
            XCTAssertNil(article.credit, line)
            XCTAssertEqual(article.date.map(UTCDay.string), day, line)
            XCTAssertEqual(ArticleByline.text(of: article), day, line)
            XCTAssertEqual(article.paragraphs, ["Power was cut.", "Crews came."], line)
            XCTAssertEqual(DumpText.index(text).map(\.id), [article.id], line)
        }
    }

    /// A caption naming a day among other words is a caption.
    func testACaptionWithADayInItStaysACaption() throws {
        for line in [
            "Crowds in Paris on March 5, 2024", "Boats in port, March 5, 2024 (AP)", "March 5, 2024: a vigil",
            "March 5",
        ] {
            let text = DumpText.article(title: "Storm hits the coast", caption: line, paragraphs: ["Text."])
            let article = try XCTUnwrap(DumpText.articles(text).first, line)
            XCTAssertEqual(article.caption.map { $0.contains("March 5") }, true, line)
        }
    }

    /// The day above a byline: the byline and the day, as the other way round.
    func testADayAboveTheByline() throws {
        let text =
            "Budget passes\n\nMarch 5, 2024\nBy Jane Doe\nTT\n20\n\nBudget passes\n\n"
            + "March 5, 2024\nBy Jane Doe\n\nThe council voted."
        let article = try XCTUnwrap(DumpText.articles(text).first)
        XCTAssertNil(article.caption)
        XCTAssertEqual(article.credit, "Jane Doe")
        XCTAssertEqual(ArticleByline.text(of: article), "By Jane Doe · 2024-03-05")
    }

    func testDayWords() {
        XCTAssertNotNil(DumpCaptionDate.day("Wednesday, March 20, 2024 at 3:45 PM EDT"))
        XCTAssertNotNil(DumpCaptionDate.day("Posted 2024/03/05 09:00 +01:00"))
        XCTAssertNil(DumpCaptionDate.day("Flood waters on March 20, 2024"))
        XCTAssertNil(DumpCaptionDate.day("March 20"))
        XCTAssertNil(DumpCaptionDate.day("NASA March 20, 2024"))
    }
}
