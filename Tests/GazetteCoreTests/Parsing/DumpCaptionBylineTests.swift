import TestSupport
import XCTest

@testable import GazetteCore

final class DumpCaptionBylineTests: XCTestCase {
    private let header = "By Jane Doe | Reuters\nMarch 4, 2024 10:32 AM"

    func testBylineAndTimeInTheHeaderShowAsTheByline() throws {
        let text = "Byline in header\n\n\(header)\nTT\n20\n\nByline in header\n\n\(header)\n\nBody."
        let article = try XCTUnwrap(DumpText.articles(text).first)
        XCTAssertNil(article.caption)
        XCTAssertEqual(article.credit, "Jane Doe | Reuters")
        XCTAssertEqual(article.paragraphs, ["Body."])
        XCTAssertEqual(ArticleByline.text(of: article), "By Jane Doe | Reuters · 2024-03-04")
        XCTAssertEqual(DumpText.index(text).map(\.id), [article.id])
    }

    func testBylineAlone() throws {
        let text = "Byline alone\n\nBy Jane Doe\nTT\n20\n\nByline alone\n\nBy Jane Doe\n\nBody."
        let article = try XCTUnwrap(DumpText.articles(text).first)
        XCTAssertNil(article.caption)
        XCTAssertEqual(ArticleByline.text(of: article), "By Jane Doe")
    }

    func testDaysInTheirForms() {
        let days = ["Updated 3:45 PM EDT, Wed March 20, 2024", "4 Sept. 2023", "Mar 1 2022"].map {
            DumpCaptionByline.day(in: $0).map(UTCDay.string)
        }
        XCTAssertEqual(days, ["2024-03-20", "2023-09-04", "2022-03-01"])
        XCTAssertNil(DumpCaptionByline.day(in: "May the 4th be with you"))
    }

    /// A byline whose time is written in digits, year first or day first with full stops, is
    /// the byline (it showed as the caption, and no credit; found by QA); other numbers are no day.
    func testDaysInDigits() throws {
        let days = ["2024-03-05 14:30 UTC", "2024-03-05T14:30:00Z", "Posted 2024/03/05", "05.03.2024, 14:30"]
            .map {
                DumpCaptionByline.day(in: $0).map(UTCDay.string)
            }
        XCTAssertEqual(days, ["2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05"])
        for line in ["03/05/2024", "2024-13-05", "1.5.20", "Flight 2024-7", "12.03.24"] {
            XCTAssertNil(DumpCaptionByline.day(in: line), line)
        }
        let text =
            "Budget talks stall\n\nBy Jane Smith\n2024-03-05 14:30\nTT\n20\n\nBudget talks stall\n\n"
            + "By Jane Smith\n2024-03-05 14:30\n\nLawmakers failed to agree."
        let article = try XCTUnwrap(DumpText.articles(text).first)
        XCTAssertNil(article.caption)
        XCTAssertEqual(article.credit, "Jane Smith")
        XCTAssertEqual(ArticleByline.text(of: article), "By Jane Smith · 2024-03-05")
    }

    func testPhotoCaptionsStayCaptions() {
        let captions = [
            "By Lake Geneva, protesters march. REUTERS/Denis Balibouse", "By the river (AP)",
            "Boats in port (AP)",
        ]
        for caption in captions {
            let text =
                "Title here\n\n\(caption)\n\(caption)\nTT\n20\n\nTitle here\n\n\(caption)\n\(caption)\n\nBody."
            XCTAssertEqual(DumpText.articles(text).first?.caption, caption)
        }
        XCTAssertNil(DumpCaptionByline(["By Jane Doe", "Photographers at work"]))
    }
}
