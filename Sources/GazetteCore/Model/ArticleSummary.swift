/// Where an article's full text lives inside its source.
public enum ArticleLocation: Sendable, Equatable {
    /// Bytes of a plain-text dump, decoded on demand; `caption` is the caption line's bytes.
    case bytes(Range<Int>, caption: Range<Int>?)
    /// An item of an already parsed source, by position.
    case item(Int)
}

/// What the headline list needs of an article, found while indexing without decoding its
/// body. Credit and reading time come from `ArticleDetails`, worked out when shown.
public struct ArticleSummary: Sendable, Equatable {
    public var id: ArticleID
    public var title: String
    public var location: ArticleLocation

    public init(id: ArticleID, title: String, location: ArticleLocation) {
        self.id = id
        self.title = title
        self.location = location
    }
}

/// What a headline row shows beside the title, worked out only for rows that are drawn.
public struct ArticleDetails: Sendable, Equatable {
    /// The first credit, and the others: most stories have one at most, kept without an array.
    private var firstCredit: String?
    private var laterCredits: [String]
    /// The credit is a feed's byline, shown as written: a photo credit's short form would cut
    /// a name at its slash or comma ("/u/gst" showed "u", "AC/DC Fan Club" "AC").
    private var creditIsByline = false
    public var wordCount: Int
    public var readingMinutes: Int

    /// Each distinct credit, in order: a dump story's photos' credits, a feed story's author.
    public var credits: [String] {
        guard let firstCredit else { return [] }
        return [firstCredit] + laterCredits
    }

    /// The credits in one line ("AFP, Reuters"), if there is one.
    public var credit: String? {
        guard firstCredit != nil, !laterCredits.isEmpty else { return firstCredit }
        return credits.joined(separator: ", ")
    }

    /// The credits as a narrow column shows them (see ``CaptionCredit/shortForm(ofCredits:)``);
    /// a byline whole, for the column to cut.
    public var shortCredit: String? {
        if creditIsByline { return credit }
        guard firstCredit != nil, !laterCredits.isEmpty else {
            return firstCredit.map(CaptionCredit.shortForm(of:))
        }
        return CaptionCredit.shortForm(ofCredits: credits)
    }

    public init(credit: String?, wordCount: Int) {
        self.init(credit: credit, wordCount: wordCount, ideographs: 0)
    }

    /// `ideographs`: how many of the words are CJK ideographs or kana, read faster than words.
    public init(credit: String?, wordCount: Int, ideographs: Int) {
        firstCredit = credit
        laterCredits = []
        self.wordCount = wordCount
        readingMinutes = ReadingTime.minutes(forWords: wordCount, ideographs: ideographs)
    }

    /// Details of a story by `byline` (a feed item's author), shown whole in a narrow column.
    public init(byline: String?, wordCount: Int, ideographs: Int) {
        self.init(credit: byline, wordCount: wordCount, ideographs: ideographs)
        creditIsByline = true
    }

    /// Details crediting each of `credits`, given once each in order.
    public init(credits: [String], wordCount: Int, ideographs: Int) {
        firstCredit = credits.first
        laterCredits = Array(credits.dropFirst())
        self.wordCount = wordCount
        readingMinutes = ReadingTime.minutes(forWords: wordCount, ideographs: ideographs)
    }
}
