import GazetteCore

/// The article pane: the wrapped lines from `scroll` on, title and headings bold and caption
/// dim, search matches highlighted (a phrase wrapped onto the next line on both).
enum ArticlePaneView {
    static func render(
        layout: ArticleLayout?, scroll: Int, top: Int, height: Int, query: SearchQuery? = nil,
        into canvas: inout Canvas
    ) {
        guard let layout else { return }
        let shown = min(scroll, layout.lines.count)..<min(scroll + max(height, 0), layout.lines.count)
        let highlights = query.map { layout.highlights(of: $0, in: shown) }
        for (offset, index) in shown.enumerated() {
            let line = layout.lines[index]
            let style: CellStyle
            switch line.kind {
            case .title: style = .bold
            case .caption: style = .dim
            case .body, .blank: style = line.isHeading ? .bold : []
            }
            canvas.put(line.text, row: top + offset, column: 1, style: style, maxWidth: canvas.width - 2)
            if let highlights {
                MatchHighlighter.highlight(
                    highlights[offset], in: line.text, row: top + offset, column: 1, limit: canvas.width - 1,
                    into: &canvas)
            }
        }
    }
}
