import GazetteCore

/// The headline list: unread marker, flag, number, title cut with `…`, and credit and
/// reading time right-aligned when there is room.
enum HeadlineListView {
    /// Credit column width, when shown: more when the row's title leaves room.
    static let creditWidth = 16
    /// Credit column width beside a source's name below ``wideWidth`` columns, where the
    /// title comes first.
    static let narrowCreditWidth = 10
    /// From this width on, rows with a source's name have the full credit column.
    static let wideWidth = 100
    /// Reading-time column width ("99 min").
    static let minutesWidth = 6

    static func render(
        rows: [HeadlineRow], numberWidth: Int, top: Int, height: Int, emptyText: String,
        query: SearchQuery? = nil, into canvas: inout Canvas
    ) {
        if rows.isEmpty && height > 0 {
            canvas.put(
                "   " + TextTruncation.truncate(emptyText, width: canvas.width - 3), row: top, column: 0,
                style: .dim)
            return
        }
        for (offset, row) in rows.prefix(height).enumerated() {
            draw(row, numberWidth: numberWidth, at: top + offset, query: query, into: &canvas)
        }
    }

    private static func draw(
        _ row: HeadlineRow, numberWidth: Int, at line: Int, query: SearchQuery?, into canvas: inout Canvas
    ) {
        let width = canvas.width
        var style: CellStyle = row.unread ? .bold : []
        if row.selected { style.insert(.reverse) }
        canvas.fill(row: line, from: 0, to: width, style: style)
        let number = String(row.number)
        let prefix =
            " " + (row.unread ? "N" : " ") + (row.flagged ? "!" : " ")
            + String(repeating: " ", count: max(0, numberWidth - number.count)) + number + "  "
        var column = canvas.put(prefix, row: line, column: 0, style: style)

        var minutes = ""
        if width >= 40 {
            // A story without text has no reading time to give; a long one's is in hours, so the
            // column keeps its width ("2000 min" pushed the credit left; found by QA).
            let text = ReadingTime.shortText(minutes: row.minutes)
            minutes = String(repeating: " ", count: max(0, minutesWidth - text.count)) + text
        }
        let credit = width >= 64 ? row.credit.map(TerminalSanitizer.line) : nil
        // Beside a source's name, a narrow terminal's title comes before the credit: at 80
        // columns the title had 26 columns of 80 (found by QA).
        let creditColumn = row.source != nil && width < wideWidth ? narrowCreditWidth : creditWidth
        var right = minutes
        if let credit { right = TextTruncation.truncate(credit, width: creditColumn) + "  " + minutes }
        var rightWidth = DisplayWidth.of(right)
        var titleRoom = max(0, width - column - (rightWidth > 0 ? rightWidth + 3 : 1))
        var title = TerminalSanitizer.line(row.title)
        if let source = row.source {
            // A feed's long name takes at most a third of the room a title has beside a full
            // credit column (the same in every row): the story's title tells the rows apart.
            let steadyRoom =
                width - column - (width >= 64 ? creditColumn + 2 : 0) - (width >= 40 ? minutesWidth + 3 : 1)
            // Widened for its tag, the name leaves the title `minimumTitleWidth` columns (3 go to
            // the brackets and the space after them).
            let name = Self.sourceName(
                TerminalSanitizer.line(source), tag: row.sourceTag.map(TerminalSanitizer.line),
                width: max(3, steadyRoom / 3 - 2), widest: steadyRoom - 3 - minimumTitleWidth)
            title = "[" + name + "] " + title
        }
        // A credit cut short takes what the title leaves free.
        let spare = titleRoom - DisplayWidth.of(title)
        if let credit, spare > 0, DisplayWidth.of(credit) > creditColumn {
            right = TextTruncation.truncate(credit, width: creditColumn + spare) + "  " + minutes
            rightWidth = DisplayWidth.of(right)
            titleRoom = max(0, width - column - rightWidth - 3)
        }
        let shown = TextTruncation.truncate(title, width: titleRoom)
        let titleColumn = column
        column += canvas.put(shown, row: line, column: column, style: style)
        if let query, !query.isEmpty {
            // Matches are found in the whole title and lit as far as it is shown: one the "…"
            // cut short was not lit at all (found by QA).
            let kept = shown == title ? shown.count : shown.count - 1
            let ranges = query.highlights(in: title).compactMap { range in
                range.lowerBound < kept ? range.lowerBound..<min(range.upperBound, kept) : nil
            }
            MatchHighlighter.highlight(
                ranges, in: shown, row: line, column: titleColumn, limit: titleColumn + titleRoom,
                into: &canvas)
        }
        if rightWidth > 0 {
            canvas.put(right, row: line, column: width - rightWidth - 1, style: style)
        }
    }

    /// A source's name in `width` columns, with what tells it apart (`tag`) kept whole after
    /// it when both fit in part ("Daring… (JSON)"): cut from the end, two sources of one name
    /// looked the same. Where `width` is too narrow for the tag after two of the name's
    /// characters, the name takes up to `widest` columns for them ("Da… (JSON)"; at 40 columns
    /// it showed "Dari…" alone; found by QA).
    static func sourceName(_ name: String, tag: String?, width: Int, widest: Int? = nil) -> String {
        guard let tag else { return TextTruncation.truncate(name, width: width) }
        let suffix = " (" + tag + ")"
        let nameWidth = DisplayWidth.of(name)
        // Two characters and the "…", or the name whole when it is shorter.
        let least = DisplayWidth.of(suffix) + min(nameWidth, minimumNameWidth)
        let width = max(width, min(least, widest ?? width))
        let room = width - DisplayWidth.of(suffix)
        guard nameWidth > room else { return name + suffix }
        guard room >= minimumNameWidth else { return TextTruncation.truncate(name + suffix, width: width) }
        return TextTruncation.truncate(name, width: room) + suffix
    }

    /// The least of a name shown before its tag: two characters and "…".
    static let minimumNameWidth = 3
    /// The least room a row's title keeps beside a source's name widened for its tag.
    static let minimumTitleWidth = 10
}
