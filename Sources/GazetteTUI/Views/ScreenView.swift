import GazetteCore

/// Draws the whole reader into a canvas: title bar, list, divider, article, status line.
public enum ScreenView {
    public static func render(_ reader: Reader, into canvas: inout Canvas) {
        canvas.clear()
        let layout = reader.layout
        guard layout.isUsable else {
            // Wrapped over the rows there are, shortened until it fits, so that even a tiny
            // terminal shows the size needed and how to quit (the end of the text was cut off).
            let need = "need \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight)"
            let texts = [
                "terminal too small (\(canvas.width)x\(canvas.height)); \(need) (Q quits)",
                "too small; \(need) (Q quits)", "\(need) (Q quits)", need,
            ]
            let width = max(1, canvas.width)
            let lines =
                texts.lazy.map { TextWrapper.wrap($0, width: width) }.first { $0.count <= canvas.height }
                ?? TextWrapper.wrap(need, width: width)
            let top = max(0, (canvas.height - lines.count) / 2)
            for (offset, line) in lines.prefix(canvas.height).enumerated() {
                canvas.put(line, row: min(canvas.height - 1, top + offset), column: 0)
            }
            return
        }
        if reader.showingHelp {
            HelpView.render(scroll: reader.helpScroll, notes: reader.loadNotes, into: &canvas)
            return
        }
        TitleBarView.render(
            left: titleText(reader), tail: titleTail(reader), right: countsText(reader), row: 0, into: &canvas
        )
        if layout.listHeight > 0 {
            let rows = reader.listWindow.map { row(reader, index: $0) }
            // A column to spare before the widest number, so that the flag never touches it.
            let numberWidth = max(3, String(widestNumber(reader)).count + 1)
            HeadlineListView.render(
                rows: rows, numberWidth: numberWidth, top: layout.listTop, height: layout.listHeight,
                emptyText: reader.query == nil
                    ? "no stories in this view (L changes the view)"
                    : reader.searchProgress == nil
                        ? "no story matches (Esc clears the search)" : "searching…",
                query: reader.query, into: &canvas)
        }
        let article = reader.selectedLayout
        let articleLines = article?.lines ?? []
        DividerView.render(
            // Grouped as the title bar's counts are, and of the same total: "1/50,000".
            position: reader.visible.isEmpty
                ? "0/0"
                : GroupedCount.text(reader.selection + 1) + "/"
                    + GroupedCount.text(reader.viewCounts.stories),
            title: reader.selectedEntry?.summary.title ?? "",
            progress: progressText(reader, lineCount: articleLines.count),
            row: layout.dividerRow, into: &canvas)
        ArticlePaneView.render(
            layout: article, scroll: reader.articleScroll, top: layout.paneTop,
            height: layout.paneHeight, query: reader.query, into: &canvas)
        if let prompt = reader.prompt {
            PromptView.render(prompt, row: layout.statusRow, into: &canvas)
            return
        }
        var message = reader.status
        // The files read again (`R`) while this reader, over them as they were, stays on screen.
        if message == nil, let progress = reader.reloadProgress ?? reader.indexing {
            // A folder's files still being checked: how far, in files (its bytes are mostly not known).
            let done =
                progress.isChecking
                ? "checking files: \(GroupedCount.text(progress.filesChecked)) of \(GroupedCount.text(progress.filesToCheck))"
                : (reader.isReloading || reader.reloadProgress != nil ? "reloading" : "indexing")
                    + " \(progress.percent)%"
            message = progressStatus(done, waiting: reader.waitingStatus)
        }
        // Changes another program's lock keeps waiting stay told until they are saved (moving
        // on put the hints back, and the word was gone; found by QA).
        if message == nil, let waiting = reader.tracker.waitingStatus { message = waiting }
        if message == nil, let search = reader.searchProgress, search.total > 0 {
            message = progressStatus(
                "searching \(search.scanned * 100 / search.total)%", waiting: reader.waitingStatus)
        }
        StatusLineView.render(
            message: message, focus: reader.focus, zoomed: reader.zoomed, searching: reader.query != nil,
            foundNothing: reader.query != nil && reader.visible.isEmpty && reader.searchProgress == nil,
            row: layout.statusRow, into: &canvas)
    }

