/// Words put back together with one space between them.
///
/// By hand, not with `joined(separator:)`: the standard library's generic join looks protocol
/// conformances up at run time the first time it runs, a scan of every conformance of this
/// big static binary (0.5 ms of a feed's first item; see DECISIONS.md).
enum WordJoin {
    /// The words of `text` split where `isSeparator` says, with one space between them.
    static func collapsed(_ text: String, separatedBy isSeparator: (Character) -> Bool) -> String {
        var result = ""
        for word in text.split(whereSeparator: isSeparator) {
            if !result.isEmpty { result += " " }
            result += String(word)
        }
        return result
    }
}
