/// The feeds whose title tag (``FeedIDScope/titleTag(_:)``) changed since their files were last
/// read (sites rename their feeds, or blank their titles, and back): the stories of such a feed
/// with a short guid had ids under the old tag, and the marks made since are kept under them
/// (``PreviousIDStates`` looks them up first, and takes them over a state under the ids now,
/// made before that reading). Each file's tag is read from the state once, at its first such
/// story (``StoredTitleTag``; ``FeedEarlierScopes/untitledTag`` for a feed read untitled); the
/// tag it has now is to be stored once the marks found are taken over
/// (``tagsToStore(indexedWhole:)``), so that a later change finds them under it.
///
/// Two files that share a link and another title are two feeds, whatever their files stored:
/// only a file's own stored tag is taken for its stories.
///
/// A file whose tag is replaced keeps the one replaced (``StoredTitleTag/previousKey(of:)``), and
/// the changes made to its stories are stored under the ids that tag gave too (``scopesKeptInStep``):
/// another file of the same feed that still has that tag stored takes the states under those
/// ids over the ones under the ids now once it is renamed too, and found the older marks there.
public struct FeedTitleChanges: Sendable {
    /// The scopes the stories of a renamed feed had under its stored tags, by the scope they
    /// have now (``FeedEarlierScopes/titled``): one, but for copies of one feed in files that
    /// stored different tags.
    private var earlier: [String: [String]] = [:]
    /// The scopes the stories of a feed had under the tags their files had before the stored
    /// ones, by the scope they have now, where ``earlier`` does not hold them: changes are
    /// stored under them too, but no state is taken from them.
    private var inStep: [String: [String]] = [:]
    /// The sources looked at, and the last of them (told without hashing).
    private var looked: Set<Int> = []
    private var lastLooked: Int?
    /// The tag each source's feed has now, where the one stored differs (or none is): its
    /// state key and tag, and the tag it replaces, by source.
    private var toStore: [Int: (key: String, tag: String, replacing: String?)] = [:]

    /// None found yet.
    public init() {}

    /// Whether no feed was found renamed, now or before its stored tag.
    public var isEmpty: Bool { earlier.isEmpty && inStep.isEmpty }

    /// Looks at `summary`, a story of the source `source` (its state key given by `key`): the
    /// first of the source's stories with a short guid scoped by its title (none for a dump)
    /// reads its stored tag with `stored`, once, and where one is stored the tag before it
    /// (`stored` asked for ``StoredTitleTag/previousKey(of:)``). Where none is, `moved` is asked
    /// for the tag the file had at a path it left (``MovedFeedTitleTag``), taken as stored.
    public mutating func look(
        at summary: ArticleSummary, ofSource source: Int, key: () -> String,
        stored: (String) throws -> String?, moved: (FeedEarlierScopes) throws -> String?
    ) rethrows {
        guard source != lastLooked, let scopes = summary.earlierIDs.feedScopes, let now = scopes.now else {
            return
        }
        lastLooked = source
        guard looked.insert(source).inserted else { return }
        let key = key()
        let storedTag = try stored(key) ?? moved(scopes)
        // A feed without a title is kept as such: the marks made meanwhile are under its link's
        // ids, and its title back, they are found there (``PreviousIDStates``: they are newer).
        if let tag = scopes.tagNow, storedTag != tag { toStore[source] = (key, tag, storedTag) }
        guard let storedTag else { return }
        if let scope = scopes.titled(by: storedTag), earlier[now]?.contains(scope) != true {
            earlier[now, default: []].append(scope)
        }
        guard let previous = try stored(StoredTitleTag.previousKey(of: key)),
            let scope = scopes.titled(by: previous), earlier[now]?.contains(scope) != true,
            inStep[now]?.contains(scope) != true
        else { return }
        inStep[now, default: []].append(scope)
    }

    /// Looks at `summary` as ``look(at:ofSource:key:stored:moved:)`` does, finding no moved
    /// file's tag.
    public mutating func look(
        at summary: ArticleSummary, ofSource source: Int, key: () -> String,
        stored: (String) throws -> String?
    ) rethrows {
        try look(at: summary, ofSource: source, key: key, stored: stored, moved: { _ in nil })
    }

    /// Looks at every story of `catalog` (``look(at:ofSource:key:stored:moved:)``), reading stored
    /// tags from `store`, and at a story of each source that lists none of its own
    /// (``ArticleCatalog/copiedStories``), in the sources' order, as the reader's indexing does.
    public mutating func look(at catalog: ArticleCatalog, in store: ReadingStateStoring) throws {
        try look(at: catalog.entries.indices, of: catalog, in: store)
    }

