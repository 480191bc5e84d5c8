/// Where the reader keeps reading state: SQLite for real, memory for tests.
///
/// Every mutating call is committed before it returns.
public protocol ReadingStateStoring: AnyObject {
    /// The stored states of these articles; ids never seen are absent from the result.
    func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState]
    /// Stores the `fields` of these articles' states in one transaction; their other fields
    /// keep their stored values (an article not stored yet gets them from the given state).
    func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields) throws
    /// Remembers where the reader stopped inside an article.
    func setScrollLine(_ line: Int, for id: ArticleID) throws
    /// The article last selected in a source (a file path or feed address).
    func lastSelected(inSource source: String) throws -> ArticleID?
    /// Remembers the article selected in a source.
    func setLastSelected(_ id: ArticleID, inSource source: String) throws
    /// Whether another process stored a change since the last call (false at the first).
    func changedElsewhere() -> Bool
}

extension ReadingStateStoring {
    /// Never: a store no other process writes.
    public func changedElsewhere() -> Bool { false }

    /// Stores these articles' whole states in one transaction.
    public func setStates(_ states: [ArticleID: ArticleState]) throws {
        try setStates(states, fields: .all)
    }
}
