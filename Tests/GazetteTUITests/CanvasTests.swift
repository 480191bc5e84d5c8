import GazetteTUI
import Testing

@Suite struct CanvasTests {
    @Test func negativeSizesAreClampedToZero() {
        let canvas = Canvas(width: -3, height: -1)
        #expect(canvas.width == 0)
        #expect(canvas.height == 0)
        #expect(canvas.lines.isEmpty)
        #expect(canvas[0, 0] == Cell(text: " "))
    }

    @Test func putWritesASCIIAndReturnsColumnsUsed() {
        var canvas = Canvas(width: 10, height: 2)
        #expect(canvas.put("abc", row: 1, column: 2) == 3)
        #expect(canvas.text(ofRow: 1) == "  abc")
        #expect(canvas.text(ofRow: 0) == "")
        #expect(canvas[1, 2].text == "a")
    }

    @Test func oneColumnTextIsPutScalarByScalarWithinItsLimits() {
        var canvas = Canvas(width: 12, height: 2)
        #expect(canvas.put("Zoë “Müller”—Tromsø", row: 0, column: -2, maxWidth: 9) == 7)
        #expect(canvas.text(ofRow: 0) == "ë “Müll")
        #expect(canvas[0, 2].text == "“")
        #expect(canvas.put("a\tb\nc", row: 1, column: 0, style: .bold) == 5)
        #expect(canvas.text(ofRow: 1) == "a?b?c")
        #expect(canvas[1, 1] == Cell(text: "?", style: .bold))
        canvas.fill(row: 1, from: 8, to: 20, with: "—", style: .accent)
        #expect(canvas.text(ofRow: 1) == "a?b?c   ————")
        #expect(canvas[1, 11] == Cell(text: "—", style: .accent))
    }

    /// Indic vowel signs that take a column get a cell of their own, as the terminal gives
    /// them: they were dropped (a cluster went to one cell), so "नमस्ते" showed "नमस्".
    @Test func spacingMarksGetCellsOfTheirOwn() {
        var canvas = Canvas(width: 12, height: 2)
        #expect(canvas.put("नमस्ते हिन्दी", row: 0, column: 0) == 10)
        #expect(canvas.text(ofRow: 0) == "नमस्ते हिन्दी")
        #expect((0..<10).map { canvas[0, $0].text } == ["न", "म", "स्", "ते", " ", "ह", "ि", "न्", "द", "ी"])
        // Cut at the limit between whole clusters: "न्दी" (3 columns) does not fit in 2.
        #expect(canvas.put("हिन्दी", row: 1, column: 0, maxWidth: 4) == 3)
        #expect(canvas.text(ofRow: 1) == "हि")
        #expect(canvas.put("กำ", row: 1, column: 8) == 2)
        #expect(canvas[1, 8].text == "ก" && canvas[1, 9].text == "\u{E33}")
    }

    @Test func wideCharactersTakeTwoCellsAndAppearOnce() {
        var canvas = Canvas(width: 10, height: 1)
        #expect(canvas.put("日本", row: 0, column: 0) == 4)
        #expect(canvas[0, 0].text == "日")
        #expect(canvas[0, 1].text == "")
        #expect(canvas[0, 2].text == "本")
        #expect(canvas[0, 3].text == "")
        #expect(canvas.put("😀x", row: 0, column: 4) == 3)
        #expect(canvas.text(ofRow: 0) == "日本😀x")
    }

    @Test func combiningMarksStayWithTheirBase() {
        var canvas = Canvas(width: 10, height: 1)
        #expect(canvas.put("e\u{301}a", row: 0, column: 0) == 2)
        #expect(canvas[0, 0].text == "e\u{301}")
        #expect(canvas.text(ofRow: 0) == "e\u{301}a")
    }

