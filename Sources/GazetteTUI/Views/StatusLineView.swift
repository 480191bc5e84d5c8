import GazetteCore

/// The bottom row: the last message, or key hints.
enum StatusLineView {
    static let listHints = "?:help  q:quit  Enter:open  J/K:next/prev story  n:next unread  N:toggle read"
    static let articleHints = "?:help  q:back  Space:page  J/K:next/prev story  n:next unread  N:toggle read"
    /// Zoomed, the hints say so first: nothing else on the screen did (found by QA).
    /// During a search, how to go from match to match and to end it (nothing said so but the
    /// help).
    static let listSearchHints =
        "?:help  q:quit  Esc:end search  Enter:open  ]:next match  J/K:next/prev story"
    static let articleSearchHints = "?:help  q:back  ]/[:next/prev match  Space:page  J/K:next/prev story"
    /// A search that found nothing: nothing to open or go through (Enter and ] were offered).
    static let emptySearchHints = "?:help  q:quit  Esc:end search  /:search again"
    static let zoomedHints = "zoomed (z:back)  ?:help  q:back  Space:page  J/K:next/prev  n:next unread"

    /// The message, else `hints` when given, else the hints of the focus and mode.
    static func render(
        message: StatusMessage?, hints given: String? = nil, focus: Focus, zoomed: Bool = false,
        searching: Bool = false, foundNothing: Bool = false,
        row: Int, into canvas: inout Canvas
    ) {
        let listSearch = foundNothing ? emptySearchHints : listSearchHints
        let modeHints =
            zoomed
            ? zoomedHints
            : focus == .article
                ? (searching ? articleSearchHints : articleHints) : (searching ? listSearch : listHints)
        let hints = given ?? modeHints
        let room = max(0, canvas.width - 2)
        let text = message?.fitting(room) ?? fitting(hints, in: room)
        let style: CellStyle = message == nil ? .dim : []
        canvas.put(" " + cut(TerminalSanitizer.line(text), to: room), row: row, column: 0, style: style)
    }

    /// How a question on the status line ends: the keys that answer it.
    static let answerKeys = "? y/n"

    /// `text` cut to `room` columns. A message that ends in a file's name, "… ('name')", loses
    /// the end of the name, then the name, before what it says (what went wrong and what to
    /// do was cut behind a long name; found by QA).
    static func cut(_ text: String, to room: Int) -> String {
        // A question keeps the keys that answer it: below 40 columns `A`'s read "mark 17 read
        // (2 s…", and what to press was cut off (found by QA).
        if DisplayWidth.of(text) > room, text.hasSuffix(answerKeys), room >= answerKeys.count + 6 {
            let asked = String(text.dropLast(answerKeys.count))
            return TextTruncation.truncate(asked, width: room - answerKeys.count) + answerKeys
        }
        guard DisplayWidth.of(text) > room, text.hasSuffix("')"),
            let open = text.range(of: " ('", options: .backwards)
        else { return TextTruncation.truncate(text, width: room) }
        let said = String(text[..<open.lowerBound])
        let name = text[open.upperBound..<text.index(text.endIndex, offsetBy: -2)]
        let nameRoom = room - DisplayWidth.of(said) - 5
        if nameRoom >= 4 {
            return said + " ('" + TextTruncation.truncate(String(name), width: nameRoom) + "')"
        }
        return TextTruncation.truncate(said, width: room)
    }

    /// The first hints of `hints` that fit `room` columns whole: one cut mid-word read
    /// "n:next u…" (found by QA). The first is cut if even it does not fit.
    static func fitting(_ hints: String, in room: Int) -> String {
        guard hints.count > room else { return hints }
        var kept = ""
        for hint in hints.components(separatedBy: "  ") {
            let longer = kept.isEmpty ? hint : kept + "  " + hint
            guard longer.count <= room else { break }
            kept = longer
        }
        return kept.isEmpty ? hints : kept
    }
}
