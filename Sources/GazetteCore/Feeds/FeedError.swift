/// Why a feed could not be read at all. Problems that still let some items through are
/// warnings, not errors.
public enum FeedError: Error, Equatable, Sendable {
    /// The bytes are not a feed; the reason says what was found instead.
    case notAFeed(String)
    /// The bytes look like a feed but nothing could be recovered; the reason, with the line
    /// number when known.
    case malformed(String)

    /// The error as one line for the user.
    public var message: String {
        switch self {
        case .notAFeed(let why): return "not a feed: \(why)"
        case .malformed(let why): return "unreadable feed: \(why)"
        }
    }
}