    /// How far indexing or a search got (`done`), then what waits for it; narrow, the count of
    /// files checked alone (what waits shows once the count fits beside it).
    private static func progressStatus(_ done: String, waiting: StatusMessage?) -> StatusMessage {
        guard let waiting else { return StatusMessage(done + "…") }
        let short = done.hasPrefix("checking") ? done + "…" : done + " — " + (waiting.short ?? waiting.text)
        return StatusMessage(done + " — " + waiting.text, short: short)
    }

    /// What is open: the one source whose stories are listed, by name, else how many are.
    private static func titleText(_ reader: Reader) -> String {
        let catalog = reader.catalog
        let count = sourcesShown(reader)
        let first = catalog.entries.first.map(catalog.source(of:)) ?? catalog.sources.first?.source
        return "Gazette — "
            + (count == 1
                ? TerminalSanitizer.line(first?.displayName ?? "")
                : GroupedCount.text(count) + " sources")
    }

    /// The view and the search after what is open, " (unread only) — /rain": kept whole where
    /// the name is cut (the search typed was cut off behind the sample's name at 80 columns).
    private static func titleTail(_ reader: Reader) -> String {
        var text = ""
        if reader.filter != .all { text += " (\(reader.filter.label))" }
        if let query = reader.query { text += " — /" + TerminalSanitizer.line(query.text) }
        return text
    }

    /// How many sources the title counts: those with a story of their own in the list (a file
    /// whose every story is a copy of one in an earlier file lists none), and while indexing
    /// also those not indexed whole yet, which may have one.
    private static func sourcesShown(_ reader: Reader) -> Int {
        let catalog = reader.catalog
        let count =
            reader.indexing == nil
            ? catalog.sourcesListed : catalog.sources.count - catalog.sourcesPassedUnlisted
        return max(1, count)
    }

    /// "1 unread of 2", and for a narrow terminal "1 unread" ("2 found" in a search): the
    /// numbers, not cut.
    /// The highest story number the list will show: while indexing, the count the bytes
    /// indexed so far promise for the whole, so that the titles do not move sideways each time
    /// the count gains a digit (found by QA).
    static func widestNumber(_ reader: Reader) -> Int {
        let shown = reader.visible.last.map { $0 + 1 } ?? 0
        guard let progress = reader.indexing, progress.bytesDone > 0, progress.bytesTotal > progress.bytesDone
        else { return shown }
        let found = reader.catalog.entries.count + progress.articlesHeldBack
        let expected = Double(found) * Double(progress.bytesTotal) / Double(progress.bytesDone)
        return max(shown, Int(min(expected, 1e12)))
    }

    /// During `R`, the counts from before it stand for the stories not indexed again yet
    /// (``Reader/viewCounts``).
    private static func countsText(_ reader: Reader) -> [String] {
        let counts = reader.viewCounts
        let found = reader.query == nil ? "" : " found"
        let total = GroupedCount.text(counts.stories) + (counts.filling ? "…" : "") + found
        let unread = GroupedCount.text(counts.unread) + " unread"
        return [unread + " of " + total, reader.query == nil ? unread : total]
    }

    private static func progressText(_ reader: Reader, lineCount: Int) -> String {
        let maxScroll = max(0, lineCount - reader.layout.paneHeight)
        if lineCount == 0 { return "" }
        if maxScroll == 0 { return "all" }
        return "\(reader.articleScroll * 100 / maxScroll)%"
    }

    private static func row(_ reader: Reader, index: Int) -> HeadlineRow {
        let position = reader.visible[index]
        let entry = reader.catalog.entries[position]
        let id = entry.summary.id
        let details = reader.catalog.details(at: position)
        let shown = reader.catalog.shownName(of: entry)
        return HeadlineRow(
            // The story's number in the files, as `gazette list` and `show` number it.
            number: position + 1, title: entry.summary.title,
            credit: details.shortCredit,
            minutes: details.readingMinutes,
            unread: !reader.tracker.isRead(id), flagged: reader.tracker.isFlagged(id),
            selected: index == reader.selection,
            source: reader.catalog.sources.count > 1 ? shown.name : nil, sourceTag: shown.tag)
    }
}
