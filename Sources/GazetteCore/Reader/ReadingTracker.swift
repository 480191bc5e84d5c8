import Foundation

/// The reading state of the open articles, kept in memory and written through to a store
/// on every change, with the changes grouped for undo.
public final class ReadingTracker {
    /// One undoable change: the stories it changed (none twice), the states they had before it
    /// and those it gave them, in the same order, and the fields it changed.
    private struct Change {
        var ids: [ArticleID]
        var before: [ArticleState]
        var after: [ArticleState]
        var fields: ArticleState.Fields
        var label: String

        mutating func reserveCapacity(_ count: Int) {
            ids.reserveCapacity(count)
            before.reserveCapacity(count)
            after.reserveCapacity(count)
        }
    }

    private let store: ReadingStateStoring
    /// The states loaded, each in 16 bytes (a reader keeps one for every story stored).
    private var states: [ArticleID: KeptState]
    /// The states forgotten by ``forgetLoadedStates()`` and not loaded again yet.
    private var statesBeforeReload: [ArticleID: KeptState] = [:]
    /// Read flags found changed in the store by another process since they were loaded.
    private var readChangesFound: [ArticleID: Bool] = [:]
    private var undoStack: [Change] = []
    /// Whether states taken over could not be stored under the stories' ids now (a file that
    /// cannot be written, a command that only reads).
    private var takeOverFailed = false
    /// The scopes stories of renamed feeds had under their files' stored title tags (and those
    /// before them): a change is stored under the ids they gave too (``keepInStep(_:)``).
    private var retitled = RetitledStoryIDs()
    private let clock: () -> Date
    /// How many changes (and undos) of read flags or flags this tracker has taken: a reader that
    /// counted its unread stories before the last one counts them again.
    public private(set) var changesTaken = 0
    /// How many changes `u` can take back.
    public static let undoDepth = 100

    /// Loads the states of `ids` from the store in one batch.
    public init(store: ReadingStateStoring, ids: [ArticleID], clock: @escaping () -> Date = Date.init) throws
    {
        self.store = store
        self.clock = clock
        states = try store.states(for: ids).mapValues(KeptState.init)
    }

    /// Loads the states of `summaries` from the store in one batch, those kept under stories'
    /// previous ids (theirs, those of `further`, and those their feeds' titles gave before
    /// `titleChanges`: ``PreviousIDStates``) in one more when some has one (taken over: see
    /// ``takeOver(_:)``; those found under a title's ids over the states loaded, which are older);
    /// the changes made from then on are stored under those titles' ids too (``keepInStep(_:)``).
    public convenience init(
        store: ReadingStateStoring, summaries: [ArticleSummary], further: [ArticleID: [ArticleID]] = [:],
        titleChanges: FeedTitleChanges = FeedTitleChanges(), clock: @escaping () -> Date = Date.init
    ) throws {
        try self.init(store: store, ids: summaries.map(\.id), clock: clock)
        let carried = try PreviousIDStates.carried(
            summaries, further: further, titleChanges: titleChanges, loaded: states, load: store.states(for:))
        for (id, state) in carried { states[id] = KeptState(state) }
        takeOver(carried)
        keepInStep(titleChanges.scopesKeptInStep)
    }

    /// Takes `carried`, states found under stories' previous ids (by their ids now), for the
    /// states of those without one, and stores those it holds now under the ids now where the
    /// store can be written (a command that only reads shows them all the same): changes start
    /// from them. A state known already stays, in the store too (a later copy of a story, in a
    /// batch of its own, carried another previous id's state over the one taken).
    public func takeOver(_ carried: [ArticleID: ArticleState]) {
        guard !carried.isEmpty else { return }
        states.merge(carried.lazy.map { ($0.key, KeptState($0.value)) }) { known, _ in known }
        let taken = carried.filter { states[$0.key]?.state == $0.value }
        guard !taken.isEmpty else { return }
        do {
            try store.setStates(taken, fields: .all)
        } catch {
            takeOverFailed = true
        }
    }

    /// Stores every change made from now on to a story whose id is in a scope of `scopes` (the
    /// scopes renamed feeds' stories had under their files' stored title tags and those before
    /// them, by the scope now) under the ids it had in those too: the next reading of a file
    /// whose new tag is not stored yet, or of another file of the feed with the tag before
    /// stored, takes the states under those ids over the ones under the ids now
    /// (``RetitledStoryIDs``).
    public func keepInStep(_ scopes: [String: [String]]) {
        retitled.add(scopes)
    }

