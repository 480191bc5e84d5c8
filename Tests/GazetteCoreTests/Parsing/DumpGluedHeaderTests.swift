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
}
