import GazetteCore
import TestSupport
import XCTest

final class DumpBodyBlockTests: XCTestCase {
    func testWidgetAloneUnderTheTitleAgainIsNoParagraph() {
        let text = "Widget after header\n\nWidget after header\n\nTT\n20\n\nBody one."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.paragraphs), [["Body one."]])
        XCTAssertEqual(articles.first?.wordCount, 2)
    }

    func testWidgetAloneAtTheStorysEndIsNoParagraph() {
        let articles = DumpText.articles("Widget at the end\n\nBody one.\n\nTT\n1,234")
        XCTAssertEqual(articles.map(\.paragraphs), [["Body one."]])
    }

    func testWidgetAloneKeepsTheIdItWasMadeWith() {
        let text = "Widget at the end\n\nBody one.\n\nTT\n20"
        let withWidget = DumpText.index(text).map(\.id)
        let without = DumpText.index("Widget at the end\n\nBody one.").map(\.id)
        XCTAssertEqual(withWidget.count, 1)
        XCTAssertNotEqual(withWidget, without)
        XCTAssertEqual(DumpText.articles(text).map(\.id), withWidget)
    }

    func testTTOrANumberInRunningTextStays() {
        let articles = DumpText.articles(
            "Numbers\n\nBody one.\n\nTT\n\n20\n\nThe vote was\nTT\n20 in favour.\n\nTT\n20\nmore")
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [["Body one.", "TT", "20", "The vote was TT 20 in favour.", "TT 20 more"]])
    }
}