    /// Stores the title tags of sources' feeds (by source: ``StoredTitleTag``), unless the
    /// states found under the ids their old tags gave could not be stored under the ids now:
    /// the stored tags must lead to those states until they are.
    public func storeTitleTags(_ tags: [String: String]) {
        guard !tags.isEmpty, !takeOverFailed else { return }
        try? store.storeTitleTags(tags)
    }

    /// Forgets the states loaded so far, so that the next ones absorbed are the stored ones:
    /// reading the files again (`R`) shows what other processes changed since (undo stays).
    /// Until a story's state is loaded again (``absorb(_:of:)``), the one forgotten is still
    /// answered: the reader over the files as they were stays on screen meanwhile, its marks
    /// as they were (until ``dropStatesBeforeReload()``).
    public func forgetLoadedStates() {
        if statesBeforeReload.isEmpty {
            statesBeforeReload = states
        } else {
            statesBeforeReload.merge(states) { _, loaded in loaded }
        }
        states.removeAll(keepingCapacity: true)
    }

    /// Lets go of the states forgotten by ``forgetLoadedStates()``: the reader over the files
    /// read again is on screen, and asks only for stories whose states it loaded.
    public func dropStatesBeforeReload() {
        statesBeforeReload = [:]
    }

    /// Adds the states loaded elsewhere (by the background indexer) for the stories of
    /// `summaries` (those without one have none stored); states already known here win.
    public func absorb(_ loaded: [ArticleID: ArticleState], of summaries: [ArticleSummary]) {
        states.merge(loaded.lazy.map { ($0.key, KeptState($0.value)) }) { current, _ in current }
        // Loaded again: a story with no state stored has none (not the one forgotten).
        guard !statesBeforeReload.isEmpty else { return }
        for summary in summaries { statesBeforeReload.removeValue(forKey: summary.id) }
    }

    /// Makes room for the states `stories` stories in all will bring, at the share of the
    /// `storiesSoFar` that brought those loaded so far (none for stories without states): the
    /// table grows a few times while a big file is indexed, as the catalog's does, rather than
    /// doubling at its end, the old table and the new one held at once (15 MB on 200,000
    /// stories, each with a state). At most 32 times the states there are.
    public func expect(_ stories: Int, storiesSoFar: Int) {
        guard storiesSoFar > 0, stories > storiesSoFar, !states.isEmpty else { return }
        let share = Double(states.count) / Double(storiesSoFar)
        let reckoned = Double(stories) * share
        let room = min(Int(min(reckoned + reckoned / 2, 1e12)), 32 * states.count)
        guard room > states.capacity else { return }
        states.reserveCapacity(room)
    }

    /// How many states the table holds before it must grow (for tests).
    var statesCapacity: Int { states.capacity }

    /// The state this reader knows of `id`: loaded, else forgotten by `R` and not loaded again.
    private func known(_ id: ArticleID) -> KeptState? {
        if let state = states[id] { return state }
        return statesBeforeReload.isEmpty ? nil : statesBeforeReload[id]
    }

    /// The state of an article (unseen when never stored).
    public func state(of id: ArticleID) -> ArticleState {
        known(id)?.state ?? .unseen
    }

    public func isRead(_ id: ArticleID) -> Bool { known(id)?.isRead ?? false }
    public func isFlagged(_ id: ArticleID) -> Bool { known(id)?.isFlagged ?? false }

    /// Marks articles read or unread as one undoable change; returns the ids whose read flag
    /// changed from what this reader had (another reader's marks, read first, included).
    /// `opening`: the stories are being read here, so one another reader marked read since
    /// gets this reading's time too (not undoable): that reader's undo then leaves it read.
    @discardableResult
    public func setRead(_ ids: [ArticleID], _ read: Bool, label: String, opening: Bool = false) throws
        -> [ArticleID]
    {
        try changeRead(ids, read, label: label, opening: opening).flipped.map { ids[$0] }
    }

