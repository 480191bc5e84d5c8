import GazetteCore
import TestSupport
import XCTest

/// The title given again after the widget block with a kicker (`LIVE: `) or a tag
/// (` – live updates`) the other has not is the header's, with a caption or without: without one
/// it was the story's first paragraph (found by QA).
final class DumpTitleVariantTests: XCTestCase {
    private let body = "Body one of the story here.\n\nBody two of the story here."

    func testTheTitleWithAKickerOrATagIsFurnitureWithoutACaption() {
        let pairs = [
            ("Quake hits coast – live updates", "Quake hits coast"),
            ("Quake hits coast", "LIVE: Quake hits coast"),
            ("LIVE: Quake hits coast", "Quake hits coast"),
            ("Quake hits coast", "Breaking news: Quake Hits Coast"),
            ("Quake hits coast", "Quake hits coast — as it happened"),
            ("Quake hits coast", "Quake hits coast | live"),
        ]
        for (title, again) in pairs {
            let text = "\(title)\n\nTT\n20\n\n\(again)\n\n" + body
            let articles = DumpText.articles(text)
            XCTAssertEqual(
                articles.map(\.paragraphs), [["Body one of the story here.", "Body two of the story here."]],
                again)
            XCTAssertEqual(articles.first?.caption, nil, again)
            let exact = DumpText.articles("\(title)\n\nTT\n20\n\n\(title)\n\n" + body)
            XCTAssertEqual(articles.first?.wordCount, exact.first?.wordCount, again)
        }
    }

    /// A first paragraph that starts with the title's words and goes on is the story's text, as is
    /// one with a longer phrase after a dash, or a sentence after a colon.
    func testAFirstParagraphStartingWithTheTitlesWordsStays() {
        for line in [
            "Quake hits coast of Chile, killing three people.",
            "Quake hits coast - and why it matters to all of us",
            "Quake hits coast – three dead as buildings fall",
            "Quake hits coast – live updates.",
            "Officials said on Monday: Quake hits coast",
            "Quake hits coasts",
        ] {
            let text = "Quake hits coast\n\nTT\n20\n\n\(line)\n\n" + body
            XCTAssertEqual(
                DumpText.articles(text).map(\.paragraphs),
                [[line, "Body one of the story here.", "Body two of the story here."]], line)
        }
        // Without the widget block before it, a line is never the title again.
        let plain = "Quake hits coast\n\nLIVE: Quake hits coast\n\n" + body
        XCTAssertEqual(
            DumpText.articles(plain).first?.paragraphs.first, "LIVE: Quake hits coast")
    }

    /// A dateline's first paragraph ("TOKYO: " and the title's words going on into a sentence)
    /// right after the widget block is the story's text, with a caption or without: it was left
    /// out as the title given again with a kicker (found by QA). A kicker's line ends at the title
    /// or at a site's name after it, and stays the header's.
    func testADatelineParagraphOpeningWithTheTitleStays() {
        let caption = "Rescuers search the debris. REUTERS/Ann Wang"
        for widgets in ["TT\n20", "\(caption)\n\(caption)\nTT\n20"] {
            for line in [
                "TOKYO: Quake hits coast - Officials said three people died.",
                "NEW DELHI: Quake Hits Coast | Three people were killed.",
                "TOKYO (Reuters): Quake hits coast - Three dead, officials say!",
            ] {
                let text = "Quake hits coast\n\n\(widgets)\n\n\(line)\n\n" + body
                XCTAssertEqual(
                    DumpText.articles(text).map(\.paragraphs),
                    [[line, "Body one of the story here.", "Body two of the story here."]], line)
            }
            for line in ["LIVE: Quake hits coast - BBC News", "BREAKING: Quake Hits Coast"] {
                let text = "Quake hits coast\n\n\(widgets)\n\n\(line)\n\n" + body
                XCTAssertEqual(
                    DumpText.articles(text).map(\.paragraphs),
                    [["Body one of the story here.", "Body two of the story here."]], line)
            }
        }
    }
}
