import Foundation

/// A dump header's caption lines that are the story's byline, scraped where a photo's caption
/// goes: "By NAME" alone, or with a line naming its day ("March 4, 2024 10:32 AM", "Updated
/// 3:45 PM EDT, Wed March 20, 2024", "4 March 2024"). They showed as the caption, the byline
/// and the time run together (found by QA).
struct DumpCaptionByline {
    /// Who wrote the story, without "By".
    let author: String
    /// The day the second line names, at midnight UTC, if there is one.
    let date: Date?

    /// The byline that `parts`, the caption's lines as shown, are, if they are one.
    init?(_ parts: [String]) {
        guard (1...2).contains(parts.count), parts[0].hasPrefix("By "), parts[0].utf8.count <= 300,
            parts[0].dropFirst(3).first?.isUppercase == true,
            // A photo's caption is a sentence ("By Lake Geneva, a march. REUTERS/…").
            !parts[0].contains(". "), parts[0].last != ".", parts[0].last != ")"
        else { return nil }
        var date: Date?
        if parts.count == 2 {
            guard let day = Self.day(in: parts[1]) else { return nil }
            date = day
        }
        author = String(parts[0].dropFirst(3))
        self.date = date
    }

    /// The day a short line names: a month's name with the day and a four-digit year, in either
    /// order ("March 4, 2024", "4 March 2024"), or in digits (``numericDay(_:)``).
    static func day(in line: String) -> Date? {
        guard line.utf8.count <= 120 else { return nil }
        let words = line.split { $0 == " " || $0 == "," || $0 == "\t" }.map { $0.lowercased() }
        if let day = words.lazy.compactMap(numericDay).first { return day }
        for index in words.indices where index + 2 < words.count {
            let (first, second, year) = (words[index], words[index + 1], Int(words[index + 2]))
            guard let year, words[index + 2].count == 4 else { continue }
            if let month = month(first), let day = Int(second) {
                return FeedDate.date(year, month, day, 0, 0, 0, 0)
            }
            if let day = Int(first), let month = month(second) {
                return FeedDate.date(year, month, day, 0, 0, 0, 0)
            }
        }
        return nil
    }

    /// The day a word writes in digits in the orders no country reads otherwise: the year first
    /// with dashes or slashes ("2024-03-05", "2024-03-05t14:30", "2024/03/05"), or the day first
    /// with full stops ("05.03.2024"). The byline and its time showed as a caption, and no
    /// credit (found by QA).
    static func numericDay(_ word: String) -> Date? {
        let date = word.prefix { $0 != "t" }
        guard let separator = date.first(where: { !$0.isASCII || !$0.isNumber }),
            separator == "-" || separator == "/" || separator == "."
        else { return nil }
        let parts = date.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let yearFirst = separator != "."
        let (year, month, day) = yearFirst ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard year.count == 4, month.count <= 2, day.count <= 2, let number = Int(year),
            let month = Int(month), (1...12).contains(month), let day = Int(day), (1...31).contains(day)
        else { return nil }
        return FeedDate.date(number, month, day, 0, 0, 0, 0)
    }

    /// The number of a month named in full or shortened ("mar", "sept.").
    static func month(_ word: String) -> Int? {
        var word = Substring(word)
        if word.last == "." { word = word.dropLast() }
        guard word.count >= 3, let index = months.firstIndex(where: { $0.hasPrefix(word) }) else {
            return nil
        }
        return word.count == 3 || word == "sept" || months[index] == word ? index + 1 : nil
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
}
