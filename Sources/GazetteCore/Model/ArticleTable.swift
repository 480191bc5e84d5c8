/// A table of text in an article: its rows of cells, laid out at the pane's width (in columns
/// where they fit, a paragraph per row where they do not), and the marks that go before its
/// lines (a quotation's "> ", a list item's marker and indent).
public struct ArticleTable: Sendable, Equatable {
    let grid: HTMLTableGrid
    /// What goes before the first line, and before the others.
    let first: String
    let rest: String

    /// The table as text for scripts: a paragraph per row, its cells joined by " | ", an empty
    /// one kept in its place (left out, the cells after it read as another column's; found by
    /// QA), after its marks.
    public var rowParagraphs: [String] {
        grid.rows.enumerated().map { index, row in
            (index == 0 ? first : rest) + row.map(\.text).joined(separator: " | ")
        }
    }
}
