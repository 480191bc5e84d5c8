import Foundation

/// The story last selected in a source, with its neighbours: the stories after it then the one
/// before, nearest first, which find the story that took its place when it has left the file.
///
/// Ids, not a position: a feed adds its new stories on top, which moves every position, not
/// the stories beside the one read.
public struct RememberedSelection: Equatable, Sendable {
    /// The story selected.
    public var id: ArticleID
    /// The stories beside it, in the order they are tried.
    public var neighbours: [ArticleID]
    /// When it was selected, when known (a place stored by an older Gazette has no time).
    public var selectedAt: Date?

    /// How many stories after the selected one are kept (one before is kept besides).
    public static let neighboursAfter = 4

    /// A selection of `id` with `neighbours` tried in their order when it is gone, made at
    /// `selectedAt` when known.
    public init(id: ArticleID, neighbours: [ArticleID] = [], selectedAt: Date? = nil) {
        self.id = id
        self.neighbours = neighbours
        self.selectedAt = selectedAt
    }

    /// The selection of the story at `position` of `ids`, with its neighbours there.
    public static func at(_ position: Int, of ids: (Int) -> ArticleID, count: Int) -> RememberedSelection {
        var neighbours: [ArticleID] = []
        var next = position + 1
        while next < count && next <= position + neighboursAfter {
            neighbours.append(ids(next))
            next += 1
        }
        if position > 0 { neighbours.append(ids(position - 1)) }
        return RememberedSelection(id: ids(position), neighbours: neighbours)
    }

    /// The key the neighbours of `source`'s selection and its time are stored under: a row of
    /// the table of selections beside the source's own, so that the file keeps its schema (an
    /// older Gazette reads it, and finds no source of that name).
    static func neighboursKey(of source: String) -> String { "neighbours:" + source }

    /// Whether `key` is where a source's neighbours are stored, not a source.
    static func isNeighboursKey(_ key: String) -> Bool { key.hasPrefix("neighbours:") }

    /// What the time of a selection starts with, as the last of the stored neighbours: not an
    /// id a story is known to have (a dump's is hex, a feed's its address and a "#" or a
    /// guid's own scheme), so an older Gazette, which reads every element as a neighbour, tries
    /// it last and finds no story.
    private static let timePrefix = "selected-at:"

    /// The neighbours as one stored value, the selected story first and its time last: a
    /// selection stored later without them (by an older Gazette) is then not taken for theirs.
    var storedNeighbours: ArticleID {
        var ids = [id.rawValue] + neighbours.map(\.rawValue)
        if let selectedAt { ids.append(Self.timePrefix + String(selectedAt.timeIntervalSince1970)) }
        let data = (try? JSONSerialization.data(withJSONObject: ids)) ?? Data()
        return ArticleID(String(decoding: data, as: UTF8.self))
    }

    /// The selection of `id` with the neighbours and time stored for it in `stored`; none when
    /// they were stored for another story, or cannot be read.
    static func selection(of id: ArticleID, in stored: ArticleID?) -> RememberedSelection {
        guard let text = stored?.rawValue,
            var ids = JSONStringArray.strings(in: text)
                ?? (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String],
            ids.first == id.rawValue
        else { return RememberedSelection(id: id) }
        var selectedAt: Date?
        if let last = ids.last, ids.count > 1, last.hasPrefix(timePrefix) {
            ids.removeLast()
            selectedAt = Double(last.dropFirst(timePrefix.count)).map(Date.init(timeIntervalSince1970:))
        }
        return RememberedSelection(
            id: id, neighbours: ids.dropFirst().map(ArticleID.init), selectedAt: selectedAt)
    }

    /// Whether this selection was made after `other`: one with a time is newer than one without
    /// (stored by an older Gazette, before any with a time); two without, or at the same time,
    /// are neither.
    func isNewer(than other: RememberedSelection) -> Bool {
        guard let selectedAt else { return false }
        guard let otherTime = other.selectedAt else { return true }
        return selectedAt > otherTime
    }
}

extension ReadingStateStoring {
    /// The story last selected in `source`, with its neighbours and time when they were stored.
    public func rememberedSelection(inSource source: String) throws -> RememberedSelection? {
        guard let id = try lastSelected(inSource: source) else { return nil }
        let stored = try lastSelected(inSource: RememberedSelection.neighboursKey(of: source))
        return RememberedSelection.selection(of: id, in: stored)
    }

    /// The selection made last of those remembered in `sources` (the reader's, whichever
    /// source it was in); of those with no time, or the same, the first in `sources`' order.
    public func newestRememberedSelection(inSources sources: [String]) throws -> RememberedSelection? {
        var newest: RememberedSelection?
        for source in sources {
            guard let selection = try rememberedSelection(inSource: source) else { continue }
            if let found = newest, !selection.isNewer(than: found) { continue }
            newest = selection
        }
        return newest
    }

    /// Remembers `selection` as the story selected in `source`, with its neighbours and time.
    public func remember(_ selection: RememberedSelection, inSource source: String) throws {
        try setLastSelected(selection.id, inSource: source)
        try setLastSelected(
            selection.storedNeighbours, inSource: RememberedSelection.neighboursKey(of: source))
    }
}
