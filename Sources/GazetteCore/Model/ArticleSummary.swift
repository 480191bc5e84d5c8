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
    public var credit: String?
    public var wordCount: Int
    public var readingMinutes: Int

    public init(credit: String?, wordCount: Int) {
        self.init(credit: credit, wordCount: wordCount, ideographs: 0)
    }

    /// `ideographs`: how many of the words are CJK ideographs or kana, read faster than words.
    public init(credit: String?, wordCount: Int, ideographs: Int) {
        self.credit = credit
        self.wordCount = wordCount
        readingMinutes = ReadingTime.minutes(forWords: wordCount, ideographs: ideographs)
    }
}
