import GazetteCore
import TestSupport
import XCTest

/// A story one blank line after the one before, its header glued (the widget block right under
/// its title, or its first paragraph right under the widget block), is a story of its own: it
/// was taken into the story before, its title and widgets shown as that story's text. Lines of
/// a story's text that only look like such a header stay its text.
final class DumpGluedHeaderTests: XCTestCase {
    private let title = "Markets Rise"
    private let caption = "Traders on the floor of the exchange. REUTERS/Ann Wang"
    private let first = "Stocks rose on Monday after the central bank held rates."
    private let second = "Analysts expected the move."

    /// Stories before, each ending one blank line above the next: the sample's whole header, and
    /// the widget block alone.
    private let before = [
        "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\nTT\n20\n\n"
            + "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\n\n"
            + "A storm hit the coast on Monday, officials said.\n\nRescue teams worked through the night.",
        "Storm Hits Coast\n\nTT\n20\n\nA storm hit the coast on Monday, officials said.\n\n"
            + "Rescue teams worked through the night.",
    ]

    /// The glued headers, each with the caption the story shows.
    private var glued: [(String, String?)] {
        let captions = "\(caption)\n\(caption)"
        return [
            ("\(title)\nTT\n20\n\n\(first)", nil),
            ("\(title)\n\(captions)\nTT\n20\n\n\(first)", caption),
            ("\(title)\nTT\n20\n\(first)", nil),
            ("\(title)\n\(captions)\nTT\n20\n\(first)", caption),
            ("\(title)\n\nTT\n20\n\(first)", nil),
            ("\(title)\n\n\(captions)\nTT\n20\n\(first)", caption),
            ("\(title)\nTT\n1,234\n\(title)\n\(first)", nil),
        ]
    }

    /// `text` with CR LF line ends.
    private func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    func testAStoryWithAGluedHeaderAfterOneBlankLineIsAStoryOfItsOwn() {
        for earlier in before {
            let alone = DumpText.articles(earlier)
            for (header, shown) in glued {
                let story = header + "\n\n\(second)"
                for text in [
                    earlier + "\n\n" + story, earlier + "\n\n" + story + "\n\n\n\nNext Story\n\nIts text.",
                ] {
                    for text in [text, crlf(text)] {
                        let articles = DumpText.articles(text)
                        XCTAssertEqual(
                            articles.map(\.title),
                            ["Storm Hits Coast", title] + (text.contains("Next") ? ["Next Story"] : []), text)
                        XCTAssertEqual(articles.first?.paragraphs, alone.first?.paragraphs, text)
                        XCTAssertEqual(articles.dropFirst().first?.paragraphs, [first, second], text)
                        XCTAssertEqual(articles.dropFirst().first?.caption, shown, text)
                        // Each story has the id it has alone in a file: none moves when a story
                        // is added after another.
                        XCTAssertEqual(articles.first?.id, alone.first?.id, text)
                        XCTAssertEqual(
                            articles.dropFirst().first?.id, DumpText.articles(story).first?.id, text)
                        XCTAssertEqual(DumpText.index(text).map(\.id), articles.map(\.id), text)
                    }
                }
            }
        }
    }

    /// A paragraph's line glued to `TT` and a number (a line not in a headline's case, over no
    /// captions), to the story's own widget given again, a sentence's line, a label pointing to
    /// another story, or a line going on in the paragraph under the widgets, stays the story's
    /// text.
    func testTextLikeAGluedHeaderStaysInTheStory() {
        let own = "Waves crash on the pier (AP)\nWaves crash on the pier (AP)"
        for lines in [
            "The vote was\nTT\n20\nin favour.",
            "The council said the vote was unanimous.\nTT\n20\n\nMore rain is expected on Tuesday.",
            "The council said the vote was unanimous.\nTT\n20\nMore rain is expected on Tuesday.",
            "Read more: Floods Close Schools\nTT\n20\n\nMore rain is expected on Tuesday.",
            "More rain is expected\n\(own)\nTT\n20\n\nOn Tuesday, officials said.",
            "A storm hit the coast\nand the town\nTT\n20\n\nMore rain is expected on Tuesday.",
            "The mayor\nOne caption (AP)\nTT\n20\n\nMore rain is expected on Tuesday.",
            "What the vote means for the town\nTT\n20\n\nMore rain is expected on Tuesday.",
            "What the vote means for the town\nTT\n20\nMore rain is expected on Tuesday.",
            "What the vote means for the town\n\nTT\n20\nMore rain is expected on Tuesday.",
        ] {
            let text = before[0] + "\n\n" + lines + "\n\nThe end."
            for text in [text, crlf(text)] {
                XCTAssertEqual(DumpText.articles(text).map(\.title), ["Storm Hits Coast"], lines)
                XCTAssertEqual(DumpText.index(text).count, 1, lines)
            }
        }
    }

    /// The ids the sample's story before (the widget block alone) had in Gazettes before
    /// dd7a6f8, running on into "Markets Rise" (and into "Oil Falls" after it, glued so too):
    /// made by the build of dd7a6f8^ (its id, then its own earlier one), kept in users' state files.
    static let runOnIntoMarkets = ["80e2f7bcf2c1c355", "df105d106ae8fcdd"]
    static let runOnIntoOil = ["a9357b0659e988bc", "6a9d5182910e9c06"]

    /// The story before a glued header ran on into it before dd7a6f8 (and into any after it glued
    /// so): it carries the id it had then, the marks made on it kept under it. The stories split
    /// off were no stories then, and a story not cut so carries nothing.
    func testTheStoryBeforeCarriesTheIdItHadWhenItRanOn() {
        let storm = before[1]
        let markets = "\(title)\nTT\n20\n\n\(first)\n\n\(second)"
        let oil = "Oil Falls\nTT\n20\n\nOil fell on Tuesday as supplies grew.\n\nTraders watched the port."
        let next = "\n\n\n\nNext Story\n\nIts text."
        let two = DumpText.index(storm + "\n\n" + markets + next)
        XCTAssertEqual(two.map(\.title), ["Storm Hits Coast", title, "Next Story"])
        XCTAssertEqual(
            [two.first?.earlierIDs.newest, two.first?.earlierIDs.older],
            Self.runOnIntoMarkets.map { Optional(ArticleID($0)) })
        XCTAssertEqual(two.dropFirst().map(\.earlierIDs), [EarlierIDs(), EarlierIDs()])
        let three = DumpText.index(storm + "\n\n" + markets + "\n\n" + oil + next)
        XCTAssertEqual(three.map(\.title), ["Storm Hits Coast", title, "Oil Falls", "Next Story"])
        XCTAssertEqual(three.first?.id, two.first?.id)
        XCTAssertEqual(
            [three.first?.earlierIDs.newest, three.first?.earlierIDs.older],
            Self.runOnIntoOil.map { Optional(ArticleID($0)) })
        XCTAssertEqual(three.dropFirst().map(\.earlierIDs), [EarlierIDs(), EarlierIDs(), EarlierIDs()])
        // Two blank lines apart, it was never cut so.
        XCTAssertEqual(
            DumpText.index(storm + "\n\n\n" + markets).map(\.earlierIDs), [EarlierIDs(), EarlierIDs()])
    }
}
