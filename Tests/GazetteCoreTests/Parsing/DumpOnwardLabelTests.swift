import GazetteCore
import TestSupport
import XCTest

final class DumpOnwardLabelTests: XCTestCase {
    private let header =
        "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\nTT\n20\n\n"
        + "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\n\n"

    /// A link to another story ("Read more: <its headline>") given twice in a story's text, as
    /// scraped pages give it, is the story's text: the second started a story titled with it.
    func testALinkToAnotherStoryGivenTwiceStaysInTheStory() {
        for link in [
            "Read more: Floods Close Schools Across the Region", "READ MORE: Floods close schools",
            "See also : Floods close schools", "Related: Floods close schools", "MORE: Floods close schools",
            "Lesen Sie auch: Hochwasser schließt Schulen", "相关阅读：洪水导致学校停课",
        ] {
            for story in [header, "Story title\n\n"] {
                let text =
                    story + "A storm hit the coast overnight.\n\n\(link)\n\n\(link)\n\n"
                    + "Rescue teams arrived.\n\n\(link)\n\n\nNext Story\n\nIts body."
                let articles = DumpText.articles(text)
                XCTAssertEqual(articles.count, 2, link)
                XCTAssertEqual(
                    articles.first?.paragraphs,
                    ["A storm hit the coast overnight.", link, link, "Rescue teams arrived.", link], link)
            }
        }
    }

    /// Before the widget block, or glued to a paragraph's end before it, the link is no title
    /// either.
    func testALinkToAnotherStoryBeforeTheWidgetBlockIsNoTitle() {
        let link = "Read more: Floods Close Schools"
        for tail in ["\(link)\n\nTT\n20\n\nMore.", "Crews worked.\n\(link)\n\nTT\n20\n\(link)\n\nMore."] {
            let articles = DumpText.articles(header + "A storm hit.\n\n" + tail)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], tail)
        }
    }

    /// A headline that starts with a word and a colon of its own still starts a story when
    /// given twice after one blank line, as any headline does (the look-alike).
    func testAHeadlineWithALabelOfItsOwnStillStartsAStory() {
        for title in [
            "Analysis: Why the vote matters", "Watch: Rescue at sea", "Zimbabwe coup: Mugabe stays",
            "Morel: a mushroom season", "Read: the full text", "Read more:",
        ] {
            let text = header + "A storm hit.\n\n\(title)\n\n\(title)\n\nIts first paragraph."
            let expected = title == "Read more:" ? ["Storm Hits Coast"] : ["Storm Hits Coast", title]
            XCTAssertEqual(DumpText.articles(text).map(\.title), expected, title)
        }
    }

    /// A headline starting with a label ("More: Floods") that carries the repeated-title header
    /// (the title, captions, the widget block, the title again) after one blank line starts a
    /// story: the header outranks the label (PRODUCT.md 1.1). It was pasted into the story
    /// before, the captions and "TT 20" with it.
    func testALabelledHeadlineWithTheRepeatedTitleHeaderStartsAStory() {
        for title in ["More: Floods", "MORE: Floods close schools", "Related: Floods", "Read more: Floods"] {
            let text =
                "Rates Rise\n\nThe central bank raised its benchmark rate on Wednesday.\n\n"
                + "\(title)\n\nA flooded road (AFP)\nA flooded road (AFP)\nTT\n20\n\n\(title)\n\n"
                + "Rescue teams worked through the night."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Rates Rise", title], title)
            XCTAssertEqual(
                articles.map(\.paragraphs),
                [
                    ["The central bank raised its benchmark rate on Wednesday."],
                    ["Rescue teams worked through the night."],
                ],
                title)
            XCTAssertEqual(articles.last?.caption, "A flooded road (AFP)", title)
        }
    }
}
