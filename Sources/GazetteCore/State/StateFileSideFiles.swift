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

    /// A file's device and inode.
    struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// The side files now beside `path` that this process has open (those its connections to the
    /// file use): what it may take away once it closes them, and nothing another put there since.
    static func held(beside path: String) -> Set<Identity> {
        let there = Set(suffixes.compactMap { identity(of: path + $0) })
        guard !there.isEmpty, let folder = opendir("/dev/fd") else { return [] }
        defer { closedir(folder) }
        var held: Set<Identity> = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            var info = stat()
            guard let descriptor = Int32(name), fstat(descriptor, &info) == 0 else { continue }
            let open = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if there.contains(open) { held.insert(open) }
        }
        return held
    }

    /// Whether another process uses the log's index beside `path` (every SQLite connection using
    /// it holds a read lock on its byte 128, SQLite's `UNIX_SHM_DMS`; this process's own locks
    /// are not reported).
    static func inUseElsewhere(beside path: String) -> Bool {
        let descriptor = open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var probe = flock()
        probe.l_type = Int16(F_WRLCK)
        probe.l_whence = Int16(SEEK_SET)
        probe.l_start = 128
        probe.l_len = 1
        return fcntl(descriptor, F_GETLK, &probe) != 0 || probe.l_type != Int16(F_UNLCK)
    }

    /// Removes those of the side files beside `path` that are among `own` (``held(beside:)``,
    /// taken while this process's connections had them open), when no other process uses them:
    /// a log put there since, by another Gazette making a file at the path (a killed `mark`'s
    /// unsaved changes), is left alone.
    static func remove(beside path: String, own: Set<Identity>) {
        guard !own.isEmpty, !inUseElsewhere(beside: path) else { return }
        for suffix in suffixes {
            if let there = identity(of: path + suffix), own.contains(there) { unlink(path + suffix) }
        }
    }

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

    /// The device and inode of the regular file at `path`; nil when there is none.
    private static func identity(of path: String) -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
