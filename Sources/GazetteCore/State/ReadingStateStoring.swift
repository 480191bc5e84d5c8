/// Where the reader keeps reading state: SQLite for real, memory for tests.
///
/// Every mutating call is committed before it returns, or kept to be written once another
/// process's lock is gone (``DeferringStateStore``, which says so in ``changesWaiting``).
public protocol ReadingStateStoring: AnyObject {
    /// The stored states of these articles; ids never seen are absent from the result.
    func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState]
    /// Stores the `fields` of these articles' states in one transaction; their other fields
    /// keep their stored values (an article not stored yet gets them from the given state).
    func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields) throws
    /// The stored states of `ids`, in their order (nil for an id never seen): a big batch
    /// (`A` and its undo) then needs no table of its own.
    func states(inOrderOf ids: [ArticleID]) throws -> [ArticleState?]
    /// Stores the `fields` of `states[i]` for `ids[i]` (no id twice) in one transaction, as
    /// ``setStates(_:fields:)`` does.
    func setStates(of ids: [ArticleID], to states: [ArticleState], fields: ArticleState.Fields) throws
    /// Remembers where the reader stopped inside an article.
    func setScrollLine(_ line: Int, for id: ArticleID) throws
    /// The article last selected in a source (a file path or feed address).
    func lastSelected(inSource source: String) throws -> ArticleID?
    /// Remembers the article selected in a source.
    func setLastSelected(_ id: ArticleID, inSource source: String) throws
    /// Remembers the values of several sources' rows at once (by source), in one transaction
    /// where the store has them.
    func setLastSelected(inSources ids: [String: ArticleID]) throws
    /// The rows of the sources whose names start with `prefix` (by source).
    func lastSelected(inSourcesStartingWith prefix: String) throws -> [String: ArticleID]
    /// How many stories have a stored state under an id that starts with `prefix`.
    func stateCount(ofIDsStartingWith prefix: String) throws -> Int
    /// Whether another process stored a change since the last call (false at the first).
    func changedElsewhere() -> Bool
    /// Why every write is refused from now on, once known (a newer Gazette upgraded the file).
    var writeRefusal: StateStoreError? { get }
    /// How many stories' changes a lock held by another process keeps waiting to be written.
    var changesWaiting: Int { get }
    /// Whether anything waits to be written (the story selected too, which is not counted).
    var somethingWaits: Bool { get }
    /// The writeRefusal the changes waiting wait behind, while any wait.
    var waitingReason: StateStoreError? { get }
    /// Writes the changes waiting; true when none wait any more.
    func saveChangesWaiting() throws -> Bool
    /// How many changes that waited were written since the last call.
    func takeChangesSavedLate() -> Int
}

extension ReadingStateStoring {
    /// None: a store that cannot list its rows.
    public func lastSelected(inSourcesStartingWith prefix: String) throws -> [String: ArticleID] { [:] }
    /// None: a store that cannot count its rows.
    public func stateCount(ofIDsStartingWith prefix: String) throws -> Int { 0 }

    /// Never: a store no other process writes.
    public func changedElsewhere() -> Bool { false }
    /// None: no other program upgrades it.
    public var writeRefusal: StateStoreError? { nil }

    /// None: a store that writes every change at once or fails.
    public var changesWaiting: Int { 0 }
    public var somethingWaits: Bool { changesWaiting > 0 }
    public var waitingReason: StateStoreError? { nil }
    public func saveChangesWaiting() throws -> Bool { true }
    public func takeChangesSavedLate() -> Int { 0 }

    /// One row after the other.
    public func setLastSelected(inSources ids: [String: ArticleID]) throws {
        for (source, id) in ids.sorted(by: { $0.key < $1.key }) { try setLastSelected(id, inSource: source) }
    }

    /// Looked up in the table ``states(for:)`` gives.
    public func states(inOrderOf ids: [ArticleID]) throws -> [ArticleState?] {
        let found = try states(for: ids)
        return ids.map { found[$0] }
    }

    /// Written through ``setStates(_:fields:)``.
    public func setStates(of ids: [ArticleID], to states: [ArticleState], fields: ArticleState.Fields) throws
    {
        var table = [ArticleID: ArticleState](minimumCapacity: ids.count)
        for (id, state) in zip(ids, states) { table[id] = state }
        try setStates(table, fields: fields)
    }

    /// Stores these articles' whole states in one transaction.
    public func setStates(_ states: [ArticleID: ArticleState]) throws {
        try setStates(states, fields: .all)
    }
}
