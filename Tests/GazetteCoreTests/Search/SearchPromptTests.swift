import GazetteCore
import XCTest

final class SearchPromptTests: XCTestCase {
    /// A prompt after typing `text` one key at a time.
    private func typed(_ text: String, history: [String] = []) -> SearchPrompt {
        var prompt = SearchPrompt(history: history)
        for character in text { prompt.edit(.char(character)) }
        return prompt
    }

    private func edit(_ prompt: inout SearchPrompt, _ keys: Key...) {
        for key in keys { prompt.edit(key) }
    }

    func testStartsEmptyOrWithTheGivenTextAndTheCursorAtTheEnd() {
        let empty = SearchPrompt()
        XCTAssertEqual(empty.string, "")
        XCTAssertEqual(empty.cursor, 0)
        let given = SearchPrompt(text: "whale")
        XCTAssertEqual(given.string, "whale")
        XCTAssertEqual(given.cursor, 5)
    }

    func testTypingInsertsAtTheCursor() {
        var prompt = typed("wale")
        XCTAssertEqual(prompt.string, "wale")
        XCTAssertEqual(prompt.cursor, 4)
        edit(&prompt, .left, .left, .left, .char("h"))
        XCTAssertEqual(prompt.string, "whale")
        XCTAssertEqual(prompt.cursor, 2)
        edit(&prompt, .home, .char("\""), .end, .char("\""))
        XCTAssertEqual(prompt.string, "\"whale\"")
        XCTAssertEqual(prompt.cursor, 7)
    }

    func testTypingKeepsSpacesAndWideCharacters() {
        var prompt = typed("central bank")
        XCTAssertEqual(prompt.string, "central bank")
        prompt = typed("留学生 دمشق")
        XCTAssertEqual(prompt.string, "留学生 دمشق")
        XCTAssertEqual(prompt.cursor, 8, "the cursor counts characters, not bytes")
        prompt = typed("Ma\u{304}ori")
        XCTAssertEqual(prompt.string, "Māori")
    }

    /// Keys come a scalar at a time: Backspace takes back a whole emoji, flag or accented
    /// letter, and half a flag never pairs with the next one typed (found by QA).
    func testScalarsTypedOneByOneMakeCharactersThatBackspaceTakesWhole() {
        var prompt = SearchPrompt()
        for scalar in "서울👨‍👩‍👧‍👦".unicodeScalars { prompt.edit(.char(Character(scalar))) }
        XCTAssertEqual(prompt.cursor, 3)
        edit(&prompt, .backspace)
        XCTAssertEqual(prompt.string, "서울")
        prompt = SearchPrompt()
        for scalar in "flags 🇺🇦".unicodeScalars { prompt.edit(.char(Character(scalar))) }
        edit(&prompt, .backspace)
        XCTAssertEqual(prompt.string, "flags ")
        for scalar in "🇯🇵".unicodeScalars { prompt.edit(.char(Character(scalar))) }
        XCTAssertEqual(prompt.string, "flags 🇯🇵")
        prompt = SearchPrompt()
        for scalar in "e\u{301}te\u{301}".unicodeScalars { prompt.edit(.char(Character(scalar))) }
        XCTAssertEqual(prompt.cursor, 3)
        edit(&prompt, .backspace, .left, .backspace)
        XCTAssertEqual(prompt.string, "t")
        XCTAssertEqual(prompt.cursor, 0)
    }

    func testBackspaceDeletesBeforeTheCursorAndStopsAtTheStart() {
        var prompt = typed("whales")
        edit(&prompt, .backspace)
        XCTAssertEqual(prompt.string, "whale")
        XCTAssertEqual(prompt.cursor, 5)
        edit(&prompt, .left, .left, .backspace)
        XCTAssertEqual(prompt.string, "whle")
        XCTAssertEqual(prompt.cursor, 2)
        edit(&prompt, .backspace, .backspace)
        XCTAssertEqual(prompt.string, "le")
        XCTAssertEqual(prompt.cursor, 0)
        edit(&prompt, .backspace)
        XCTAssertEqual(prompt.string, "le", "Backspace at the start does nothing")
        XCTAssertEqual(prompt.cursor, 0)
    }

