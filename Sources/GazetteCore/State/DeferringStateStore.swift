import Foundation

/// A store over another that keeps the changes another process's lock refused
/// (``StateStoreError/busy(path:)``) and writes them once the lock is gone, so that the reader
/// neither freezes for the lock nor loses the change. Those refused because the state file was
/// deleted or moved away (``StateStoreError/removed(path:)``) are kept too: written if it is
/// put back, else into a new state file at the end (``saveChangesWaiting(into:)``).
///
/// The changes kept are coalesced per article and field (the last wins) and per source; while
/// any wait, every new change waits behind them, so that none is written out of order. Reads
/// show the changes waiting over what is stored: they are newer than anything stored meanwhile.
/// Only what the changes made of a story, from the state it had before the first of them,
/// waits (``WaitingStoryChange``): a change taken back writes nothing over another Gazette's.
/// Safe to read from several threads (the background indexer); written from one.
public final class DeferringStateStore: ReadingStateStoring, @unchecked Sendable {
    /// How long the reader's writes wait for another process's lock before their changes are
    /// kept to be written later (two readers writing at once rarely hold it longer).
    public static let readerWait: TimeInterval = 0.2
    /// How long the reader's opening of the state file waits for another program's lock
    /// before the reader opens without it (``ReadingStateStore/closedAtOpening``): a lock of a
    /// second, a backup's, is waited out.
    public static let openingWait: TimeInterval = 2

    private let store: ReadingStateStoring
    private let lock = NSLock()
    /// The changes waiting, per article.
    private var articles: [ArticleID: WaitingStoryChange] = [:]
    /// The selections waiting, per source.
    private var selections: [String: ArticleID] = [:]
    /// The refusal that made the changes wait.
    private var refusal: StateStoreError?
    /// How many stories' changes that waited were written since ``takeChangesSavedLate()``.
    private var savedLate = 0
    /// The changes a write refused for good (the state file replaced or emptied by another
    /// program, upgraded by a newer Gazette, damaged): per story, the fields refused.
    private var refused: [ArticleID: ArticleState.Fields] = [:]
    /// The last refusal of ``refused``.
    private var refusedBy: StateStoreError?

    /// How long after a lock refused a write the changes made meanwhile are kept without a try.
    private let retryInterval: TimeInterval
    /// When a lock last refused a write.
    private var lastRefusal: Date?
    /// How many times a change was tried at once (tests).
    private(set) var tries = 0

    /// A store writing through to `store`; while changes wait, a change made within
    /// `retryInterval` of the last refusal is kept without waiting for the lock again.
    public init(_ store: ReadingStateStoring, retryInterval: TimeInterval = 1) {
        self.store = store
        self.retryInterval = retryInterval
    }

    /// How many stories' changes wait to be written, one per story. The story selected, which
    /// may wait too, is not counted: moving is not a change the user makes knowingly (one `N`
    /// said "2 changes wait"; found by QA).
    public var changesWaiting: Int {
        lock.withLock { articles.count }
    }

    /// Whether anything waits to be written, the story selected included.
    public var somethingWaits: Bool {
        lock.withLock { !articles.isEmpty || !selections.isEmpty }
    }

    /// The refusal the stories' changes wait behind, while any wait.
    public var waitingReason: StateStoreError? {
        lock.withLock { articles.isEmpty ? nil : refusal }
    }

    /// The refusal the changes wait behind, while any wait, the selected story's alone too.
    public var keptBehind: StateStoreError? {
        lock.withLock { articles.isEmpty && selections.isEmpty ? nil : refusal }
    }

    /// What waits, in words: "read marks of 2 stories, the selected story of 1 source".
    public var waitingSummary: String {
        // A selection's neighbours wait under a key of their own beside it, and a feed's title
        // tag under another: not sources ("the selected story of 2 sources" with one file open;
        // found by QA).
        lock.withLock {
            Self.summary(
                articles.values.map(\.fields),
                sources: selections.keys.filter {
                    !RememberedSelection.isNeighboursKey($0) && !StoredTitleTag.isKey($0)
                }.count)
        }
    }

    /// The changes a write refused for good while the store was used, in words ("flags of 1
    /// story"), and the last reason; nil when none was. They were told as not saved and not
    /// shown as made, and are told again at the quit, which fails (they were lost with status 0;
    /// found by QA). Those refused by a file this user cannot write are not counted: the reader
    /// says it is read only from the opening.
    public var refusedForGood: (summary: String, reason: StateStoreError)? {
        lock.withLock {
            guard let refusedBy, !refused.isEmpty else { return nil }
            return (Self.summary(Array(refused.values), sources: 0), refusedBy)
        }
    }

