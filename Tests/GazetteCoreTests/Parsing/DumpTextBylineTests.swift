import TestSupport
import XCTest

@testable import GazetteCore

final class DumpTextBylineTests: XCTestCase {
    /// A byline opening the text credits its author and shows under the title, as one in the
    /// header does, and not again as the first paragraph (it credited no one).
    func testABylineOpeningTheTextIsTheByline() throws {
        for (byline, author) in [
            ("By Jane Doe", "Jane Doe"),
            ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe, Reuters"),
            ("By Ana de la Cruz in Madrid", "Ana de la Cruz in Madrid"),
        ] {
            for widgets in [true, false] {
                let text = DumpText.article(
                    title: "Council approves budget",
                    paragraphs: [byline, "The vote was 7 to 2.", "It passed."],
                    widgets: widgets, repeatedHeader: widgets)
                let article = try XCTUnwrap(DumpText.articles(text).first, byline)
                XCTAssertEqual(article.credit, author, byline)
                XCTAssertNil(article.caption, byline)
                XCTAssertEqual(article.paragraphs, ["The vote was 7 to 2.", "It passed."], byline)
                XCTAssertEqual(ArticleByline.text(of: article), byline, byline)
                let summary = try XCTUnwrap(DumpText.index(text).first)
                XCTAssertEqual(summary.id, article.id, byline)
                // The list's credit, from the header's lines and the first paragraph.
                guard case .bytes(let range, _) = summary.location else { return XCTFail(byline) }
                let credits = Array(text.utf8).withUnsafeBytes {
                    PlainTextDumpParser.credits(in: $0, range: range)
                }
                XCTAssertEqual(credits?.line, author, byline)
                // On the screen: the byline once, under the title.
                let lines = ArticleLayout(article: article, width: 80).lines.map(\.text)
                XCTAssertEqual(lines.filter { $0.contains("By ") }, [byline], byline)
                XCTAssertEqual(lines[1], byline, byline)
            }
        }
    }

    /// With its day under it, in the same paragraph or in the one under it, the day is the
    /// story's date, not its text (in a paragraph of its own it showed as the first one; found by
    /// QA). A day further down is text.
    func testABylineAndItsDayOpeningTheText() throws {
        for between in ["\n", "\n\n"] {
            let text = "Council approves budget\n\nBy Jane Doe\(between)March 5, 2024\n\nThe vote was 7 to 2."
            let article = try XCTUnwrap(DumpText.articles(text).first, between.debugDescription)
            XCTAssertEqual(article.credit, "Jane Doe", between.debugDescription)
            XCTAssertEqual(article.paragraphs, ["The vote was 7 to 2."], between.debugDescription)
            XCTAssertEqual(
                ArticleByline.text(of: article), "By Jane Doe · 2024-03-05", between.debugDescription)
        }
        let later = "Council approves budget\n\nBy Jane Doe\n\nThe vote was 7 to 2.\n\nMarch 6, 2024"
        XCTAssertEqual(try XCTUnwrap(DumpText.articles(later).first).paragraphs.last, "March 6, 2024")
    }

    /// Under a photo's caption the byline is not shown under the title: it stays in the text,
    /// once, and credits its author.
    func testUnderACaptionTheBylineStaysInTheText() throws {
        let text = DumpText.article(
            title: "Council approves budget", caption: "Councillors vote (AP)",
            paragraphs: ["By Jane Doe", "The vote was 7 to 2."])
        let article = try XCTUnwrap(DumpText.articles(text).first)
        XCTAssertEqual(article.caption, "Councillors vote (AP)")
        XCTAssertEqual(article.credit, "Jane Doe")
        XCTAssertEqual(article.paragraphs, ["By Jane Doe", "The vote was 7 to 2."])
    }

    /// An agency is a byline's name alone or after "The".
    func testAnAgencyAloneIsTheByline() throws {
        for (first, credit) in [
            ("By Reuters", "Reuters"), ("By The Associated Press", "The Associated Press"),
        ] {
            let text = DumpText.article(
                title: "Town empties", paragraphs: [first, "Officials urged caution."], widgets: false,
                repeatedHeader: false)
            let article = try XCTUnwrap(DumpText.articles(text).first, first)
            XCTAssertEqual(article.credit, credit, first)
            XCTAssertEqual(article.paragraphs, ["Officials urged caution."], first)
        }
    }

    /// A first paragraph that reads on as a sentence is the story's text.
    func testSentencesStayText() throws {
        for first in [
            "By Monday, most residents had left", "By the end of the week the river had crested",
            "By Then. It was over.", "By 2030 the plant will close",
            // A subhead in title case is no one's name (found by QA): "The" or "A" first, or one
            // word, name an agency or no one.
            "By The Numbers", "By Air", "By A Thread",
        ] {
            let text = DumpText.article(
                title: "Town empties", paragraphs: [first, "Officials urged caution."], widgets: false,
                repeatedHeader: false)
            let article = try XCTUnwrap(DumpText.articles(text).first, first)
            XCTAssertNil(article.credit, first)
            XCTAssertEqual(article.paragraphs.first, first, first)
        }
    }
}
