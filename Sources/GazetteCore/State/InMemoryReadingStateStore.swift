/// Reading state kept in dictionaries: for tests, and for runs that should remember nothing.
public final class InMemoryReadingStateStore: ReadingStateStoring {
    private var articles: [ArticleID: ArticleState]
    private var selections: [String: ArticleID]

    /// A store that starts with these states and selections.
    public init(states: [ArticleID: ArticleState] = [:], lastSelected: [String: ArticleID] = [:]) {
        self.articles = states
        self.selections = lastSelected
    }

    public func states(for ids: [ArticleID]) -> [ArticleID: ArticleState] {
        var result: [ArticleID: ArticleState] = [:]
        for id in ids {
            if let state = articles[id] {
                result[id] = state
            }
        }
        return result
    }

    public func setStates(_ states: [ArticleID: ArticleState]) {
        articles.merge(states) { _, new in new }
    }

    public func setScrollLine(_ line: Int, for id: ArticleID) {
        articles[id, default: .unseen].scrollLine = line
    }

    public func lastSelected(inSource source: String) -> ArticleID? {
        selections[source]
    }

    public func setLastSelected(_ id: ArticleID, inSource source: String) {
        selections[source] = id
    }

    /// Every stored state.
    public func allStates() -> [ArticleID: ArticleState] {
        articles
    }
}
