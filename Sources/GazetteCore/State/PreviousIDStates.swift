/// Reading state kept under the id a dump story had before ids were made of its paragraphs as
/// shown (``ArticleSummary/previousID``: a story with a hard-wrapped paragraph or title got a
/// new id then), taken over by the id it has now so that no mark is lost.
public enum PreviousIDStates {
    /// The states stored under the previous ids of those of `summaries` that have one and no
    /// state in `loaded`, by their ids now; `load` is asked once for all of them, and not at
    /// all when no story has one (nearly always).
    public static func carried<Loaded>(
        _ summaries: [ArticleSummary], loaded: [ArticleID: Loaded],
        load: ([ArticleID]) throws -> [ArticleID: ArticleState]
    ) rethrows -> [ArticleID: ArticleState] {
        var wanted: [(id: ArticleID, previous: ArticleID)] = []
        for summary in summaries {
            if let previous = summary.previousID, loaded[summary.id] == nil {
                wanted.append((summary.id, previous))
            }
        }
        guard !wanted.isEmpty else { return [:] }
        let stored = try load(wanted.map(\.previous))
        var carried: [ArticleID: ArticleState] = [:]
        for story in wanted {
            if let state = stored[story.previous] { carried[story.id] = state }
        }
        return carried
    }
}
