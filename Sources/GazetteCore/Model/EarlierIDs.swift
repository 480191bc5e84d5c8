/// The ids a story had before its id was made as it is now, where they differ from it, newest
/// first (see ``ArticleSummary/earlierIDs``): reading state may be kept under any.
///
/// Nearly every dump story has none. One whose id changed at two of Gazette's versions, each
/// having stored marks under its own id, has two (a hard-wrapped paragraph or a tab, and two
/// spaces where one was). A feed item with a short guid has one or two, its feed's earlier
/// scopes followed by its guid (``FeedIDScope``): the scope shared by the feed's items, the guid
/// its own. Kept in 25 bytes, none allocated but a guid of 16 bytes or more: the catalog holds
/// 50,000 stories and more.
public struct EarlierIDs: Sendable, Equatable {
    private enum Kept: Sendable {
        case one(ArticleID)
        /// Two dump ids, as the hashes they write: the newest, then the older.
        case two(UInt64, UInt64)
        /// A feed item's ids under its feed's earlier scopes: each scope followed by the rest.
        case scoped(FeedEarlierScopes, String)
    }

    private let kept: Kept?

    /// `id` alone, or none.
    public init(_ id: ArticleID? = nil) {
        kept = id.map(Kept.one)
    }

    /// The dump ids `newest` and `older` write, newest first; one id when they are the same.
    init(newest: UInt64, older: UInt64) {
        kept = newest == older ? .one(ArticleID(hex: newest)) : .two(newest, older)
    }

    /// The ids of a feed item whose id under each of `scopes` is the scope followed by `rest`.
    init(scopes: FeedEarlierScopes, followedBy rest: String) {
        kept = .scoped(scopes, rest)
    }

    /// Whether both hold the same ids, however kept.
    public static func == (lhs: EarlierIDs, rhs: EarlierIDs) -> Bool {
        switch (lhs.kept, rhs.kept) {
        case (nil, nil): true
        case (.two(let a, let b), .two(let c, let d)): a == c && b == d
        case (.scoped(let scopes, let rest), .scoped(let otherScopes, let otherRest))
        where scopes == otherScopes:
            rest == otherRest
        default: lhs.newest == rhs.newest && lhs.older == rhs.older
        }
    }

    /// Whether there is none (told without making one).
    public var isEmpty: Bool {
        if case nil = kept { return true }
        return false
    }

    /// The scopes of a feed item's earlier ids, shared by its feed's items (none for others).
    var feedScopes: FeedEarlierScopes? {
        guard case .scoped(let scopes, _) = kept else { return nil }
        return scopes
    }

    /// The id a feed item had under `scope`, another of its feed's scopes (one ending in `#`):
    /// the scope followed by its guid and what told it apart (nil for a story of another kind).
    func id(under scope: String) -> ArticleID? {
        guard case .scoped(_, let rest) = kept else { return nil }
        return ArticleID(scope + rest)
    }

    /// The newest earlier id, if there is one.
    public var newest: ArticleID? {
        switch kept {
        case .one(let id): id
        case .two(let newest, _): ArticleID(hex: newest)
        case .scoped(let scopes, let rest): ArticleID(scopes.newest + rest)
        case nil: nil
        }
    }

    /// The older earlier id, where there are two.
    public var older: ArticleID? {
        switch kept {
        case .two(_, let older): ArticleID(hex: older)
        case .scoped(let scopes, let rest): scopes.older.map { ArticleID($0 + rest) }
        case .one, nil: nil
        }
    }

    /// These ids, each followed by `suffix`: a feed item's told apart from others sharing its id
    /// as its id now is (``StoryIDRepeats``). A dump story's (two hashes), never told apart so,
    /// are kept as they are.
    func followed(by suffix: String) -> EarlierIDs {
        guard !suffix.isEmpty else { return self }
        switch kept {
        case .one(let id): return EarlierIDs(ArticleID(id.rawValue + suffix))
        case .scoped(let scopes, let rest): return EarlierIDs(scopes: scopes, followedBy: rest + suffix)
        case .two, nil: return self
        }
    }
}