    @Test func aLoneZeroWidthCharacterTakesNoCell() {
        var canvas = Canvas(width: 10, height: 1)
        #expect(canvas.put("\u{301}a\u{200B}b", row: 0, column: 0) == 2)
        #expect(canvas.text(ofRow: 0) == "ab")
    }

    @Test func textIsClippedAtTheRightEdge() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("abcdefg", row: 0, column: 2) == 3)
        #expect(canvas.text(ofRow: 0) == "  abc")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.fill(row: 0, from: 0, to: 5, with: "x")
        #expect(canvas.put("日本語", row: 0, column: 0) == 5)
        #expect(canvas[0, 4] == Cell(text: " "))
        #expect(canvas.text(ofRow: 0) == "日本")
    }

    @Test func maxWidthLimitsTheWrite() {
        var canvas = Canvas(width: 10, height: 2)
        #expect(canvas.put("hello", row: 0, column: 1, maxWidth: 3) == 3)
        #expect(canvas.text(ofRow: 0) == " hel")
        #expect(canvas.put("日本", row: 1, column: 0, maxWidth: 3) == 3)
        #expect(canvas.text(ofRow: 1) == "日")
        #expect(canvas[1, 2] == Cell(text: " "))
        #expect(canvas.put("abc", row: 1, column: 5, maxWidth: 0) == 0)
        #expect(canvas.put("abc", row: 1, column: 5, maxWidth: -2) == 0)
    }

    @Test func writesOutsideTheGridAreIgnored() {
        var canvas = Canvas(width: 4, height: 1)
        #expect(canvas.put("abc", row: 1, column: 0) == 0)
        #expect(canvas.put("abc", row: -1, column: 0) == 0)
        #expect(canvas.put("abc", row: 0, column: 4) == 0)
        #expect(canvas.lines == [""])
    }

    @Test func aNegativeColumnShowsOnlyTheVisiblePart() {
        var canvas = Canvas(width: 6, height: 2)
        #expect(canvas.put("abcd", row: 0, column: -2) == 2)
        #expect(canvas.text(ofRow: 0) == "cd")
        canvas.put("日本", row: 1, column: -1)
        #expect(canvas[1, 0] == Cell(text: " "))
        #expect(canvas.text(ofRow: 1) == " 本")
    }

    @Test func overwritingTheRightHalfBlanksTheLeftHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日", row: 0, column: 0)
        canvas.put("x", row: 0, column: 1)
        #expect(canvas[0, 0] == Cell(text: " "))
        #expect(canvas[0, 1] == Cell(text: "x"))
        #expect(canvas.text(ofRow: 0) == " x")
    }

    @Test func overwritingTheLeftHalfBlanksTheRightHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日", row: 0, column: 0, style: .bold)
        canvas.put("x", row: 0, column: 0)
        #expect(canvas[0, 1] == Cell(text: " ", style: .bold))
        #expect(canvas.text(ofRow: 0) == "x")
    }

    @Test func aWideCharacterAcrossTwoOthersBlanksBothOuterHalves() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日本", row: 0, column: 0)
        canvas.put("語", row: 0, column: 1)
        #expect(canvas.text(ofRow: 0) == " 語")
        #expect(canvas[0, 0] == Cell(text: " "))
        #expect(canvas[0, 3] == Cell(text: " "))
        assertNoOrphans(canvas)
    }

    @Test func fillOverHalfAWideCharacterLeavesNoOrphan() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a日本", row: 0, column: 0)
        canvas.fill(row: 0, from: 2, to: 4, with: "-")
        #expect(canvas.text(ofRow: 0) == "a --")
        assertNoOrphans(canvas)
    }

    @Test func controlCharactersAreNeverStored() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.put("a\u{1B}[31mb\tc\u{7F}d\u{85}e\u{0}\r\n", row: 0, column: 0)
        #expect(canvas.text(ofRow: 0) == "a?[31mb?c?d?e???")
        for column in 0..<canvas.width {
            for scalar in canvas[0, column].text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
            }
        }
    }

    @Test func fillWithAControlCharacterStoresPlaceholders() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.fill(row: 0, from: 0, to: 3, with: "\u{7}")
        #expect(canvas.text(ofRow: 0) == "???")
    }

    @Test func putAppliesTheStyle() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日a", row: 0, column: 1, style: [.bold, .accent])
        #expect(canvas[0, 0].style == [])
        #expect(canvas[0, 1].style == [.bold, .accent])
        #expect(canvas[0, 2].style == [.bold, .accent])
        #expect(canvas[0, 3].style == [.bold, .accent])
        #expect(canvas[0, 4].style == [])
    }

    @Test func addStyleAddsToWhatIsThereWithinTheRange() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("abcdef", row: 0, column: 0, style: .bold)
        canvas.addStyle(.reverse, row: 0, from: -2, to: 3)
        canvas.addStyle(.highlight, row: 0, from: 4, to: 99)
        canvas.addStyle(.dim, row: 5, from: 0, to: 6)
        #expect(canvas[0, 0].style == [.bold, .reverse])
        #expect(canvas[0, 2].style == [.bold, .reverse])
        #expect(canvas[0, 3].style == .bold)
        #expect(canvas[0, 5].style == [.bold, .highlight])
        #expect(canvas[1, 0].style == [])
        #expect(canvas.text(ofRow: 0) == "abcdef")
    }

    @Test func fillWritesTheCharacterWithStyleAndClips() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.fill(row: 0, from: 1, to: 10, with: "─", style: .accent)
        #expect(canvas.text(ofRow: 0) == " ─────")
        #expect(canvas[0, 5].style == .accent)
        #expect(canvas[0, 0].style == [])
    }

    @Test func fillWithAWideCharacterPadsTheOddColumn() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.fill(row: 0, from: 0, to: 5, with: "日")
        #expect(canvas.text(ofRow: 0) == "日日")
        #expect(canvas[0, 4] == Cell(text: " "))
    }

    @Test func fillWithDefaultsBlanksTheRange() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("abcdef", row: 0, column: 0, style: .bold)
        canvas.fill(row: 0, from: 2, to: 4)
        #expect(canvas.text(ofRow: 0) == "ab  ef")
        #expect(canvas[0, 2] == Cell(text: " "))
    }

    @Test func clearBlanksEverything() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.put("日本", row: 0, column: 0, style: .reverse)
        canvas.clear()
        #expect(canvas == Canvas(width: 4, height: 2))
    }

    @Test func linesAndDescriptionShowEveryRowRightTrimmed() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.put("Gazette ", row: 0, column: 0)
        canvas.put("日本", row: 2, column: 2)
        #expect(canvas.lines == ["Gazette", "", "  日本"])
        #expect(canvas.description == "Gazette\n\n  日本")
    }

    @Test func emojiAndCJKWidths() {
        var canvas = Canvas(width: 20, height: 1)
        #expect(canvas.put("한글", row: 0, column: 0) == 4)
        #expect(canvas.put("ｶ", row: 0, column: 0) == 1)
        #expect(canvas.put("Ａ", row: 0, column: 0) == 2)
        #expect(canvas.put("❤️", row: 0, column: 0) == 2)
        #expect(canvas.put("❤", row: 0, column: 0) == 1)
        #expect(canvas.put("👍🏽", row: 0, column: 0) == 2)
        #expect(canvas.put("“quoted”", row: 0, column: 0) == 8)
        #expect(canvas.put("سلام", row: 0, column: 0) == 4)
    }

    private func assertNoOrphans(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) {
        for row in 0..<canvas.height {
            for column in 0..<canvas.width where canvas[row, column].text.isEmpty {
                #expect(column > 0, sourceLocation: sourceLocation)
                #expect(!canvas[row, column - 1].text.isEmpty, sourceLocation: sourceLocation)
            }
        }
    }
}
