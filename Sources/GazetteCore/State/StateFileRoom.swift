#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a state file failed to grow for want of room, when the system's word for it is not
/// known: SQLite calls a full disk or a file-size limit (`ulimit -f`) an I/O error, and the
/// `errno` a failed write left is often replaced by a later call (an opening's clean-up)
/// before the error reaches the store.
enum StateFileRoom {
    /// How far short of the file-size limit the biggest of the file, its log and the log's
    /// index may be, and still be taken to have run into it: the index grows 32 KiB at a time.
    static let growth = 32 * 1024

    /// Whether the file system holding `path` has no block left to give, or the file-size limit
    /// is within ``growth`` of the biggest of the file at `path`, its log and the log's index.
    static func isLacking(at path: String) -> Bool {
        var system = statvfs()
        if statvfs(StateLocation.folder(of: path), &system) == 0 {
            // Root may write the blocks kept back for it.
            let free = geteuid() == 0 ? system.f_bfree : system.f_bavail
            if free == 0 { return true }
        }
        var limit = rlimit()
        guard getrlimit(fileSizeResource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return false }
        var biggest = 0
        for suffix in ["", "-wal", "-shm"] {
            var info = stat()
            if stat(path + suffix, &info) == 0 { biggest = max(biggest, Int(info.st_size)) }
        }
        return UInt64(biggest) + UInt64(growth) > UInt64(limit.rlim_cur)
    }

    #if canImport(Glibc)
        private static let fileSizeResource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
    #else
        private static let fileSizeResource = RLIMIT_FSIZE
    #endif
}
