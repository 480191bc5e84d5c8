import GazetteCore

/// The top row: program, what is open, and how much is unread.
enum TitleBarView {
    static func render(left: String, right: String, row: Int, into canvas: inout Canvas) {
        let style: CellStyle = [.accent, .bold]
        canvas.fill(row: row, from: 0, to: canvas.width, style: style)
        let rightWidth = DisplayWidth.of(right)
        let room = canvas.width - rightWidth - 3
        if room >= 8 {
            canvas.put(" " + TextTruncation.truncate(left, width: room), row: row, column: 0, style: style)
            canvas.put(right, row: row, column: canvas.width - rightWidth - 1, style: style)
        } else {
            canvas.put(
                " " + TextTruncation.truncate(right, width: max(0, canvas.width - 1)), row: row, column: 0,
                style: style)
        }
    }
}
