import Foundation
import XCTest

@testable import GazetteCore

/// An author of 100,000 characters filled 1,280 byline lines in the article pane and in
/// `show`: the byline shows the first 1,000 characters of a credit, cut after a whole name of
/// a list, else between characters, with "…"; the article keeps the whole credit (`export`
/// gives it). A paper's authors, several hundred characters, show whole.
final class ArticleBylineTests: XCTestCase {
    private func lines(credit: String, width: Int = 80) -> [String] {
        let article = Article(
            id: ArticleID("x"), title: "Title", credit: credit, paragraphs: ["Words."], wordCount: 1,
            readingMinutes: 1, source: "s", date: Date(timeIntervalSince1970: 1_800_000_000))
        XCTAssertEqual(article.credit, credit)
        return ArticleLayout(article: article, width: width, whole: true).lines.map(\.text)
    }

    func testAHugeAuthorShowsItsStart() {
        let shown = lines(credit: String(repeating: "Jane Doe ", count: 11_112))
        XCTAssertEqual(shown.count, 16)
        XCTAssertEqual(shown.first, "Title")
        XCTAssertEqual(shown.suffix(2), ["", "Words."])
        let byline = shown.dropFirst().dropLast(2).joined(separator: " ")
        XCTAssertEqual(
            byline, "By " + String(repeating: "Jane Doe ", count: 111) + "J… · 2027-01-15")
    }

    /// A paper's list of authors shows whole (a cap of 200 characters cut bioRxiv's mid-name;
    /// found by QA); a list past the cap is cut after a whole name.
    func testAListOfAuthorsShowsWholeOrCutAfterAName() {
        let paper = (1...19).map { "Author\($0), A." }.joined(separator: ", ") + ", Spichal, L."
        XCTAssertEqual(ArticleByline.shown(paper), paper)
        let long = (1...100).map { "Surname\($0), A." }.joined(separator: ", ")
        let shown = ArticleByline.shown(long)
        XCTAssertTrue(shown.hasSuffix("A., …"), shown)
        XCTAssertTrue(long.hasPrefix(String(shown.dropLast(2))), shown)
        XCTAssertLessThanOrEqual(shown.count, ArticleByline.maxCreditCharacters + 2)
    }

    func testTheCutFallsBetweenCharacters() {
        // "é" as e and a combining accent, and flags of two scalars: never cut inside one.
        XCTAssertEqual(
            ArticleByline.shown(String(repeating: "e\u{301}", count: 1_300)),
            String(repeating: "e\u{301}", count: 1_000) + "…")
        XCTAssertEqual(
            ArticleByline.shown(String(repeating: "🇫🇷", count: 1_001)),
            String(repeating: "🇫🇷", count: 1_000) + "…")
        XCTAssertEqual(
            ArticleByline.shown(String(repeating: "a", count: 1_000)), String(repeating: "a", count: 1_000))
    }

    func testAShortAuthorIsWhole() {
        XCTAssertEqual(lines(credit: "Jane Doe"), ["Title", "By Jane Doe · 2027-01-15", "", "Words."])
    }
}
