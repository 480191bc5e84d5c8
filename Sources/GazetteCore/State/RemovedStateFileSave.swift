#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The save, at the end, of the changes a reader kept since its state file was deleted or moved
/// away while it ran.
public enum RemovedStateFileSave {
    /// Where the changes went.
    public enum Outcome: Equatable, Sendable {
        /// Into the file, put back at its path.
        case putBack
        /// Into a new state file made at its path.
        case madeAnew
        /// Into the new state file another reader of the file made at its path.
        case mergedIntoNewFile
        /// Nowhere: why, in words.
        case notSaved(String)
    }

    /// Writes the changes `deferring` keeps since `store`'s file was deleted or moved away:
    /// into the file, if it was put back; into the file another reader of it made at its path
    /// for its own such changes (``StateFileSuccessor``), merged as readers of one file merge
    /// theirs; else into a new state file made there, for other readers to merge into. Another
    /// file put there meanwhile is not written (it may be another program's). Closes `store`
    /// unless the file was put back.
    public static func save(_ deferring: DeferringStateStore, removed store: ReadingStateStore) -> Outcome {
        if (try? deferring.saveChangesWaiting()) == true { return .putBack }
        // Folds the log into the file moved away, and removes it from beside the path, where a
        // new file would read it as its own.
        store.close()
        guard access(store.path, F_OK) != 0 else {
            guard let successor = StateFileSuccessor.open(following: store) else {
                return .notSaved(
                    "state file '\(store.path)' was deleted or moved away while Gazette ran, and another file is there now"
                )
            }
            defer { successor.close() }
            return save(deferring, into: successor, saved: .mergedIntoNewFile)
        }
        let fresh: ReadingStateStore
        do throws(StateStoreError) {
            fresh = try ReadingStateStore(path: store.path)
            // First, so that a reader merging into it finds it follows the file before any change.
            try StateFileSuccessor.record(in: fresh, following: store)
        } catch {
            return .notSaved(error.message)
        }
        defer { fresh.close() }
        return save(deferring, into: fresh, saved: .madeAnew)
    }

    /// Writes the changes `deferring` keeps into `target`: `saved` once they are.
    private static func save(_ deferring: DeferringStateStore, into target: ReadingStateStore, saved: Outcome)
        -> Outcome
    {
        do {
            if try deferring.saveChangesWaiting(into: target) { return saved }
            return .notSaved("state file '\(target.path)' is locked by another program")
        } catch let error as StateStoreError {
            return .notSaved(error.message)
        } catch {
            return .notSaved("state file '\(target.path)': \(error)")
        }
    }
}
