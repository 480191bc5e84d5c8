/// A stable identifier of an article, derived from its content (dumps) or its feed id.
public struct ArticleID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String
    /// The text's hash, worked out once where the id is made (for a big file, on an indexing
    /// thread): tables of ids on the screen's thread then neither hash the text again nor
    /// compare it with every id they pass on the way (DECISIONS.md).
    private let digest: Int

    public init(_ rawValue: String) {
        self.rawValue = rawValue
        digest = rawValue.hashValue
    }

    public static func == (lhs: ArticleID, rhs: ArticleID) -> Bool {
        lhs.digest == rhs.digest && lhs.rawValue == rhs.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    public var description: String { rawValue }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
