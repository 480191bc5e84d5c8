import Foundation

/// What the reader remembers about one article.
public struct ArticleState: Sendable, Equatable {
    public var isRead: Bool
    public var readAt: Date?
    public var isFlagged: Bool
    /// The first wrapped line of the article shown when it was last left.
    public var scrollLine: Int

    public init(isRead: Bool = false, readAt: Date? = nil, isFlagged: Bool = false, scrollLine: Int = 0) {
        self.isRead = isRead
        self.readAt = readAt
        self.isFlagged = isFlagged
        self.scrollLine = scrollLine
    }

    /// The state of an article never seen before.
    public static let unseen = ArticleState()
}
