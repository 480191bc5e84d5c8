import Foundation

/// A caption line that only names the story's day, and maybe its time, where a photo's caption
/// goes ("March 5, 2024", "2024-03-05", "Tue 5 Mar 2024 14:30 GMT", "Updated: March 5, 2024
/// 10:32 a.m."): the story's date, not a caption (it showed as the caption; found by QA). A
/// caption that names a day among other words ("Crowds in Paris on March 5, 2024") is a caption.
enum DumpCaptionDate {
    /// The day `line` names, at midnight UTC, when it says nothing else.
    static func day(_ line: String) -> Date? {
        // A date is short and has a digit, and its first word is a date's: most captions are
        // told so without the line split into words (every caption comes here; splitting each
        // cost 17% of `list --json`).
        guard line.utf8.count <= maxBytes, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
            isDateWord(line[..<(line.firstIndex(where: isBetweenWords) ?? line.endIndex)])
        else { return nil }
        guard line.split(whereSeparator: isBetweenWords).allSatisfy(isDateWord) else { return nil }
        return DumpCaptionByline.day(in: line)
    }

    /// The longest line, in bytes, read as a date ("Updated: Wednesday, September 20, 2024 at
    /// 10:32 a.m. EDT" is 58).
    static let maxBytes = 80

    /// What stands between a date's words.
    private static func isBetweenWords(_ character: Character) -> Bool {
        character == " " || character == "," || character == "\t" || character == "\u{A0}"
    }

    /// Whether `word` is one a date and time are written with: a month's or a weekday's name, a
    /// number of the day or year, a day in digits, a time, a time zone, or a label ("Updated").
    private static func isDateWord(_ word: Substring) -> Bool {
        var word = word.lowercased()[...]
        if word.count > 1 && (word.last == ":" || word.last == ";") { word = word.dropLast() }
        if word.first == "(" && word.last == ")" && word.count > 2 { word = word.dropFirst().dropLast() }
        if fillers.contains(String(word)) || zones.contains(String(word)) { return true }
        if DumpCaptionByline.month(String(word)) != nil || isWeekday(word) { return true }
        if DumpCaptionByline.numericDay(String(word)) != nil { return true }
        return isNumber(word) || isTime(word) || isZoneOffset(word)
    }

    /// A weekday's name, in full or shortened ("tue", "thurs.").
    private static func isWeekday(_ word: Substring) -> Bool {
        var word = word
        if word.last == "." { word = word.dropLast() }
        guard word.count >= 3 else { return false }
        return weekdays.contains { $0 == word || ($0.hasPrefix(word) && word.count <= 5) }
    }

    /// One to four digits, an ordinal's ending after them or not ("5", "5th", "2024").
    private static func isNumber(_ word: Substring) -> Bool {
        var digits = word
        for ending in ["st", "nd", "rd", "th"] where digits.hasSuffix(ending) {
            digits = digits.dropLast(2)
            break
        }
        return (1...4).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A time on the clock: hours and minutes (and seconds) with `:` or `.`, "am" or "pm" after
    /// them or not ("14:30", "10:32am", "9.15").
    private static func isTime(_ word: Substring) -> Bool {
        var word = word
        for ending in ["a.m.", "p.m.", "am", "pm", "h"] where word.hasSuffix(ending) {
            word = word.dropLast(ending.count)
            break
        }
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        let pieces = parts.count == 1 ? word.split(separator: ".", omittingEmptySubsequences: false) : parts
        guard (2...3).contains(pieces.count), (1...2).contains(pieces[0].count) else { return false }
        return pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            && pieces.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// A zone written as its offset from UTC ("+01:00", "-0500", "utc+1", "gmt+5:30").
    private static func isZoneOffset(_ word: Substring) -> Bool {
        var word = word
        if word.hasPrefix("utc") || word.hasPrefix("gmt") { word = word.dropFirst(3) }
        guard let sign = word.first, sign == "+" || sign == "-" || sign == "\u{2212}" else { return false }
        let rest = word.dropFirst()
        return (1...5).contains(rest.count) && rest.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == ":" }
    }

    /// Words that go with a date: labels, "am" and "pm", and marks between the parts.
    private static let fillers: Set<String> = [
        "updated", "published", "posted", "modified", "last", "first", "on", "at", "am", "pm", "a.m.",
        "p.m.", "|", "-", "/", "·", "•", "\u{2013}", "\u{2014}",
    ]

    /// Time zones' short names.
    private static let zones: Set<String> = [
        "utc", "gmt", "z", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
        "akst", "akdt", "hst", "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "jst",
        "kst", "hkt", "sgt", "aest", "aedt", "acst", "awst", "nzst", "nzdt",
    ]

    private static let weekdays = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
}
