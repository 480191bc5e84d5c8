import GazetteCore

/// Every key, from the same table the reader dispatches on.
enum HelpView {
    /// The help text, one entry per line.
    static let lines: [String] = {
        var lines = ["Keys", ""]
        let labelWidth = (KeyBindings.table.map { DisplayWidth.of($0.label) } + [12]).max() ?? 12
        for binding in KeyBindings.table {
            lines.append("  " + binding.label.padding(columns: labelWidth) + "  " + binding.summary)
        }
        lines += ["", "Mouse", ""]
        for (label, summary) in KeyBindings.mouseHelp {
            lines.append("  " + label.padding(columns: labelWidth) + "  " + summary)
        }
        return lines
    }()

    static func render(scroll: Int, into canvas: inout Canvas) {
        TitleBarView.render(left: "Gazette — help", right: "", row: 0, into: &canvas)
        let height = max(0, canvas.height - 2)
        let first = min(scroll, max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            let style: CellStyle = line.hasPrefix("  ") || line.isEmpty ? [] : .bold
            canvas.put(" " + line, row: 1 + offset, column: 0, style: style, maxWidth: canvas.width - 1)
        }
        StatusLineView.render(
            message: "j/k:scroll  any other key:close", focus: .list, row: canvas.height - 1, into: &canvas)
    }
}

extension String {
    /// The string padded with spaces to `columns` display columns.
    func padding(columns: Int) -> String {
        self + String(repeating: " ", count: max(0, columns - DisplayWidth.of(self)))
    }
}
