/// The scopes (``FeedIDScope``) earlier versions of Gazette gave a feed's short guids where
/// they differ from the one it has now, newest first, each ending in its `#`: an item's earlier
/// ids are each of them followed by its guid (see ``EarlierIDs``). One is made for a feed and
/// shared by its items, so that an item keeps only its guid besides.
final class FeedEarlierScopes: Sendable, Equatable {
    /// The newest earlier scope (`https://aliceblog.example/#`).
    let newest: String
    /// The older one, where there are two (`http://www.AliceBlog.example#`).
    let older: String?

    init(newest: String, older: String? = nil) {
        self.newest = newest
        self.older = older
    }

    static func == (lhs: FeedEarlierScopes, rhs: FeedEarlierScopes) -> Bool {
        lhs === rhs || (lhs.newest == rhs.newest && lhs.older == rhs.older)
    }
}
