import Foundation

/// The rules that tell apart the stories of one feed that share an id, applied to its items in
/// file order: an id an earlier item had under another title is told apart by the title
/// (`#title:`), and a content id (`sha:`) an earlier item had under another date by the date
/// (`#date:`). The first item keeps the plain id, and a copy under the same title keeps it too
/// (the catalog shows it once).
///
/// The items of a later part of a feed cut in parts are indexed on threads of their own: their
/// ids wait, with what the rules need of each (``Story``), until every item before them has
/// been through the rules (``settle(_:_:)``), so that they are those of the file read whole.
/// One thread at a time uses it: the first part's, then each part's hand-over in file order.
final class StoryIDRepeats: @unchecked Sendable {
    /// What the rules need of an item.
    struct Story: Sendable {
        /// The item's id before the rules (``OpenedSource/articleIDs(of:identifyingTitle:)``).
        let id: ArticleID
        /// The ids earlier versions gave it before the rules, where they differ
        /// (``ArticleSummary/earlierIDs``).
        let earlierIDs: EarlierIDs
        /// The title its id is made of (``FeedArticle/titles(of:)``), and its hash.
        let title: String
        let titleHash: Int
        /// Whether its id is made of its title and text (`sha:`), and its date.
        let isContentID: Bool
        let date: Date?

        init(
            id: ArticleID, earlierIDs: EarlierIDs = EarlierIDs(), title: String, isContentID: Bool,
            date: Date?
        ) {
            self.id = id
            self.earlierIDs = earlierIDs
            self.title = title
            titleHash = title.hashValue
            self.isContentID = isContentID
            self.date = date
        }
    }

    /// The title (its hash) of each id given so far: an item whose id an earlier one with
    /// another title had is a story of its own (feeds that give every item one guid).
    private var titleOfID: [ArticleID: Int] = [:]
    /// The date of each content id given so far: an item of the same title and text under
    /// another date is a story of its own (a bot's "Daily status"), not a copy.
    private var dateOfContentID: [ArticleID: Date?] = [:]

    /// The id of `story`, the feed's items before it having been through the rules.
    func id(of story: Story) -> ArticleID {
        var id = story.id
        if let first = titleOfID.updateValue(story.titleHash, forKey: id), first != story.titleHash {
            titleOfID[id] = first
            id = StoryIDRepeats.titled(id, story.title)
        }
        if story.isContentID, let first = dateOfContentID.updateValue(story.date, forKey: id),
            first != story.date
        {
            dateOfContentID[id] = first
            id = StoryIDRepeats.dated(id, story.date)
        }
        return id
    }

    /// The id of `story` (``id(of:)``) and its earlier ids told apart as it is: the rules decide
    /// alike for the ids earlier versions gave the feed's items, which differ from these only
    /// by the scope they share (``FeedIDScope``).
    func ids(of story: Story) -> (id: ArticleID, earlierIDs: EarlierIDs) {
        let id = id(of: story)
        guard !story.earlierIDs.isEmpty, id != story.id else { return (id, story.earlierIDs) }
        // The rules only add to an id.
        let added = id.rawValue.utf8.dropFirst(story.id.rawValue.utf8.count)
        return (id, story.earlierIDs.followed(by: String(decoding: added, as: UTF8.self)))
    }

    /// Gives each of `summaries`, indexed with their ids before the rules, the id of the
    /// `stories` made of the same items, in order; the feed's items before them have been
    /// through the rules.
    func settle(_ summaries: inout [ArticleSummary], _ stories: [Story]) {
        for (index, story) in zip(summaries.indices, stories) {
            (summaries[index].id, summaries[index].earlierIDs) = ids(of: story)
        }
    }

    /// `id` told apart by a hash of `title`: the id of an item whose own id names no one story.
    static func titled(_ id: ArticleID, _ title: String) -> ArticleID {
        var fingerprint = ContentFingerprint()
        fingerprint.add(title)
        return ArticleID(id.rawValue + "#title:" + String(fingerprint.hexDigest.prefix(8)))
    }

    /// `id` told apart by `date`: the id of an item whose title and text an item of another
    /// date had before it.
    private static func dated(_ id: ArticleID, _ date: Date?) -> ArticleID {
        let seconds = date.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? "none"
        return ArticleID(id.rawValue + "#date:" + seconds)
    }
}
