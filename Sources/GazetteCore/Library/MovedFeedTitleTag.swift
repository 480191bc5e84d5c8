import Foundation

/// The title tag (``StoredTitleTag``) a feed's file was read under at a path it has left, for a
/// file with none stored: a feed file moved and renamed at once (re-downloaded into a new
/// folder under its new title) finds the marks made under its old title's ids
/// (``FeedTitleChanges``), as a file renamed in place does.
///
/// Found only where the ids tell it: a tag stored for paths that are all gone (moved, not
/// copied: a copy's original keeps its tag, and its marks are not taken), whose ids hold states,
/// and that shares at least half of the smaller side with the file: its stories looked at, or
/// the states stored under the tag's ids (two feeds that share a link and a few guids are two
/// feeds). One such tag or none: of several, a tag that replaced another at its path
/// (``StoredTitleTag/previousKey(of:)``) wins over that one; otherwise none is taken.
public enum MovedFeedTitleTag {
    /// The tag the feed of `scopes` (a file with no tag stored) was read under at a path it
    /// left, from `store`; `stories`: those of the file at hand (asked only when a tag is a
    /// candidate); `exists` tells whether a path is there.
    public static func find(
        for scopes: FeedEarlierScopes, stories: () -> [ArticleSummary], in store: ReadingStateStoring,
        exists: (String) -> Bool = MovedFeedTitleTag.exists
    ) throws -> String? {
        guard let tagNow = scopes.tagNow else { return nil }
        var sources: [String: [String]] = [:]
        for (source, tag) in try store.storedTitleTags() where tag != tagNow {
            sources[tag, default: []].append(source)
        }
        guard !sources.isEmpty else { return nil }
        var found: [(tag: String, sources: [String])] = []
        var looked: [ArticleSummary]?
        for (tag, paths) in sources.sorted(by: { $0.key < $1.key }) {
            // A source that is no file (`-`) or still there keeps its tag.
            guard let scope = scopes.titled(by: tag), paths.allSatisfy({ $0.hasPrefix("/") && !exists($0) })
            else {
                continue
            }
            let stored = try storedCount(under: scope, tag: tag, in: store)
            guard stored > 0 else { continue }
            let mine = looked ?? stories()
            looked = mine
            let ids = mine.compactMap { $0.earlierIDs.id(under: scope) }
            let shared = try store.states(for: ids).count
            guard shared > 0, shared * 2 >= min(ids.count, stored) else { continue }
            found.append((tag, paths))
        }
        if found.count > 1 {
            var replaced: Set<String> = []
            for path in found.flatMap(\.sources) {
                if let before = try store.storedTitleTag(ofSource: StoredTitleTag.previousKey(of: path)) {
                    replaced.insert(before)
                }
            }
            found.removeAll { replaced.contains($0.tag) }
        }
        return found.count == 1 ? found[0].tag : nil
    }

    /// How many states are stored under the ids `scope` gave (that of `tag`): the link's scope
    /// alone (``FeedEarlierScopes/untitledTag``) leaves out the ids a title's tag followed.
    private static func storedCount(under scope: String, tag: String, in store: ReadingStateStoring) throws
        -> Int
    {
        let all = try store.stateCount(ofIDsStartingWith: scope)
        guard tag == FeedEarlierScopes.untitledTag, all > 0 else { return all }
        return all - (try store.stateCount(ofIDsStartingWith: scope + "feed:"))
    }

    /// Whether `path` names something that is there (a path that cannot be looked at is).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 || (errno != ENOENT && errno != ENOTDIR)
    }
}