    /// ``setRead(_:_:label:opening:)`` of `ids` (none twice), returning the offsets in `ids`
    /// of those whose read flag changed from what this reader had (`A` on a million stories
    /// finds their rows by them), and how many stories' stored read flags it changed.
    public func changeRead(_ ids: [ArticleID], _ read: Bool, label: String, opening: Bool = false) throws
        -> (flipped: [Int], stored: Int)
    {
        let stored = try store.states(inOrderOf: ids)
        let now = clock()
        // What the change makes of the stored state at `offset`.
        func changed(_ offset: Int) -> ArticleState? {
            var state = stored[offset] ?? .unseen
            guard state.isRead != read else { return nil }
            state.isRead = read
            state.readAt = read ? now : nil
            return state
        }
        var change = Change(ids: [], before: [], after: [], fields: .read, label: label)
        change.reserveCapacity(ids.count)
        for offset in ids.indices {
            guard let state = changed(offset) else { continue }
            change.ids.append(ids[offset])
            change.before.append(stored[offset] ?? .unseen)
            change.after.append(state)
        }
        var flipped: [Int] = []
        try commit(change, ids: ids, stored: stored, final: changed) { offset, believedRead in
            if believedRead != read { flipped.append(offset) }
        }
        // A story this reader had unread that another marked read since, opened here.
        if opening && read {
            var stamped: [ArticleID: ArticleState] = [:]
            for offset in flipped where changed(offset) == nil {
                var state = stored[offset] ?? .unseen
                state.readAt = now
                stamped[ids[offset]] = state
            }
            if !stamped.isEmpty {
                let written = retitled.including(Array(stamped.keys), Array(stamped.values))
                try store.setStates(of: written.ids, to: written.states, fields: .read)
                takeEarlier(written, after: stamped.count, fields: .read)
                for (id, state) in stamped { states[id] = KeptState(state) }
            }
        }
        return (flipped, change.ids.count)
    }

    /// Flags or unflags articles (none twice) as one undoable change; returns the ids that
    /// changed.
    @discardableResult
    public func setFlagged(_ ids: [ArticleID], _ flagged: Bool) throws -> [ArticleID] {
        let stored = try store.states(inOrderOf: ids)
        func changed(_ offset: Int) -> ArticleState? {
            var state = stored[offset] ?? .unseen
            guard state.isFlagged != flagged else { return nil }
            state.isFlagged = flagged
            return state
        }
        var change = Change(ids: [], before: [], after: [], fields: .flag, label: flagged ? "flag" : "unflag")
        for offset in ids.indices {
            guard let state = changed(offset) else { continue }
            change.ids.append(ids[offset])
            change.before.append(stored[offset] ?? .unseen)
            change.after.append(state)
        }
        try commit(change, ids: ids, stored: stored, final: changed) { _, _ in }
        return change.ids
    }

    /// Remembers where the reader left an article (not undoable).
    public func setScrollLine(_ line: Int, for id: ArticleID) throws {
        guard state(of: id).scrollLine != line else { return }
        try store.setScrollLine(line, for: id)
        for old in retitled.earlierIDs(of: id) {
            try store.setScrollLine(line, for: old)
            states[old] = states[old]?.scrolled(to: line)
        }
        // A state not loaded here is not made up: it comes from the store with this line in it
        // (a made-up one would say unread, and win over the loaded one).
        states[id] = states[id]?.scrolled(to: line)
        if !statesBeforeReload.isEmpty { statesBeforeReload[id] = statesBeforeReload[id]?.scrolled(to: line) }
    }

    /// How many stories the change `u` would take back touched, if there is one.
    public var storiesInLastChange: Int? { undoStack.last?.ids.count }

    /// Takes back the last change; returns what it was, the read flags it changed (id → read
    /// now) and the stories put back, or nil when there is nothing to undo.
    public func undo() throws -> (label: String, readChanges: [ArticleID: Bool], stories: [ArticleID])? {
        guard let change = undoStack.last else { return nil }
        let ids = change.ids
        let stored = try store.states(inOrderOf: ids)
        // Only the fields the change made are put back: the others may have changed since. A
        // story another reader changed since (read there after this `A`) keeps that change.
        func restored(_ offset: Int) -> ArticleState? {
            let now = stored[offset] ?? .unseen
            guard now.agrees(with: change.after[offset], in: change.fields) else { return nil }
            return now.replacing(change.fields, with: change.before[offset])
        }
        var putBack = Change(ids: [], before: [], after: [], fields: change.fields, label: change.label)
        putBack.reserveCapacity(ids.count)
        for offset in ids.indices {
            guard let state = restored(offset) else { continue }
            putBack.ids.append(ids[offset])
            putBack.after.append(state)
        }
        var readChanges: [ArticleID: Bool] = [:]
        try write(putBack, ids: ids, stored: stored, final: restored) { offset, believedRead, final in
            if final.isRead != believedRead { readChanges[ids[offset]] = final.isRead }
        }
        undoStack.removeLast()
        return (change.label, readChanges, putBack.ids)
    }

    /// Remembers the article selected in a source.
    public func setLastSelected(_ id: ArticleID, inSource source: String) throws {
        try store.setLastSelected(id, inSource: source)
    }

