import GazetteCore
import TestSupport
import XCTest

final class DumpHardWrapTests: XCTestCase {
    /// Two paragraphs hard-wrapped at 72 columns.
    private let body =
        "The storm reached the northern islands late on Tuesday, cutting power\n"
        + "to thousands of homes and closing the main harbour for the night.\n\n"
        + "Rescue teams worked through the night to reach villages cut off by the\n"
        + "floods, officials said, and more rain is expected on Thursday."
    private let paragraphs = [
        "The storm reached the northern islands late on Tuesday, cutting power to thousands of homes and "
            + "closing the main harbour for the night.",
        "Rescue teams worked through the night to reach villages cut off by the floods, officials said, and "
            + "more rain is expected on Thursday.",
    ]
    /// A title hard-wrapped as the body is: "homes" would not fit after its first line.
    private let title =
        "Storm hits the northern islands as thousands of residents flee their\nhomes overnight"
    private let whole = "Storm hits the northern islands as thousands of residents flee their homes overnight"

    /// A title hard-wrapped over two lines at the top of a story without the widget's captions,
    /// its paragraphs hard-wrapped at the same width, is one title: its second line was the
    /// caption (given again with the title) or the first paragraph (not given again).
    func testAHardWrappedTitleWithoutTheWidgetsCaptionsIsOneTitle() {
        for header in [
            "\(title)\n\n\(title)\n\n", "\(title)\n\n", "\(title)\n\nTT\n20\n\n\(title)\n\n",
            "\(title)\n\nTT\n20\n\n",
        ] {
            let text = header + body + "\n\n\nNext story\n\nIts body."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), [whole, "Next story"], header)
            XCTAssertNil(articles.first?.caption, header)
            XCTAssertEqual(articles.first?.paragraphs, paragraphs, header)
            XCTAssertEqual(DumpText.index(text).first?.title, whole, header)
        }
        // A caption given twice between the title and the title again is the caption.
        let caption = "Waves crash on the pier (AP)"
        let captioned = DumpText.articles("\(title)\n\n\(caption)\n\(caption)\n\n\(title)\n\n\(body)")
        XCTAssertEqual(captioned.first?.title, whole)
        XCTAssertEqual(captioned.first?.caption, caption)
        XCTAssertEqual(captioned.first?.paragraphs, paragraphs)
    }

    /// The look-alikes keep their reading: a title with a line under it that would have fit on
    /// the title's line (a byline, a caption), a caption with a credit under a long title, and a
    /// story whose paragraphs are not hard-wrapped.
    func testALineUnderTheTitleThatIsNoWrapStaysWhatItWas() {
        let long = "Storm hits the northern islands as thousands of residents flee their"
        for (first, under) in [
            ("Storm hits the coast", "By Jane Doe"), ("Storm hits the coast", "residents flee inland"),
            (long, "Rescuers search rubble (REUTERS)"), (long, "Rescuers search rubble [REUTERS]"),
        ] {
            let head = "\(first)\n\(under)"
            let given = DumpText.articles("\(head)\n\n\(head)\n\n\(body)").first
            XCTAssertEqual(given?.title, first, under)
            // A byline shows as the byline (DumpCaptionByline), other lines as the caption.
            let byline = under.hasPrefix("By ")
            XCTAssertEqual(given?.caption, byline ? nil : under, under)
            XCTAssertEqual(given?.credit == "Jane Doe", byline, under)
            XCTAssertEqual(given?.paragraphs, paragraphs, under)
            let once = DumpText.articles("\(head)\n\n\(body)").first
            XCTAssertEqual(once?.title, first, under)
            // A byline opening the text shows as the byline too (DumpTextByline).
            XCTAssertEqual(once?.paragraphs, byline ? paragraphs : [under] + paragraphs, under)
            XCTAssertEqual(once?.credit == "Jane Doe", byline, under)
        }
        let unwrapped = DumpText.articles("\(title)\n\n\(title)\n\nOne long paragraph.\n\nAnother one.")
        XCTAssertEqual(unwrapped.first?.title, String(title.prefix { $0 != "\n" }))
        XCTAssertEqual(unwrapped.first?.caption, "homes overnight")
    }

    /// A title hard-wrapped before a second line of one or two capitalised words is one title
    /// when its first line ends in a word no headline ends with (a preposition, an article, a
    /// conjunction): the title was cut there, the name under it taken for the first paragraph
    /// (the rule against kickers glued into titles). A kicker under a line that can end a
    /// headline stays apart.
    func testATitleWrappedBeforeACapitalisedWordOrTwoIsOneTitle() {
        for (first, second) in [
            ("Biden meets Xi as leaders of the two largest economies hold talks with", "Putin"),
            ("Floods hit the north as rivers burst their banks across the north of", "England"),
            ("Storm hits the northern islands as thousands of residents flee to the", "Scottish Highlands"),
            ("Storm Hits the Northern Islands as Thousands of Residents Flee to the", "Highlands"),
        ] {
            for header in [
                "\(first)\n\(second)\n\n", "\(first)\n\(second)\n\nTT\n20\n\n\(first)\n\(second)\n\n",
            ] {
                let text = header + body + "\n\n\nNext Story\n\nIts body."
                let articles = DumpText.articles(text)
                XCTAssertEqual(articles.map(\.title), ["\(first) \(second)", "Next Story"], header)
                XCTAssertEqual(articles.first?.paragraphs, paragraphs, header)
            }
        }
        let kicker = "Storm hits the northern islands as thousands of residents flee inland"
        let text = "\(kicker)\nAnalysis\n\n\(body)\n\n\nNext Story\n\nIts body."
        XCTAssertEqual(DumpText.articles(text).map(\.title), [kicker, "Next Story"])
    }

    /// Paragraphs hard-wrapped at 72 columns, under a title whose first line is 71 wide.
    private let wide =
        "The central bank raised its benchmark rate by a quarter point on\n"
        + "Wednesday, the third increase this year, saying inflation remained\n"
        + "stubbornly above its target despite signs that the labour market was\ncooling.\n\n"
        + "Officials said the decision was unanimous. Markets had largely priced in\n"
        + "the move, and stocks rose modestly in afternoon trading as investors\n"
        + "focused on guidance about the pace of future increases.\n\n"
        + "Analysts at several large banks said they now expected one more increase\n"
        + "before the end of the year, followed by a long pause while the effects\n"
        + "of tighter policy worked through the economy."

    /// A long title whose first line comes near the width, with a byline, a timestamp, a
    /// dateline, a kicker or a caption under it, keeps its reading: the line under it is no
    /// wrap of the title, though its first word would not have fit (it was glued onto the title:
    /// "… Inflation Lingers By Jane Doe").
    func testALineUnderALongTitleThatIsNoWrapStaysWhatItWas() {
        let titleCase = "Central Bank Raises Rates for Third Time This Year as Inflation Lingers"
        let long = "Storm hits the northern islands as thousands of residents flee their"
        let unders = [
            "By Jane Doe", "By Jane Doe and John Smith, Reuters", "Updated 3 hours ago",
            "Last updated 10:42 GMT", "Published Tuesday, June 3", "Monday, June 3, 2024", "June 3, 2024",
            "3 June 2024", "10:42 GMT", "LONDON (Reuters) -", "PARIS (AFP) - Officials said",
            "Rescuers at work / AFP", "Rescuers at work Getty Images", "© Jane Smith 2024", "Analysis",
            "Photo: AP",
        ]
        for (first, paragraphs) in [(titleCase, wide), (long, body)] {
            for under in unders + ["Traders work on the floor of the stock exchange in New York"]
            where first == titleCase || !under.hasPrefix("Traders") {
                let text = "\(first)\n\(under)\n\n\(paragraphs)\n\n\nSecond Story\n\nIts body."
                let once = DumpText.articles(text)
                XCTAssertEqual(once.map(\.title), [first, "Second Story"], under)
                // A byline opening the text shows as the byline (DumpTextByline), not as text.
                if under.hasPrefix("By ") {
                    XCTAssertEqual(once.first?.credit, String(under.dropFirst(3)), under)
                    XCTAssertNotEqual(once.first?.paragraphs.first, under, under)
                } else {
                    XCTAssertEqual(once.first?.paragraphs.first, under, under)
                }
            }
        }
        for under in ["A flooded road", "Traders work on the floor"] {
            // A caption given again in the header (its alt text), or the title given again
            // alone after the widget block: line 2 is no part of the title.
            for header in [
                "\(long)\n\(under)\n\n\(under)\nTT\n20\n\n\(long)\n\n",
                "\(long)\n\(under)\n\nTT\n20\n\n\(long)\n\n",
            ] {
                let given = DumpText.articles(header + body).first
                XCTAssertEqual(given?.title, long, header)
            }
        }
    }
}
