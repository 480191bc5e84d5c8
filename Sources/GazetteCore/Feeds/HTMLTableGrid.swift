/// The rows of an HTML table whose cells hold a line of text each, laid out in columns: a
/// row per line, cells padded to their column's width, columns of numbers right-aligned, a rule under a
/// header row. A table too wide for that gives a paragraph per row, its cells joined by " | ".
public struct HTMLTableGrid: Sendable, Equatable {
    struct Cell: Sendable, Equatable {
        var text: String
        var isHeader: Bool
        /// The text's width in terminal columns.
        fileprivate(set) var width = 0

        init(text: String, isHeader: Bool) {
            self.text = text
            self.isHeader = isHeader
        }
    }

    /// The part of a table a row is in: its head (`thead`), body or foot (`tfoot`).
    enum Section: Sendable, Equatable {
        case head, body, foot
    }

    private var head: [[Cell]] = []
    private var body: [[Cell]] = []
    private var foot: [[Cell]] = []

    /// The rows in the order they show: the head's first and the foot's last, wherever the
    /// source has them (a `thead` after the `tbody` was drawn last; browsers draw it first).
    var rows: [[Cell]] { head.isEmpty && foot.isEmpty ? body : head + body + foot }

    /// Widest table, in terminal columns, laid out in columns: one that fits the article pane
    /// of an 80-column terminal. The text is laid out before any width is known, and a wider
    /// table's rows wrapped there with their columns broken.
    static let widestAligned = 78
    /// Columns between two cells.
    static let gap = 2
    private static let spaces = String(repeating: " ", count: widestAligned)

    /// A row as a line of its cells joined by " | " (empty ones left out).
    static func joined(_ row: [Cell]) -> String {
        row.map(\.text).filter { !$0.isEmpty }.joined(separator: " | ")
    }

    /// Adds a row to its section (one without text is left out).
    mutating func add(_ cells: [Cell], in section: Section = .body) {
        guard cells.contains(where: { !$0.text.isEmpty }) else { return }
        let row = cells.map { cell in
            var measured = cell
            measured.width = DisplayWidth.of(cell.text)
            return measured
        }
        switch section {
        case .head: head.append(row)
        case .body: body.append(row)
        case .foot: foot.append(row)
        }
    }

    /// The table's lines, for one paragraph of preformatted text; nil for a table wider than
    /// `widest` columns.
    func lines(widest: Int = widestAligned) -> [String]? {
        let rows = rows
        // Columns no row has text in (spacers) take no room.
        let count = rows.map(\.count).max() ?? 0
        var used = [Bool](repeating: false, count: count)
        for row in rows {
            for (column, cell) in row.enumerated() where !cell.text.isEmpty { used[column] = true }
        }
        let columns = used.indices.filter { used[$0] }
        guard columns.count * (1 + Self.gap) - Self.gap <= widest else { return nil }
        // A row of one cell spans the table (a heading inside it, a note): it is not measured.
        let spans = rows.map { row in columns.count > 1 && row.count == 1 }
        var widths = [Int](repeating: 0, count: count)
        // Columns of numbers (a header aside) are right-aligned.
        var numbers = [Int](repeating: 0, count: count)
        var words = [Int](repeating: 0, count: count)
        for (row, cells) in rows.enumerated() where !spans[row] {
            for (column, cell) in cells.enumerated() where !cell.text.isEmpty {
                widths[column] = max(widths[column], cell.width)
                guard !cell.isHeader else { continue }
                if Self.isNumber(cell.text) { numbers[column] += 1 } else { words[column] += 1 }
            }
        }
        let total = columns.reduce(0) { $0 + widths[$1] } + Self.gap * max(0, columns.count - 1)
        guard total <= widest else { return nil }
        let gap = Self.spaces.prefix(Self.gap)
        // A header (a first row of `th`) is ruled off under its last row: the `thead`'s, which a
        // browser draws as one block (a head of two rows was ruled under its first; found by QA).
        let headerEnd = head.isEmpty ? 0 : head.count - 1
        let ruled =
            rows.count > headerEnd + 1 && rows[0].allSatisfy { $0.isHeader || $0.text.isEmpty }
        var lines: [String] = []
        lines.reserveCapacity(rows.count + 1)
        for (index, row) in rows.enumerated() {
            if spans[index] {
                lines.append(row.first { !$0.text.isEmpty }?.text ?? "")
                continue
            }
            // Padding stops at the row's last cell with text.
            let last = row.lastIndex { !$0.text.isEmpty } ?? 0
            var line = ""
            for (position, column) in columns.enumerated() where column <= last {
                if position > 0 { line += gap }
                let text = row[column].text
                let padding = Self.spaces.prefix(max(0, widths[column] - row[column].width))
                if numbers[column] > 0 && words[column] == 0 {
                    line += padding
                    line += text
                } else {
                    line += text
                    if column < last { line += padding }
                }
            }
            lines.append(line)
            if ruled && index == headerEnd { lines.append(rule(under: rows[0...headerEnd], columns, widths)) }
        }
        return lines
    }

    /// The rule under header rows: under the columns where one of them has text, as far as
    /// their last such cell.
    private func rule(under header: ArraySlice<[Cell]>, _ columns: [Int], _ widths: [Int]) -> String {
        var texts = [Bool](repeating: false, count: widths.count)
        for row in header {
            for (column, cell) in row.enumerated() where !cell.text.isEmpty { texts[column] = true }
        }
        let last = texts.lastIndex(of: true) ?? 0
        return columns.lazy.filter { $0 <= last }.map { column in
            String(repeating: texts[column] ? "─" : " ", count: widths[column])
        }.joined(separator: String(Self.spaces.prefix(Self.gap)))
    }

    /// Whether a cell reads as a number or an amount ("1,024", "-3.5", "12%", "$9", "(4)").
    static func isNumber(_ text: String) -> Bool {
        var digits = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits = true
            case ".", ",", "%", "+", "-", "\u{2212}", "(", ")", "$", "€", "£", "¥", " ", "\u{A0}", "\u{2009}",
                "\u{202F}":
                continue
            default: return false
            }
        }
        return digits
    }
}
