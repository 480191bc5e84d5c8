/// Where the reader keeps reading state: SQLite for real, memory for tests.
///
/// Every mutating call is committed before it returns.
public protocol ReadingStateStoring: AnyObject {
    /// The stored states of these articles; ids never seen are absent from the result.
    func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState]
    /// Replaces the stored states of these articles in one transaction.
    func setStates(_ states: [ArticleID: ArticleState]) throws
    /// Remembers where the reader stopped inside an article.
    func setScrollLine(_ line: Int, for id: ArticleID) throws
    /// The article last selected in a source (a file path or feed address).
    func lastSelected(inSource source: String) throws -> ArticleID?
    /// Remembers the article selected in a source.
    func setLastSelected(_ id: ArticleID, inSource source: String) throws
}
