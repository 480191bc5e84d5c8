import GazetteCore

/// The top row: program, what is open, and how much is unread.
enum TitleBarView {
    /// `right` holds the counts from the fullest to the shortest: the first that fits is shown,
    /// and `left` only when there is room for it too.
    static func render(left: String, right: [String], row: Int, into canvas: inout Canvas) {
        let style: CellStyle = [.accent, .bold]
        canvas.fill(row: row, from: 0, to: canvas.width, style: style)
        let counts = right.first { DisplayWidth.of($0) <= canvas.width - 2 } ?? right.last ?? ""
        let rightWidth = DisplayWidth.of(counts)
        let room = canvas.width - rightWidth - 3
        // The title only beside the fullest counts: it does not come back as the row narrows.
        if room >= 8 && (right.isEmpty || counts == right.first) {
            canvas.put(" " + TextTruncation.truncate(left, width: room), row: row, column: 0, style: style)
            canvas.put(counts, row: row, column: canvas.width - rightWidth - 1, style: style)
        } else {
            canvas.put(
                " " + TextTruncation.truncate(counts, width: max(0, canvas.width - 1)), row: row, column: 0,
                style: style)
        }
    }
}
