import GazetteCore

/// How a cell is drawn: attributes and colour roles, combined as a set.
public struct CellStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = CellStyle(rawValue: 1 << 0)
    public static let reverse = CellStyle(rawValue: 1 << 1)
    public static let dim = CellStyle(rawValue: 1 << 2)
    public static let underline = CellStyle(rawValue: 1 << 3)
    /// A search match.
    public static let highlight = CellStyle(rawValue: 1 << 4)
    /// The accent colour role, for the title bar and the divider.
    public static let accent = CellStyle(rawValue: 1 << 5)
}

/// One terminal cell.
public struct Cell: Equatable, Sendable {
    /// One grapheme cluster; `""` for the right half of a wide character.
    public var text: String
    public var style: CellStyle

    public init(text: String, style: CellStyle = []) {
        self.text = text
        self.style = style
    }

    /// An unstyled space.
    public static let blank = Cell(text: " ")

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}

/// A grid of cells that views draw into and a `Terminal` shows.
///
/// Every stored grapheme is free of control characters, and a wide character always occupies
/// a head cell followed by a continuation cell (`""`) in the same row: writing over either half
/// blanks the other.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    /// A blank canvas; negative sizes are clamped to 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at a position; a blank cell outside the grid.
    public subscript(row: Int, column: Int) -> Cell {
        guard contains(row: row, column: column) else { return .blank }
        return cells[row * width + column]
    }

    /// The text of a cell for each ASCII code: the character, or `?` for a control.
    private static let asciiCells: [String] = (0..<128).map { code in
        code < 0x20 || code == 0x7F ? "?" : String(UnicodeScalar(UInt8(code)))
    }

    /// Writes text from (row, column), grapheme by grapheme, never past `column + maxWidth` nor the
    /// right edge; a wide char that would not fit whole is replaced by a space; control characters
    /// are never stored (any scalar below 0x20 or in 0x7F–0x9F becomes "?"). Returns the columns used.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, style: CellStyle = [], maxWidth: Int? = nil
    ) -> Int {
        guard row >= 0, row < height else { return 0 }
        let limit = min(width, column + max(0, maxWidth ?? width))
        var cursor = column
        if DisplayWidth.isOneColumnText(text) {
            // Most text: a grapheme per scalar, each one column wide.
            for scalar in text.unicodeScalars {
                if cursor >= limit { break }
                if cursor >= 0 {
                    let shown =
                        scalar.value < 0x80
                        ? Canvas.asciiCells[Int(scalar.value)]
                        : Canvas.isControl(scalar) ? "?" : String(Character(scalar))
                    store(Cell(text: shown, style: style), row: row, column: cursor)
                }
                cursor += 1
            }
            return max(0, cursor - max(column, 0))
        }
        let shown = Canvas.visible(text)
        let scalars = shown.unicodeScalars
        var index = shown.startIndex
        while index < shown.endIndex {
            // A scalar of one column that the next one cannot join (a letter of a line of mixed
            // scripts) is a grapheme of its own: stored without segmenting or measuring it.
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if DisplayWidth.isOneColumnScalar(scalar)
                && (next == shown.endIndex || DisplayWidth.isOneColumnScalar(scalars[next]))
            {
                if cursor >= limit { break }
                if cursor >= 0 {
                    let cell = scalar.value < 0x80 ? Canvas.asciiCells[Int(scalar.value)] : String(scalar)
                    store(Cell(text: cell, style: style), row: row, column: cursor)
                }
                cursor += 1
                index = next
                if cursor >= limit { break }
                continue
            }
            let grapheme = shown[index]
            index = shown.index(after: index)
            let columns = DisplayWidth.of(grapheme)
            if columns == 0 { continue }
            if cursor + columns > limit {
                if cursor < limit, cursor >= 0 {
                    store(Cell(text: " ", style: style), row: row, column: cursor)
                    cursor += 1
                }
                break
            }
            if let cells = DisplayWidth.cells(of: grapheme) {
                // Several spacing scalars (Indic vowel signs): a cell each, as a terminal lays them out.
                var at = cursor
                for cell in cells {
                    store(cell.text, columns: cell.width, style: style, row: row, column: at)
                    at += cell.width
                }
            } else {
                store(String(grapheme), columns: columns, style: style, row: row, column: cursor)
            }
            cursor += columns
            if cursor >= limit { break }
        }
        return max(0, cursor - max(column, 0))
    }

    /// Adds a style to cells [from, to) in a row, keeping what is there (for selection bars).
    public mutating func addStyle(_ style: CellStyle, row: Int, from: Int, to: Int) {
        guard row >= 0, row < height else { return }
        let start = max(0, from)
        let end = min(width, to)
        guard start < end else { return }
        for column in start..<end {
            cells[row * width + column].style.formUnion(style)
        }
    }

    /// Fills cells [from, to) in a row with a character; a wide character that does not fit whole
    /// at the end leaves a space.
    public mutating func fill(
        row: Int, from: Int, to: Int, with character: Character = " ", style: CellStyle = []
    ) {
        guard row >= 0, row < height else { return }
        let end = min(width, to)
        var column = max(0, from)
        let text = String(character)
        // A character of one column in one cell (the divider's rule, a box-drawing line) is
        // stored as `put` would store it, without measuring it again for every cell.
        if DisplayWidth.isOneColumnText(text)
            || (DisplayWidth.of(character) == 1 && DisplayWidth.cells(of: character) == nil
                && !text.unicodeScalars.contains(where: Canvas.isControl))
        {
            let cell = Cell(text: Canvas.visible(text), style: style)
            while column < end {
                store(cell, row: row, column: column)
                column += 1
            }
            return
        }
        while column < end {
            let used = put(text, row: row, column: column, style: style, maxWidth: end - column)
            if used == 0 {
                // A zero-width character: fill with spaces instead.
                put(" ", row: row, column: column, style: style)
                column += 1
            } else {
                column += used
            }
        }
    }

    /// Blanks every cell and removes all styles.
    public mutating func clear() {
        for index in cells.indices {
            cells[index] = .blank
        }
    }

    /// The row as plain text, right-trimmed (wide chars appear once): for tests and snapshots.
    public func text(ofRow row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var result = ""
        for cell in cells[row * width..<(row + 1) * width] {
            result += cell.text
        }
        while result.last == " " {
            result.removeLast()
        }
        return result
    }

    /// Every row as `text(ofRow:)`, top to bottom; `lines.joined(separator: "\n")` is the screen.
    public var lines: [String] {
        (0..<height).map { text(ofRow: $0) }
    }

    /// The cells of one row, for a terminal's diff.
    func cells(ofRow row: Int) -> ArraySlice<Cell> {
        guard row >= 0, row < height else { return [] }
        return cells[row * width..<(row + 1) * width]
    }

    /// Makes a row the same as `other`'s (of the same size), cell by cell in this canvas's own
    /// storage: a terminal that keeps what it shows this way shares no storage with the canvas
    /// drawn into next, which would then be copied whole to be cleared.
    mutating func copyRow(_ row: Int, from other: Canvas) {
        guard row >= 0, row < height, other.width == width, other.height == height else { return }
        let range = row * width..<(row + 1) * width
        cells.replaceSubrange(range, with: other.cells[range])
    }

    private func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }

    /// Stores one cell of `columns` (1 or 2) at `column`, its continuation after it; a wide cell
    /// whose left half falls off the canvas shows what is left as a space.
    private mutating func store(_ text: String, columns: Int, style: CellStyle, row: Int, column: Int) {
        if column >= 0 {
            store(Cell(text: text, style: style), row: row, column: column)
            if columns == 2 {
                store(Cell(text: "", style: style), row: row, column: column + 1)
            }
        } else if column + columns > 0 {
            store(Cell(text: " ", style: style), row: row, column: 0)
        }
    }

    /// Stores a cell, first blanking the other half of any wide character it overwrites.
    private mutating func store(_ cell: Cell, row: Int, column: Int) {
        guard contains(row: row, column: column) else { return }
        let index = row * width + column
        if cells[index].isContinuation, column > 0 {
            cells[index - 1].text = " "
        }
        if column + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
        cells[index] = cell
    }

    /// The text's grapheme clusters with every control scalar replaced by "?".
    private static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isControl(scalar) ? "?" : scalar)
        }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension Canvas: CustomStringConvertible {
    public var description: String { lines.joined(separator: "\n") }
}
