import GazetteCore
import TestSupport
import XCTest

/// The photos' captions given again after the title again with more than the header gave
/// (`A A B B` after `A A`): they showed as the story's first paragraph, "A A B B".
final class DumpMoreCaptionsAgainTests: XCTestCase {
    private let pier = "Waves break on the pier (AP)"
    private let street = "A flooded street in the town (Reuters)"
    private let body =
        "A storm hit the coast overnight, flooding streets.\n\nResidents were told to stay inside."

    /// The story with `header` as its header's block before `TT` (none when empty) and
    /// `again` as the captions given again after the title again.
    private func story(header: [String], again: [String]) -> String {
        let title = "Storm Hits the Coast Overnight"
        let widgets = (header + ["TT", "20"]).joined(separator: "\n")
        return "\(title)\n\n\(widgets)\n\n\(title)\n\n\(again.joined(separator: "\n"))\n\n\(body)\n"
    }

    /// Each photo's caption shows once in the caption, each credit is the story's, the text is
    /// the story's paragraphs alone and its words only theirs; the id stays the one made while
    /// the captions were the first paragraph (the reading state stored under it is kept).
    func testMoreCaptionsAgainShowInTheCaption() {
        for header in [[pier, pier], []] {
            let text = story(header: header, again: [pier, pier, street, street])
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.caption), ["\(pier)\n\(street)"], "\(header)")
            XCTAssertEqual(articles.map(\.credit), ["AP, Reuters"], "\(header)")
            XCTAssertEqual(
                articles.map(\.paragraphs),
                [
                    [
                        "A storm hit the coast overnight, flooding streets.",
                        "Residents were told to stay inside.",
                    ]
                ])
            XCTAssertEqual(articles.map(\.wordCount), [14])
            XCTAssertEqual(DumpText.index(text).map(\.id), [ArticleID("40391351c02db131")])
        }
        // The second photo's caption first: the same.
        let articles = DumpText.articles(story(header: [pier, pier], again: [street, street, pier, pier]))
        XCTAssertEqual(articles.map(\.caption), ["\(pier)\n\(street)"])
        XCTAssertEqual(articles.first?.paragraphs.count, 2)
    }

    /// Searched as shown: the second caption once, no paragraph of the captions.
    func testTheSearchedTextHoldsEachCaptionOnce() throws {
        let bytes = Array(story(header: [pier, pier], again: [pier, pier, street, street]).utf8)
        let summary = try XCTUnwrap(DumpText.index(bytes: bytes).first)
        guard case .bytes(let range, _) = summary.location else { return XCTFail("not in the file") }
        var searched = ""
        _ = bytes.withUnsafeBytes { buffer in
            PlainTextDumpParser.withText(in: buffer, range: range) { text in
                searched = String(decoding: text, as: UTF8.self)
                return true
            }
        }
        XCTAssertEqual(searched.components(separatedBy: street).count, 2, searched)
        XCTAssertEqual(searched.components(separatedBy: pier).count, 2, searched)
    }

    /// Lines given twice after the title again that share none of the header's captions, or a
    /// paragraph of different lines, are the story's text as before.
    func testOtherBlocksAfterTheTitleAgainStayText() {
        let chant = "We want peace now"
        for again in [[chant, chant], [pier, "The storm came at night."]] {
            let articles = DumpText.articles(story(header: [pier, pier], again: again))
            XCTAssertEqual(articles.map(\.caption), [pier], "\(again)")
            XCTAssertEqual(articles.first?.paragraphs.count, 3, "\(again)")
            XCTAssertEqual(articles.first?.paragraphs.first?.hasPrefix(again[0]), true, "\(again)")
        }
    }
}
