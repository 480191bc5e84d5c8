import Foundation
import XCTest

@testable import GazetteCore

final class FeedArticleTests: XCTestCase {
    private func paragraphs(ofJSONText text: String) throws -> [String] {
        let escaped = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(
            of: "\t", with: "\\t")
        let json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"T",
            "content_text":"\(escaped)"}]}
            """
        let opened = OpenedSource(
            source: Source(path: "j.json", displayName: "J", format: .jsonFeed),
            bytes: FileBytes(bytes: Array(json.utf8)))
        let summary = try XCTUnwrap(opened.indexAll().first)
        return try XCTUnwrap(opened.article(summary)).paragraphs
    }

    /// An indented block of plain text (code in a JSON Feed's `content_text`) keeps its first
    /// line's indent with the others: it was shown flush left, the rest indented.
    func testAnIndentedBlockOfTextKeepsItsFirstLineIndented() throws {
        XCTAssertEqual(
            try paragraphs(ofJSONText: "Intro\n\n    code line 1\n    code line 2\n\nAfter."),
            ["Intro", "    code line 1\n    code line 2", "After."])
        XCTAssertEqual(
            try paragraphs(ofJSONText: "Intro\n\n\n  \tcode\n  \tmore  \n"), ["Intro", "  \tcode\n  \tmore"])
        // A paragraph whose first line alone is indented, or of one line, is trimmed as before.
        XCTAssertEqual(
            try paragraphs(ofJSONText: "Intro\n\n    It was a dark night\nand more.\n\n   One line."),
            ["Intro", "It was a dark night\nand more.", "One line."])
    }
}
