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

extension FeedItemDraft {
    /// The body of an item without a web address for its link (none, or one left relative)
    /// resolves against the feed's address when that is one (an RSS channel's link, an Atom
    /// feed's self or alternate link), as its media do (``resolveMediaAddresses(feedBase:)``):
    /// its relative links stayed relative though the feed said where it is.
    mutating func resolvingBodyAgainstFeed(_ feedAddress: String?) {
        guard case .link = bodyBase, link.map(XMLFeedReader.isWebAddress) != true, let feedAddress,
            XMLFeedReader.isWebAddress(feedAddress)
        else { return }
        bodyBase = .address(feedAddress)
    }
}
