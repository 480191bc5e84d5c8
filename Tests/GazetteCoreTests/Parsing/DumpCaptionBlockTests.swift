import GazetteCore
import TestSupport
import XCTest

final class DumpCaptionBlockTests: XCTestCase {
    private let waves = "Waves crash on the pier"
    private let boat = "Rescuers in a boat"

    /// A header whose caption block has more than two lines and no `TT` (photos' captions beside
    /// their alt texts, a caption given three times) is furniture, at the file's start and after
    /// one blank line: its captions were the story's text, or the story was taken into the one
    /// before (found by QA).
    func testACaptionBlockWithoutTheWidgetIsFurniture() {
        let cases: [([String], String, String)] = [
            (["\(waves) (AP)", "\(waves) (AP)", "\(waves) (AP)"], "\(waves) (AP)", "AP"),
            (
                [waves, "\(waves) (AFP)", boat, "\(boat) (Reuters)", "A street", "A street (AP)"],
                "\(waves) (AFP)\n\(boat) (Reuters)\nA street (AP)", "AFP, Reuters, AP"
            ),
            (
                ["\(waves) (AFP)", "\(waves) (AFP)", "\(waves) (AFP)", "\(boat) (AFP)", "\(boat) (AFP)"],
                "\(waves) (AFP)\n\(boat) (AFP)", "AFP"
            ),
        ]
        for (captions, shown, credit) in cases {
            let block = captions.joined(separator: "\n")
            let story = "Storm Hits Coast\n\n\(block)\n\nStorm Hits Coast\n\nA storm hit.\n\nCrews worked."
            for text in [story, "Markets Rise\n\nStocks rose.\n\nThen fell.\n\n" + story] {
                let articles = DumpText.articles(text)
                XCTAssertEqual(articles.last?.title, "Storm Hits Coast", text)
                XCTAssertEqual(articles.last?.paragraphs, ["A storm hit.", "Crews worked."], text)
                XCTAssertEqual(articles.last?.caption, shown, text)
                XCTAssertEqual(articles.last?.credit, credit, text)
                XCTAssertEqual(
                    articles.first?.paragraphs.last, text == story ? "Crews worked." : "Then fell.")
            }
        }
    }

    /// A block of lines all different between a line and that line again is a story's text.
    func testAParagraphBetweenALineGivenTwiceIsText() {
        let text =
            "Story Title\n\nBody.\n\nA pull quote\n\nOne line\nTwo lines\nThree lines\n\nA pull quote\n\nMore."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.title), ["Story Title"])
        XCTAssertEqual(articles.first?.paragraphs.count, 5)
        XCTAssertNil(articles.first?.caption)
    }
}
