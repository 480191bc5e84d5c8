/// What the relative links of an item's body (and its media's) resolve against, where the
/// format says the body belongs to a page other than the item's link: a JSON Feed item's body
/// and attachments are its `url`'s, else the feed's, never its `external_url`'s (the page
/// elsewhere it is about); an Atom entry's whose only link is its `rel="self"` one (the entry's
/// own address) are the document's.
public enum FeedBodyBase: Sendable, Equatable {
    /// The item's link (``FeedItem/link``).
    case link
    /// This address; nil when none is known (the links stay as written).
    case address(String?)
}

extension FeedItem {
    /// The address the body's relative links resolve against (``FeedBodyBase``).
    public var bodyBaseAddress: String? {
        switch bodyBase {
        case .link: link
        case .address(let address): address
        }
    }
}
