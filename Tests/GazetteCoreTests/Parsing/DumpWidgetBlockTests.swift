import GazetteCore
import TestSupport
import XCTest

final class DumpWidgetBlockTests: XCTestCase {
    private let waves = "Waves crash on the pier (AFP)"
    private let debris = "Residents clear debris (AFP)"

    /// A story in the dump's shape with `captions` as its caption block, given before `TT` and
    /// again after the title.
    private func story(_ title: String, captions: [String], body: [String]) -> String {
        let block = captions.joined(separator: "\n")
        return "\(title)\n\n\(block)\nTT\n20\n\n\(title)\n\n\(block)\n\n" + body.joined(separator: "\n\n")
    }

    /// A caption block of more than two lines before `TT` (two photos, a caption given three
    /// times, a caption wrapped over two lines) is the page's header: the whole header was the
    /// story's first paragraph, "TT 20" and the title again after it (found by QA).
    func testACaptionBlockOfMoreThanTwoLinesIsFurniture() {
        let wrapped = ["Waves crash on the pier as the storm", "reaches the coast (AFP)"]
        let cases: [([String], String)] = [
            ([waves, waves, debris, debris], "\(waves)\n\(debris)"),
            ([waves, waves, waves], waves),
            ([waves, waves, waves, waves], waves),
            (wrapped + wrapped, "Waves crash on the pier as the storm reaches the coast (AFP)"),
        ]
        for (captions, shown) in cases {
            let text = story("Storm Hits Coast", captions: captions, body: ["A storm hit.", "Crews worked."])
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], shown)
            XCTAssertEqual(articles.first?.paragraphs, ["A storm hit.", "Crews worked."], shown)
            XCTAssertEqual(articles.first?.caption, shown)
            XCTAssertEqual(articles.first?.credit, "AFP", shown)
        }
        // After one blank line, such a header starts a story of its own.
        let first = story("First Story", captions: [waves, waves, debris, debris], body: ["One."])
        let second = story("Second Story", captions: [debris, debris, waves, waves], body: ["Two."])
        for join in ["\n\n", "\n\n\n"] {
            let articles = DumpText.articles(first + join + second)
            XCTAssertEqual(articles.map(\.title), ["First Story", "Second Story"])
            XCTAssertEqual(articles.map(\.paragraphs), [["One."], ["Two."]])
        }
        let widgetOnly =
            "First Story\n\nOne.\n\nSecond Story\n\n\(waves)\n\(waves)\n\(debris)\n\(debris)\nTT\n20\n\nTwo."
        XCTAssertEqual(DumpText.articles(widgetOnly).map(\.paragraphs), [["One."], ["Two."]])
        // A story's paragraph of many lines that ends in `TT` is no header.
        let lines = (1...6).map { "Line \($0) of a paragraph" }.joined(separator: "\n")
        let plain = "Title\n\n\(lines)\nTT\nmore text\n\nEnd."
        XCTAssertEqual(DumpText.articles(plain).first?.paragraphs.count, 2)
        XCTAssertNil(DumpText.articles(plain).first?.caption)
    }

    /// The title again with no blank line before it, inside the widget block, the captions
    /// again after it or after a blank line, or no blank line in the header at all: the header
    /// is furniture (it was the story's first paragraph; found by QA).
    func testTheTitleAgainInsideTheWidgetBlockIsFurniture() {
        let caps = "\(waves)\n\(waves)"
        for header in [
            "Storm Hits Coast\n\n\(caps)\nTT\n20\nStorm Hits Coast\n\(caps)",
            "Storm Hits Coast\n\(caps)\nTT\n20\nStorm Hits Coast\n\(caps)",
            "Storm Hits Coast\n\n\(caps)\nTT\n20\nStorm Hits Coast\n\n\(caps)",
            "Storm Hits Coast\n\n\(caps)\n\(debris)\n\(debris)\nTT\n20\nSTORM HITS COAST\n\(caps)\n\(debris)",
        ] {
            let text = header + "\n\nA storm hit.\n\nCrews worked."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], header)
            XCTAssertEqual(articles.first?.paragraphs, ["A storm hit.", "Crews worked."], header)
            XCTAssertEqual(articles.first?.caption?.hasPrefix(waves), true, header)
            XCTAssertEqual(articles.first?.credit, "AFP", header)
            // After one blank line, it starts a story of its own.
            let two = DumpText.articles("First Story\n\nOne.\n\n" + text)
            XCTAssertEqual(two.map(\.paragraphs), [["One."], ["A storm hit.", "Crews worked."]], header)
        }
        // A line after the title again that is none of the captions: no header.
        let other = "Storm Hits Coast\n\n\(caps)\nTT\n20\nStorm Hits Coast\nAnother line\n\nA storm hit."
        XCTAssertEqual(DumpText.articles(other).first?.paragraphs.count, 2)
    }

    /// The counter after `TT` in its other forms ("1,234", "1.2K", "12K", "99+") is furniture, as
    /// a plain number is: it stayed in the caption as a second line (found by QA). Elsewhere such
    /// a line is text.
    func testACounterInAnyFormAfterTheWidgetIsFurniture() {
        for counter in ["1,234", "1.2K", "12K", "99+", "3M", "12.345", "1,234,567", "2.5k"] {
            for captions in [[waves, waves], [waves, waves, debris, debris]] {
                let block = captions.joined(separator: "\n")
                let text =
                    "Storm Hits Coast\n\n\(block)\nTT\n\(counter)\n\nStorm Hits Coast\n\n\(block)\n\nA storm hit."
                let article = DumpText.articles(text).first
                XCTAssertEqual(
                    article?.caption?.split(separator: "\n").first.map(String.init), waves, counter)
                XCTAssertEqual(article?.caption?.contains(counter), false, counter)
                XCTAssertEqual(article?.paragraphs, ["A storm hit."], counter)
            }
            let noCaption = DumpText.articles("Storm Hits Coast\n\nTT\n\(counter)\n\nA storm hit.").first
            XCTAssertNil(noCaption?.caption, counter)
            XCTAssertEqual(noCaption?.paragraphs, ["A storm hit."], counter)
            XCTAssertEqual(
                DumpText.articles("Storm Hits Coast\n\nTT\n20\n\n\(counter)\n\nA storm hit.").first?
                    .paragraphs,
                [counter, "A storm hit."], counter)
        }
        // Not counters: they stay.
        for line in ["1,23", "12345K", "1.2.3K", "K", "+", "1,234.5", "12 K"] {
            let text = "Storm Hits Coast\n\n\(waves)\n\(waves)\n\(debris)\nTT\n\(line)\n\nA storm hit."
            XCTAssertEqual(DumpText.articles(text).first?.paragraphs.count, 2, line)
        }
    }

    /// A `TT` line left in a story's text (a share widget scraped between paragraphs: alone,
    /// beside a word, or glued to a paragraph) is no header: it split the story, the paragraph
    /// before it taken for a title (found by QA). With its counter or captions it still is.
    func testATextSizeLineInAStoryIsNoHeader() {
        let head = "Storm Hits Coast\n\n\(waves)\n\(waves)\nTT\n20\n\nStorm Hits Coast\n\n\(waves)\n\(waves)"
        for stray in ["One line.\n\nTT", "One line.\n\nShare this\nTT", "One line.\n\nTT\nCrews worked on."] {
            let text = head + "\n\nA storm hit.\n\n" + stray + "\n\nThe end."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], stray)
            XCTAssertEqual(articles.first?.paragraphs.first, "A storm hit.", stray)
            XCTAssertEqual(articles.first?.paragraphs.last, "The end.", stray)
        }
        for header in ["TT\n20", "\(debris)\n\(debris)\nTT"] {
            let text = head + "\n\nA storm hit.\n\nSecond Story\n\n" + header + "\n\nThe end."
            XCTAssertEqual(
                DumpText.articles(text).map(\.title), ["Storm Hits Coast", "Second Story"], header)
        }
    }

    /// A `TT` line and a number inside a paragraph, a line of text before them or after them,
    /// are the story's text: the line before was taken for a new story's title and the
    /// paragraph's line for its caption, splitting the story (found by QA).
    func testATextSizeLineAndNumberInsideAParagraphIsNoHeader() {
        let head = "Storm Hits Coast\n\n\(waves)\n\(waves)\nTT\n20\n\nStorm Hits Coast\n\n\(waves)\n\(waves)"
        for stray in ["A paragraph's line\nTT\n20", "TT\n20\nCrews worked on.", "Two lines\nof text\nTT\n12"]
        {
            let text = head + "\n\nA storm hit.\n\nOne line.\n\n" + stray + "\n\nThe end."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast"], stray)
            XCTAssertEqual(articles.first?.paragraphs.first, "A storm hit.", stray)
            XCTAssertEqual(articles.first?.paragraphs.last, "The end.", stray)
        }
        // A header's widget block still starts a story without the title again.
        for header in ["TT\n20", "\(debris)\n\(debris)\nTT\n20"] {
            let text = head + "\n\nA storm hit.\n\nSecond Story\n\n" + header + "\n\nThe end."
            XCTAssertEqual(
                DumpText.articles(text).map(\.title), ["Storm Hits Coast", "Second Story"], header)
        }
    }

    /// A story's first paragraph with `TT` and a number in it is text: after `TT` a header's
    /// block holds its counter and the title again, nothing else. The paragraph's lines were
    /// taken for a caption, and `TT` and the number left out (found by QA).
    func testAFirstParagraphHoldingTextSizeAndANumberIsText() {
        let articles = DumpText.articles("Big Story\n\nThe vote was\nTT\n20\nin favour.\n\nLast paragraph.")
        XCTAssertEqual(articles.map(\.title), ["Big Story"])
        XCTAssertNil(articles.first?.caption)
        XCTAssertEqual(articles.first?.paragraphs, ["The vote was TT 20 in favour.", "Last paragraph."])
        // The header's own shapes stay headers: captions, `TT`, the counter; the title again.
        for block in ["\(waves)\n\(waves)\nTT\n20", "\(waves)\nTT\n20\nBig Story"] {
            let story = DumpText.articles("Big Story\n\n" + block + "\n\nThe text.")
            XCTAssertEqual(story.first?.caption, waves, block)
            XCTAssertEqual(story.first?.paragraphs, ["The text."], block)
        }
    }
}
