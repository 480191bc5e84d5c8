import Foundation

/// What the reader remembers about one article.
public struct ArticleState: Sendable, Equatable {
    public var isRead: Bool
    public var readAt: Date?
    public var isFlagged: Bool
    /// Where the article was left: the ``ArticleLayout/place(ofLine:)`` of the line at the top
    /// of the pane, the same at every width (0 or more; the stored column is `scroll_line`).
    public var scrollLine: Int {
        didSet { if scrollLine < 0 { scrollLine = 0 } }
    }

    /// A state; a negative `scrollLine` (from a damaged file) is the top.
    public init(isRead: Bool = false, readAt: Date? = nil, isFlagged: Bool = false, scrollLine: Int = 0) {
        self.isRead = isRead
        self.readAt = readAt
        self.isFlagged = isFlagged
        self.scrollLine = max(0, scrollLine)
    }

    /// The state of an article never seen before.
    public static let unseen = ArticleState()

    /// Parts of a state that one change writes. A store leaves the other parts as they are
    /// stored, so that what another process changed in them meanwhile is kept.
    public struct Fields: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// `isRead` and `readAt`.
        public static let read = Fields(rawValue: 1)
        /// `isFlagged`.
        public static let flag = Fields(rawValue: 2)
        /// `scrollLine`.
        public static let scroll = Fields(rawValue: 4)
        public static let all: Fields = [.read, .flag, .scroll]
    }

    /// Whether this state's `fields` are those of `other` (read times within a millisecond:
    /// they are stored as seconds in a double).
    public func agrees(with other: ArticleState, in fields: Fields) -> Bool {
        if fields.contains(.read) {
            guard isRead == other.isRead else { return false }
            switch (readAt, other.readAt) {
            case (nil, nil): break
            case (let mine?, let theirs?): if abs(mine.timeIntervalSince(theirs)) >= 0.001 { return false }
            default: return false
            }
        }
        if fields.contains(.flag) && isFlagged != other.isFlagged { return false }
        if fields.contains(.scroll) && scrollLine != other.scrollLine { return false }
        return true
    }

    /// This state with the `fields` of `other`.
    public func replacing(_ fields: Fields, with other: ArticleState) -> ArticleState {
        var result = self
        if fields.contains(.read) {
            result.isRead = other.isRead
            result.readAt = other.readAt
        }
        if fields.contains(.flag) { result.isFlagged = other.isFlagged }
        if fields.contains(.scroll) { result.scrollLine = other.scrollLine }
        return result
    }
}
