/// The scopes (``FeedIDScope``) earlier versions of Gazette gave a feed's short guids where
/// they differ from the one it has now, newest first, each ending in its `#`: an item's earlier
/// ids are each of them followed by its guid (see ``EarlierIDs``). One is made for a feed and
/// shared by its items, so that an item keeps only its guid besides.
public final class FeedEarlierScopes: Sendable, Equatable {
    /// The newest earlier scope (`https://aliceblog.example/#`); nil for a feed with a link in its
    /// normal form and no title, which has no earlier scope but those its titles gave.
    let newest: String?
    /// The older one, where there are two (`http://www.AliceBlog.example#`).
    let older: String?
    /// The scope the ids have now where it holds the feed's title tag
    /// (`https://aliceblog.example/#feed:87213df0#`), ``newest`` then being the link's alone:
    /// the scope another title gave them is found from it (``FeedTitleChanges``).
    let titled: String?
    /// The scope the ids have now where the feed has a link and no title (its title made blank
    /// or taken out: `https://aliceblog.example/#`): the scope a title gave them is found from it.
    let untitled: String?

    init(newest: String?, older: String? = nil, titled: String? = nil, untitled: String? = nil) {
        self.newest = newest
        self.older = older
        self.titled = titled
        self.untitled = untitled
    }

    /// The scope the ids have now, where a title's scope is found from it: ``titled``, else
    /// ``untitled``.
    var now: String? { titled ?? untitled }

    /// The title tag of ``titled`` (`feed:87213df0`).
    var titleTag: String? {
        guard let titled, let newest else { return nil }
        return String(titled.dropFirst(newest.count).dropLast())
    }

    /// What a file's state keeps for a feed read with a link and no title (``StoredTitleTag``):
    /// its ids were then those its link alone gives. No title's tag is it (they start `feed:`).
    static let untitledTag = "untitled"

    /// The tag to keep for the feed as it is now: its ``titleTag``, or ``untitledTag``; nil for a
    /// feed without a link.
    var tagNow: String? {
        if titled != nil { return titleTag }
        return untitled == nil ? nil : Self.untitledTag
    }

    /// The scope the ids had under the tag `tag` (``tagNow`` of an earlier reading: the link's
    /// scope, `tag` and `#`; the link's scope alone for ``untitledTag``), where it differs from
    /// the feed's tag now; nil where it is the same, or the feed has no link.
    func titled(by tag: String) -> String? {
        if let untitled { return tag == Self.untitledTag ? nil : untitled + tag + "#" }
        guard let newest, titled != nil, titleTag != tag else { return nil }
        // Read without a title then: its ids were scoped by its link alone.
        return tag == Self.untitledTag ? newest : newest + tag + "#"
    }

    public static func == (lhs: FeedEarlierScopes, rhs: FeedEarlierScopes) -> Bool {
        lhs === rhs
            || (lhs.newest == rhs.newest && lhs.older == rhs.older && lhs.titled == rhs.titled
                && lhs.untitled == rhs.untitled)
    }
}
