import GazetteCore

/// The rule between list and article: position, the selected title, how far it is scrolled.
enum DividerView {
    static func render(position: String, title: String, progress: String, row: Int, into canvas: inout Canvas)
    {
        let style: CellStyle = .accent
        let width = canvas.width
        canvas.fill(row: row, from: 0, to: width, with: "─", style: style)
        let head = "─── " + position + " ─ "
        let tail = progress.isEmpty ? "" : " " + progress + " ──"
        let room = width - DisplayWidth.of(head) - DisplayWidth.of(tail) - 2
        var column = canvas.put(head, row: row, column: 0, style: style)
        if room >= 3 && !title.isEmpty {
            column += canvas.put(
                TextTruncation.truncate(TerminalSanitizer.line(title), width: room), row: row, column: column,
                style: style)
            column += canvas.put(" ", row: row, column: column, style: style)
        }
        let tailWidth = DisplayWidth.of(tail)
        if width - tailWidth >= column {
            canvas.put(tail, row: row, column: width - tailWidth, style: style)
        }
    }
}