    /// The changes of stories with these `fields` and the selected stories of `sources`
    /// sources, in words: "read marks of 2 stories, the selected story of 1 source".
    private static func summary(_ fields: [ArticleState.Fields], sources: Int) -> String {
        var counts: [(ArticleState.Fields, String, Int)] = [
            (.read, "read marks", 0), (.flag, "flags", 0), (.scroll, "reading positions", 0),
        ]
        for changed in fields {
            for index in counts.indices where changed.contains(counts[index].0) {
                counts[index].2 += 1
            }
        }
        var parts = counts.filter { $0.2 > 0 }.map { "\($0.1) of \(stories($0.2))" }
        if sources > 0 {
            parts.append("the selected story of \(sources) \(sources == 1 ? "source" : "sources")")
        }
        return parts.joined(separator: ", ")
    }

    private static func stories(_ count: Int) -> String {
        count == 1 ? "1 story" : "\(count) stories"
    }

    /// Writes the changes waiting, if any; true when none wait any more. A lock still held
    /// keeps them (false); another failure is thrown, and they stay.
    @discardableResult
    public func saveChangesWaiting() throws -> Bool {
        try saveChangesWaiting(into: store)
    }

    /// Writes the changes waiting into `target` (a new state file made where the one deleted
    /// or moved away was, or made there since by another Gazette), as ``saveChangesWaiting()``
    /// writes them into the store: only the fields this reader changed, from where they
    /// started, are written; the others keep what another process stored in them.
    @discardableResult
    public func saveChangesWaiting(into target: ReadingStateStoring) throws -> Bool {
        let store = target
        let (waiting, sources) = lock.withLock { (articles, selections) }
        var groups: [Int: [ArticleID: ArticleState]] = [:]
        for (id, change) in waiting { groups[change.fields.rawValue, default: [:]][id] = change.state }
        do {
            for (fields, states) in groups.sorted(by: { $0.key < $1.key }) {
                try store.setStates(states, fields: ArticleState.Fields(rawValue: fields))
                lock.withLock {
                    for id in states.keys { articles[id] = nil }
                    savedLate += states.count
                }
            }
            for (source, id) in sources.sorted(by: { $0.key < $1.key }) {
                try store.setLastSelected(id, inSource: source)
                // Not counted, as it was not counted waiting.
                lock.withLock { selections[source] = nil }
            }
        } catch let error as StateStoreError {
            guard error.keepsChanges else { throw error }
            lock.withLock {
                refusal = error
                lastRefusal = Date()
            }
            return false
        }
        return true
    }

    /// How many changes that waited were written since the last call (by any write: a new
    /// change writes those waiting first).
    public func takeChangesSavedLate() -> Int {
        lock.withLock {
            defer { savedLate = 0 }
            return savedLate
        }
    }

    /// Writes a change at once when nothing waits; keeps it, by `keep`, when a lock refuses it
    /// or while changes wait already (they are tried again while the reader is idle, not at
    /// every change: each try waits for the lock, and keys felt slow; found by QA). Other
    /// failures are thrown, and the change is not kept: the `fields` of `ids` it changes are
    /// counted as refused (``refusedForGood``). `keep` is given the stored states the change starts from (``startingStates(_:of:)``).
    private func write(
        _ change: () throws -> Void, keep: (_ starts: [ArticleID: ArticleState]?) -> Void,
        fields: ArticleState.Fields = [], of ids: some Collection<ArticleID> = [ArticleID]()
    ) throws {
        func keepIt() {
            let starts = startingStates(fields, of: ids)
            lock.withLock { keep(starts) }
        }
        let recentlyRefused = lock.withLock {
            (!articles.isEmpty || !selections.isEmpty)
                && lastRefusal.map { Date().timeIntervalSince($0) < retryInterval } ?? false
        }
        if recentlyRefused {
            keepIt()
            return
        }
        lock.withLock { tries += 1 }
        do {
            if try saveChangesWaiting() {
                try change()
                return
            }
        } catch let error as StateStoreError {
            guard error.keepsChanges else {
                if !error.isUnwritable { refuse(fields, of: ids, for: error) }
                throw error
            }
            lock.withLock {
                refusal = error
                lastRefusal = Date()
            }
        }
        keepIt()
    }

    /// The stored states of those of `ids` whose `fields` do not all wait already: those their
    /// change starts from (a story's other fields start where they started); nil when they cannot
    /// be read. The store was not written since the reader read them: its writes are refused.
    private func startingStates(_ fields: ArticleState.Fields, of ids: some Collection<ArticleID>)
        -> [ArticleID: ArticleState]?
    {
        guard !fields.isEmpty else { return [:] }
        let starting = lock.withLock {
            ids.filter { !(articles[$0]?.fields.isSuperset(of: fields) ?? false) }
        }
        guard !starting.isEmpty else { return [:] }
        guard let stored = try? store.states(inOrderOf: starting) else { return nil }
        var starts = [ArticleID: ArticleState](minimumCapacity: starting.count)
        for (id, state) in zip(starting, stored) { starts[id] = state ?? .unseen }
        return starts
    }

