/// A state file made at a path after the one there was deleted or moved away while readers had
/// it open, for the changes they kept since. It records the file it follows (its device and
/// inode, in a `source_state` row of its own), so that every other reader of that file merges
/// its kept changes into it at its quit, as readers of one file merge theirs. A file put there
/// otherwise (a copy, a backup, another program's) is not one, and is never written.
enum StateFileSuccessor {
    /// The `source_state` key saying a file follows the one `identity` names: no source's key
    /// (an absolute path, `-` or `session:…`) starts so.
    static func key(following identity: String) -> String {
        "follows:" + identity
    }

    /// Records in `fresh`, just made at `removed`'s path, that it follows the file `removed`
    /// had open.
    static func record(in fresh: ReadingStateStore, following removed: ReadingStateStore)
        throws(StateStoreError)
    {
        guard let identity = removed.openedFileIdentity else { return }
        try fresh.setLastSelected(ArticleID(""), inSource: key(following: identity))
    }

    /// The state file now at `removed`'s path, open, when it follows the file `removed` had
    /// open; nil when nothing is there, or a file not Gazette's (never opened), or a state file
    /// not made for these changes.
    static func open(following removed: ReadingStateStore) -> ReadingStateStore? {
        let path = removed.path
        guard let identity = removed.openedFileIdentity,
            StateFileHeader(path: path)?.isGazetteFile(
                schemaVersion: ReadingStateStore.schemaVersion,
                applicationID: ReadingStateStore.applicationID,
                walPath: path + "-wal") == true,
            let reading = try? ReadingStateStore(path: path, forReading: true)
        else { return nil }
        // Read only, as `list` reads: a state file not made for these changes is left as it is.
        let follows = (try? reading.lastSelected(inSource: key(following: identity))) != nil
        reading.close()
        return follows ? try? ReadingStateStore(path: path) : nil
    }
}
