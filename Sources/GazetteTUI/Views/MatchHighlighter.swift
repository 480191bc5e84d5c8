import GazetteCore

/// Marks the cells of a row where search matches were drawn.
enum MatchHighlighter {
    /// Adds the highlight style over the matches of `query` in `text`, drawn at `column` of `row`.
    static func highlight(
        _ query: SearchQuery?, in text: String, row: Int, column: Int, limit: Int, into canvas: inout Canvas
    ) {
        guard let query, !query.isEmpty else { return }
        highlight(query.highlights(in: text), in: text, row: row, column: column, limit: limit, into: &canvas)
    }

    /// Adds the highlight style over the character `ranges` of `text`, drawn at `column` of `row`.
    static func highlight(
        _ ranges: [Range<Int>], in text: String, row: Int, column: Int, limit: Int, into canvas: inout Canvas
    ) {
        guard !ranges.isEmpty else { return }
        var columns: [Int] = [0]
        columns.reserveCapacity(text.count + 1)
        for character in text { columns.append((columns.last ?? 0) + DisplayWidth.of(character)) }
        for range in ranges where range.upperBound <= text.count {
            let from = column + columns[range.lowerBound]
            let to = min(column + columns[range.upperBound], limit)
            if to > from { canvas.addStyle(.highlight, row: row, from: from, to: to) }
        }
    }
}
