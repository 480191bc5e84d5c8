/// The text of a dump paragraph from its lines: joined as one (see `UnspacedScript.join`),
/// except that the items of a list keep a line each and a word broken at a hyphen is joined
/// again.
enum DumpParagraph {
    /// The paragraph's text. A block whose first line and at least one more start with the same
    /// kind of marker (`• `, `- `, `* `, `1. `, `2) `, `Q: ` / `A: `) is a list: each marked line
    /// starts a line of its own, and an unmarked one goes on the item before it (all ran into
    /// one line; found by QA).
    static func text(of lines: [String]) -> String {
        guard lines.count > 1 else { return lines.first ?? "" }
        let markers = lines.map(marker(of:))
        let isList =
            markers[0] != .none && markers.dropFirst().contains(markers[0])
        var text = ""
        var item: [String] = []
        func endItem() {
            guard !item.isEmpty else { return }
            if !text.isEmpty { text += "\n" }
            text += joinedRunning(item)
            item.removeAll()
        }
        for (line, marker) in zip(lines, markers) {
            if isList && marker == markers[0] { endItem() }
            item.append(line)
        }
        endItem()
        return text
    }

    /// A list marker's kind.
    private enum Marker: Equatable {
        case none
        case bullet(Character)
        case number
        case questionAndAnswer
    }

    private static func marker(of line: String) -> Marker {
        guard let first = line.first else { return .none }
        let second = line.dropFirst().first
        if "•·-*–".contains(first) && second == " " { return .bullet(first) }
        if line.hasPrefix("Q: ") || line.hasPrefix("A: ") { return .questionAndAnswer }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty && digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return .number }
        }
        return .none
    }

    /// Lines of running text as one: a word broken after a hyphen ("well-" and "known") is
    /// joined without a space (it read "well- known").
    private static func joinedRunning(_ lines: [String]) -> String {
        var parts: [String] = []
        for line in lines {
            if let last = parts.last, last.count >= 2, last.hasSuffix("-"),
                last.dropLast().last?.isLetter == true, line.first?.isLetter == true
            {
                parts[parts.count - 1] = last + line
            } else {
                parts.append(line)
            }
        }
        return UnspacedScript.join(parts)
    }
}
