import GazetteCore
import TestSupport
import XCTest

/// The title given once more right after a dump story's header (a third copy, or the body's first
/// paragraph as the page wrote it) is the story's furniture, never a story of its own: it split
/// the story into one of its header alone, with no text, and the real one (found by QA).
final class DumpTitleGivenAgainFirstTests: XCTestCase {
    private let body = "A strong earthquake struck the coast on Monday.\n\nNo damage was reported."
    private let caption = "Rescuers search the debris in the town centre on Friday. REUTERS/Ann Wang"

    /// Title, widget block, the title again, the title once more, then the text (QA's smallest
    /// file), and the same with the captions in the header (QA's header.txt story 11).
    func testTheTitleOnceMoreAfterTheHeaderIsOneStory() {
        let bare = "Quake hits coast\n\nTT\n20\n\nQuake hits coast\n\nQuake hits coast\n\n" + body
        let captions = "\(caption)\n\(caption)"
        let captioned =
            "Quake hits coast\n\n\(captions)\nTT\n20\n\nQuake hits coast\n\n\(captions)\n\n"
            + "Quake hits coast\n\n" + body
        for text in [bare, captioned, bare + "\n\n\nNext story\n\nIts text."] {
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.first?.title, "Quake hits coast", text)
            XCTAssertEqual(
                articles.first?.paragraphs,
                ["A strong earthquake struck the coast on Monday.", "No damage was reported."], text)
            XCTAssertEqual(articles.filter { $0.title == "Quake hits coast" }.count, 1, text)
            XCTAssertEqual(DumpText.index(text).count, articles.count, text)
        }
        XCTAssertEqual(DumpText.articles(captioned).first?.caption, caption)
        // The same story without the third copy keeps its id: the copy is furniture.
        XCTAssertEqual(
            DumpText.index(bare).first?.id,
            DumpText.index("Quake hits coast\n\nTT\n20\n\nQuake hits coast\n\n" + body).first?.id)
    }

    /// The title in the body's text further on is text, and a story of only its header and the
    /// title once more keeps it as its text (no story is left empty).
    func testTheTitleElsewhereStaysText() {
        let header = "Quake hits coast\n\nTT\n20\n\nQuake hits coast\n\n"
        XCTAssertEqual(
            DumpText.articles(header + "Lead.\n\nQuake hits coast\n\nMore.").map(\.paragraphs),
            [["Lead.", "Quake hits coast", "More."]])
        XCTAssertEqual(
            DumpText.articles(header + "Quake hits coast").map(\.paragraphs), [["Quake hits coast"]])
    }

    /// The title and its widget block given twice (the page's header and its sticky header), then
    /// the title once more and the text, are one story with the id of the story with the header
    /// given once: the header alone was split off as an empty story (stop 46's pin said a story
    /// of its own started there; it was left of QA's finding).
    func testTheHeaderGivenAgainWithTheTitleOnceMoreIsOneStory() {
        let captions = "\(caption)\n\(caption)\n"
        for widgets in ["TT\n20", captions + "TT\n20"] {
            let header = "Quake hits coast\n\n\(widgets)\n\n"
            let once = header + "Quake hits coast\n\n" + body
            for text in [
                header + header + "Quake hits coast\n\n" + body,
                header + header + "Quake hits coast\n\n\(caption)\n\(caption)\n\n" + body,
                header + header + "Quake hits coast\n\n" + body + "\n\n\n\nNext story\n\nIts text.",
            ] {
                let articles = DumpText.articles(text)
                XCTAssertEqual(articles.filter { $0.title == "Quake hits coast" }.count, 1, text)
                XCTAssertEqual(
                    articles.first?.paragraphs,
                    ["A strong earthquake struck the coast on Monday.", "No damage was reported."], text)
                XCTAssertEqual(DumpText.index(text).first?.id, DumpText.index(once).first?.id, text)
                XCTAssertEqual(DumpText.index(text).count, articles.count, text)
            }
        }
    }

    /// Two stories of one title, each with its own text, stay two, with their header given once
    /// or twice: a story starts after the text of the one before.
    func testTwoStoriesOfOneTitleEachWithItsTextStayTwo() {
        let header = "Weather\n\nTT\n20\n\nWeather\n\n"
        let sticky = "Weather\n\nTT\n20\n\n" + header
        for (first, second) in [(header, header), (sticky, sticky), (header, sticky), (sticky, header)] {
            let text = first + "Sunny spells.\n\n" + second + "Rain later."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Weather", "Weather"], text)
            XCTAssertEqual(articles.map(\.paragraphs), [["Sunny spells."], ["Rain later."]], text)
            XCTAssertEqual(DumpText.index(text).count, 2, text)
        }
    }
}
