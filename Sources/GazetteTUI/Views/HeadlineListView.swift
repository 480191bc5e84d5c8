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
    /// From this width on, every row keeps the credit column.
    static let creditColumnWidth = 64
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
        let credit = row.credit.map(TerminalSanitizer.line)
        // From `creditColumnWidth` columns on, every row keeps the credit column; below, a row
        // shows its credit where its title leaves room (it was never shown; found by QA).
        let creditColumnKept = width >= creditColumnWidth
        // Beside a source's name, a narrow terminal's title comes before the credit: at 80
        // columns the title had 26 columns of 80 (found by QA).
        let creditColumn = row.source != nil && width < wideWidth ? narrowCreditWidth : creditWidth
        var shownCredit =
            creditColumnKept ? credit.map { TextTruncation.truncate($0, width: creditColumn) } : nil
        var right = rightColumns(credit: shownCredit, minutes: minutes)
        var rightWidth = DisplayWidth.of(right)
        var titleRoom = max(0, width - column - (rightWidth > 0 ? rightWidth + 3 : 1))
        let ownTitle = TerminalSanitizer.line(row.title)
        var title = ownTitle
        // The source's name and how much of it shows, when the row has it.
        var shownName: (name: String, kept: Int)?
        if let source = row.source {
            // A feed's long name takes at most a third of the room a title has beside a full
            // credit column (the same in every row): the story's title tells the rows apart.
            let steadyRoom =
                width - column - (creditColumnKept ? creditColumn + 2 : 0)
                - (width >= 40 ? minutesWidth + 3 : 1)
            // Widened for its tag, the name leaves the title `minimumTitleWidth` columns (3 go to
            // the brackets and the space after them).
            let ownName = TerminalSanitizer.line(source)
            let name = Self.sourceName(
                ownName, tag: row.sourceTag.map(TerminalSanitizer.line),
                width: max(3, steadyRoom / 3 - 2), widest: steadyRoom - 3 - minimumTitleWidth)
            // Up to its "…" when it was cut short.
            shownName = (ownName, zip(ownName, name).prefix { $0 == $1 }.count)
            title = "[" + name + "] " + title
        }
        let spare = titleRoom - DisplayWidth.of(title)
        if let credit, creditColumnKept, spare > 0, DisplayWidth.of(credit) > creditColumn {
            // A credit cut short takes what the title leaves free.
            shownCredit = TextTruncation.truncate(credit, width: creditColumn + spare)
        } else if let credit, !creditColumnKept {
            // The title keeps its room: the credit takes what is left beyond two blanks, when
            // that shows more than a letter and the "…".
            let room = spare - 2
            if room >= min(DisplayWidth.of(credit), 3) {
                shownCredit = TextTruncation.truncate(credit, width: room)
            }
        }
        if let widened = shownCredit.map({ rightColumns(credit: $0, minutes: minutes) }), widened != right {
            right = widened
            rightWidth = DisplayWidth.of(right)
            titleRoom = max(0, width - column - rightWidth - 3)
        }
        let shown = TextTruncation.truncate(title, width: titleRoom)
        let titleColumn = column
        column += canvas.put(shown, row: line, column: column, style: style)
        if rightWidth > 0 {
            canvas.put(right, row: line, column: width - rightWidth - 1, style: style)
        }
        guard let query, !query.isEmpty else { return }
        // The search reads the story's title, its credit and the source's name before the title
        // (shown as far as it is not cut short).
        highlight(
            query, in: ownTitle, shownAs: shown, cut: shown != title, from: title.count - ownTitle.count,
            row: line, column: titleColumn, limit: titleColumn + titleRoom, into: &canvas)
        if let shownName {
            let kept = shown != title ? shown.count - 1 : shown.count
            let ranges = query.highlights(in: shownName.name).compactMap { range in
                let upper = min(range.upperBound, shownName.kept) + 1
                let lower = range.lowerBound + 1
                return lower < min(upper, kept) ? lower..<min(upper, kept) : nil
            }
            MatchHighlighter.highlight(
                ranges, in: shown, row: line, column: titleColumn, limit: titleColumn + titleRoom,
                into: &canvas)
        }
        if let credit, let shownCredit {
            let creditStart = width - rightWidth - 1
            highlight(
                query, in: credit, shownAs: shownCredit, cut: shownCredit != credit, from: 0, row: line,
                column: creditStart,
                limit: creditStart + DisplayWidth.of(shownCredit), into: &canvas)
        }
    }

    /// The right-hand columns: the credit, when shown, and the reading time.
    private static func rightColumns(credit: String?, minutes: String) -> String {
        guard let credit else { return minutes }
        return minutes.isEmpty ? credit : credit + "  " + minutes
    }

    /// Lights the matches of `query` in `text`, which starts at character `start` of `shown`
    /// (drawn at `column`; `cut` when a "…" ends it), as far as `shown` shows it: a match the
    /// "…" cut short is lit up to the cut (it was not lit at all; found by QA).
    private static func highlight(
        _ query: SearchQuery, in text: String, shownAs shown: String, cut: Bool, from start: Int, row: Int,
        column: Int, limit: Int, into canvas: inout Canvas
    ) {
        let kept = cut ? shown.count - 1 : shown.count
        let ranges = query.highlights(in: text).compactMap { range in
            let lower = range.lowerBound + start
            return lower < kept ? lower..<min(range.upperBound + start, kept) : nil
        }
        MatchHighlighter.highlight(ranges, in: shown, row: row, column: column, limit: limit, into: &canvas)
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
