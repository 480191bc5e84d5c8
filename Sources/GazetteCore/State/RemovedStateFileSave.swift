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
        /// Nowhere: why, in words.
        case notSaved(String)
    }

    /// Writes the changes `deferring` keeps since `store`'s file was deleted or moved away:
    /// into the file, if it was put back; else into a new state file made at its path. Another
    /// file put there meanwhile is not written (it may be another program's). Closes `store`
    /// unless the file was put back.
    public static func save(_ deferring: DeferringStateStore, removed store: ReadingStateStore) -> Outcome {
        if (try? deferring.saveChangesWaiting()) == true { return .putBack }
        // Folds the log into the file moved away, and removes it from beside the path, where a
        // new file would read it as its own.
        store.close()
        guard access(store.path, F_OK) != 0 else {
            return .notSaved(
                "state file '\(store.path)' was deleted or moved away while Gazette ran, and another file is there now"
            )
        }
        do {
            let fresh = try ReadingStateStore(path: store.path)
            defer { fresh.close() }
            if try deferring.saveChangesWaiting(into: fresh) { return .madeAnew }
            return .notSaved("state file '\(store.path)' is locked by another program")
        } catch let error as StateStoreError {
            return .notSaved(error.message)
        } catch {
            return .notSaved("state file '\(store.path)': \(error)")
        }
    }
}
