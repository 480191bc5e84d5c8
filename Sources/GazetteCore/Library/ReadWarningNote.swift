import Foundation

/// What the user is told of the parts of their files that indexing could not read (a break in
/// a feed's XML, an encoding declared wrongly): each warning on standard error for the commands,
/// the first on the status line for the reader.
public enum ReadWarningNote {
    /// One line per warning, `PATH: warning` (`standard input: warning` for `-`), in the order
    /// of the files.
    public static func lines(for sources: [OpenedSource]) -> [String] {
        sources.flatMap { opened in
            let path = opened.source.path
            let name = path == "-" ? SourceLoader.fileName(path) : path
            return opened.readWarnings.map { "\(name): \($0)" }
        }
    }

    /// The status line's message: the first warning after its file's name, then how many more
    /// there are and where to see them (`gazette list` cannot read standard input again); nil
    /// when every file was read whole.
    public static func message(for sources: [OpenedSource]) -> String? {
        var first: (name: String, warning: String)?
        var count = 0
        var fromStandardInput = false
        for opened in sources {
            let warnings = opened.readWarnings
            if first == nil, let warning = warnings.first {
                first = (SourceLoader.fileName(opened.source.path), warning)
            }
            count += warnings.count
            if !warnings.isEmpty && opened.source.path == "-" { fromStandardInput = true }
        }
        guard let first else { return nil }
        // The name's controls shown as escapes, as on standard error: the file can be found.
        let text = "\(TerminalSanitizer.visible(first.name)): \(first.warning)"
        guard count > 1 else { return text }
        let more = GroupedCount.text(count - 1)
        return text + (fromStandardInput ? " (\(more) more)" : " (\(more) more: gazette list prints them)")
    }
}
