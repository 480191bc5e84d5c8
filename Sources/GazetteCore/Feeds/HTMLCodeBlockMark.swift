/// How a code block (`pre`, a highlighter's table of code) is set apart from the prose around
/// it: each of its lines indented by four columns, as Markdown writes indented code, so that a
/// reader sees where the code starts and ends (it read as prose; found by QA). An indent keeps
/// the code's columns and its text: code copied from the pane, `show` or `export` still runs,
/// and a place in a story (counted in characters that are not spaces) stays where it was.
enum HTMLCodeBlockMark {
    /// What each line of a code block starts with.
    static let indent = "    "

    /// `text`, a code block's lines, each but the blank ones after ``indent``.
    static func marked(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var isFirst = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !isFirst { result += "\n" }
            isFirst = false
            if line.contains(where: { $0 != " " }) { result += indent }
            result += line
        }
        return result
    }
}
