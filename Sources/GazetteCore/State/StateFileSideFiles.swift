#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write-ahead log and its index SQLite keeps beside a state file (`NAME-wal`, `NAME-shm`),
/// found by name alone: nothing in them names the file they belong to, and SQLite reads a log
/// beside a file as its own (a log left at a path by a file moved away was read by the next file
/// made there: its pages put over the new file's, which then read as the old one, or damaged).
enum StateFileSideFiles {
    /// The names' endings, after the state file's name.
    static let suffixes = ["-wal", "-shm"]

    /// Removes the side files beside `path` while no file is there: they belong to a file deleted
    /// or moved away (a killed process's log, or a reader's still running on the file moved,
    /// which keeps them open and folds its log into its file as it closes), never to a file made
    /// at the path next. Called just before a new state file is put there.
    static func removeOrphans(beside path: String) {
        for suffix in suffixes {
            var info = stat()
            // Looked at again before each: another Gazette may have put its file there meanwhile.
            guard lstat(path, &info) != 0, errno == ENOENT else { return }
            unlink(path + suffix)
        }
    }
}
