/// The scopes the ids of renamed feeds' stories had under their files' stored title tags, and
/// the tags before them, by the scope they have now (``FeedTitleChanges/scopesKeptInStep``), for
/// the changes made to those stories to be stored under the ids they had too: until a file's new
/// tag is stored (once it is indexed whole), its next reading takes the states under the stored
/// tag's ids over those under the ids now (``PreviousIDStates``), and a mark made before then (a
/// big feed quit while it was indexed) was lost to the older one; another file of the feed with
/// the tag before still stored takes them so once it is renamed too.
///
/// Scopes, not ids: a story's id under an earlier scope is that scope followed by what follows
/// the scope now in its id (``EarlierIDs``), and a big feed's stories cost nothing here.
struct RetitledStoryIDs {
    /// The earlier scopes by the scope now (one, nearly always none).
    private var scopes: [String: [String]] = [:]

    /// Whether no story has earlier ids to keep in step (nearly always).
    var isEmpty: Bool { scopes.isEmpty }

    /// Adds `scopes`, the earlier scopes by the scope now.
    mutating func add(_ scopes: [String: [String]]) {
        for (now, earlier) in scopes {
            for scope in earlier where self.scopes[now]?.contains(scope) != true {
                self.scopes[now, default: []].append(scope)
            }
        }
    }

    /// The earlier ids of the story `id` (none for nearly every story).
    func earlierIDs(of id: ArticleID) -> [ArticleID] {
        guard !scopes.isEmpty else { return [] }
        var ids: [ArticleID] = []
        let bytes = id.rawValue.utf8
        for (now, earlier) in scopes where bytes.starts(with: now.utf8) {
            let rest = String(decoding: bytes.dropFirst(now.utf8.count), as: UTF8.self)
            for scope in earlier { ids.append(ArticleID(scope + rest)) }
        }
        return ids
    }

    /// `ids` and their `states`, followed by the earlier ids of those that have some, each with
    /// its story's state; an earlier id that is among `ids` (the story of a file not renamed) is
    /// left to its own change.
    func including(_ ids: [ArticleID], _ states: [ArticleState]) -> (ids: [ArticleID], states: [ArticleState])
    {
        guard !scopes.isEmpty else { return (ids, states) }
        var added: [(ArticleID, ArticleState)] = []
        for (id, state) in zip(ids, states) {
            for old in earlierIDs(of: id) { added.append((old, state)) }
        }
        guard !added.isEmpty else { return (ids, states) }
        let given = Set(ids)
        var seen: Set<ArticleID> = []
        var allIDs = ids
        var allStates = states
        for (old, state) in added where !given.contains(old) && seen.insert(old).inserted {
            allIDs.append(old)
            allStates.append(state)
        }
        return (allIDs, allStates)
    }
}
