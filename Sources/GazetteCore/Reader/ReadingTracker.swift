import Foundation

/// The reading state of the open articles, kept in memory and written through to a store
/// on every change, with the changes grouped for undo.
public final class ReadingTracker {
    /// One undoable change: the states the articles had before it and those it gave them, and
    /// the fields it changed.
    private struct Change {
        var before: [ArticleID: ArticleState]
        var after: [ArticleID: ArticleState]
        var fields: ArticleState.Fields
        var label: String
    }

    private let store: ReadingStateStoring
    private var states: [ArticleID: ArticleState]
    /// Read flags found changed in the store by another process since they were loaded.
    private var readChangesFound: [ArticleID: Bool] = [:]
    private var undoStack: [Change] = []
    private let clock: () -> Date
    /// How many changes `u` can take back.
    public static let undoDepth = 100

    /// Loads the states of `ids` from the store in one batch.
    public init(store: ReadingStateStoring, ids: [ArticleID], clock: @escaping () -> Date = Date.init) throws
    {
        self.store = store
        self.clock = clock
        states = try store.states(for: ids)
    }

    /// Forgets the states loaded so far, so that the next ones absorbed are the stored ones:
    /// reading the files again (`R`) shows what other processes changed since (undo stays).
    public func forgetLoadedStates() {
        states.removeAll(keepingCapacity: true)
    }

    /// Adds states loaded elsewhere (by the background indexer); states already known here win.
    public func absorb(_ loaded: [ArticleID: ArticleState]) {
        states.merge(loaded) { current, _ in current }
    }

    /// The state of an article (unseen when never stored).
    public func state(of id: ArticleID) -> ArticleState {
        states[id] ?? .unseen
    }

    public func isRead(_ id: ArticleID) -> Bool { states[id]?.isRead ?? false }
    public func isFlagged(_ id: ArticleID) -> Bool { states[id]?.isFlagged ?? false }

    /// Marks articles read or unread as one undoable change; returns the ids whose read flag
    /// changed from what this reader had (another reader's marks, read first, included).
    /// `opening`: the stories are being read here, so one another reader marked read since
    /// gets this reading's time too (not undoable): that reader's undo then leaves it read.
    @discardableResult
    public func setRead(_ ids: [ArticleID], _ read: Bool, label: String, opening: Bool = false) throws
        -> [ArticleID]
    {
        let flipped = ids.filter { isRead($0) != read }
        try refresh(ids)
        let now = clock()
        var changed = [ArticleID: ArticleState](minimumCapacity: ids.count)
        var stamped: [ArticleID: ArticleState] = [:]
        let flippedHere = opening && read ? Set(flipped) : []
        for id in ids {
            var state = self.state(of: id)
            if state.isRead != read {
                state.isRead = read
                state.readAt = read ? now : nil
                changed[id] = state
            } else if flippedHere.contains(id) {
                state.readAt = now
                stamped[id] = state
            }
        }
        try commit(changed, fields: .read, label: label)
        if !stamped.isEmpty {
            try store.setStates(stamped, fields: .read)
            for (id, state) in stamped { states[id] = state }
        }
        return flipped
    }

    /// Flags or unflags articles as one undoable change; returns the ids that changed.
    @discardableResult
    public func setFlagged(_ ids: [ArticleID], _ flagged: Bool) throws -> [ArticleID] {
        try refresh(ids)
        var changed: [ArticleID: ArticleState] = [:]
        for id in ids where isFlagged(id) != flagged {
            var state = self.state(of: id)
            state.isFlagged = flagged
            changed[id] = state
        }
        try commit(changed, fields: .flag, label: flagged ? "flag" : "unflag")
        return Array(changed.keys)
    }

    /// Remembers where the reader left an article (not undoable).
    public func setScrollLine(_ line: Int, for id: ArticleID) throws {
        guard state(of: id).scrollLine != line else { return }
        try store.setScrollLine(line, for: id)
        // A state not loaded here is not made up: it comes from the store with this line in it
        // (a made-up one would say unread, and win over the loaded one).
        states[id]?.scrollLine = line
    }

    /// How many stories the change `u` would take back touched, if there is one.
    public var storiesInLastChange: Int? { undoStack.last?.before.count }

