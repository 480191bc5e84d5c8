import Foundation

/// The line under the title of a story without a caption: "By AUTHOR · DATE".
enum ArticleByline {
    /// The most characters of a credit the byline shows: an author of 100,000 characters
    /// filled 1,280 lines of the article pane and of `show` (found by QA), while a paper's
    /// authors run to several hundred (a first cap of 200 cut bioRxiv's lists mid-name; found
    /// by QA). `export` gives it whole: it is the file's data, and a script may want all of it.
    static let maxCreditCharacters = 1_000

    /// "By AUTHOR · DATE", "By AUTHOR" or "DATE", when either is known.
    static func text(of article: Article) -> String? {
        // Put together by hand: the first `joined(separator:)` of a process looks up
        // conformances at run time (0.35 ms of the first story's layout).
        var byline: String?
        if let credit = article.credit, !credit.isEmpty { byline = "By " + shown(credit) }
        if let date = article.date {
            // The day as the source wrote it (a story of 20:40 at -05:00 is of that day, not
            // of the next in UTC).
            let day = UTCDay.string(date.addingTimeInterval(TimeInterval(article.dateOffset)))
            byline = byline.map { $0 + " · " + day } ?? day
        }
        return byline
    }

    /// `credit`, cut with "…" when it is longer than ``maxCreditCharacters``: after the last
    /// whole name of a list (at its last "," or ";" in the last quarter kept), else between
    /// characters.
    static func shown(_ credit: String) -> String {
        guard
            let end = credit.index(
                credit.startIndex, offsetBy: maxCreditCharacters, limitedBy: credit.endIndex),
            end < credit.endIndex
        else { return credit }
        var kept = credit[..<end]
        let quarter = kept.index(kept.endIndex, offsetBy: -maxCreditCharacters / 4)
        if let separator = kept[quarter...].lastIndex(where: { $0 == "," || $0 == ";" }) {
            return String(kept[...separator]) + " …"
        }
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return String(kept) + "…"
    }
}