    /// Remembers the article selected in a source, with its neighbours, selected now (by the
    /// tracker's clock) unless it says when.
    public func remember(_ selection: RememberedSelection, inSource source: String) throws {
        var selection = selection
        if selection.selectedAt == nil { selection.selectedAt = clock() }
        try store.remember(selection, inSource: source)
    }

    /// How many changes wait for another process's lock to go, or for the end, the state file gone
    /// (see ``DeferringStateStore``).
    public var changesWaiting: Int { store.changesWaiting }

    /// Whether anything waits for a lock to go, the story selected included.
    public var somethingWaits: Bool { store.somethingWaits }

    /// Why the stories' changes wait (a lock, a full disk, the file gone), while any wait.
    public var waitingReason: StateStoreError? { store.waitingReason }

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
            states[id] = KeptState(state)
        }
        return (readChanges, changed)
    }

    /// The read flags another process changed, found since the last call (id → read now): a
    /// reader's count of unread stories follows them.
    public func takeReadChangesFound() -> [ArticleID: Bool] {
        defer { readChangesFound.removeAll() }
        return readChangesFound
    }

    /// Writes `change` and remembers it for undo (when it changed anything), then takes the
    /// states of `ids` for the loaded ones (see ``write(_:ids:stored:final:each:)``).
    private func commit(
        _ change: Change, ids: [ArticleID], stored: [ArticleState?], final: (Int) -> ArticleState?,
        each: (_ offset: Int, _ believedRead: Bool) -> Void
    ) throws {
        try write(change, ids: ids, stored: stored, final: final) { offset, believedRead, _ in
            each(offset, believedRead)
        }
        guard !change.ids.isEmpty else { return }
        undoStack.append(change)
        if undoStack.count > ReadingTracker.undoDepth { undoStack.removeFirst() }
    }

    /// Stores the `after` states of `change` (only its fields: another process may have
    /// changed the others), then takes for the state of each of `ids` the one `final` gives at
    /// its offset, else the stored one, and tells `each` its offset, the read flag this reader
    /// had and the state now, in one look-up per id.
    ///
    /// A change, and its undo, start from the stored states of the stories they touch: another
    /// reader of the same file may have changed them since, and an undo of `A` put back this
    /// reader's old idea of stories another had marked since. The stored states are taken when
    /// the write fails too.
    private func write(
        _ change: Change, ids: [ArticleID], stored: [ArticleState?], final: (Int) -> ArticleState?,
        each: (_ offset: Int, _ believedRead: Bool, _ state: ArticleState) -> Void
    ) throws {
        // Only what this change found: those a change before it found were told by its result.
        readChangesFound.removeAll()
        changesTaken += 1
        if ids.count > 1 { states.reserveCapacity(max(states.count, ids.count)) }
        do {
            if !change.ids.isEmpty {
                let written = retitled.including(change.ids, change.after)
                try store.setStates(of: written.ids, to: written.states, fields: change.fields)
                takeEarlier(written, after: change.ids.count, fields: change.fields)
            }
        } catch {
            for offset in ids.indices { take(stored[offset] ?? .unseen, for: ids[offset], storedRead: nil) }
            throw error
        }
        for offset in ids.indices {
            let storedState = stored[offset] ?? .unseen
            let state = final(offset) ?? storedState
            let believedRead = take(state, for: ids[offset], storedRead: storedState.isRead)
            each(offset, believedRead, state)
        }
    }

    /// Takes the `fields` of the states `written` after its first `count` (stored under stories'
    /// earlier ids, ``RetitledStoryIDs``) for those loaded.
    private func takeEarlier(
        _ written: (ids: [ArticleID], states: [ArticleState]), after count: Int, fields: ArticleState.Fields
    ) {
        for offset in written.ids.indices.dropFirst(count) {
            let id = written.ids[offset]
            guard let known = states[id] else { continue }
            states[id] = KeptState(known.state.replacing(fields, with: written.states[offset]))
        }
    }

    /// Takes `state` for the state of `id`, noting a stored read flag (that of `state` when nil)
    /// that differs from this reader's; returns this reader's read flag before.
    @discardableResult
    private func take(_ state: ArticleState, for id: ArticleID, storedRead: Bool?) -> Bool {
        let known =
            states.updateValue(KeptState(state), forKey: id)
            ?? (statesBeforeReload.isEmpty ? nil : statesBeforeReload[id])
        let believedRead = known?.isRead ?? false
        let storedRead = storedRead ?? state.isRead
        if storedRead != believedRead { readChangesFound[id] = storedRead }
        return believedRead
    }
}
