import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A headline hard-wrapped over two or three lines, given again as a block where a dump gives
/// its title again, is the title, its lines joined: only its first line was, the rest shown as
/// the caption and the repeated block's captions as the text.
final class DumpWrappedTitleTests: XCTestCase {
    private let wrapped = DumpText.article(
        title: "Storm Hits Coast As Thousands\nFlee Their Homes", caption: "Residents leave the town (AP)",
        paragraphs: ["The storm came ashore on Monday.", "More text here."])
    private let plain = DumpText.article(
        title: "Second Story Title", caption: "A caption (REUTERS)", paragraphs: ["Body of second."])

    func testAWrappedTitleGivenAgainIsOneTitle() throws {
        let articles = DumpText.articles(bytes: Array((wrapped + "\n\n\n\n" + plain).utf8))
        XCTAssertEqual(articles.count, 2)
        XCTAssertEqual(articles[0].title, "Storm Hits Coast As Thousands Flee Their Homes")
        XCTAssertEqual(articles[0].caption, "Residents leave the town (AP)")
        XCTAssertEqual(articles[0].credit, "AP")
        XCTAssertEqual(articles[0].paragraphs, ["The storm came ashore on Monday.", "More text here."])
        XCTAssertEqual(articles[1].title, "Second Story Title")
        // A story whose title is one line keeps its id.
        XCTAssertEqual(articles[1].id, DumpText.index(plain).first?.id)
    }

    func testATitleOfThreeLinesGivenAgainRightAfterIsOneTitle() throws {
        let text = "One\nTwo\nThree\n\nOne\nTwo\nThree\n\nThe text."
        let articles = DumpText.articles(bytes: Array(text.utf8))
        XCTAssertEqual(articles.map(\.title), ["One Two Three"])
        XCTAssertEqual(articles.first?.paragraphs, ["The text."])
        XCTAssertNil(articles.first?.caption)
    }

    /// Without the lines again, a first block of several lines is a title and the start of the
    /// text, as before.
    func testWithoutTheRepetitionAFirstBlockIsSplitAfterItsFirstLine() throws {
        let text = "Title Line\nThe story starts here.\n\nIt goes on."
        let articles = DumpText.articles(bytes: Array(text.utf8))
        XCTAssertEqual(articles.map(\.title), ["Title Line"])
        XCTAssertEqual(articles.first?.paragraphs, ["The story starts here.", "It goes on."])
        // A block of four lines is no wrapped title.
        let long = "A\nB\nC\nD\n\nTT\n20\n\nA\nB\nC\nD\n\nText."
        XCTAssertEqual(DumpText.articles(bytes: Array(long.utf8)).map(\.title), ["A"])
    }

    /// After one blank line, a story with a wrapped title given again starts a story of its
    /// own: it was taken into the story before.
    func testAWrappedTitleAfterOneBlankLineStartsAStory() throws {
        let articles = DumpText.articles(bytes: Array((plain + "\n\n" + wrapped).utf8))
        XCTAssertEqual(
            articles.map(\.title), ["Second Story Title", "Storm Hits Coast As Thousands Flee Their Homes"])
        XCTAssertEqual(articles.first?.paragraphs, ["Body of second."])
        XCTAssertEqual(articles.first?.id, DumpText.index(plain).first?.id)
    }
}
