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

    func testCaptionGivenTwiceInTheTextShowsOnce() {
        let caption = "Firefighters at the blaze. REUTERS/Mike Blake"
        let text =
            "Inline image\n\nTT\n20\n\nInline image\n\nFirst paragraph.\n\n\(caption)\n\(caption)\n\n"
            + "Second paragraph."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.paragraphs), [["First paragraph.", caption, "Second paragraph."]])
        let once = DumpText.articles(
            "Inline image\n\nTT\n20\n\nInline image\n\nFirst paragraph.\n\n\(caption)\n\nSecond paragraph.")
        XCTAssertEqual(articles.first?.wordCount, once.first?.wordCount)
    }

    /// The header's captions again after a byline under the title again are furniture.
    func testHeaderCaptionAgainAfterABylineIsNoParagraph() {
        let text =
            "Byline\n\nCap (AP)\nCap (AP)\nTT\n20\n\nByline\n\nBy Jane Doe\n\nCap (AP)\nCap (AP)\n\nBody."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.caption), ["Cap (AP)"])
        XCTAssertEqual(articles.map(\.paragraphs), [["By Jane Doe", "Body."]])
    }

    func testALineGivenTwiceWithoutACreditStays() {
        let articles = DumpText.articles(
            "Chant\n\nThe crowd chanted:\n\nLock him up!\nLock him up!\n\nThen they left.")
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [["The crowd chanted:", "Lock him up! Lock him up!", "Then they left."]])
    }

    func testTwoDifferentLinesStayOneParagraph() {
        let articles = DumpText.articles("Lines\n\nBody one.\n\nSame words\nSame words.")
        XCTAssertEqual(articles.map(\.paragraphs), [["Body one.", "Same words Same words."]])
    }
}
