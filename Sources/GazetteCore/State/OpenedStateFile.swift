import Foundation

/// The state file a store opened, and whether its path still names that file: not deleted,
/// moved or emptied by another program (``StateStoreError/replaced(path:)``).
final class OpenedStateFile: @unchecked Sendable {
    /// The state file's path.
    let path: String
    private let device: UInt64
    private let inode: UInt64
    /// The file `path` names now; nil when it names nothing.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.path = path
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// What became of the file opened.
    enum Standing {
        /// As it was: `path` names it, and it holds a database.
        case intact
        /// Moved or deleted: `path` names another file or none (SQLite writes nothing into a
        /// file moved away as it closes, and its log is left beside the old name for it).
        case gone
        /// Emptied or overwritten in place by another program.
        case altered
    }

    /// What became of the file opened: one `stat`.
    func standing() -> Standing {
        var info = stat()
        guard stat(path, &info) == 0, UInt64(info.st_dev) == device, UInt64(info.st_ino) == inode else {
            return .gone
        }
        // Emptied by another program (`: > state.sqlite`): written on, it read as damaged.
        return info.st_size > 0 ? .intact : .altered
    }

    /// Removes the write-ahead log and its index beside a file no longer the one opened, when
    /// no other process uses them, so that the next opening does not copy this store's pages
    /// into whatever is there now. Called once this process has given up its own connections.
    static func removeLog(of path: String) {
        let index = path + "-shm"
        let descriptor = open(index, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            // Every SQLite connection using the index holds a read lock on this byte (SQLite's
            // `UNIX_SHM_DMS`); locks of this process are not reported.
            var probe = flock()
            probe.l_type = Int16(F_WRLCK)
            probe.l_whence = Int16(SEEK_SET)
            probe.l_start = 128
            probe.l_len = 1
            guard fcntl(descriptor, F_GETLK, &probe) == 0, probe.l_type == Int16(F_UNLCK) else { return }
        }
        unlink(path + "-wal")
        unlink(index)
    }
}
