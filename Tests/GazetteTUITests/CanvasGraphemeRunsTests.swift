import GazetteCore
import GazetteTUI
import TestSupport
import Testing

/// A line of mixed scripts is put as its graphemes are, one after another: its letters of one
/// column are stored without segmenting them, and what they stand beside (a combining mark, a
/// joiner, a flag, a wide or Indic character, a control) is still taken with them.
@Suite struct CanvasGraphemeRunsTests {
    private static let pieces = [
        "a", "Z", " ", "é", "ж", "—", "“", "ق", "e\u{301}", "\u{301}", "界", "😀", "👩‍👩‍👧",
        "🇫🇷", "🇩🇪", "👍🏽", "नमस्ते", "ि", "\u{200D}", "\u{FE0F}", "\t", "\u{1B}", "\u{85}", "각",
        "\u{1100}\u{1161}", "ก\u{E33}", "─", "·", "\u{AD}", "\u{200B}", "x\u{20E3}",
    ]

    /// The text's graphemes put one by one, each where the last ended, as long as they fit
    /// (a wide one that does not leaves a space, as `put` does).
    private static func putOneByOne(_ text: String, into canvas: inout Canvas, column: Int, maxWidth: Int)
        -> Int
    {
        let limit = min(canvas.width, column + maxWidth)
        var cursor = column
        var scratch = Canvas(width: 8, height: 1)
        for grapheme in text {
            guard cursor < limit else { break }
            let columns = scratch.put(String(grapheme), row: 0, column: 0)
            if columns == 0 { continue }
            if cursor + columns > limit {
                cursor += canvas.put(String(grapheme), row: 0, column: cursor, maxWidth: limit - cursor)
                break
            }
            canvas.put(String(grapheme), row: 0, column: cursor)
            if cursor >= 0 && DisplayWidth.cells(of: grapheme) == nil {
                // A grapheme (a letter and its marks, a flag, a family) is one cell.
                #expect(canvas[0, cursor].text == String(grapheme), "\(text.debugDescription)")
            }
            cursor += columns
        }
        return max(0, cursor - max(column, 0))
    }

    @Test func mixedTextIsPutAsItsGraphemesOneByOne() {
        var generator = SeededGenerator(seed: 56)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)!
            }.joined()
            let column = Int.random(in: -3...4, using: &generator)
            let maxWidth = Int.random(in: 0...40, using: &generator)
            var whole = Canvas(width: 30, height: 1)
            var byGrapheme = Canvas(width: 30, height: 1)
            let used = whole.put(text, row: 0, column: column, maxWidth: maxWidth)
            // Controls show as "?" (a control beside a mark makes a grapheme of both).
            let shown = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }
                ))
            let expected = Self.putOneByOne(shown, into: &byGrapheme, column: column, maxWidth: maxWidth)
            #expect(whole == byGrapheme, "\(text.debugDescription) at \(column), \(maxWidth) columns")
            #expect(used == expected, "\(text.debugDescription) at \(column), \(maxWidth) columns")
        }
    }

    @Test func lettersBesideMarksAndJoinersStayInTheirGraphemes() {
        var canvas = Canvas(width: 20, height: 1)
        #expect(canvas.put("Zoe\u{301} 界 ok", row: 0, column: 0) == 9)
        #expect((0..<9).map { canvas[0, $0].text } == ["Z", "o", "e\u{301}", " ", "界", "", " ", "o", "k"])
        var flags = Canvas(width: 20, height: 1)
        #expect(flags.put("a🇫🇷b👍🏽c", row: 0, column: 0) == 7)
        #expect((0..<7).map { flags[0, $0].text } == ["a", "🇫🇷", "", "b", "👍🏽", "", "c"])
    }

    /// The divider's rule (a box-drawing line) fills a row cell by cell, as one column each.
    @Test func aRuleOfOneColumnFillsEveryCell() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.fill(row: 0, from: 1, to: 5, with: "─", style: .accent)
        #expect(canvas.text(ofRow: 0) == " ────")
        #expect(canvas[0, 4] == Cell(text: "─", style: .accent))
        canvas.fill(row: 1, from: 0, to: 5, with: "界")
        #expect(canvas.text(ofRow: 1) == "界界")
        #expect(canvas[1, 4] == Cell(text: " "))
        canvas.fill(row: 2, from: 0, to: 3, with: "\u{301}")
        #expect(canvas.text(ofRow: 2) == "")
    }
}