    func testCtrlUDeletesEverythingBeforeTheCursor() {
        var prompt = typed("pilot whales")
        edit(&prompt, .ctrl("u"))
        XCTAssertEqual(prompt.string, "")
        XCTAssertEqual(prompt.cursor, 0)

        prompt = typed("pilot whales")
        edit(&prompt, .left, .left, .left, .left, .left, .left, .ctrl("u"))
        XCTAssertEqual(prompt.string, "whales", "what is after the cursor stays")
        XCTAssertEqual(prompt.cursor, 0)
        edit(&prompt, .ctrl("u"))
        XCTAssertEqual(prompt.string, "whales")
    }

    /// Delete and Ctrl-D take the character under the cursor, Ctrl-K the rest of the line, as
    /// readline, mutt and newsboat users expect (they did nothing).
    func testDeleteAndCtrlKTakeWhatIsUnderAndAfterTheCursor() {
        var prompt = typed("pilot whales")
        edit(&prompt, .home, .other("Delete"))
        XCTAssertEqual(prompt.string, "ilot whales")
        XCTAssertEqual(prompt.cursor, 0)
        edit(&prompt, .ctrl("d"), .ctrl("d"))
        XCTAssertEqual(prompt.string, "ot whales")
        edit(&prompt, .right, .right)
        XCTAssertTrue(prompt.edit(.ctrl("k")))
        XCTAssertEqual(prompt.string, "ot")
        XCTAssertEqual(prompt.cursor, 2)
        XCTAssertFalse(prompt.edit(.other("Delete")), "nothing under the cursor at the end")
        XCTAssertFalse(prompt.edit(.ctrl("d")))
        XCTAssertFalse(prompt.edit(.ctrl("k")))
        XCTAssertEqual(prompt.string, "ot")
    }

    func testCtrlWDeletesTheWordBeforeTheCursor() {
        var prompt = typed("new zealand whale")
        edit(&prompt, .ctrl("w"))
        XCTAssertEqual(prompt.string, "new zealand ")
        XCTAssertEqual(prompt.cursor, 12)
        edit(&prompt, .ctrl("w"))
        XCTAssertEqual(prompt.string, "new ", "trailing spaces go with the word before them")
        edit(&prompt, .ctrl("w"))
        XCTAssertEqual(prompt.string, "")
        XCTAssertEqual(prompt.cursor, 0)
        edit(&prompt, .ctrl("w"))
        XCTAssertEqual(prompt.string, "")

        prompt = typed("pilot  whales")
        edit(&prompt, .ctrl("w"), .ctrl("w"))
        XCTAssertEqual(prompt.string, "")

        prompt = typed("pilot whales beach")
        edit(&prompt, .left, .left, .left, .left, .left, .left, .ctrl("w"))
        XCTAssertEqual(prompt.string, "pilot  beach", "only the word before the cursor goes")
        XCTAssertEqual(prompt.cursor, 6)
        edit(&prompt, .left, .left, .ctrl("w"))
        XCTAssertEqual(prompt.string, "t  beach", "from inside a word, its start up to the cursor goes")
        XCTAssertEqual(prompt.cursor, 0)
    }

    func testLeftAndRightMoveTheCursorWithinTheText() {
        var prompt = typed("abc")
        edit(&prompt, .right)
        XCTAssertEqual(prompt.cursor, 3, "→ at the end stays")
        edit(&prompt, .left)
        XCTAssertEqual(prompt.cursor, 2)
        edit(&prompt, .left, .left, .left, .left)
        XCTAssertEqual(prompt.cursor, 0, "← at the start stays")
        edit(&prompt, .right)
        XCTAssertEqual(prompt.cursor, 1)
        XCTAssertEqual(prompt.string, "abc", "moving does not change the text")
    }

