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

    /// The title again with a no-break or thin space where the title has a space (or the other
    /// way round) is no paragraph, and its captions again none either; the id is as it was.
    func testTitleAgainWithOtherSpacesIsNoParagraph() {
        let text = "Nbsp\u{A0}title\n\nTT\n20\n\nNbsp title\n\nBody."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.paragraphs), [["Body."]])
        XCTAssertEqual(articles.map(\.id), DumpText.index(text).map(\.id))
        let captioned = DumpText.articles(
            "Thin\u{2009}space  title\n\nCap (AP)\nCap (AP)\nTT\n20\n\nThin space\ttitle\n\nCap (AP)\nCap (AP)\n\nBody."
        )
        XCTAssertEqual(captioned.map(\.paragraphs), [["Body."]])
    }

    /// The title a third time right after the header, with text after it, is furniture as the
    /// second is (stop 46: it was a paragraph, or split off an empty story after widgets); the
    /// id is the index's.
    func testTitleAgainAsItIsAfterTheHeaderIsFurniture() {
        let text = "Why it matters\n\nWhy it matters\n\nWhy it matters\n\nBecause it does."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.paragraphs), [["Because it does."]])
        XCTAssertEqual(articles.map(\.id), DumpText.index(text).map(\.id))
    }

    func testTitleInOtherWordsOrLaterStays() {
        let text = "Nbsp\u{A0}title\n\nTT\n20\n\nNbsp title here\n\nBody.\n\nNbsp title"
        XCTAssertEqual(
            DumpText.articles(text).map(\.paragraphs), [["Nbsp title here", "Body.", "Nbsp title"]])
    }
}
