/// The ids a story had before its id was made as it is now, where they differ from it, newest
/// first (see ``ArticleSummary/earlierIDs``): reading state may be kept under any.
///
/// Nearly every dump story has none. One whose id changed at two of Gazette's versions, each
/// having stored marks under its own id, has two (a hard-wrapped paragraph or a tab, and two
/// spaces where one was); one cut from the start of such a story since (``DumpGluedHeader``)
/// three, that story's id and its two. A feed item with a short guid has one or two, its feed's earlier
/// scopes followed by its guid (``FeedIDScope``): the scope shared by the feed's items, the guid
/// its own; and the guid alone, its id before 426d7d1 (``guidAlone``). An RSS item known by its
/// `atom:link` has one: the id made of its title and text it had before
/// (``FeedItem/contentIDBefore``). Kept in 25 bytes, none allocated but a guid of 16 bytes or
/// more: the catalog holds 50,000 stories and more.
public struct EarlierIDs: Sendable, Equatable {
    private enum Kept: Sendable {
        case one(ArticleID)
        /// Two dump ids, as the hashes they write: the newest, then the older.
        case two(UInt64, UInt64)
        /// Three dump ids, as the hashes they write, newest first.
        case three(UInt64, UInt64, UInt64)
        /// A feed item's ids under its feed's earlier scopes: each scope followed by the rest.
        case scoped(FeedEarlierScopes, String)
        /// As `scoped`, the rest followed by what told the item apart from others sharing its
        /// guid (``StoryIDRepeats``): its guid alone was never its id.
        case scopedApart(FeedEarlierScopes, String)
        /// The guid alone of an item of a feed that had no other scope.
        case guid(String)
        /// A feed item's id made of its title and text (`sha:`), before it was known by its page
        /// (``FeedItem/contentIDBefore``): never told apart as the id it has now is.
        case content(ArticleID)
    }

    private let kept: Kept?

    private init(kept: Kept) {
        self.kept = kept
    }

    /// `id` alone, or none.
    public init(_ id: ArticleID? = nil) {
        kept = id.map(Kept.one)
    }

    /// The dump ids `newest` and `older` write, newest first; one id when they are the same.
    init(newest: UInt64, older: UInt64) {
        kept = newest == older ? .one(ArticleID(hex: newest)) : .two(newest, older)
    }

    /// The dump ids `newest`, `older` and `oldest` write, newest first; an id written twice is
    /// kept once.
    init(newest: UInt64, older: UInt64, oldest: UInt64) {
        if oldest == older || oldest == newest {
            self.init(newest: newest, older: older)
        } else if older == newest {
            self.init(newest: newest, older: oldest)
        } else {
            self.init(kept: .three(newest, older, oldest))
        }
    }

    /// The ids of a feed item whose id under each of `scopes` is the scope followed by `rest`.
    init(scopes: FeedEarlierScopes, followedBy rest: String) {
        kept = .scoped(scopes, rest)
    }

    /// The id made of its title and text of a feed item now known by its page
    /// (``FeedItem/contentIDBefore``).
    init(contentID: ArticleID) {
        kept = .content(contentID)
    }

    /// The guid alone, of a feed item whose guid's id names it in its feed only, in a feed with
    /// no other scope than its own.
    init(guidAlone guid: String) {
        kept = .guid(guid)
    }

    /// Whether both hold the same ids, however kept.
    public static func == (lhs: EarlierIDs, rhs: EarlierIDs) -> Bool {
        switch (lhs.kept, rhs.kept) {
        case (nil, nil): true
        case (.two(let a, let b), .two(let c, let d)): a == c && b == d
        case (.three(let a, let b, let c), .three(let d, let e, let f)): a == d && b == e && c == f
        case (.scoped(let scopes, let rest), .scoped(let otherScopes, let otherRest))
        where scopes == otherScopes:
            rest == otherRest
        case (.scopedApart(let scopes, let rest), .scopedApart(let otherScopes, let otherRest))
        where scopes == otherScopes:
            rest == otherRest
        case (.scoped, .scopedApart), (.scopedApart, .scoped): false
        // A feed with its link and no title keeps its scope for the titles it had: the guid alone.
        case (.guid(let guid), .scoped(let scopes, let rest)),
            (.scoped(let scopes, let rest), .guid(let guid)):
            scopes.newest == nil && guid == rest
        case (.guid(let guid), .guid(let other)): guid == other
        case (.guid, _), (_, .guid): false
        default: lhs.newest == rhs.newest && lhs.older == rhs.older && lhs.oldest == rhs.oldest
        }
    }

    /// Whether there is none (told without making one).
    public var isEmpty: Bool {
        if case nil = kept { return true }
        return false
    }

    /// The scopes of a feed item's earlier ids, shared by its feed's items (none for others).
    var feedScopes: FeedEarlierScopes? {
        switch kept {
        case .scoped(let scopes, _), .scopedApart(let scopes, _): scopes
        default: nil
        }
    }

    /// The id a feed item had under `scope`, another of its feed's scopes (one ending in `#`):
    /// the scope followed by its guid and what told it apart (nil for a story of another kind).
    func id(under scope: String) -> ArticleID? {
        switch kept {
        case .scoped(_, let rest), .scopedApart(_, let rest): ArticleID(scope + rest)
        default: nil
        }
    }

    /// The newest earlier id, if there is one.
    public var newest: ArticleID? {
        switch kept {
        case .one(let id), .content(let id): id
        case .two(let newest, _), .three(let newest, _, _): ArticleID(hex: newest)
        case .scoped(let scopes, let rest), .scopedApart(let scopes, let rest):
            scopes.newest.map { ArticleID($0 + rest) }
        case .guid, nil: nil
        }
    }

    /// The older earlier id, where there are two or three.
    public var older: ArticleID? {
        switch kept {
        case .two(_, let older), .three(_, let older, _): ArticleID(hex: older)
        case .scoped(let scopes, let rest), .scopedApart(let scopes, let rest):
            scopes.older.map { ArticleID($0 + rest) }
        case .one, .guid, .content, nil: nil
        }
    }

    /// The oldest earlier id, where there are three (a dump story only).
    public var oldest: ArticleID? {
        if case .three(_, _, let oldest) = kept { return ArticleID(hex: oldest) }
        return nil
    }

    /// These ids, each followed by `suffix`: a feed item's told apart from others sharing its id
    /// as its id now is (``StoryIDRepeats``). A dump story's (hashes), never told apart so,
    /// are kept as they are.
    func followed(by suffix: String) -> EarlierIDs {
        guard !suffix.isEmpty else { return self }
        switch kept {
        case .one(let id): return EarlierIDs(ArticleID(id.rawValue + suffix))
        case .scoped(let scopes, let rest), .scopedApart(let scopes, let rest):
            return EarlierIDs(kept: .scopedApart(scopes, rest + suffix))
        // Told apart, it never had its guid alone as its id: the old build showed one story.
        case .guid: return EarlierIDs()
        // The content id was the story's alone: as it was, whatever tells its id apart now.
        case .two, .three, .content, nil: return self
        }
    }

    /// The id Gazettes before 426d7d1 gave a feed item with a short guid: the guid alone (two
    /// feeds' items with one guid shared it, and its reading state); nil for other stories, and
    /// for one told apart from others sharing its guid (the old build listed only the first).
    public var guidAlone: ArticleID? {
        switch kept {
        case .scoped(_, let rest), .guid(let rest): ArticleID(rest)
        default: nil
        }
    }
}
