import Foundation

/// Reading state kept in dictionaries: for tests, and for runs that should remember nothing.
/// Safe to use from several threads (the background indexer reads while the reader writes).
public final class InMemoryReadingStateStore: ReadingStateStoring, @unchecked Sendable {
    private var articles: [ArticleID: ArticleState]
    private var selections: [String: ArticleID]
    private let lock = NSLock()

    /// A store that starts with these states and selections.
    public init(states: [ArticleID: ArticleState] = [:], lastSelected: [String: ArticleID] = [:]) {
        self.articles = states
        self.selections = lastSelected
    }

    public func states(for ids: [ArticleID]) -> [ArticleID: ArticleState] {
        lock.withLock {
            var result: [ArticleID: ArticleState] = [:]
            for id in ids {
                if let state = articles[id] {
                    result[id] = state
                }
            }
            return result
        }
    }

    /// Stores these articles' whole states.
    public func setStates(_ states: [ArticleID: ArticleState]) {
        setStates(states, fields: .all)
    }

    public func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields) {
        lock.withLock { articles.merge(states) { stored, new in stored.replacing(fields, with: new) } }
    }

    public func setScrollLine(_ line: Int, for id: ArticleID) {
        lock.withLock { articles[id, default: .unseen].scrollLine = line }
    }

    /// Set (by a test) to stand for another process's change; ``changedElsewhere()`` takes it.
    public var changeMadeElsewhere: Bool {
        get { lock.withLock { madeElsewhere } }
        set { lock.withLock { madeElsewhere = newValue } }
    }
    private var madeElsewhere = false

    public func changedElsewhere() -> Bool {
        lock.withLock {
            defer { madeElsewhere = false }
            return madeElsewhere
        }
    }

    public func lastSelected(inSource source: String) -> ArticleID? {
        lock.withLock { selections[source] }
    }

    public func setLastSelected(_ id: ArticleID, inSource source: String) {
        lock.withLock { selections[source] = id }
    }

    public func lastSelected(inSourcesStartingWith prefix: String) -> [String: ArticleID] {
        lock.withLock { selections.filter { $0.key.hasPrefix(prefix) } }
    }

    public func stateCount(ofIDsStartingWith prefix: String) -> Int {
        lock.withLock { articles.keys.count { $0.rawValue.utf8.starts(with: prefix.utf8) } }
    }

    /// Every stored state.
    public func allStates() -> [ArticleID: ArticleState] {
        lock.withLock { articles }
    }
}