    /// Counts the `fields` of `ids` as refused for good, for `reason`.
    private func refuse(
        _ fields: ArticleState.Fields, of ids: some Sequence<ArticleID>, for reason: StateStoreError
    ) {
        guard !fields.isEmpty else { return }
        lock.withLock {
            for id in ids { refused[id, default: []].formUnion(fields) }
            refusedBy = reason
        }
    }

    /// Keeps the `fields` of `state` for `id`, over those already waiting for it, from the
    /// stored state in `starts` (nil when it could not be read); a story whose fields are all
    /// back where they started no longer waits.
    private func keep(
        _ state: ArticleState, fields: ArticleState.Fields, for id: ArticleID,
        from starts: [ArticleID: ArticleState]?
    ) {
        let stored = starts?[id]
        guard var waiting = articles[id] else {
            let change = WaitingStoryChange(state, fields: fields, from: stored)
            if !change.isEmpty { articles[id] = change }
            return
        }
        waiting.add(state, fields: fields, from: stored)
        articles[id] = waiting.isEmpty ? nil : waiting
    }

    // MARK: ReadingStateStoring

    public func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] {
        // The changes waiting are taken before the stored states are read: written in between,
        // they are read as stored.
        let waiting = lock.withLock { articles }
        var result = try store.states(for: ids)
        guard !waiting.isEmpty else { return result }
        for id in ids {
            guard let change = waiting[id] else { continue }
            result[id] = result[id].map { $0.replacing(change.fields, with: change.state) } ?? change.state
        }
        return result
    }

    public func states(inOrderOf ids: [ArticleID]) throws -> [ArticleState?] {
        let waiting = lock.withLock { articles }
        var result = try store.states(inOrderOf: ids)
        guard !waiting.isEmpty else { return result }
        for (offset, id) in ids.enumerated() {
            guard let change = waiting[id] else { continue }
            result[offset] =
                result[offset].map { $0.replacing(change.fields, with: change.state) } ?? change.state
        }
        return result
    }

    public func setStates(of ids: [ArticleID], to states: [ArticleState], fields: ArticleState.Fields) throws
    {
        guard !ids.isEmpty, !fields.isEmpty else { return }
        try write(
            { try store.setStates(of: ids, to: states, fields: fields) },
            keep: { starts in
                for (id, state) in zip(ids, states) { keep(state, fields: fields, for: id, from: starts) }
            },
            fields: fields, of: ids)
    }

    public func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
        guard !states.isEmpty, !fields.isEmpty else { return }
        try write(
            { try store.setStates(states, fields: fields) },
            keep: { starts in
                for (id, state) in states { keep(state, fields: fields, for: id, from: starts) }
            },
            fields: fields, of: states.keys)
    }

    public func setScrollLine(_ line: Int, for id: ArticleID) throws {
        try write(
            { try store.setScrollLine(line, for: id) },
            keep: { keep(ArticleState(scrollLine: line), fields: .scroll, for: id, from: $0) },
            fields: .scroll, of: [id])
    }

    public func lastSelected(inSource source: String) throws -> ArticleID? {
        if let waiting = lock.withLock({ selections[source] }) { return waiting }
        return try store.lastSelected(inSource: source)
    }

    public func setLastSelected(_ id: ArticleID, inSource source: String) throws {
        try write({ try store.setLastSelected(id, inSource: source) }, keep: { _ in selections[source] = id })
    }

    public func setLastSelected(inSources ids: [String: ArticleID]) throws {
        guard !ids.isEmpty else { return }
        try write(
            { try store.setLastSelected(inSources: ids) },
            keep: { _ in selections.merge(ids) { _, new in new } })
    }

    /// The rows stored, with those waiting to be written.
    public func lastSelected(inSourcesStartingWith prefix: String) throws -> [String: ArticleID] {
        let waiting = lock.withLock { selections.filter { $0.key.hasPrefix(prefix) } }
        return try store.lastSelected(inSourcesStartingWith: prefix).merging(waiting) { _, waiting in waiting
        }
    }

    /// The states stored (not counting those of stories whose first change waits).
    public func stateCount(ofIDsStartingWith prefix: String) throws -> Int {
        try store.stateCount(ofIDsStartingWith: prefix)
    }

    public func changedElsewhere() -> Bool {
        store.changedElsewhere()
    }

    public var writeRefusal: StateStoreError? { store.writeRefusal }
}
