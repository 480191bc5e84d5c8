import GazetteCore

/// The bottom row: the last message, or key hints.
enum StatusLineView {
    static let listHints = "?:help  q:quit  Enter:open  J/K:next/prev story  n:next unread  N:toggle read"
    static let articleHints = "?:help  q:back  Space:page  J/K:next/prev story  n:next unread  N:toggle read"
    /// Zoomed, the hints say so first: nothing else on the screen did (found by QA).
    static let zoomedHints = "zoomed (z:back)  ?:help  q:back  Space:page  J/K:next/prev  n:next unread"

    static func render(
        message: String?, focus: Focus, zoomed: Bool = false, row: Int, into canvas: inout Canvas
    ) {
        let text = message ?? (zoomed ? zoomedHints : focus == .article ? articleHints : listHints)
        let style: CellStyle = message == nil ? .dim : []
        canvas.put(
            " " + TextTruncation.truncate(TerminalSanitizer.line(text), width: max(0, canvas.width - 2)),
            row: row, column: 0, style: style)
    }
}
