import GazetteCore

/// Every key, from the same table the reader dispatches on.
enum HelpView {
    /// One help entry: a key label and what it does.
    private static let entries: [(label: String, summary: String)] =
        KeyBindings.table.map { ($0.label, $0.summary) }

    /// The help text wrapped to `width` columns: a heading, then each key with its summary
    /// beside it, continued under the summary when it does not fit.
    static func lines(width: Int, notes: [String] = []) -> [(text: String, heading: Bool)] {
        items(width: width, notes: notes).map { ($0.text, $0.heading) }
    }

    /// How many of the last load's notes are listed; the rest are counted.
    static let notesListed = 100

    /// ``lines(width:)`` with the number of the heading or key each line belongs to (the same
    /// at every width).
    /// `notes`: the warnings of the last load (``Reader/loadNotes``; the status line shows the
    /// first), listed after the keys under a heading of their own and counted in a line above
    /// them: listed first, 21 skipped files filled the first page and hid the keys (found by QA).
    private static func items(width: Int, notes: [String] = []) -> [(text: String, heading: Bool, item: Int)]
    {
        let labels =
            entries.map(\.label)
            + (KeyBindings.mouseHelp + KeyBindings.searchLineHelp + KeyBindings.terminalHelp)
            .map(\.label)
        let labelWidth = (labels.map { DisplayWidth.of($0) } + [12]).max() ?? 12
        let indent = 2 + labelWidth + 2
        var item = 0
        var lines: [(String, Bool, Int)] = []
        if !notes.isEmpty {
            for line in TextWrapper.wrap(notesCount(notes), width: max(1, width - 1)) {
                lines.append((line, false, item))
            }
            item += 1
            lines.append(("", false, item))
        }
        lines += [("Keys", true, item), ("", false, item)]
        func add(_ label: String, _ summary: String) {
            item += 1
            let room = width - indent - 1
            guard room >= 10 else {
                lines.append(("  " + label, false, item))
                for line in TextWrapper.wrap(summary, width: max(1, width - 5)) {
                    lines.append(("    " + line, false, item))
                }
                return
            }
            let wrapped = TextWrapper.wrap(summary, width: room)
            for (index, line) in wrapped.enumerated() {
                let head =
                    index == 0
                    ? "  " + label.padding(columns: labelWidth) + "  " : String(repeating: " ", count: indent)
                lines.append((head + line, false, item))
            }
        }
        for entry in entries { add(entry.label, entry.summary) }
        for (heading, entries) in [
            ("Mouse", KeyBindings.mouseHelp), ("Search line", KeyBindings.searchLineHelp),
            ("Terminal", KeyBindings.terminalHelp),
        ] {
            item += 1
            lines += [("", false, item), (heading, true, item), ("", false, item)]
            for entry in entries { add(entry.label, entry.summary) }
        }
        if !notes.isEmpty {
            item += 1
            lines += [("", false, item), ("Last load", true, item), ("", false, item)]
            var listed = notes.prefix(notesListed).map(TerminalSanitizer.visible)
            if notes.count > notesListed {
                listed.append("and \(GroupedCount.text(notes.count - notesListed)) more")
            }
            for note in listed {
                item += 1
                // Four columns of indent, and the row's leading space: a wider line lost its
                // last column (found by QA).
                for (index, line) in TextWrapper.wrap(note, width: max(1, width - 5)).enumerated() {
                    lines.append(((index == 0 ? "  " : "    ") + line, false, item))
                }
            }
        }
        return lines
    }

    /// The line above the keys that counts the last load's `notes`: "21 files skipped at the
    /// last load: listed below the keys", or its warnings about files read.
    static func notesCount(_ notes: [String]) -> String {
        let skipped = notes.count(where: { $0.hasPrefix("skipped:") || $0.hasPrefix("skipped ") })
        let warned = notes.count - skipped
        func counted(_ count: Int, _ one: String, _ many: String) -> String {
            GroupedCount.text(count) + " " + (count == 1 ? one : many)
        }
        let files = counted(skipped, "file", "files") + " skipped at the last load"
        let warnings = counted(warned, "warning", "warnings")
        let what =
            warned == 0 ? files : skipped == 0 ? warnings + " from the last load" : warnings + " and " + files
        return what + ": listed below the keys"
    }

    /// The scroll at `width`×`height` that shows what `scroll` showed at the old size: the
    /// same key at the top, or the end when the end was shown.
    static func scroll(
        _ scroll: Int, from old: (width: Int, height: Int), to new: (width: Int, height: Int),
        notes: [String] = []
    ) -> Int {
        let before = items(width: old.width - 1, notes: notes)
        let oldMax = max(0, before.count - max(0, old.height - 2))
        let newMax = maxScroll(width: new.width, height: new.height, notes: notes)
        if oldMax > 0 && scroll >= oldMax { return newMax }
        guard before.indices.contains(scroll) else { return 0 }
        let item = before[scroll].item
        let line = items(width: new.width - 1, notes: notes).firstIndex { $0.item == item } ?? 0
        return min(line, newMax)
    }

    /// How far help can scroll at this size.
    static func maxScroll(width: Int, height: Int, notes: [String] = []) -> Int {
        max(0, lines(width: width - 1, notes: notes).count - max(0, height - 2))
    }

    /// The way out first: at 40 columns the hints were cut before it, mid-word (found by QA).
    static let helpHints = "q:close  j/k Space b:scroll  g/G:top/end  other keys:close"

    static func render(scroll: Int, notes: [String] = [], into canvas: inout Canvas) {
        TitleBarView.render(left: "Gazette — help", right: [], row: 0, into: &canvas)
        let height = max(0, canvas.height - 2)
        let text = lines(width: canvas.width - 1, notes: notes)
        let first = min(scroll, max(0, text.count - height))
        for (offset, line) in text.dropFirst(first).prefix(height).enumerated() {
            canvas.put(
                " " + line.text, row: 1 + offset, column: 0, style: line.heading ? .bold : [],
                maxWidth: canvas.width - 1)
        }
        StatusLineView.render(
            message: nil, hints: helpHints, focus: .list, row: canvas.height - 1, into: &canvas)
    }
}

extension String {
    /// The string padded with spaces to `columns` display columns.
    func padding(columns: Int) -> String {
        self + String(repeating: " ", count: max(0, columns - DisplayWidth.of(self)))
    }
}
