/// The text of a dump paragraph from its lines: joined as one (see `UnspacedScript.join`),
/// except that the items of a list keep a line each and a word broken at a hyphen is joined
/// again.
enum DumpParagraph {
    /// The paragraph's text. Where at least two lines start a list's items (`• `, `- `, `* `, `+ `,
    /// `Q: ` / `A: `, or numbers or letters that count on: `1. ` then `2. `, `a) ` then `b) `;
    /// `— ` and quoted `> ` lines two in a row, and lines of speech opening with a quote mark two
    /// in a row, each after a line ending as a sentence does), each item starts a line of its own, lines before
    /// the first one are the list's lead-in, and an unmarked line goes on the item before it
    /// (all ran into one line; found by QA).
    static func text(of lines: [String]) -> String {
        guard lines.count > 1 else { return lines.first ?? "" }
        let starts = itemStarts(of: lines)
        guard let first = starts.first else { return joinedRunning(lines) }
        var parts: [String] = []
        if first > 0 { parts.append(joinedRunning(Array(lines[..<first]))) }
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : lines.count
            parts.append(joinedRunning(Array(lines[start..<end])))
        }
        return JoinedText.joined(parts, separator: "\n")
    }

    /// The lines of `lines` that go on with the word the line before broke after a hyphen
    /// ("well-" then "known"): ``text(of:)`` joins them to it with nothing between, and the
    /// search reads the paragraph's lines so (see `DumpArticleDigest`).
    static func brokenWordLines(of lines: [String]) -> [Int] {
        guard lines.count > 1 else { return [] }
        let starts = Set(itemStarts(of: lines))
        return (1..<lines.count).filter {
            !starts.contains($0)
                && goesOnWithBrokenWord(running(lines[$0], after: lines[$0 - 1]), after: lines[$0 - 1])
        }
    }

    /// The lines that start a list's items, in order; none when the lines are no list (fewer
    /// than two items).
    private static func itemStarts(of lines: [String]) -> [Int] {
        let markers = pairedLooseMarkers(
            lines.indices.map { marker(of: lines[$0], after: $0 > 0 ? lines[$0 - 1] : nil) })
        // A list of letters starts at "a" or "i": "J. Smith and" / "K. Jones" in a sentence is
        // no list (found by QA).
        guard let first = markers.firstIndex(where: \.canStartList) else { return [] }
        var starts = [first]
        for index in (first + 1)..<lines.count where markers[index].follows(markers[starts[starts.count - 1]])
        {
            starts.append(index)
        }
        return starts.count >= 2 ? starts : []
    }

    /// `markers` with an em dash, a `>` or an opening quote left as an item's marker only beside
    /// another line marked the same: a hard-wrapped line may start with a dash or a quote, which
    /// must not break its paragraph.
    private static func pairedLooseMarkers(_ markers: [Marker]) -> [Marker] {
        var kept = markers
        // A quoted line's hard-wrapped rest pairs with it as another quoted line does.
        let paired = markers.map { $0 == .quoteGoesOn ? Marker.bullet(">") : $0 }
        for index in markers.indices where markers[index].isLoose {
            let before = index > 0 && paired[index - 1] == markers[index]
            let after = index + 1 < markers.count && paired[index + 1] == markers[index]
            if !before && !after { kept[index] = .none }
        }
        return kept
    }

    /// A list marker.
    private enum Marker: Equatable {
        case none
        case bullet(Character)
        case number(Int)
        case letter(UInt8)
        /// A Roman numeral of two letters or more (`ii`, `IV`), in lower case or not.
        case roman(Int, lower: Bool)
        case questionOrAnswer
        /// A line of speech: an opening quote mark (`"` `“` `‘` `„` `‚` `«` `»` `‹` `「` `『`) after
        /// a line that ends as a sentence does, or first.
        case speech
        /// A quoted line (`> `) that goes on with the quoted line before it, hard-wrapped inside a
        /// sentence: no item of its own.
        case quoteGoesOn

        /// Whether an item with this marker can come next after one with `previous`.
        func follows(_ previous: Marker) -> Bool {
            switch (previous, self) {
            // Bullets of any kind: a list may change them ("* a", "- b"; they ran on; found by QA).
            case (.bullet, .bullet): return true
            case (.number(let a), .number(let b)): return b == a + 1
            case (.letter(let a), .letter(let b)): return b == a + 1
            // "i." then "ii.", "iv." then "v.": Roman numerals count on through one letter.
            case (.letter(let a), .roman(let b, let lower)), (.roman(let b, let lower), .letter(let a)):
                guard let value = Marker.romanValue(of: a, lower: lower) else { return false }
                if case .letter = previous { return b == value + 1 }
                return value == b + 1
            case (.roman(let a, let lowerA), .roman(let b, let lowerB)): return lowerA == lowerB && b == a + 1
            case (.questionOrAnswer, .questionOrAnswer): return true
            case (.speech, .speech): return true
            default: return false
            }
        }

        /// Whether the marker also starts lines that are no list's: an em dash (a dialogue line,
        /// a dash put first by a hard wrap) or a quote mark `>`.
        var isLoose: Bool { self == .bullet("—") || self == .bullet(">") || self == .speech }

        /// Whether a list can start with this marker: any but letters other than "a" and "i".
        var canStartList: Bool {
            switch self {
            case .none, .quoteGoesOn: return false
            case .letter(let letter): return "aAiI".utf8.contains(letter)
            case .roman: return false
            default: return true
            }
        }

        /// The value of one letter as a Roman numeral of the case given.
        static func romanValue(of letter: UInt8, lower: Bool) -> Int? {
            guard (letter >= UInt8(ascii: "a")) == lower else { return nil }
            switch letter | 0x20 {
            case UInt8(ascii: "i"): return 1
            case UInt8(ascii: "v"): return 5
            case UInt8(ascii: "x"): return 10
            case UInt8(ascii: "l"): return 50
            case UInt8(ascii: "c"): return 100
            default: return nil
            }
        }
    }

    /// The marker `line` starts with, `previous` the line before it in the paragraph, if any.
    private static func marker(of line: String, after previous: String?) -> Marker {
        // Speech: lines of dialogue a quote each, given a line each as `— ` lines are (they ran
        // into one line, in every language's quotes).
        if let first = line.unicodeScalars.first, openingQuotes.contains(first),
            let second = line.unicodeScalars.dropFirst().first,
            // `"` and `»` close speech too (`" he said`), `«` and `‹` open it before a space in French.
            !WhiteSpace.contains(second) || first == "\u{00AB}" || first == "\u{2039}",
            previous.map(endsAsSentence) ?? true
        {
            return .speech
        }
        let utf8 = Array(line.utf8.prefix(8))
        guard utf8.count >= 3 else { return .none }
        if let previous, continuesQuote(line, after: previous) { return .quoteGoesOn }
        if let first = line.first, "•·-*–—+>".contains(first), line.dropFirst().first == " " {
            return .bullet(first)
        }
        if line.hasPrefix("Q: ") || line.hasPrefix("A: ") { return .questionOrAnswer }
        let digits = utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let afterLabel = { (length: Int) -> Bool in
            length + 1 < utf8.count
                && (utf8[length] == UInt8(ascii: ".") || utf8[length] == UInt8(ascii: ")"))
                && utf8[length + 1] == UInt8(ascii: " ")
        }
        if !digits.isEmpty && digits.count <= 3 && afterLabel(digits.count) {
            return .number(Int(String(decoding: digits, as: UTF8.self)) ?? 0)
        }
        if FeedItemDraft.isLetter(utf8[0]) && afterLabel(1) { return .letter(utf8[0]) }
        let letters = utf8.prefix { FeedItemDraft.isLetter($0) }
        if letters.count >= 2 && afterLabel(letters.count) {
            let text = String(decoding: letters, as: UTF8.self)
            let lower = text == text.lowercased()
            guard lower || text == text.uppercased() else { return .none }
            // Only a numeral written as numerals are: "ii", "IV", "xii"; not "vs" or "mid".
            if let value = RomanNumeral.value(of: text.lowercased()), (2...39).contains(value) {
                return .roman(value, lower: lower)
            }
        }
        return .none
    }

    /// Quote marks that open speech, in the languages' uses: English, German (`„…“`, `»…«`),
    /// French, Russian and Swiss (`«…»`, `‹…›`), Polish and Dutch (`„…”`), Chinese and Japanese.
    private static let openingQuotes: Set<Unicode.Scalar> = [
        "\"", "\u{201C}", "\u{2018}", "\u{201E}", "\u{201A}", "\u{00AB}", "\u{00BB}", "\u{2039}",
        "\u{300C}", "\u{300E}",
    ]

    /// Whether a line ends as a sentence or a lead-in does: `.` `!` `?` `…` `:` `。` `！` `？` `：`,
    /// a closing quote or bracket after it or not. A hard-wrapped line breaks inside a sentence.
    private static func endsAsSentence(_ line: String) -> Bool {
        let isSpace = { (scalar: Unicode.Scalar) in WhiteSpace.contains(scalar) }
        var scalars = line.unicodeScalars.reversed().drop(while: isSpace)
        // A closing quote or bracket, or two ("…?”)"), a space before it or not ("… ! »").
        for _ in 0..<2 where scalars.first.map(closingMarks.contains) == true {
            scalars = scalars.dropFirst().drop(while: isSpace)
        }
        return scalars.first.map(sentenceEnds.contains) == true
    }

    private static let closingMarks: Set<Unicode.Scalar> = [
        "\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{201C}", "\u{00BB}", "\u{00AB}", "\u{203A}",
        "\u{300D}",
        "\u{300F}", "\u{FF09}",
    ]
    private static let sentenceEnds: Set<Unicode.Scalar> = [
        ".", "!", "?", ":", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1A}",
    ]

    /// Words that follow a hyphen left hanging on purpose ("pre- and post-war", "Vor- und
    /// Nachteile"): the hyphen is kept apart from them.
    private static let suspendedHyphenFollowers: Set<Substring> = [
        "and", "or", "nor", "to", "und", "oder", "bis", "et", "ou", "y", "o", "e",
    ]

    /// Whether `line` goes on with a word `previous` broke after a hyphen: `previous` ends in a
    /// letter and "-" (not " -" or "--", a dash), and `line` starts with a letter, not with a
    /// word that follows a hyphen left hanging ("pre- and post-war").
    private static func goesOnWithBrokenWord(_ line: String, after previous: String) -> Bool {
        previous.hasSuffix("-") && previous.dropLast().last?.isLetter == true && line.first?.isLetter == true
            && !suspendedHyphenFollowers.contains(line.prefix { $0.isLetter })
    }

    /// Whether `line` goes on with the quotation of `previous`, a line of it hard-wrapped: both
    /// are quoted (`> `) and `previous` stops inside a sentence. Its `> ` is dropped where they
    /// are joined (each kept a line of its own, the mark in the middle of the text; found by QA).
    private static func continuesQuote(_ line: String, after previous: String) -> Bool {
        line.hasPrefix("> ") && previous.hasPrefix("> ") && !endsAsSentence(previous)
    }

    /// The text `line` adds to the running text after `previous`: the line without its `> `
    /// where it goes on with a quotation.
    private static func running(_ line: String, after previous: String) -> String {
        continuesQuote(line, after: previous) ? String(line.dropFirst(2)) : line
    }

    /// Lines of running text as one: a word broken after a hyphen ("well-" and "known") is
    /// joined without a space (it read "well- known").
    private static func joinedRunning(_ lines: [String]) -> String {
        var parts: [String] = []
        var previous: String?
        for line in lines {
            // Looked at in the line before (not the part, which grows: a chain of thousands of
            // broken words took minutes; found by QA), and appended in place.
            let text = previous.map { running(line, after: $0) } ?? line
            if let last = previous, goesOnWithBrokenWord(text, after: last) {
                parts[parts.count - 1].append(text)
            } else {
                parts.append(text)
            }
            previous = line
        }
        return UnspacedScript.join(parts)
    }
}
