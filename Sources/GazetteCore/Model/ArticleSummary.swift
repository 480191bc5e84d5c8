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
    /// The ids the story had in earlier versions, where they differ, newest first: a dump
    /// story's before its id was made of its paragraphs as shown, their lines joined, their
    /// blanks as ids are made of them (``DumpHashedBlanks``: a hard-wrapped paragraph or title, a
    /// tab, two spaces where one shows); a feed item's with a short guid scoped by its feed's link
    /// alone (not with its title), and by the link as written (not in its normal form): see
    /// ``FeedIDScope``. Its reading state may be kept under them (see
    /// ``PreviousIDStates``).
    public var earlierIDs: EarlierIDs

    /// The newest of ``earlierIDs``, if the story has one; set, the only one.
    public var previousID: ArticleID? {
        get { earlierIDs.newest }
        set { earlierIDs = EarlierIDs(newValue) }
    }

    public init(id: ArticleID, title: String, location: ArticleLocation, previousID: ArticleID? = nil) {
        self.init(id: id, title: title, location: location, earlierIDs: EarlierIDs(previousID))
    }

    /// A summary whose story had the ids `earlierIDs` before.
    public init(id: ArticleID, title: String, location: ArticleLocation, earlierIDs: EarlierIDs) {
        self.id = id
        self.title = title
        self.location = location
        self.earlierIDs = earlierIDs
    }
}

/// What a headline row shows beside the title, worked out only for rows that are drawn.
public struct ArticleDetails: Sendable, Equatable {
    /// Whom the story credits.
    public var credited: ArticleCredits
    public var wordCount: Int
    public var readingMinutes: Int

    /// Each distinct credit, in order: a dump story's photos' credits, a feed story's author.
    public var credits: [String] { credited.all }

    /// The credits in one line ("AFP, Reuters"), if there is one.
    public var credit: String? { credited.line }

    /// The credits as a narrow column shows them (see ``ArticleCredits/short``).
    public var shortCredit: String? { credited.short }

    public init(credit: String?, wordCount: Int) {
        self.init(credit: credit, wordCount: wordCount, ideographs: 0)
    }

    /// `ideographs`: how many of the words are CJK ideographs or kana, read faster than words.
    public init(credit: String?, wordCount: Int, ideographs: Int) {
        self.init(
            credited: ArticleCredits(credit.map { [$0] } ?? []), wordCount: wordCount, ideographs: ideographs)
    }

    /// Details of a story by `byline` (a feed item's author), shown whole in a narrow column.
    public init(byline: String?, wordCount: Int, ideographs: Int) {
        self.init(credited: ArticleCredits(byline: byline), wordCount: wordCount, ideographs: ideographs)
    }

    /// Details crediting each of `credits`, given once each in order.
    public init(credits: [String], wordCount: Int, ideographs: Int) {
        self.init(credited: ArticleCredits(credits), wordCount: wordCount, ideographs: ideographs)
    }

    /// Details crediting `credited`, with `wordCount` words of which `ideographs` are CJK.
    public init(credited: ArticleCredits, wordCount: Int, ideographs: Int) {
        self.credited = credited
        self.wordCount = wordCount
        readingMinutes = ReadingTime.minutes(forWords: wordCount, ideographs: ideographs)
    }
}
