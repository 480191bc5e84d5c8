/// The name of a story without a title, made from the start of its text.
enum TitleFromText {
    /// Most words a title from text keeps.
    static let maxWords = 12
    /// Most columns a title from text takes, its "…" included.
    static let maxColumns = 100
    /// How far back from a cut at ``maxColumns`` a space is looked for, in columns.
    static let wordReach = 24

    /// The title of `text` (one line, words one space apart): its first twelve words, cut to
    /// ``maxColumns`` at a space near the end where there is one (else between two
    /// characters), ending in "…" when the text goes on. With it, the title its id is made of
    /// where its id needs one: the twelve words as they were, not cut to a width (a text
    /// without spaces, in Japanese or Chinese, was its whole title, not cut, and ids stay).
    static func titles(of text: String) -> (shown: String, identifying: String) {
        let words = text.split(separator: " ").prefix(maxWords).joined(separator: " ")
        let endsEarly = words.count < text.count
        let identifying = endsEarly ? words + "…" : words
        guard let end = cut(words, room: endsEarly ? maxColumns - 1 : maxColumns) else {
            return (identifying, identifying)
        }
        var kept = words[..<end]
        while kept.last == " " { kept.removeLast() }
        return (String(kept) + "…", identifying)
    }

    /// Where `words` is cut when they take more than `room` columns, to leave one for "…" in
    /// ``maxColumns``: at the last space within ``wordReach`` columns of that end, else at
    /// that end; nil when they fit.
    private static func cut(_ words: String, room: Int) -> String.Index? {
        var columns = 0
        var end = words.startIndex
        var endColumns = 0
        var lastSpace: (index: String.Index, columns: Int)?
        var index = words.startIndex
        while index < words.endIndex {
            let character = words[index]
            columns += DisplayWidth.of(character)
            if columns > room {
                guard let lastSpace, endColumns - lastSpace.columns <= wordReach else { return end }
                return lastSpace.index
            }
            guard columns <= maxColumns - 1 else {
                index = words.index(after: index)
                continue
            }
            if character == " " { lastSpace = (index, columns) }
            index = words.index(after: index)
            end = index
            endColumns = columns
        }
        return nil
    }
}
