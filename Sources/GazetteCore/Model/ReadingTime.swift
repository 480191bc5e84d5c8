/// Reading-time estimate shared by every format.
public enum ReadingTime {
    /// Words a reader gets through in a minute.
    public static let wordsPerMinute = 200

    /// CJK ideographs and kana a reader gets through in a minute (each counts as a word; a
    /// sentence of them holds about twice as many as an English one holds words).
    public static let ideographsPerMinute = 400

    /// Whole minutes to read `wordCount` words, rounded, at least 1 (0 for no words: a story
    /// without text showed "1 min"); `ideographs` of them are CJK ideographs or kana, read at
    /// ``ideographsPerMinute``.
    public static func minutes(forWords wordCount: Int, ideographs: Int = 0) -> Int {
        guard wordCount > 0 else { return 0 }
        let ideographs = min(max(0, ideographs), wordCount)
        // In words' time: an ideograph takes half a word's.
        let equivalent =
            wordCount - ideographs + (ideographs * wordsPerMinute + ideographsPerMinute / 2)
            / ideographsPerMinute
        return max(1, (equivalent + wordsPerMinute / 2) / wordsPerMinute)
    }

    /// The reading time as the headline list shows it, at most six columns: "12 min" below
    /// 100 minutes, then hours ("1 h 40", "33 h"), "999+ h" beyond; empty for 0.
    public static func shortText(minutes: Int) -> String {
        guard minutes > 0 else { return "" }
        if minutes < 100 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 10 { return "\(hours) h " + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)" }
        let rounded = (minutes + 30) / 60
        return rounded <= 999 ? "\(rounded) h" : "999+ h"
    }
}
