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

    /// How many stories after the selected one are kept (one before is kept besides).
    public static let neighboursAfter = 4

    /// A selection of `id` with `neighbours` tried in their order when it is gone.
    public init(id: ArticleID, neighbours: [ArticleID] = []) {
        self.id = id
        self.neighbours = neighbours
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

    /// The key the neighbours of `source`'s selection are stored under: a row of the table of
    /// selections beside the source's own, so that the file keeps its schema (an older Gazette
    /// reads it, and finds no source of that name).
    static func neighboursKey(of source: String) -> String { "neighbours:" + source }

    /// Whether `key` is where a source's neighbours are stored, not a source.
    static func isNeighboursKey(_ key: String) -> Bool { key.hasPrefix("neighbours:") }

    /// The neighbours as one stored value, the selected story first: a selection stored later
    /// without them (by an older Gazette) is then not taken for theirs.
    var storedNeighbours: ArticleID {
        let ids = [id.rawValue] + neighbours.map(\.rawValue)
        let data = (try? JSONSerialization.data(withJSONObject: ids)) ?? Data()
        return ArticleID(String(decoding: data, as: UTF8.self))
    }

    /// The neighbours stored for the selection of `id` in `stored`; none when they were stored
    /// for another story, or cannot be read.
    static func neighbours(of id: ArticleID, in stored: ArticleID?) -> [ArticleID] {
        guard let data = stored?.rawValue.data(using: .utf8),
            let ids = (try? JSONSerialization.jsonObject(with: data)) as? [String],
            ids.first == id.rawValue
        else { return [] }
        return ids.dropFirst().map(ArticleID.init)
    }
}

extension ReadingStateStoring {
    /// The story last selected in `source`, with its neighbours when they were stored.
    public func rememberedSelection(inSource source: String) throws -> RememberedSelection? {
        guard let id = try lastSelected(inSource: source) else { return nil }
        let stored = try lastSelected(inSource: RememberedSelection.neighboursKey(of: source))
        return RememberedSelection(id: id, neighbours: RememberedSelection.neighbours(of: id, in: stored))
    }

    /// Remembers `selection` as the story selected in `source`, with its neighbours.
    public func remember(_ selection: RememberedSelection, inSource source: String) throws {
        try setLastSelected(selection.id, inSource: source)
        try setLastSelected(
            selection.storedNeighbours, inSource: RememberedSelection.neighboursKey(of: source))
    }
}
