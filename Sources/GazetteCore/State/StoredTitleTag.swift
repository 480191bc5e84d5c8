/// The title tag (``FeedIDScope/titleTag(_:)``) a source's feed had when the source was last
/// read, kept so that a feed whose title changed since (sites rename their feeds) finds the
/// marks kept under the ids its old title gave (``FeedTitleChanges``).
///
/// Kept as a row of the table of selections beside the source's own, as a selection's
/// neighbours are (``RememberedSelection``): the file keeps its schema, and an older Gazette
/// reads it, and finds no source of that name.
public enum StoredTitleTag {
    /// The key `source`'s title tag is stored under.
    static func key(of source: String) -> String { "scope:" + source }

    /// The name the tag `source`'s feed had before the one stored is stored under, as a
    /// source's tag (``FeedTitleChanges``): no source's key starts so (they are absolute paths,
    /// or `-`), and it is kept under this type's key, as every tag is.
    static func previousKey(of source: String) -> String { "previous:" + source }

    /// Whether `key` is where a source's title tag is stored, not a source.
    static func isKey(_ key: String) -> Bool { key.hasPrefix("scope:") }
}

extension ReadingStateStoring {
    /// The title tag stored for `source`'s feed, if any.
    public func storedTitleTag(ofSource source: String) throws -> String? {
        try lastSelected(inSource: StoredTitleTag.key(of: source))?.rawValue
    }

    /// Every title tag stored, by source (the tags before them left out).
    public func storedTitleTags() throws -> [String: String] {
        let prefix = StoredTitleTag.key(of: "")
        let previous = StoredTitleTag.previousKey(of: "")
        var tags: [String: String] = [:]
        for (key, tag) in try lastSelected(inSourcesStartingWith: prefix) {
            let source = String(key.dropFirst(prefix.count))
            if !source.hasPrefix(previous) { tags[source] = tag.rawValue }
        }
        return tags
    }

    /// Stores the title tags of sources' feeds (by source), in one transaction.
    public func storeTitleTags(_ tags: [String: String]) throws {
        guard !tags.isEmpty else { return }
        var rows: [String: ArticleID] = [:]
        for (source, tag) in tags { rows[StoredTitleTag.key(of: source)] = ArticleID(tag) }
        try setLastSelected(inSources: rows)
    }
}
