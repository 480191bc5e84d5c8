import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A number then `G` or `g`: in the list, the story of that number; in an open article, that
/// line of it, as `less` goes to a line of what it shows (`1G` opened story 1).
final class CountedGoToLineTests: TemporaryFolderTestCase {
    private func reader() throws -> Reader {
        let text = (1...5).map { number in
            DumpText.article(
                title: "Story \(number)",
                paragraphs: (1...12).map {
                    "Paragraph \($0) of story \(number): " + String(repeating: "words ", count: 30)
                })
        }.joined(separator: "\n\n\n")
        return try DumpText.reader(text, in: folder)
    }

    private func apply(_ reader: Reader, _ commands: Command...) {
        for command in commands { reader.apply(command) }
    }

    func testACountInAnOpenArticleGoesToThatLine() throws {
        let reader = try reader()
        apply(reader, .down, .open)
        XCTAssertEqual(reader.selection, 1)
        let lines = try XCTUnwrap(reader.selectedLayout?.lines.count)
        XCTAssertGreaterThan(reader.maxArticleScroll, 10, "the story is longer than the pane")
        apply(reader, .digit(5))
        // The number may be a story or a line: the status line says both (found by QA).
        XCTAssertEqual(reader.message, "5: Enter opens story 5, G goes to line 5")
        apply(reader, .last)
        XCTAssertEqual(reader.articleScroll, 4, "5G: line 5 at the top")
        XCTAssertEqual(reader.selection, 1, "the same story")
        XCTAssertEqual(reader.focus, .article)
        XCTAssertEqual(reader.message, "line 5 of \(lines)")
        apply(reader, .digit(1), .last)
        XCTAssertEqual(reader.articleScroll, 0, "1G: the top")
        XCTAssertEqual(reader.selection, 1, "not story 1")
        apply(reader, .digit(8), .first)
        XCTAssertEqual(reader.articleScroll, 7, "8g as 8G")
        apply(reader, .digit(9), .digit(9), .digit(9), .last)
        XCTAssertEqual(reader.articleScroll, reader.maxArticleScroll, "past the end: the end")
        XCTAssertEqual(reader.message, "line \(lines) of \(lines)")
        apply(reader, .first)
        XCTAssertEqual(reader.articleScroll, 0, "g alone: the top")
        apply(reader, .last)
        XCTAssertEqual(reader.articleScroll, reader.maxArticleScroll, "G alone: the bottom")
    }

    func testACountInTheListSelectsThatStory() throws {
        let reader = try reader()
        apply(reader, .digit(4), .last)
        XCTAssertEqual(reader.selection, 3, "4G: story 4")
        XCTAssertEqual(reader.focus, .list)
        apply(reader, .digit(2), .first)
        XCTAssertEqual(reader.selection, 1, "2g: story 2, as 2G")
        apply(reader, .last)
        XCTAssertEqual(reader.selection, 4, "G alone: the last story")
        apply(reader, .first)
        XCTAssertEqual(reader.selection, 0, "g alone: the first story")
    }
}
