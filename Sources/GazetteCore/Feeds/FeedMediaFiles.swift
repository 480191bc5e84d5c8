/// The videos and sounds an item gives in Media RSS `media:content` elements (on the item or in
/// its `media:group`; https://www.rssboard.org/media-rss): listed among the story's links as an
/// enclosure of the same kind is ("video (mp4, 5 MB)"), after its enclosures, each address once.
/// They were dropped (Mastodon gives every video, GIFV and sound of a post so; found by QA). The
/// kind is the `medium` attribute's, else the MIME type's; a `media:content` of neither kind (a
/// Flash player) is not listed: the story's page is its link. One that no browser is handed
/// (``UnlistedAddress``) is not kept.
struct FeedMediaFiles: Equatable, Sendable {
    /// The addresses, in order.
    private(set) var addresses: [String] = []
    /// What the feed says each file is (``FeedEnclosureLabel``), by its address.
    private(set) var labels: [String: String] = [:]

    /// How many files are kept: a story lists a few.
    static let maxFiles = 16

    /// The kinds listed, as `medium` and a MIME type's first part name them.
    static let kinds: Set<String> = ["video", "audio"]

    /// The kind of a `media:content` with `attributes` when it is a video or a sound: its
    /// `medium`, else its MIME type's first part; nil for any other.
    static func kind(of attributes: XMLAttributes) -> String? {
        if let medium = XMLFeedReader.attribute("medium", in: attributes) {
            let kind = FeedItemDraft.trimmed(medium).lowercased()
            return kinds.contains(kind) ? kind : nil
        }
        guard let type = XMLFeedReader.attribute("type", in: attributes) else { return nil }
        let kind = FeedItemDraft.trimmed(type).lowercased().prefix { $0 != "/" }
        return kinds.contains(String(kind)) ? String(kind) : nil
    }

    /// Keeps the `media:content` at `address` with `attributes` when it is a video or a sound.
    mutating func add(_ address: String?, attributes: XMLAttributes) {
        guard let address, let kind = Self.kind(of: attributes), addresses.count < Self.maxFiles,
            !addresses.contains(address), !UnlistedAddress.matches(address)
        else { return }
        addresses.append(address)
        // The type when it is of the kind ("video/mp4"), else the kind alone.
        let type = XMLFeedReader.attribute("type", in: attributes).map(FeedItemDraft.trimmed)
        let typed = type.map { $0.lowercased().hasPrefix(kind + "/") } == true ? type : kind
        labels[address] = FeedEnclosureLabel.label(
            type: typed, length: XMLFeedReader.attribute("fileSize", in: attributes))
    }

    /// The files with each address made another (a relative one absolute), in order.
    mutating func mapAddresses(_ transform: (String) -> String) {
        let old = self
        self = FeedMediaFiles()
        for address in old.addresses {
            let new = transform(address)
            guard !addresses.contains(new) else { continue }
            addresses.append(new)
            labels[new] = old.labels[address]
        }
    }
}
