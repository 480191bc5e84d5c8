/// A file that names feeds instead of holding news: a reader's subscriptions.
public enum FeedList: Equatable, Sendable {
    /// Lines of feed addresses, as in newsboat's `urls` file (``FeedAddressLines``).
    case addresses
    /// An OPML subscription list (an `<opml>` root), as feed readers export.
    case opml

    /// What the file is, in words: "a list of feed addresses".
    public var text: String {
        switch self {
        case .addresses: return "a list of feed addresses"
        case .opml: return "a subscription list (OPML)"
        }
    }
}
