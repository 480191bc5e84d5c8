import Foundation
import GazetteCore
import TestSupport
import XCTest

/// Keys that cannot move say so, as `j` at the list's end does: `b` and the pages at the ends,
/// `j`/`k` at the ends of an open story, `Enter` on the story open, `j` in an empty list (they
/// did nothing without a word; found by QA).
final class KeysAtAnEndTests: TemporaryFolderTestCase {

    /// A reader over 30 stories longer than the pane; "otters" in none.
    private func reader() throws -> Reader {
        let text = (1...30).map { number in
            DumpText.article(
                title: "Story \(number)",
                paragraphs: (1...8).map { paragraph in
                    "Paragraph \(paragraph) of story \(number): "
                        + String(repeating: "words about the river run on for a while ", count: 5)
                })
        }.joined(separator: "\n\n\n")
        return try DumpText.reader(text, in: folder)
    }

    func testPagesAndBAtTheListsEndsSaySo() throws {
        let reader = try reader()
        reader.apply(.pageUp)
        XCTAssertEqual(reader.message, "already on the first story")
        reader.apply(.pageBack)
        XCTAssertEqual(reader.message, "already at the top of the story (PgUp pages the list)")
        reader.apply(.pageDown)
        XCTAssertNil(reader.message, "a page that moves says nothing")
        reader.apply(.last)
        reader.apply(.pageDown)
        XCTAssertEqual(reader.message, "already on the last story")
    }

    func testScrollingAnOpenStoryPastItsEndsSaysSo() throws {
        let reader = try reader()
        reader.apply(.open)
        reader.apply(.up)
        XCTAssertEqual(reader.message, "already at the top of the story")
        reader.apply(.pageUp)
        XCTAssertEqual(reader.message, "already at the top of the story")
        reader.apply(.down)
        XCTAssertNil(reader.message)
        reader.apply(.last)
        for command in [Command.down, .pageDown] {
            reader.apply(command)
            XCTAssertEqual(reader.message, "already at the end of the story", "\(command)")
        }
        reader.apply(.open)
        XCTAssertEqual(reader.message, "the story is open: Space pages on, q goes back to the list")
        reader.apply(.toggleRead)
        reader.apply(.open)
        XCTAssertEqual(reader.message, "marked read", "Enter on it unread marks it read, as opening does")
    }

    func testMovingInAnEmptySearchSaysSo() throws {
        let reader = try reader()
        reader.apply(.search)
        for character in "otters" { reader.apply(.edit(.char(character))) }
        reader.apply(.edit(.enter))
        let deadline = Date().addingTimeInterval(10)
        while reader.searchProgress != nil && Date() < deadline {
            reader.absorbSearch()
            Thread.sleep(forTimeInterval: 0.002)
        }
        XCTAssertTrue(reader.visible.isEmpty)
        for command in [Command.down, .up, .pageDown] {
            reader.apply(command)
            XCTAssertEqual(reader.message, "no story matches the search (Esc ends it)", "\(command)")
        }
    }

    /// Runs the search for `text` to its end.
    private func search(_ text: String, in reader: Reader) {
        reader.apply(.search)
        for character in text { reader.apply(.edit(.char(character))) }
        reader.apply(.edit(.enter))
        finishSearch(reader)
    }

    private func finishSearch(_ reader: Reader) {
        let deadline = Date().addingTimeInterval(10)
        while reader.searchProgress != nil && Date() < deadline {
            reader.absorbSearch()
            Thread.sleep(forTimeInterval: 0.002)
        }
    }

    func testMovingInAnEmptyViewDuringASearchBlamesTheView() throws {
        let reader = try reader()
        search("river", in: reader)
        XCTAssertEqual(reader.visible.count, 30)
        reader.apply(.cycleView)
        finishSearch(reader)
        reader.apply(.cycleView)
        XCTAssertEqual(reader.filter, .flagged)
        XCTAssertEqual(reader.message, "view: flagged only — no stories")
        finishSearch(reader)
        XCTAssertTrue(reader.visible.isEmpty)
        for command in [Command.down, .up, .pageDown] {
            reader.apply(command)
            XCTAssertEqual(reader.message, "no stories in this view (L changes the view)", "\(command)")
        }
    }

    func testFirstAndLastAtTheirEndsSaySo() throws {
        let reader = try reader()
        reader.apply(.first)
        XCTAssertEqual(reader.message, "already on the first story")
        reader.apply(.last)
        XCTAssertNil(reader.message, "a move says nothing")
        reader.apply(.last)
        XCTAssertEqual(reader.message, "already on the last story")
        reader.apply(.open)
        reader.apply(.first)
        XCTAssertEqual(reader.message, "already at the top of the story")
        reader.apply(.last)
        XCTAssertNil(reader.message)
        reader.apply(.last)
        XCTAssertEqual(reader.message, "already at the end of the story")
    }

    func testFirstAndLastInAnEmptyListSaySo() throws {
        let reader = try reader()
        search("otters", in: reader)
        for command in [Command.first, .last] {
            reader.apply(command)
            XCTAssertEqual(reader.message, "no story matches the search (Esc ends it)", "\(command)")
        }
    }

    /// Applies the digits of `count`, then `command`: a counted key, as typed.
    private func apply(_ count: Int, _ command: Command, to reader: Reader) {
        for digit in String(count) { reader.apply(.digit(Int(String(digit)) ?? 0)) }
        reader.apply(command)
    }

    func testCountedMovesAtTheListsEndsSaySo() throws {
        let reader = try reader()
        for command in [Command.up, .pageUp] {
            apply(5, command, to: reader)
            XCTAssertEqual(reader.message, "already on the first story", "\(command)")
        }
        apply(2, .pageBack, to: reader)
        XCTAssertEqual(reader.message, "already at the top of the story (PgUp pages the list)")
        apply(5, .down, to: reader)
        XCTAssertNil(reader.message, "a counted move that moves says nothing")
        XCTAssertEqual(reader.selection, 5)
        apply(40, .down, to: reader)
        XCTAssertNil(reader.message, "a counted move cut short by the end moved: it says nothing")
        XCTAssertEqual(reader.selection, 29)
        for command in [Command.down, .pageDown] {
            apply(5, command, to: reader)
            XCTAssertEqual(reader.message, "already on the last story", "\(command)")
            XCTAssertEqual(reader.selection, 29)
        }
    }

    func testCountedScrollsPastAnOpenStorysEndsSaySo() throws {
        let reader = try reader()
        reader.apply(.open)
        for command in [Command.up, .pageUp, .pageBack] {
            apply(3, command, to: reader)
            XCTAssertEqual(reader.message, "already at the top of the story", "\(command)")
        }
        apply(3, .down, to: reader)
        XCTAssertNil(reader.message, "a counted scroll that moves says nothing")
        reader.apply(.last)
        for command in [Command.down, .pageDown] {
            apply(3, command, to: reader)
            XCTAssertEqual(reader.message, "already at the end of the story", "\(command)")
        }
    }
}
