/// Where an article's full text lives inside its source.
public enum ArticleLocation: Sendable, Equatable {
    /// Bytes of a plain-text dump, decoded on demand.
    case bytes(Range<Int>)
    /// An item of an already parsed source, by position.
    case item(Int)
}

/// What the headline list needs of an article, known without decoding its body.
public struct ArticleSummary: Sendable, Equatable {
    public var id: ArticleID
    public var title: String
    public var credit: String?
    public var wordCount: Int
    public var readingMinutes: Int
    public var location: ArticleLocation

    public init(
        id: ArticleID, title: String, credit: String?, wordCount: Int, readingMinutes: Int,
        location: ArticleLocation
    ) {
        self.id = id
        self.title = title
        self.credit = credit
        self.wordCount = wordCount
        self.readingMinutes = readingMinutes
        self.location = location
    }
}