    func testHomeAndEndAndTheirControlKeys() {
        var prompt = typed("whale")
        edit(&prompt, .home)
        XCTAssertEqual(prompt.cursor, 0)
        edit(&prompt, .end)
        XCTAssertEqual(prompt.cursor, 5)
        edit(&prompt, .ctrl("a"))
        XCTAssertEqual(prompt.cursor, 0)
        edit(&prompt, .ctrl("e"))
        XCTAssertEqual(prompt.cursor, 5)
        XCTAssertEqual(prompt.string, "whale")
    }

    func testEditTellsWhetherTheTextChanged() {
        var prompt = SearchPrompt(history: ["whale"])
        XCTAssertFalse(prompt.edit(.backspace), "nothing to delete")
        XCTAssertFalse(prompt.edit(.ctrl("u")))
        XCTAssertFalse(prompt.edit(.ctrl("w")))
        XCTAssertTrue(prompt.edit(.char("w")))
        for key: Key in [.left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .tab, .enter] {
            XCTAssertFalse(prompt.edit(key), "\(key) only moves the cursor or does nothing")
        }
        XCTAssertTrue(prompt.edit(.up), "the history's text replaces w")
        XCTAssertFalse(prompt.edit(.up), "no older search")
        XCTAssertTrue(prompt.edit(.ctrl("w")))
        XCTAssertTrue(prompt.edit(.char("a")))
        XCTAssertTrue(prompt.edit(.backspace))
        XCTAssertEqual(prompt.string, "")
    }

    func testOtherKeysChangeNothing() {
        var prompt = typed("whale")
        edit(&prompt, .left)
        let before = prompt
        edit(&prompt, .tab, .pageUp, .pageDown, .ctrl("f"), .enter, .escape)
        XCTAssertEqual(prompt, before)
    }

    func testUpAndDownWalkTheHistoryAndDownPastTheNewestIsEmpty() {
        var prompt = SearchPrompt(history: ["abc", "def", "ghi"])
        edit(&prompt, .up)
        XCTAssertEqual(prompt.string, "ghi")
        XCTAssertEqual(prompt.cursor, 3, "the cursor goes to the end of a recalled search")
        edit(&prompt, .up)
        XCTAssertEqual(prompt.string, "def")
        edit(&prompt, .up)
        XCTAssertEqual(prompt.string, "abc")
        edit(&prompt, .up)
        XCTAssertEqual(prompt.string, "abc", "↑ at the oldest stays")
        edit(&prompt, .down)
        XCTAssertEqual(prompt.string, "def")
        edit(&prompt, .down)
        XCTAssertEqual(prompt.string, "ghi")
        edit(&prompt, .down)
        XCTAssertEqual(prompt.string, "", "↓ past the newest is an empty line")
        XCTAssertEqual(prompt.cursor, 0)
        edit(&prompt, .down)
        XCTAssertEqual(prompt.string, "", "↓ again stays empty")
        edit(&prompt, .up)
        XCTAssertEqual(prompt.string, "ghi")
    }

    func testRecalledSearchCanBeEdited() {
        var prompt = SearchPrompt(history: ["whale"])
        edit(&prompt, .up, .char("s"))
        XCTAssertEqual(prompt.string, "whales")
        edit(&prompt, .home, .char("\u{22}"))
        XCTAssertEqual(prompt.string, "\"whales")
        XCTAssertEqual(prompt.cursor, 1)
    }

    func testNoHistoryMeansUpAndDownDoNothing() {
        var prompt = typed("whale")
        edit(&prompt, .up)
        XCTAssertEqual(prompt.string, "whale")
        edit(&prompt, .down)
        XCTAssertEqual(prompt.string, "whale")
        XCTAssertEqual(prompt.cursor, 5)
    }
}
