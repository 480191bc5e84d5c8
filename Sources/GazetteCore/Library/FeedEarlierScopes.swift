/// The scopes (``FeedIDScope``) earlier versions of Gazette gave a feed's short guids where
/// they differ from the one it has now, newest first, each ending in its `#`: an item's earlier
/// ids are each of them followed by its guid (see ``EarlierIDs``). One is made for a feed and
/// shared by its items, so that an item keeps only its guid besides.
final class FeedEarlierScopes: Sendable, Equatable {
    /// The newest earlier scope (`https://aliceblog.example/#`).
    let newest: String
    /// The older one, where there are two (`http://www.AliceBlog.example#`).
    let older: String?
    /// The scope the ids have now where it holds the feed's title tag
    /// (`https://aliceblog.example/#feed:87213df0#`), ``newest`` then being the link's alone:
    /// the scope another title gave them is found from it (``FeedTitleChanges``).
    let titled: String?

    init(newest: String, older: String? = nil, titled: String? = nil) {
        self.newest = newest
        self.older = older
        self.titled = titled
    }

    /// The title tag of ``titled`` (`feed:87213df0`).
    var titleTag: String? {
        titled.map { String($0.dropFirst(newest.count).dropLast()) }
    }

    /// The scope the ids had under the title tag `tag` (the link's scope, `tag` and `#`), where
    /// ``titled`` holds another tag; nil where it holds the same, or none.
    func titled(by tag: String) -> String? {
        guard titled != nil, titleTag != tag else { return nil }
        return newest + tag + "#"
    }

    static func == (lhs: FeedEarlierScopes, rhs: FeedEarlierScopes) -> Bool {
        lhs === rhs || (lhs.newest == rhs.newest && lhs.older == rhs.older && lhs.titled == rhs.titled)
    }
}