    /// Takes back the last change; returns what it was, the read flags it changed (id → read
    /// now) and the stories put back, or nil when there is nothing to undo.
    public func undo() throws -> (label: String, readChanges: [ArticleID: Bool], stories: [ArticleID])? {
        guard let change = undoStack.last else { return nil }
        let ids = Array(change.before.keys)
        // What this reader believed of each story, in the order of `ids`.
        let believedRead = ids.map(isRead)
        try refresh(ids)
        // Only the fields the change made are put back: the others may have changed since. A
        // story another reader changed since (read there after this `A`) keeps that change.
        var restored = [ArticleID: ArticleState](minimumCapacity: ids.count)
        var readChanges: [ArticleID: Bool] = [:]
        for (index, id) in ids.enumerated() {
            let now = state(of: id)
            if let after = change.after[id], !now.agrees(with: after, in: change.fields) {
                if now.isRead != believedRead[index] { readChanges[id] = now.isRead }
                continue
            }
            guard let before = change.before[id] else { continue }
            let state = now.replacing(change.fields, with: before)
            restored[id] = state
            if state.isRead != believedRead[index] { readChanges[id] = state.isRead }
        }
        try store.setStates(restored, fields: change.fields)
        for (id, state) in restored { states[id] = state }
        undoStack.removeLast()
        return (change.label, readChanges, Array(restored.keys))
    }

    /// Remembers the article selected in a source.
    public func setLastSelected(_ id: ArticleID, inSource source: String) throws {
        try store.setLastSelected(id, inSource: source)
    }

    /// Remembers the article selected in a source, with its neighbours.
    public func remember(_ selection: RememberedSelection, inSource source: String) throws {
        try store.remember(selection, inSource: source)
    }

    /// How many changes wait for another process's lock to go, or for the end, the state file gone
    /// (see ``DeferringStateStore``).
    public var changesWaiting: Int { store.changesWaiting }

    /// Whether anything waits for a lock to go, the story selected included.
    public var somethingWaits: Bool { store.somethingWaits }

    /// The status line's words for the changes waiting, while any wait.
    public var waitingMessage: String? { waitingStatus?.text }

    /// ``waitingMessage`` with its short form for a narrow status line.
    public var waitingStatus: StatusMessage? {
        guard let reason = store.waitingReason else { return nil }
        return .changesWaiting(store.changesWaiting, behind: reason)
    }

    /// Writes the changes waiting for a lock; true when none wait any more.
    @discardableResult
    public func saveChangesWaiting() throws -> Bool {
        try store.saveChangesWaiting()
    }

    /// How many changes that waited for a lock were written since the last call.
    public func takeChangesSavedLate() -> Int {
        store.takeChangesSavedLate()
    }

    /// Whether another process stored a change of reading state since the last call.
    public func storeChangedElsewhere() -> Bool {
        store.changedElsewhere()
    }

    /// Why every write is refused from now on, once known (a newer Gazette upgraded the file).
    public var storeRefusal: StateStoreError? { store.writeRefusal }

    /// Takes the stored states of `ids` for the loaded ones (another process changed some);
    /// returns the read flags that changed (id → read now) and how many states did.
    public func reloadStates(of ids: [ArticleID]) throws -> (readChanges: [ArticleID: Bool], changed: Int) {
        let stored = try store.states(for: ids)
        var readChanges: [ArticleID: Bool] = [:]
        var changed = 0
        for id in ids {
            let state = stored[id] ?? .unseen
            let known = self.state(of: id)
            guard state != known else { continue }
            changed += 1
            if state.isRead != known.isRead { readChanges[id] = state.isRead }
            states[id] = state
        }
        return (readChanges, changed)
    }

    /// The read flags another process changed, found since the last call (id → read now): a
    /// reader's count of unread stories follows them.
    public func takeReadChangesFound() -> [ArticleID: Bool] {
        defer { readChangesFound.removeAll() }
        return readChangesFound
    }

    /// Takes the stored states of `ids` for the loaded ones: another reader of the same file may
    /// have changed them since, and a change (and its undo) starts from what is stored: an
    /// undo of `A` put back this reader's old idea of stories another had marked since.
    private func refresh(_ ids: [ArticleID]) throws {
        let stored = try store.states(for: ids)
        // Only what this change found: those a change before it found were told by its result.
        readChangesFound.removeAll()
        if ids.count > 1 { states.reserveCapacity(max(states.count, ids.count)) }
        for id in ids {
            let state = stored[id] ?? .unseen
            if state.isRead != isRead(id) { readChangesFound[id] = state.isRead }
            states[id] = state
        }
    }

    /// Stores `changed` (only its `fields`: another process may have changed the others) and
    /// remembers the states before it for undo.
    private func commit(_ changed: [ArticleID: ArticleState], fields: ArticleState.Fields, label: String)
        throws
    {
        guard !changed.isEmpty else { return }
        var before = [ArticleID: ArticleState](minimumCapacity: changed.count)
        for id in changed.keys { before[id] = state(of: id) }
        try store.setStates(changed, fields: fields)
        for (id, state) in changed { states[id] = state }
        undoStack.append(Change(before: before, after: changed, fields: fields, label: label))
        if undoStack.count > ReadingTracker.undoDepth { undoStack.removeFirst() }
    }
}
