import GazetteCore

/// The rule between list and article: position, the selected title, how far it is scrolled.
enum DividerView {
    /// When the row is short, the title goes first, then the rules around the numbers shrink,
    /// then the progress: the position stays.
    static func render(position: String, title: String, progress: String, row: Int, into canvas: inout Canvas)
    {
        let style: CellStyle = .accent
        let width = canvas.width
        canvas.fill(row: row, from: 0, to: width, with: "─", style: style)
        let head = "─── " + position + " ─ "
        let tail = progress.isEmpty ? "" : " " + progress + " ──"
        // A percentage is given the room of "100%" whatever it reads: the title is cut at the
        // same place while the article scrolls (its "…" moved as 9% became 10% and 100%).
        let tailRoom =
            DisplayWidth.of(tail) + (progress.hasSuffix("%") ? max(0, 4 - DisplayWidth.of(progress)) : 0)
        let room = width - DisplayWidth.of(head) - tailRoom - 2
        if room >= 3 && !title.isEmpty {
            var column = canvas.put(head, row: row, column: 0, style: style)
            column += canvas.put(
                TextTruncation.truncate(TerminalSanitizer.line(title), width: room), row: row, column: column,
                style: style)
            canvas.put(" ", row: row, column: column, style: style)
            canvas.put(tail, row: row, column: width - DisplayWidth.of(tail), style: style)
            return
        }
        let short = progress.isEmpty ? "" : " " + progress + " ─"
        let choices = [
            ("─── " + position + " ", tail), ("─ " + position + " ", short), ("─ " + position + " ", ""),
        ]
        // The first that leaves a rule between the position and the progress.
        let (left, right) =
            choices.first { DisplayWidth.of($0.0) + 1 + DisplayWidth.of($0.1) <= width } ?? choices[2]
        canvas.put(TextTruncation.truncate(left, width: width), row: row, column: 0, style: style)
        if !right.isEmpty {
            canvas.put(right, row: row, column: width - DisplayWidth.of(right), style: style)
        }
    }
}
