/// The ids stories of renamed feeds had under their files' stored title tags, by their ids now
/// (``BackgroundIndexer/Batch/retitled``), for the changes made to them to be stored under those
/// ids too: until a file's new tag is stored (once it is indexed whole), its next reading takes
/// the states under the stored tag's ids over those under the ids now (``PreviousIDStates``),
/// and a mark made before then (a big feed quit while it was indexed) was lost to the older one.
struct RetitledStoryIDs {
    /// The earlier ids of each story that has some (one, but for copies of a feed in files that
    /// stored different tags).
    private var earlier: [ArticleID: [ArticleID]] = [:]

    /// Whether no story has one (nearly always).
    var isEmpty: Bool { earlier.isEmpty }

    /// Adds `retitled`, ids stories had under their files' stored tags, by those ids.
    mutating func add(_ retitled: [ArticleID: ArticleID]) {
        for (old, now) in retitled where earlier[now]?.contains(old) != true {
            earlier[now, default: []].append(old)
        }
    }

    /// The earlier ids of the story `id` (none for nearly every story).
    func earlierIDs(of id: ArticleID) -> [ArticleID] { earlier[id] ?? [] }

    /// `ids` and their `states`, followed by the earlier ids of those that have some, each with
    /// its story's state; an earlier id that is among `ids` (the story of a file not renamed) is
    /// left to its own change.
    func including(_ ids: [ArticleID], _ states: [ArticleState]) -> (ids: [ArticleID], states: [ArticleState])
    {
        guard !earlier.isEmpty else { return (ids, states) }
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
