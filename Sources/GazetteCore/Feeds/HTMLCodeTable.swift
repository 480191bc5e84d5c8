/// A table of code with its lines' numbers in a column of their own, as highlighters write
/// it: Rouge's `rouge-table` (Jekyll), Chroma's `lntable` (Hugo), Pygments' `highlighttable`,
/// highlight.js's `hljs-ln`, GitHub's `highlight` (a row per line). Its code reads as a `pre`
/// and its numbers (the gutter) go: they were a column glued to the code, each line a row.
enum HTMLCodeTable {
    /// Whether a `table` of `classes` is a table of code.
    static func isCodeTable(classes: String?) -> Bool {
        guard let classes else { return false }
        return tokens(classes).contains { tableClasses.contains($0) }
    }

    /// Whether a cell of `classes`, the `index`th of its row (from 0), in a table of code holds
    /// the lines' numbers. Chroma names both cells `lntd`: its first is the gutter.
    static func isGutter(classes: String?, index: Int) -> Bool {
        guard let classes else { return false }
        let tokens = tokens(classes)
        return tokens.contains { gutterClasses.contains($0) } || (index == 0 && tokens.contains("lntd"))
    }

    private static let tableClasses: Set<Substring> = [
        "rouge-table", "lntable", "highlighttable", "hljs-ln", "highlight", "js-file-line-container",
    ]

    private static let gutterClasses: Set<Substring> = [
        "gutter", "gl", "lineno", "linenos", "line-numbers", "blob-num", "hljs-ln-numbers", "code-gutter",
    ]

    private static func tokens(_ classes: String) -> [Substring] {
        classes.prefix(1024).split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
    }
}
