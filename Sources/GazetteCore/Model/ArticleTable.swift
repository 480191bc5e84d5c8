/// A table of text in an article: its rows of cells, laid out at the pane's width (in columns
/// where they fit, a paragraph per row where they do not), and the marks that go before its
/// lines (a quotation's "> ", a list item's marker and indent).
public struct ArticleTable: Sendable, Equatable {
    let grid: HTMLTableGrid
    /// What goes before the first line, and before the others.
    let first: String
    let rest: String

    /// The table as text for scripts: a paragraph per row, its cells joined by " | ", after
    /// its marks (as rows were before tables were laid out in columns).
    public var rowParagraphs: [String] {
        grid.rows.enumerated().map { index, row in (index == 0 ? first : rest) + HTMLTableGrid.joined(row) }
    }
}
