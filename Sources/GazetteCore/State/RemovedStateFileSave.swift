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
        /// Into the Gazette state file made at its path since (by another reader of the file,
        /// or another Gazette command).
        case mergedIntoNewFile
        /// Nowhere: why, in words.
        case notSaved(String)
    }

    /// Writes the changes `deferring` keeps since `store`'s file was deleted or moved away:
    /// into the file, if it was put back; into the Gazette state file made at its path
    /// meanwhile (``StateFileSuccessor``: by another reader of it, or `gazette mark`), merged as
    /// readers of one file merge theirs; else into a new state file made there. Another
    /// program's file put there is not written. Closes `store` unless the file was put back.
    public static func save(_ deferring: DeferringStateStore, removed store: ReadingStateStore) -> Outcome {
        if (try? deferring.saveChangesWaiting()) == true { return .putBack }
        // Folds the log into the file moved away, and removes it from beside the path, where a
        // new file would read it as its own.
        store.close()
        guard access(store.path, F_OK) != 0 else {
            switch StateFileSuccessor.open(at: store.path) {
            case nil:
                return .notSaved(
                    "state file '\(store.path)' was deleted or moved away while Gazette ran, and another file is there now"
                )
            case .failure(let error):
                return .notSaved(
                    "the state file was deleted or moved away while Gazette ran, and the one made since cannot be "
                        + "written: " + error.message)
            case .success(let successor):
                defer { successor.close() }
                return save(deferring, into: successor, saved: .mergedIntoNewFile)
            }
        }
        let fresh: ReadingStateStore
        do throws(StateStoreError) {
            fresh = try ReadingStateStore(path: store.path)
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
