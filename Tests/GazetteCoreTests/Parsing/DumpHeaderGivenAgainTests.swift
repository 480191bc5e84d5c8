import GazetteCore
import TestSupport
import XCTest

/// A dump story whose header is given again as a page's sticky header gives it (the title and
/// the widget block twice or three times, then the text, the title once more before it or not)
/// is one story, with the id it has when the header is given once: it listed its header alone
/// as a story with no text before the real one (found by QA).
final class DumpHeaderGivenAgainTests: XCTestCase {
    private let title = "Quake hits coast"
    private let caption = "Rescuers search the debris in the town centre on Friday. REUTERS/Ann Wang"
    private let paragraphs = ["A strong earthquake struck the coast on Monday.", "No damage was reported."]
    private var body: String { paragraphs.joined(separator: "\n\n") }

    /// `text` with CR LF line ends.
    private func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    /// Checks that `text` (and its CR LF copy) gives one story titled `title` before `next`
    /// stories, with `paragraphs` and the id of `once`, the same from the index and from the
    /// story parsed alone.
    private func assertOneStory(
        _ text: String, idOf once: String, caption shown: String? = nil, next: Int = 0,
        line: UInt = #line
    ) {
        let onceID = DumpText.index(once).first?.id
        XCTAssertNotNil(onceID, line: line)
        for text in [text, crlf(text)] {
            let articles = DumpText.articles(text)
            let index = DumpText.index(text)
            XCTAssertEqual(
                articles.map(\.title), [title] + Array(repeating: "Next story", count: next), line: line)
            XCTAssertEqual(articles.first?.paragraphs, paragraphs, line: line)
            XCTAssertEqual(articles.first?.caption, shown, line: line)
            XCTAssertEqual(articles.first?.wordCount, 12, line: line)
            XCTAssertEqual(index.first?.id, onceID, line: line)
            XCTAssertEqual(index.map(\.id), articles.map(\.id), line: line)
        }
    }

    /// Title / widgets / title / widgets / text: the header given twice, the text right after
    /// the second widget block.
    func testTheHeaderGivenTwiceBeforeTheTextIsOneStory() {
        for widgets in ["TT\n20", "\(caption)\n\(caption)\nTT\n20"] {
            let header = "\(title)\n\n\(widgets)\n\n"
            let shown = widgets.hasPrefix("TT") ? nil : caption
            assertOneStory(header + header + body, idOf: header + body, caption: shown)
            assertOneStory(header + header + body, idOf: header + "\(title)\n\n" + body, caption: shown)
            let next = "\n\n\n\nNext story\n\nIts text."
            assertOneStory(header + header + body + next, idOf: header + body, caption: shown, next: 1)
        }
    }

    /// The header given three times, then the text, the title once more before it or not.
    func testTheHeaderGivenThreeTimesIsOneStory() {
        for widgets in ["TT\n20", "\(caption)\n\(caption)\nTT\n20"] {
            let header = "\(title)\n\n\(widgets)\n\n"
            let shown = widgets.hasPrefix("TT") ? nil : caption
            let thrice = header + header + header
            assertOneStory(thrice + body, idOf: header + body, caption: shown)
            assertOneStory(thrice + "\(title)\n\n" + body, idOf: header + body, caption: shown)
        }
    }

    /// The whole header of PRODUCT.md 1.1 given twice: title, captions and widgets, the title
    /// again and the captions again, twice (the second copy's captions and title showed as the
    /// first paragraphs).
    func testTheWholeHeaderGivenTwiceIsOneStory() {
        let captions = "\(caption)\n\(caption)"
        let header = "\(title)\n\n\(captions)\nTT\n20\n\n\(title)\n\n\(captions)\n\n"
        assertOneStory(header + header + body, idOf: header + body, caption: caption)
        // The widget block given again after the captions again, the title again after it.
        let sticky = "\(title)\n\n\(captions)\nTT\n20\n\n\(title)\n\n\(captions)\n\n\(captions)\nTT\n20\n\n"
        assertOneStory(sticky + "\(title)\n\n\(captions)\n\n" + body, idOf: header + body, caption: caption)
    }

    /// Two stories of one title stay two: three blank lines apart, or one blank line apart
    /// each with its text, their headers given once, twice or three times.
    func testTwoStoriesOfOneTitleStayTwo() {
        let header = "\(title)\n\nTT\n20\n\n"
        for (first, second) in [
            (header, header), (header + header, header + header), (header, header + header + header),
        ] {
            for gap in ["\n\n\n\n", "\n\n"] {
                let text = first + "Sunny spells." + gap + second + "Rain later."
                for text in [text, crlf(text)] {
                    let articles = DumpText.articles(text)
                    XCTAssertEqual(articles.map(\.title), [title, title], text)
                    XCTAssertEqual(articles.map(\.paragraphs), [["Sunny spells."], ["Rain later."]], text)
                    XCTAssertEqual(DumpText.index(text).map(\.id), articles.map(\.id), text)
                }
            }
        }
    }

    /// A story of only its header given twice keeps the title given again last as its text (no
    /// story is left empty), and the widget block given again after the text is the text's (the
    /// id made with it, as with the header given once).
    func testWhatComesAfterTheTextStaysText() {
        let header = "\(title)\n\nTT\n20\n\n"
        XCTAssertEqual(DumpText.articles(header + header + title).map(\.paragraphs), [[title]])
        let rest = "\(paragraphs[0])\n\nTT\n20\n\n\(paragraphs[1])"
        XCTAssertEqual(DumpText.articles(header + header + rest).map(\.paragraphs), [paragraphs])
        XCTAssertEqual(
            DumpText.index(header + header + rest).first?.id,
            DumpText.index(header + "\(title)\n\n" + rest).first?.id)
    }
}
