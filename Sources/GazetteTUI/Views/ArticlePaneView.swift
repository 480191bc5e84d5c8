import GazetteCore

/// The article pane: the wrapped lines from `scroll` on, title bold and caption dim.
enum ArticlePaneView {
    static func render(
        lines: ArraySlice<DisplayLine>, top: Int, height: Int, query: SearchQuery? = nil,
        into canvas: inout Canvas
    ) {
        for (offset, line) in lines.prefix(height).enumerated() {
            let style: CellStyle
            switch line.kind {
            case .title: style = .bold
            case .caption: style = .dim
            case .body, .blank: style = []
            }
            canvas.put(line.text, row: top + offset, column: 1, style: style, maxWidth: canvas.width - 2)
            MatchHighlighter.highlight(
                query, in: line.text, row: top + offset, column: 1, limit: canvas.width - 1, into: &canvas)
        }
    }
}
