/// The videos and sounds an item gives in Media RSS `media:content` elements (on the item or in
/// its `media:group`; https://www.rssboard.org/media-rss): listed among the story's links as an
/// enclosure of the same kind is ("video (mp4, 5 MB)"), after its enclosures, each address once.
/// They were dropped (Mastodon gives every video, GIFV and sound of a post so; found by QA). The
/// kind is the `medium` attribute's, else the MIME type's; a `media:content` of neither kind (a
/// Flash player) is not listed: the story's page is its link. One that no browser is handed
/// (``UnlistedAddress``) is not kept. What the feed says a file shows (its `media:description`,
/// Mastodon's alt text of a video) shows in the article as a picture's caption does,
/// "[video: description]" (``described``).
struct FeedMediaFiles: Equatable, Sendable {
    /// The addresses, in order.
    private(set) var addresses: [String] = []
    /// What the feed says each file is (``FeedEnclosureLabel``), by its address.
    private(set) var labels: [String: String] = [:]

    /// The kind of each file ("video", "audio"), by its address.
    private(set) var kinds: [String: String] = [:]
    /// What the feed says each file shows, by its address (``describe(_:_:isHTML:rank:)``).
    private var descriptions: [String: Description] = [:]
    /// The `media:group` each file is in (numbered from 1), by its address.
    private var groups: [String: Int] = [:]
    /// What the feed says each group's files show, by its number.
    private var groupDescriptions: [Int: Description] = [:]
    /// How many groups were entered, and the one being read.
    private var groupCount = 0
    private var openGroup: Int?

    /// Which field a description comes from, best first: a file's own `media:description`, its
    /// `media:group`'s, the file's `media:title`, the group's.
    enum DescriptionRank: Int, Comparable {
        case fileDescription, groupDescription, fileTitle, groupTitle

        /// Whether the field is the group's.
        var isGroup: Bool { self == .groupDescription || self == .groupTitle }

        static func < (lhs: DescriptionRank, rhs: DescriptionRank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A description as plain text on one line, and the field it comes from.
    private struct Description: Equatable, Sendable {
        var text: String
        var rank: DescriptionRank
    }

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
        kinds[address] = kind
        if let openGroup { groups[address] = openGroup }
        // The type when it is of the kind ("video/mp4"), else the kind alone.
        let type = XMLFeedReader.attribute("type", in: attributes).map(FeedItemDraft.trimmed)
        let typed = type.map { $0.lowercased().hasPrefix(kind + "/") } == true ? type : kind
        labels[address] = FeedEnclosureLabel.label(
            type: typed, length: XMLFeedReader.attribute("fileSize", in: attributes))
    }

    /// The field a `media:description` (a `media:title` when `isTitle`) with `parent` is: a
    /// file's in a `media:content`, its group's in a `media:group`; nil elsewhere (the item's).
    static func rank(isTitle: Bool, in parent: XMLFeedReader.Element?) -> DescriptionRank? {
        guard let parent, parent.namespace == FeedMediaText.mediaNamespace else { return nil }
        switch parent.name {
        case "content": return isTitle ? .fileTitle : .fileDescription
        case "group": return isTitle ? .groupTitle : .groupDescription
        default: return nil
        }
    }

    /// Starts a `media:group`: the files kept until ``leaveGroup()`` are its.
    mutating func enterGroup() {
        groupCount += 1
        openGroup = groupCount
    }

    /// Ends the `media:group` being read.
    mutating func leaveGroup() {
        openGroup = nil
    }

    /// Says what the file at `address` shows (a field of the file, by `rank`), or what the
    /// files of the group being read show (a field of the group): `text`, HTML when `isHTML`,
    /// read as plain text on one line. One that shows nothing is none; a better field's stays.
    mutating func describe(_ address: String?, _ text: String, isHTML: Bool, rank: DescriptionRank) {
        let line = isHTML ? HTMLRenderer.plainText(text) : WordJoin.collapsedAtWhitespace(text)
        guard !TerminalSanitizer.showsNothing(line) else { return }
        let description = Description(text: line, rank: rank)
        if rank.isGroup {
            guard let openGroup, (groupDescriptions[openGroup]?.rank).map({ rank < $0 }) ?? true else {
                return
            }
            groupDescriptions[openGroup] = description
            return
        }
        guard let address, kinds[address] != nil,
            (descriptions[address]?.rank).map({ rank < $0 }) ?? true
        else { return }
        descriptions[address] = description
    }

    /// The files the feed says what they show, in order: each one's kind and description (the
    /// best of its own fields and its group's).
    var described: [(address: String, kind: String, text: String)] {
        addresses.compactMap { address in
            let fields = [descriptions[address], groups[address].flatMap { groupDescriptions[$0] }]
            guard let kind = kinds[address],
                let best = fields.compactMap({ $0 }).min(by: { $0.rank < $1.rank })
            else { return nil }
            return (address, kind, best.text)
        }
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
            kinds[new] = old.kinds[address]
            descriptions[new] = old.descriptions[address]
            groups[new] = old.groups[address]
        }
        groupDescriptions = old.groupDescriptions
        groupCount = old.groupCount
        openGroup = old.openGroup
    }
}
