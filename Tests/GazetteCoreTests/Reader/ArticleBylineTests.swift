import Foundation
import XCTest

@testable import GazetteCore

/// An author of 100,000 characters filled 1,280 byline lines in the article pane and in
/// `show`: the byline shows the first 200 characters of a credit, cut between characters
/// with "…"; the article keeps the whole credit (`export` gives it).
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
        XCTAssertEqual(shown.count, 6)
        XCTAssertEqual(shown.first, "Title")
        XCTAssertEqual(shown.suffix(2), ["", "Words."])
        let byline = shown.dropFirst().dropLast(2).joined(separator: " ")
        XCTAssertEqual(
            byline, "By " + String(repeating: "Jane Doe ", count: 22) + "Ja… · 2027-01-15")
    }

    func testTheCutFallsBetweenCharacters() {
        // "é" as e and a combining accent, and flags of two scalars: never cut inside one.
        XCTAssertEqual(
            ArticleByline.shown(String(repeating: "e\u{301}", count: 300)),
            String(repeating: "e\u{301}", count: 200) + "…")
        XCTAssertEqual(
            ArticleByline.shown(String(repeating: "🇫🇷", count: 201)), String(repeating: "🇫🇷", count: 200) + "…")
        XCTAssertEqual(
            ArticleByline.shown(String(repeating: "a", count: 200)), String(repeating: "a", count: 200))
    }

    func testAShortAuthorIsWhole() {
        XCTAssertEqual(lines(credit: "Jane Doe"), ["Title", "By Jane Doe · 2027-01-15", "", "Words."])
    }
}
