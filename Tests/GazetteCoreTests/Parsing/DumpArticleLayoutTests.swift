import GazetteCore
import TestSupport
import XCTest

final class DumpArticleLayoutTests: XCTestCase {
    private let wrapped =
        "Two-line headline wrapped by the scraper at\na fixed width of forty-five columns\n\nTT\n20\n\n"
        + "Two-line headline wrapped by the scraper at\na fixed width of forty-five columns\n\nBody one."

    /// A title wrapped over two lines, given again after a widget block without captions: the
    /// second line in lower case is the title's, not a caption; the id is the title's on one
    /// line, and the one first made (the second line taken for a caption) its earlier id.
    func testTitleWrappedOverALowerCaseLineWithoutCaptions() {
        let articles = DumpText.articles(wrapped)
        XCTAssertEqual(
            articles.map(\.title),
            ["Two-line headline wrapped by the scraper at a fixed width of forty-five columns"])
        XCTAssertEqual(articles.map(\.caption), [nil])
        XCTAssertEqual(articles.map(\.paragraphs), [["Body one."]])
        let asFirstMade = DumpText.index(wrapped.replacingOccurrences(of: "at\na fixed", with: "at\nA fixed"))
        XCTAssertEqual(DumpText.index(wrapped).map(\.previousID), asFirstMade.map(\.id))
        let oneLine = DumpText.index(wrapped.replacingOccurrences(of: "at\na fixed", with: "at a fixed"))
        XCTAssertEqual(DumpText.index(wrapped).map(\.id), oneLine.map(\.id))
    }

    /// A title and its caption under it, given twice, is read as before.
    func testCaptionUnderTheTitleStaysItsCaption() {
        let text =
            "Storm hits coast\nWaves on the shore at dawn\n\nTT\n20\n\n"
            + "Storm hits coast\nWaves on the shore at dawn\n\nBody one."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.title), ["Storm hits coast"])
        XCTAssertEqual(articles.map(\.caption), ["Waves on the shore at dawn"])
    }
}
