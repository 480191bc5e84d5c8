/// Text an item gives in its media or podcast fields, the body of an item without a
/// description or content of its own: Media RSS's `media:description`
/// (https://www.rssboard.org/media-rss#media-description; on the item, in `media:group`, in
/// `media:content`), and the iTunes podcast tags `itunes:summary` and `itunes:subtitle`.
enum FeedMediaText {
    static let mediaNamespace = "http://search.yahoo.com/mrss/"

    /// How good a body each field makes, best first.
    enum Rank: Int, Comparable {
        /// `itunes:summary`: the episode's description.
        case podcastSummary
        /// `media:description` of the item or its `media:group`.
        case itemDescription
        /// `itunes:subtitle`: a line about the episode.
        case podcastSubtitle
        /// `media:description` of one `media:content` (an image's alt text).
        case contentDescription

        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Whether `namespace` is Apple's podcast namespace (feeds write its address in either case).
    static func isPodcast(_ namespace: String) -> Bool {
        namespace.lowercased() == "http://www.itunes.com/dtds/podcast-1.0.dtd"
    }

    /// Whether `element` is a `media:description`.
    static func isMediaDescription(_ element: XMLFeedReader.Element) -> Bool {
        element.name == "description" && element.namespace == mediaNamespace
    }

    /// Whether a `media:description` with `attributes` is HTML (`type="html"`; plain by default).
    static func isHTML(_ attributes: XMLAttributes) -> Bool {
        XMLFeedReader.attribute("type", in: attributes)?.lowercased() == "html"
    }
}
