/// The ids a dump story had before its id was made as it is now, where they differ from it,
/// newest first (see ``ArticleSummary/earlierIDs``): reading state may be kept under any.
///
/// Nearly every story has none. One whose id changed at two of Gazette's versions, each
/// having stored marks under its own id, has two (a hard-wrapped paragraph or a tab, and two
/// spaces where one was). Kept in 25 bytes, none allocated: the catalog holds 50,000 stories
/// and more.
public struct EarlierIDs: Sendable, Equatable {
    private enum Kept: Sendable, Equatable {
        case one(ArticleID)
        /// Two dump ids, as the hashes they write: the newest, then the older.
        case two(UInt64, UInt64)
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

    /// The newest earlier id, if there is one.
    public var newest: ArticleID? {
        switch kept {
        case .one(let id): id
        case .two(let newest, _): ArticleID(hex: newest)
        case nil: nil
        }
    }

    /// The older earlier id, where there are two.
    public var older: ArticleID? {
        guard case .two(_, let older) = kept else { return nil }
        return ArticleID(hex: older)
    }
}
