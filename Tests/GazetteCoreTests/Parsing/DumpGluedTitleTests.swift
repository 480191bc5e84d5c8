import GazetteCore
import TestSupport
import XCTest

/// Dumps put together (`cat a.txt b.txt`) where the first ends without a final newline, as the
/// sample does: the next story's title is glued to the end of the first's last line.
final class DumpGluedTitleTests: XCTestCase {
    private let dutch =
        "Dutch Tighten Controls on Exports\n\nA port in Rotterdam (REUTERS)\nA port in Rotterdam (REUTERS)\nTT\n20\n\n"
        + "Dutch Tighten Controls on Exports\n\nA port in Rotterdam (REUTERS)\nA port in Rotterdam (REUTERS)\n\n"
        + "The Dutch government tightened controls on Monday.\n\n"
        + "A court ordered the government to block exports last year."
    private let vote =
        "Where do relations go after the vote?\n\nThe prime minister at the Western Wall (AFP)\n"
        + "The prime minister at the Western Wall (AFP)\nTT\n20\n\nWhere do relations go after the vote?\n\n"
        + "The prime minister at the Western Wall (AFP)\nThe prime minister at the Western Wall (AFP)\n\n"
        + "The president said he would seek breakthroughs.\n\nBut the victory keeps the prime minister in place.\n"
    private let budget =
        "Budget Talks Stall as Deadline Nears\n\nTT\n20\n\nBudget Talks Stall as Deadline Nears\n\n"
        + "Lawmakers failed to agree on Tuesday.\n\nThe talks resume next week.\n"

    /// Each story as in its own file: its title, its whole text, its id. The second was taken
    /// into the first (its title ends as a sentence does), or listed under the glued line, the
    /// first story's last paragraph lost; the id each had is kept as its earlier one.
    func testEachStoryOfTheDumpsPutTogetherIsAsInItsFile() {
        let cases: [(String, [ArticleID?])] = [
            (vote, [ArticleID("c56cab26bd443cb2"), nil]),
            (budget, [ArticleID("e28da9810ec885c5"), ArticleID("82a218820c0ce137")]),
        ]
        for (second, earlier) in cases {
            let text = dutch + second
            let apart = DumpText.articles(dutch) + DumpText.articles(second)
            let together = DumpText.articles(text)
            XCTAssertEqual(together.map(\.title), apart.map(\.title))
            XCTAssertEqual(together.map(\.paragraphs), apart.map(\.paragraphs))
            XCTAssertEqual(together.map(\.caption), apart.map(\.caption))
            let summaries = DumpText.index(text)
            XCTAssertEqual(summaries.map(\.id), (DumpText.index(dutch) + DumpText.index(second)).map(\.id))
            XCTAssertEqual(summaries.first?.previousID, earlier[0])
            if let older = earlier[1] { XCTAssertEqual(summaries.last?.previousID, older) }
        }
    }

    /// With CRLF line ends in the first and a byte-order mark opening the second: the same, the
    /// mark in neither story.
    func testALineEndOrAByteOrderMarkBetweenIsNoText() {
        let text = dutch.replacingOccurrences(of: "\n", with: "\r\n") + "\u{FEFF}" + vote
        XCTAssertEqual(
            DumpText.index(text).map(\.id), (DumpText.index(dutch) + DumpText.index(vote)).map(\.id))
        XCTAssertEqual(
            DumpText.articles(text).map(\.title),
            [
                "Dutch Tighten Controls on Exports", "Where do relations go after the vote?",
            ])
    }

    /// A line that ends with the title's words after a space is no title glued to it: it is
    /// not cut there.
    func testALineEndingWithTheTitleAfterASpaceIsNotCut() {
        let line =
            "A court ordered the government to block exports last year. Where do relations go after the vote?"
        let text = dutch.replacingOccurrences(of: "last year.", with: "last year. ") + vote
        XCTAssertTrue(DumpText.articles(text).flatMap(\.paragraphs).contains(line))
    }
}
