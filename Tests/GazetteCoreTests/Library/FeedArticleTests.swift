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

    /// A text that starts with an indented block, and an indented line of its own, keep their
    /// indent (they lost it; found by QA), unless the text indents its prose paragraphs. An
    /// Atom text's indents are its markup's layout: they are not kept.
    func testAnIndentedBlockAtTheStartOrOfOneLineKeepsItsIndent() throws {
        XCTAssertEqual(
            try paragraphs(
                ofJSONText: "\n    code one\n    code two\n\nText after.\n\n    one line\n\n\tx = 1\n\nEnd."),
            ["    code one\n    code two", "Text after.", "    one line", "\tx = 1", "End."])
        XCTAssertEqual(try paragraphs(ofJSONText: "  print(1)\n\nDone."), ["  print(1)", "Done."])
        let atom = """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
              <entry><title>E</title><id>urn:e</id>
                <content type="text">
                  Para one.

                  Para two.
                </content>
              </entry>
            </feed>
            """
        let opened = OpenedSource(
            source: Source(path: "a.xml", displayName: "A", format: .atom),
            bytes: FileBytes(bytes: Array(atom.utf8)))
        let article = try XCTUnwrap(opened.article(try XCTUnwrap(opened.indexAll().first)))
        XCTAssertEqual(article.paragraphs, ["Para one.", "Para two."])
    }
}
