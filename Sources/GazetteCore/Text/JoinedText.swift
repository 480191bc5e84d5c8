/// Texts joined with a separator, put together by hand: the standard library's generic
/// `joined(separator:)`, and `+=` of a `Substring`, look up conformances at run time the first
/// time a process uses them (about 0.1 ms each, on the way to the first screen).
enum JoinedText {
    /// `parts` with `separator` between each two.
    static func joined(_ parts: [String], separator: String) -> String {
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { text.append(separator) }
            text.append(part)
        }
        return text
    }

    /// `parts` with `separator` between each two.
    static func joined(_ parts: ArraySlice<Substring>, separator: String) -> String {
        var text = ""
        var first = true
        for part in parts {
            if !first { text.append(separator) }
            first = false
            text.append(contentsOf: part)
        }
        return text
    }

    /// `parts` with `separator` between each two.
    static func joined(_ parts: [Substring], separator: String) -> String {
        joined(parts[...], separator: separator)
    }
}
