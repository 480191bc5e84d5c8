/// What the line right under a dump story's long title says of itself: whether it may be the
/// title's second line, hard-wrapped (``DumpHardWrap``), or is a line of its own that a page
/// puts under a headline: a byline or a timestamp ("By Jane Doe", "Updated 3 hours ago",
/// "Monday, June 3"), a credit or a dateline ("LONDON (Reuters) -", "… / AFP", "© …"), a
/// kicker ("Analysis"), or a caption in sentence case under a title in title case.
///
/// Asked only of a line whose first word would not have fit on the title's line: a first line
/// near the width is no proof of a wrap (a byline was glued onto such titles).
enum DumpTitleSecondLine {
    /// Whether `line` may go on from `title` as its second line.
    static func mayContinue(_ line: LineSpan, title: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        let text = string(line, bytes)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return false }
        if startsAsByline(words) || holdsCredit(text) { return false }
        let titleWords = string(title, bytes).split(separator: " ")
        // A kicker: a word or two of their own, capitalised as a label is ("Analysis", "Photo: AP"),
        // unless the title's line cannot end a headline ("Biden meets with" / "Putin": cut there,
        // the name began the text).
        if words.count <= 2 && first.first?.isUppercase == true && !endsUnfinished(titleWords) {
            return false
        }
        // A title in title case goes on in title case: a caption under it is in sentence case.
        if isTitleCase(titleWords, least: 3) && !isTitleCase(words, least: 0) { return false }
        return true
    }

    /// Whether the words start as a byline or a timestamp does: "By", "Updated", "Published",
    /// "Posted", "Last updated", a weekday, a month before a number, a date or a time.
    private static func startsAsByline(_ words: [Substring]) -> Bool {
        let first = bare(words[0])
        let second = words.count > 1 ? bare(words[1]) : ""
        if bylineWords.contains(first) || weekdays.contains(first) { return true }
        if first == "last" && (second == "updated" || second == "modified") { return true }
        if months.contains(first) && (second.first?.isNumber ?? true) { return true }
        guard let lead = words[0].first, lead.isASCII, lead.isNumber else { return false }
        // A time (10:42, 9.30am), a date (3/6/2024, 2024-06-03), or a day before a month.
        let digits = words[0].prefix { $0.isNumber }
        let after = words[0].dropFirst(digits.count).first
        if let after, after == ":" || after == "/" || after == "-" || after == "." { return true }
        return months.contains(second) || words.last.map { bare($0) == "ago" } == true
    }

    /// Whether the text holds a credit or a dateline: an agency in parentheses ("(Reuters)",
    /// "(AP) -"), a photographer's slash ("REUTERS/Jane Smith", "… / AFP"), "Getty Images", ©.
    private static func holdsCredit(_ text: String) -> Bool {
        if text.contains("©") || text.contains("Getty Images") || text.contains("/ ") || text.contains(" /") {
            return true
        }
        // An all-capital word before a slash: "REUTERS/Jane Smith".
        if let slash = text.firstIndex(of: "/") {
            let before = text[..<slash].reversed().prefix { $0.isLetter }
            if before.count >= 2 && before.allSatisfy(\.isUppercase) { return true }
        }
        // A word in parentheses that ends the line or comes before a dash: the agency.
        guard let close = text.lastIndex(of: ")"), let open = text[..<close].lastIndex(of: "(") else {
            return false
        }
        let inside = text[text.index(after: open)..<close]
        let rest = text[text.index(after: close)...].trimmingPrefix(" ")
        return !inside.isEmpty && inside.first?.isUppercase == true && !inside.contains(" ")
            && (rest.isEmpty || rest.first == "-" || rest.first == "–" || rest.first == "—")
    }

    /// Whether every word of four letters or more starts with a capital, at least `least` of them.
    private static func isTitleCase(_ words: [Substring], least: Int) -> Bool {
        var long = 0
        for word in words {
            let letters = word.filter(\.isLetter)
            guard letters.count >= 4, let lead = word.first, lead.isLetter else { continue }
            guard lead.isUppercase else { return false }
            long += 1
        }
        return long >= least
    }

    /// Whether the words end in one no English headline ends with: a preposition, an article or
    /// a conjunction ("… north of", "… with", "… and").
    private static func endsUnfinished(_ words: [Substring]) -> Bool {
        guard let last = words.last, last.last?.isLetter == true else { return false }
        return unfinishedEnds.contains(last.lowercased())
    }

    /// A word in lower case without the punctuation around it.
    private static func bare(_ word: Substring) -> String {
        String(word.filter { $0.isLetter || $0.isNumber }).lowercased()
    }

    private static func string(_ line: LineSpan, _ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
    }

    private static let bylineWords: Set<String> = [
        "by", "updated", "published", "posted", "written", "reporting", "edited", "photo", "photos",
        "photograph", "image", "video", "source", "credit",
    ]
    /// Words a headline's line ends with only when the headline goes on after it.
    private static let unfinishedEnds: Set<String> = [
        "of", "in", "on", "at", "to", "for", "with", "from", "by", "the", "a", "an", "and", "or", "but",
        "nor",
        "as", "into", "onto", "upon", "over", "after", "than", "via", "amid", "amidst", "despite", "between",
        "among", "during", "against", "toward", "towards",
    ]
    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec",
    ]
}
