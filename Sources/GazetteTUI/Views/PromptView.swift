import GazetteCore

/// The search prompt on the status line: `/`, what is typed, and the cursor.
enum PromptView {
    static func render(_ prompt: SearchPrompt, row: Int, into canvas: inout Canvas) {
        canvas.fill(row: row, from: 0, to: canvas.width)
        // A note (a paste cut) at the right end, while the line leaves room for it.
        let note = prompt.note.map { "  (" + $0 + ") " }
        let noteWidth = note.map(DisplayWidth.of) ?? 0
        let typed = prompt.text.reduce(0) { $0 + DisplayWidth.of($1) }
        let showsNote = noteWidth > 0 && canvas.width - 3 - noteWidth >= min(typed + 1, 20)
        let room = max(1, canvas.width - 3 - (showsNote ? noteWidth : 0))
        // Keep the cursor in view: show the end of a line longer than the room.
        var first = 0
        var width = prompt.text.prefix(prompt.cursor).reduce(0) { $0 + DisplayWidth.of($1) }
        while width >= room && first < prompt.cursor {
            width -= DisplayWidth.of(prompt.text[first])
            first += 1
        }
        let shown = TerminalSanitizer.line(String(prompt.text[first...]))
        var column = canvas.put(" /", row: row, column: 0)
        column += canvas.put(shown, row: row, column: column, maxWidth: room)
        let cursorColumn = 2 + width
        canvas.addStyle(.reverse, row: row, from: cursorColumn, to: cursorColumn + 1)
        if showsNote, let note {
            canvas.put(note, row: row, column: canvas.width - noteWidth, maxWidth: noteWidth)
        }
    }
}
