/// The state file at a path after the one there was deleted or moved away while a reader had it
/// open: made by the first reader of it to quit, by `gazette mark` or by another reader. Each
/// reader of the file gone merges the changes it kept since into it at its quit, as readers of
/// one file merge theirs (PRODUCT.md §4: two Gazette processes on one state lose nothing). A
/// file there that is not a Gazette state file (another program's, not SQLite) is never written.
enum StateFileSuccessor {
    /// The Gazette state file now at `path`, open for writing; nil when the file there is not
    /// Gazette's (no SQLite header with Gazette's application id), which is never opened; the
    /// error when it is Gazette's but cannot be written (from a newer Gazette, damaged,
    /// read-only).
    static func open(at path: String) -> Result<ReadingStateStore, StateStoreError>? {
        // The header first: opening another program's database, or an empty file, may write it.
        guard let header = StateFileHeader(path: path),
            header.applicationID == ReadingStateStore.applicationID
        else { return nil }
        do throws(StateStoreError) {
            return .success(try ReadingStateStore(path: path))
        } catch {
            return .failure(error)
        }
    }
}