    /// Looks at the stories at `range` of `catalog` as ``look(at:in:)`` looks at them all: at a
    /// story of each source that lists none of its own (``ArticleCatalog/copiedStories``) before
    /// the stories of the sources after it, those after the range's last story up to the next
    /// story's source (every one left, at the end of the catalog), each once.
    public mutating func look(at range: Range<Int>, of catalog: ArticleCatalog, in store: ReadingStateStoring)
        throws
    {
        var copies =
            catalog.copiedStories.isEmpty
            ? [][...]
            : catalog.copiedStories.filter { !looked.contains($0.key) }.sorted { $0.key < $1.key }[...]
        func lookAtCopies(before source: Int) throws {
            while let (index, copy) = copies.first, index < source {
                copies.removeFirst()
                try look(
                    at: copy, ofSource: index, key: { catalog.sources[index].source.stateKey },
                    stored: store.storedTitleTag(ofSource:),
                    moved: { try MovedFeedTitleTag.find(for: $0, stories: { [copy] }, in: store) })
            }
        }
        let entries = catalog.entries
        for position in range {
            let entry = entries[position]
            if !copies.isEmpty { try lookAtCopies(before: entry.sourceIndex) }
            try look(
                at: entry.summary, ofSource: entry.sourceIndex, key: { catalog.source(of: entry).stateKey },
                stored: store.storedTitleTag(ofSource:),
                moved: { scopes in
                    try MovedFeedTitleTag.find(
                        for: scopes,
                        stories: { Self.stories(ofSource: entry.sourceIndex, from: position, in: catalog) },
                        in: store)
                })
        }
        if !copies.isEmpty {
            try lookAtCopies(
                before: range.upperBound < entries.count ? entries[range.upperBound].sourceIndex : .max)
        }
    }

    /// The stories of the source `source` in `catalog` from the one at `position`, in order.
    private static func stories(ofSource source: Int, from position: Int, in catalog: ArticleCatalog)
        -> [ArticleSummary]
    {
        catalog.entries[position...].prefix { $0.sourceIndex == source }.map(\.summary)
    }

    /// The ids `summary`'s story had under its feed's stored tags, where they differ from the
    /// one it has now (nearly always none).
    func earlierIDs(of summary: ArticleSummary) -> [ArticleID] {
        guard !earlier.isEmpty, let now = summary.earlierIDs.feedScopes?.now, let scopes = earlier[now] else {
            return []
        }
        return scopes.compactMap { summary.earlierIDs.id(under: $0) }
    }

    /// The ids `summaries`' stories had under their feeds' stored tags, where they differ from
    /// those they have now, to their ids now (empty for nearly every batch): a place left on one
    /// is found on the story now.
    public func retitled(_ summaries: some Sequence<ArticleSummary>) -> [ArticleID: ArticleID] {
        guard !earlier.isEmpty else { return [:] }
        var ids: [ArticleID: ArticleID] = [:]
        for summary in summaries {
            for id in earlierIDs(of: summary) { ids[id] = summary.id }
        }
        return ids
    }

    /// The scopes the stories of the feeds looked at had under their stored tags and the tags
    /// before them, where they differ from those they have now, by the scope now (empty nearly
    /// always): the changes made to those stories are stored under the ids they had too
    /// (``ReadingTracker/keepInStep(_:)``).
    public var scopesKeptInStep: [String: [String]] {
        earlier.merging(inStep) { stored, before in stored + before }
    }

    /// The tags to store, by state key: those of the feeds looked at that had none stored, and,
    /// when their files were `indexedWhole` (every story's marks found under the old tag taken
    /// over), those whose tag differs from the one stored, with the one replaced
    /// (``StoredTitleTag/previousKey(of:)``). A tag stored over another before then would hide
    /// the marks of the stories not indexed yet; one stored where none was hides nothing.
    public func tagsToStore(indexedWhole: Bool) -> [String: String] {
        var tags: [String: String] = [:]
        for stored in toStore.values where indexedWhole || stored.replacing == nil {
            tags.merge(Self.tags(stored)) { _, later in later }
        }
        return tags
    }

    /// The rows that store `stored`: its tag, and the one it replaces.
    private static func tags(_ stored: (key: String, tag: String, replacing: String?)) -> [String: String] {
        guard let replacing = stored.replacing else { return [stored.key: stored.tag] }
        return [stored.key: stored.tag, StoredTitleTag.previousKey(of: stored.key): replacing]
    }

    /// Whether a feed looked at is to have its stored tag replaced (renamed since its file was
    /// read, made untitled, or titled again): until it is, the marks taken over from the ids the
    /// stored tag gave are taken again, over those made since on the ids now.
    public var replacesStoredTags: Bool { toStore.values.contains { $0.replacing != nil } }

    /// The tags to store for `source` (taken out) once it is indexed whole, when its feed's tag
    /// differs from the one stored (``tagsToStore(indexedWhole:)``).
    mutating func takeTagsToStore(ofSource source: Int) -> [String: String]? {
        toStore.removeValue(forKey: source).map(Self.tags)
    }
}
