import GazetteCore
import TestSupport
import XCTest

final class DumpArticleSegmenterTests: XCTestCase {
    private let header =
        "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\nTT\n20\n\n"
        + "Storm Hits Coast\n\nWaves crash on the pier (AP)\nWaves crash on the pier (AP)\n\n"

    /// Paragraphs that each end in the same line after `TT` and a number are one story: each
    /// paragraph's last line was taken for a title glued to the story before, the next
    /// paragraph for its widget block with the title again, and the story was split at each.
    func testParagraphsEndingInTheSameLineAfterTheWidgetStayOneStory() {
        for paragraph in [
            "A storm hit.\nTT\n20\nweather", "TT\n20\nweather", "A storm hit.\nTT\n1.2K\nweather",
        ] {
            let body = Array(repeating: paragraph, count: 4).joined(separator: "\n\n")
            let text = header + body + "\n\nThe end."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], paragraph)
            XCTAssertEqual(articles.first?.paragraphs.count, 5, paragraph)
            XCTAssertEqual(articles.first?.paragraphs.last, "The end.", paragraph)
        }
    }

    /// The look-alike: a title glued to the end of the story before, after its text, with the
    /// widget block and the title again after it, still starts a story.
    func testATitleGluedAfterTheStorysTextStillStartsAStory() {
        let text =
            header
            + "A storm hit.\nMarkets Rise\n\nTT\n20\nMarkets Rise\n\nStocks rose on Monday.\n\nThen fell."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast", "Markets Rise"])
        XCTAssertEqual(
            articles.map(\.paragraphs), [["A storm hit."], ["Stocks rose on Monday.", "Then fell."]])
    }

    /// A headline ending as a sentence does ("Villages?", "Villages.") before `TT` and its
    /// counter after one blank line starts a story, as any headline there does: telling it from
    /// the page's widget given again between two paragraphs by its last mark swallowed real
    /// stories (a 50,000-story dump of "Short Title N." / TT / 20 listed one). Splitting a story
    /// at a widget given again mid-article is the lesser harm.
    func testAHeadlineEndingAsASentenceBeforeTheWidgetStartsAStory() {
        let first =
            "Central Bank Raises Rates Again\n\nTT\n20\n\n"
            + "The central bank raised its benchmark rate by a quarter point on Wednesday.\n\n"
            + "Officials said the decision was unanimous.\n\n"
        for title in [
            "Landslide Cuts Off Mountain Villages?", "Landslide Cuts Off Mountain Villages.",
            "Rescuers Race Against Time…", "暴风雨袭击了海岸。",
        ] {
            let text =
                first + "\(title)\n\nTT\n20\n\n"
                + "Rescue teams worked through the night to reach villages cut off by the landslide.\n\n"
                + "At least a dozen people were missing."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Central Bank Raises Rates Again", title], title)
            XCTAssertEqual(articles.last?.paragraphs.count, 2, title)
            XCTAssertEqual(DumpText.index(text).count, 2, title)
        }
    }

    /// `TT` and its counter alone between two paragraphs (a scraped page gives its share widget
    /// again in the text, its photo's captions above it or not) are no story's header in a
    /// story whose header gave its title again: the paragraph before them was taken for a new
    /// story's title and the text after them for its story. The widget lines are left out of
    /// the text, as in the header; a headline in title case there still starts a story.
    func testTheWidgetGivenAgainBetweenParagraphsStaysInTheStory() {
        for (paragraph, widget) in [
            ("The Environment Agency issued 40 flood warnings, officials said.", "TT\n20"),
            ("Was it the worst storm in years?", "TT\n1.2K"),
            ("The mayor said: “We will rebuild.”", "TT\n20"),
            ("暴风雨袭击了海岸。", "TT\n20"),
            ("More rain is expected on Tuesday.", "A flooded street (PA)\nA flooded street (PA)\nTT\n20"),
        ] {
            let text =
                earlier + header
                + "\(paragraph)\n\n\(widget)\n\nRescue teams used boats to reach residents.\n\n"
                + "The end.\n\n\n\nMarkets Rise\n\nTT\n5\n\nMarkets Rise\n\nStocks rose on Monday."
            let articles = Array(DumpText.articles(text).dropFirst())
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast", "Markets Rise"], paragraph)
            let caption = widget.hasPrefix("TT") ? [] : ["A flooded street (PA)"]
            XCTAssertEqual(
                articles.first?.paragraphs,
                [paragraph] + caption + ["Rescue teams used boats to reach residents.", "The end."], paragraph
            )
            XCTAssertEqual(DumpText.index(text).count, 3, paragraph)
        }
        let headline =
            earlier + header
            + "A storm hit.\n\nRescuers Race Against Time.\n\nTT\n20\n\nRescue teams arrived."
        XCTAssertEqual(
            DumpText.articles(headline).map(\.title),
            ["Earlier Story", "Storm Hits Coast", "Rescuers Race Against Time."])
        // The file's first story too, after a BOM or not (found by QA).
        for start in ["", "\u{FEFF}", "\n"] {
            let text = start + header + "The first paragraph ends here.\n\nTT\n20\n\nThe second paragraph."
            XCTAssertEqual(DumpText.articles(text).map(\.paragraphs.count), [2], start.debugDescription)
        }
    }

    /// A story before, three blank lines above the one whose text gives the widget again.
    private let earlier = "Earlier Story\n\nTT\n3\n\nEarlier Story\n\nText of the earlier story.\n\n\n\n"

    /// Stories one blank line apart: a headline ending as a sentence, the widget after it and
    /// no title again, starts a story after a story that gave its title again (it was taken
    /// into it; found by QA). Splitting is the lesser harm.
    func testAHeadlineEndingAsASentenceAfterOneBlankLineStillStartsAStory() {
        let first = "First Story Headline\n\nTT\n20\n\nFirst Story Headline\n\nBody one.\n\nBody two.\n\n"
        for title in ["Is this the end of cheap flights?", "Stocks rally as inflation cools.", "北京今天下雪了。"] {
            let text = first + "\(title)\n\nTT\n20\n\nAirlines said on Monday that fares would rise."
            let later = earlier.replacingOccurrences(of: "\n\n\n\n", with: "\n\n") + text
            XCTAssertEqual(
                DumpText.articles(later).map(\.title), ["Earlier Story", "First Story Headline", title], title
            )
        }
    }

    /// The look-alike: a headline (not ending as a sentence does) and the widget block after one
    /// blank line still start a story without the title again.
    func testAHeadlineBeforeTheWidgetStillStartsAStory() {
        for title in ["Second Story", "Markets rise as oil falls", "Storm: what we know"] {
            let text = header + "A storm hit.\n\n\(title)\n\nTT\n20\n\nRescue teams arrived."
            XCTAssertEqual(DumpText.articles(text).map(\.title), ["Storm Hits Coast", title], title)
        }
    }

    /// In a story one blank line after another, the widget given again between paragraphs with
    /// the photos' captions of the story's own header stays in the story (it split the story);
    /// a bare widget block, or one with another photo's captions, after a sentence still starts
    /// a story there: the next story's header looks the same.
    func testTheStorysOwnWidgetGivenAgainAfterOneBlankLineStaysInIt() {
        let captions = "A flooded street (PA)\nA flooded street (PA)"
        let before = "Earlier Story\n\nTT\n3\n\nEarlier Story\n\nText of the earlier story.\n\n"
        let story =
            "Storm Hits Coast\n\n\(captions)\nTT\n20\n\nStorm Hits Coast\n\n\(captions)\n\n"
            + "The first paragraph ends here.\n\n"
        let own = before + story + "\(captions)\nTT\n20\n\nThe second paragraph."
        XCTAssertEqual(DumpText.articles(own).map(\.title), ["Earlier Story", "Storm Hits Coast"])
        XCTAssertEqual(
            DumpText.articles(own).last?.paragraphs,
            ["The first paragraph ends here.", "A flooded street (PA)", "The second paragraph."])
        for widget in ["TT\n20", "Boats in the harbour (AP)\nBoats in the harbour (AP)\nTT\n20"] {
            let next = before + story + "\(widget)\n\nThe second paragraph."
            XCTAssertEqual(DumpText.articles(next).count, 3, widget)
        }
    }
}
