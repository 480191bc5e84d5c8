import GazetteCore

/// The top row: program, what is open, and how much is unread.
enum TitleBarView {
    /// `right` holds the counts from the fullest to the shortest: the first that fits is shown,
    /// and `left` then `tail` only when there is room for them too. Short of room, `left` is cut
    /// before `tail` (down to ``leftKept`` columns): the view and the search a tail names say
    /// what the list holds, the file's name only where it comes from.
    static func render(
        left: String, tail: String = "", right: [String], row: Int, into canvas: inout Canvas
    ) {
        let style: CellStyle = [.accent, .bold]
        canvas.fill(row: row, from: 0, to: canvas.width, style: style)
        let counts = right.first { DisplayWidth.of($0) <= canvas.width - 2 } ?? right.last ?? ""
        let rightWidth = DisplayWidth.of(counts)
        let room = canvas.width - rightWidth - 3
        // The title only beside the fullest counts: it does not come back as the row narrows.
        if room >= 8 && (right.isEmpty || counts == right.first) {
            canvas.put(" " + fitted(left, tail: tail, width: room), row: row, column: 0, style: style)
            canvas.put(counts, row: row, column: canvas.width - rightWidth - 1, style: style)
        } else {
            canvas.put(
                " " + TextTruncation.truncate(counts, width: max(0, canvas.width - 1)), row: row, column: 0,
                style: style)
        }
    }

    /// The columns `left` keeps before `tail` is cut: "Gazette — rea…".
    static let leftKept = 14

    /// `left` then `tail` in `width` columns: `left` cut first, down to ``leftKept`` columns,
    /// then `tail` at its end (a long search hid the view and itself behind the whole name;
    /// found by QA); where not even that fits, both at the end.
    static func fitted(_ left: String, tail: String, width: Int) -> String {
        let whole = left + tail
        guard DisplayWidth.of(whole) > width, !tail.isEmpty else {
            return TextTruncation.truncate(whole, width: width)
        }
        let leftRoom = width - DisplayWidth.of(tail)
        let kept = min(leftKept, DisplayWidth.of(left))
        if leftRoom >= kept { return TextTruncation.truncate(left, width: leftRoom) + tail }
        guard width - kept >= tailKept else { return TextTruncation.truncate(whole, width: width) }
        let shortLeft = TextTruncation.truncate(left, width: kept)
        return shortLeft + TextTruncation.truncate(tail, width: width - DisplayWidth.of(shortLeft))
    }

    /// The fewest columns `tail` is cut to beside `left` cut short: " (unrea…".
    static let tailKept = 8
}
