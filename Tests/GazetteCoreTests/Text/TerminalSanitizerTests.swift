import Foundation
import GazetteCore
import TestSupport
import XCTest

final class TerminalSanitizerTests: XCTestCase {
    private let esc = "\u{1B}"

    /// Scalars that must never reach the terminal from `line`.
    private func forbiddenInLine(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F].contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || [0x200B, 0x2060, 0xFEFF, 0x2028, 0x2029].contains(value)
    }

    private func assertSafeLine(_ output: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = output.unicodeScalars.filter(forbiddenInLine)
        XCTAssertTrue(
            bad.isEmpty, "unsafe scalars \(bad.map(\.value)) in \(output.debugDescription)", file: file,
            line: line)
    }

    private func assertSafeText(_ output: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = output.unicodeScalars.filter { $0 != "\n" && forbiddenInLine($0) }
        XCTAssertTrue(
            bad.isEmpty, "unsafe scalars \(bad.map(\.value)) in \(output.debugDescription)", file: file,
            line: line)
    }

    // MARK: - Clean input

    func testCleanTextIsReturnedUnchanged() {
        let samples = [
            "", "Iran Pays Millions in Ransom", "Netanyahu’s victory — “real breakthroughs”",
            "می\u{200C}خواهم", "👨\u{200D}👩\u{200D}👧 family", "bad byte \u{FFFD} kept", "中文 日本語 한국어",
            "caf\u{E9} cafe\u{301}",
        ]
        for sample in samples {
            XCTAssertEqual(TerminalSanitizer.line(sample), sample)
            XCTAssertEqual(TerminalSanitizer.text(sample), sample)
        }
        XCTAssertEqual(TerminalSanitizer.text("one\ntwo\n\nthree"), "one\ntwo\n\nthree")
    }

    /// Text that shows nothing once safe: a title of it left its headline row blank (found by QA).
    func testTextOfControlsAndInvisibleCharactersShowsNothing() {
        for text in [
            "", "  ", "\u{1B}[31m\u{07}", "\u{200B}\u{202E}", "\u{AD}\t", "\u{1B}]0;x\u{07}", "\u{0301}",
        ] {
            XCTAssertTrue(TerminalSanitizer.showsNothing(text), text.debugDescription)
        }
        for text in ["a", " x ", "\u{1B}[31mred", "中", "👍", "\u{200B}b", "·"] {
            XCTAssertFalse(TerminalSanitizer.showsNothing(text), text.debugDescription)
        }
    }

    func testJoinersAreKept() {
        XCTAssertEqual(TerminalSanitizer.line("a\u{200C}b\u{200D}c"), "a\u{200C}b\u{200D}c")
    }

    // MARK: - Line breaks and tabs

    func testLineTurnsNewlinesAndTabsIntoSpaces() {
        XCTAssertEqual(TerminalSanitizer.line("a\nb\tc"), "a b c")
        XCTAssertEqual(TerminalSanitizer.line("a\r\nb"), "a b")
        XCTAssertEqual(TerminalSanitizer.line("a\rb"), "a b")
        XCTAssertEqual(TerminalSanitizer.line("a\u{2028}b"), "a b")
    }

    func testTextKeepsNewlinesAndNormalisesCarriageReturns() {
        XCTAssertEqual(TerminalSanitizer.text("a\r\nb\rc\u{2029}d"), "a\nb\nc\nd")
    }

    /// Text of many tabs or lines is made safe in linear time: each tab and line copied all the
    /// text before it (100,000 tabs in a feed's line took minutes).
    func testManyTabsAndLinesTakeLinearTime() {
        let tabs = String(repeating: "a\t", count: 100_000)
        let lines = String(repeating: "a\r", count: 100_000)
        let start = Date()
        XCTAssertEqual(TerminalSanitizer.lineKeepingBreakHints(tabs).utf8.count, 800_000)
        XCTAssertEqual(TerminalSanitizer.text(tabs).utf8.count, 800_000)
        XCTAssertEqual(TerminalSanitizer.text(lines).utf8.count, 200_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testTextExpandsTabsToStopsOfEight() {
        XCTAssertEqual(TerminalSanitizer.text("a\tb"), "a" + String(repeating: " ", count: 7) + "b")
        XCTAssertEqual(TerminalSanitizer.text("\tx"), String(repeating: " ", count: 8) + "x")
        XCTAssertEqual(
            TerminalSanitizer.text("12345678\tx"), "12345678" + String(repeating: " ", count: 8) + "x")
        XCTAssertEqual(TerminalSanitizer.text("a\t\tb"), "a" + String(repeating: " ", count: 15) + "b")
        XCTAssertEqual(TerminalSanitizer.text("abc\n\tx"), "abc\n" + String(repeating: " ", count: 8) + "x")
    }

    func testTabStopsCountDisplayColumns() {
        XCTAssertEqual(TerminalSanitizer.text("中文\tx"), "中文    x")
        XCTAssertEqual(TerminalSanitizer.text("cafe\u{301}\tx"), "cafe\u{301}    x")
        XCTAssertEqual(TerminalSanitizer.text("👍\t|"), "👍      |")
        // Removed sequences take no column.
        XCTAssertEqual(TerminalSanitizer.text("\(esc)[1mab\(esc)[0m\tx"), "ab      x")
    }

    // MARK: - Controls

    func testC0ControlsAndDeleteAreRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("\u{0}a\u{7}b\u{8}cd\u{7F}e\u{1F}"), "abcde")
        XCTAssertEqual(TerminalSanitizer.text("\u{7}ab"), "ab")
    }

    /// A form feed or a vertical tab is white space between words, shown as a space in a line or
    /// in text: removed, the words ran together ("Para one.\u{C}Para two" showed "Para one.Para
    /// two"; found by QA).
    func testFormFeedAndVerticalTabAreSpaces() throws {
        XCTAssertEqual(TerminalSanitizer.line("c\u{C}d\u{0B}e"), "c d e")
        XCTAssertEqual(TerminalSanitizer.text("a\u{0B}b\nc\u{C}d"), "a b\nc d")
        // A run of them, or one beside a space, is one space (two showed two; found by QA).
        XCTAssertEqual(
            TerminalSanitizer.line("A\u{C}\u{C}B and\u{0B}\u{C}mixed, c \u{C}d"), "A B and mixed, c d")
        let text = "Form feed story\n\nPara one.\u{C}Para one goes on.\n\nPara two."
        let article = try XCTUnwrap(DumpText.articles(text).first)
        let lines = ArticleLayout(article: article, width: 80).lines.map(\.text)
        XCTAssertTrue(lines.contains("Para one. Para one goes on."), "\(lines)")
    }

    /// A C1 control is text that was windows-1252 read as Latin-1: shown as that character, or
    /// removed where windows-1252 has none, and the text after it kept ("Slavoj \u{8E}i\u{9E}ek
    /// on … the \u{9C}uvre" showed "Slavoj iuvre"; found by QA).
    func testC1ControlsAreTheirWindows1252CharactersOrRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("a\u{80}b\u{85}c\u{9F}"), "a€b…cŸ")
        XCTAssertEqual(
            TerminalSanitizer.line("Slavoj \u{8E}i\u{9E}ek on the \u{9C}uvre of Hegel, \u{9F}vonne"),
            "Slavoj Žižek on the œuvre of Hegel, Ÿvonne")
        XCTAssertEqual(TerminalSanitizer.line("a\u{81}b\u{8D}c\u{8F}d"), "abcd")
        XCTAssertEqual(
            TerminalSanitizer.text("it\u{92}s \u{93}quoted\u{94}\n\u{96} dash"), "it’s “quoted”\n– dash")
    }

    /// An 8-bit control starts no sequence: what it carried shows as text, harmless without its
    /// introducer. `\u{90}` and `\u{9D}` are mojibake too (UTF-8 read as Latin-1: `Ã\u{9D}` is
    /// "Ý"): they took the rest of the paragraph with them (found by QA).
    func testEightBitControlsStartNoSequence() {
        XCTAssertEqual(TerminalSanitizer.line("\u{9D}0;evil\u{9C}ok"), "0;evilœok")
        XCTAssertEqual(
            TerminalSanitizer.line("First line \u{9D}payload second line"), "First line payload second line")
        XCTAssertEqual(TerminalSanitizer.line("\u{90}1$qm\u{7}ok"), "1$qmok")
        XCTAssertEqual(TerminalSanitizer.line("\u{9B}31mred\u{9B}0m"), "›31mred›0m")
        XCTAssertEqual(TerminalSanitizer.line("\u{9F}apc\u{9C}ok"), "Ÿapcœok")
        XCTAssertEqual(TerminalSanitizer.line("\u{98}sos"), "˜sos")
    }

    // MARK: - Escape sequences

    func testClearScreenIsRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("a\(esc)[2Jb"), "ab")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)[H\(esc)[2J\(esc)[3J"), "")
    }

    func testColourAndCursorSequencesAreRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("\(esc)[38;5;196mRed\(esc)[0m"), "Red")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)[?1049h\(esc)[?25lx"), "x")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)[10;20Hx\(esc)[K"), "x")
    }

    func testWindowTitleOSCIsRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("\(esc)]0;pwned title\u{7}News"), "News")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)]2;title\(esc)\\News"), "News")
    }

    func testClipboardOSC52IsRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("before\(esc)]52;c;cm0gLXJmIH4=\u{7}after"), "beforeafter")
        XCTAssertEqual(TerminalSanitizer.text("x\(esc)]52;c;cm0gLXJmIH4=\(esc)\\y"), "xy")
    }

    func testHyperlinkOSC8KeepsOnlyTheVisibleText() {
        let link = "\(esc)]8;;https://evil.example\(esc)\\click\(esc)]8;;\(esc)\\"
        XCTAssertEqual(TerminalSanitizer.line(link), "click")
    }

    /// A link never ended (no BEL or ST before the line's end) loses its address, not the rest
    /// of its line: the paragraph after it was gone (found by QA).
    func testAnUnendedStringEndsAtItsFirstSpace() {
        XCTAssertEqual(
            TerminalSanitizer.line("Start \(esc)]8;;http://x.example/a the text goes on"),
            "Start  the text goes on")
        XCTAssertEqual(
            TerminalSanitizer.text("Start \(esc)]8;;http://x.example/a\nnext line"), "Start \nnext line")
        XCTAssertEqual(TerminalSanitizer.line("a \(esc)]52;c;cm0gLXJmIH4="), "a ")
    }

    func testDeviceControlAndOtherStringsAreRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("\(esc)Pq#0;2;0;0;0#0~~@@\(esc)\\x"), "x")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)_Gf=100;AAAA\(esc)\\x"), "x")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)^private\(esc)\\x"), "x")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)Xstart of string\(esc)\\x"), "x")
    }

    func testTwoCharacterEscapeSequencesAreRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("\(esc)cX"), "X")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)7X\(esc)8"), "X")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)(BX\(esc))0"), "X")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)#8X"), "X")
    }

    func testLoneEscapeIsRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("abc\(esc)"), "abc")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)é"), "é")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)\(esc)[1mx"), "x")
        XCTAssertEqual(TerminalSanitizer.text("a\(esc)\nb"), "a\nb")
    }

    /// At the line break, or before at their first space (``testAnUnendedStringEndsAtItsFirstSpace``).
    func testUnterminatedStringsEndAtTheLineBreak() {
        XCTAssertEqual(TerminalSanitizer.line("\(esc)]0;title never ends"), " never ends")
        XCTAssertEqual(TerminalSanitizer.text("x\(esc)]0;title\nbody"), "x\nbody")
        XCTAssertEqual(TerminalSanitizer.line("\(esc)[12;"), "")
    }

    func testStringInterruptedByAnotherEscapeRemovesBoth() {
        XCTAssertEqual(TerminalSanitizer.line("\(esc)]0;title\(esc)[2Jok"), "ok")
    }

    // MARK: - Bidi and invisible characters

    func testBidiOverridesAndIsolatesAreRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("invoice\u{202E}fdp.exe"), "invoicefdp.exe")
        for value in [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
        ] {
            let control = String(Character(Unicode.Scalar(UInt32(value))!))
            XCTAssertEqual(TerminalSanitizer.line("a\(control)b"), "ab", String(value, radix: 16))
            XCTAssertEqual(TerminalSanitizer.text("a\(control)b"), "ab", String(value, radix: 16))
        }
    }

    func testZeroWidthFormatCharactersAreRemoved() {
        XCTAssertEqual(TerminalSanitizer.line("\u{FEFF}zero\u{200B}width\u{2060}joiner"), "zerowidthjoiner")
    }

    func testPersianTextKeepsItsLettersAndJoiners() {
        let title = "\u{202B}ایران می\u{200C}خواهد\u{202C}"
        XCTAssertEqual(TerminalSanitizer.line(title), "ایران می\u{200C}خواهد")
    }

    // MARK: - Hostile input never survives

    func testHostileSequencesNeverSurvive() {
        let hostile = [
            "\(esc)[2J", "\(esc)]0;title\u{7}", "\(esc)]52;c;ZWNobyBoaQ==\u{7}", "\(esc)P+q\(esc)\\",
            "\u{9B}6n", "\u{202E}", "\(esc)[6n", "\(esc)[?1000h", "\u{9D}8;;http://x\u{9C}", "\(esc)",
            "\(esc)[", "\u{9B}", "\(esc)]", "\u{7}\u{8}\u{7F}", "\(esc)[200~", "\(esc)Z", "\u{2066}\u{2069}",
        ]
        let fillers = ["", "text", "中文", "\n", "\t", "👍", "\(esc)"]
        for first in hostile {
            for filler in fillers {
                for second in hostile {
                    let input = first + filler + second + filler
                    let line = TerminalSanitizer.line(input)
                    let text = TerminalSanitizer.text(input)
                    assertSafeLine(line)
                    assertSafeText(text)
                    XCTAssertFalse(line.contains("\n") || line.contains("\t"))
                    XCTAssertFalse(text.contains("\t"))
                    XCTAssertFalse(line.contains("[2J") || line.contains("52;c"), input.debugDescription)
                }
            }
        }
    }

    func testSanitisingIsIdempotent() {
        let inputs = [
            "a\(esc)[1mb\tc\nd\u{202E}e", "\u{9B}x\u{9D}y\u{9C}z", "中\t文\r\nx", "\(esc)\(esc)]\(esc)[",
        ]
        for input in inputs {
            let line = TerminalSanitizer.line(input)
            XCTAssertEqual(TerminalSanitizer.line(line), line)
            let text = TerminalSanitizer.text(input)
            XCTAssertEqual(TerminalSanitizer.text(text), text)
        }
    }

    func testEveryScalarBelowTheBMPLimitIsHandledSafely() {
        var input = ""
        for value in UInt32(0)..<0x3000 {
            if let scalar = Unicode.Scalar(value) { input.unicodeScalars.append(scalar) }
        }
        assertSafeLine(TerminalSanitizer.line(input))
        assertSafeText(TerminalSanitizer.text(input))
    }

    /// Each scalar on its own between letters (the byte-level test for clean text sees it
    /// alone): the unsafe ones never survive, every other one is passed on unchanged.
    func testEachScalarAloneIsKeptOrRemovedAsItShouldBe() {
        let values =
            Array(UInt32(0x20)..<0x3000) + Array(UInt32(0xFE00)...0xFFFF) + [0x1F600, 0x1F468, 0xE0001]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var input = "a"
            input.unicodeScalars.append(scalar)
            input += "b"
            let output = TerminalSanitizer.line(input)
            if forbiddenInLine(scalar) {
                XCTAssertFalse(
                    output.unicodeScalars.contains(scalar), "U+\(String(value, radix: 16)) survived")
            } else {
                XCTAssertEqual(output, input, "U+\(String(value, radix: 16)) was changed")
            }
        }
    }

    /// Names in messages keep their controls as escapes, so the file can be found and typed:
    /// tabs and line breaks too (they were spaces; found by QA). A line break ending the
    /// message goes.
    func testVisibleShowsControlsAsEscapes() {
        XCTAssertEqual(TerminalSanitizer.visible("plain name.txt"), "plain name.txt")
        XCTAssertEqual(
            TerminalSanitizer.visible("a\u{1B}]0;x\u{07}b\tc\nd\u{01}e\u{202E}f\u{9B}g\n"),
            "a\\e]0;x\\ab\\tc\\nd\\x01e\\u{202E}f\\u{9B}g")
        // Each name reads back one way: a backslash typed in a name is doubled (found by QA).
        XCTAssertEqual(TerminalSanitizer.visible("a\\e[31m.txt"), "a\\\\e[31m.txt")
        XCTAssertEqual(TerminalSanitizer.visible("a\u{1B}[31m.txt"), "a\\e[31m.txt")
        for scalar in (0..<0x20).compactMap(Unicode.Scalar.init) + ["\u{7F}", "\u{85}", "\u{2028}"] {
            let shown = TerminalSanitizer.visible("x" + String(scalar) + "y")
            XCTAssertFalse(
                shown.unicodeScalars.contains { TerminalSanitizer.isControl($0) }, "\(scalar.value)")
        }
    }

    func testRealNewsNeedsNoChangesBeyondControls() throws {
        let data = Fixtures.bytes(Fixtures.realNews)
        try XCTSkipIf(data.isEmpty, "real news dump not available")
        let text = String(decoding: data, as: UTF8.self)
        let sanitized = TerminalSanitizer.text(text)
        assertSafeText(sanitized)
        XCTAssertEqual(
            sanitized.split(separator: "\n", omittingEmptySubsequences: false).count,
            text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }
}
