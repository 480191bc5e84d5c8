#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the system takes a state file's path, with the names Gazette and SQLite give the
/// files beside it (`NAME-wal`, `NAME-shm`, and `NAME.new-PID-N-journal` while it is made): a
/// name over the system's limit was told as a permissions problem (found by QA).
public enum StateFileName {
    /// Why the state file at `path` (absolute) cannot be used for its length, if it cannot: its
    /// name, or the whole path, is longer than the system allows once the longest name made
    /// beside it is counted (that of a new file's, when nothing is there yet).
    public static func problem(at path: String) -> StateStoreError? {
        let name = path.utf8.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? []
        var info = stat()
        let exists = lstat(path, &info) == 0
        let added = (exists ? "-wal" : ".new-\(getpid())-\(UInt32.max)-journal").utf8.count
        let folderLimit = pathconf(StateLocation.folder(of: path), Int32(_PC_NAME_MAX))
        let nameLimit = folderLimit > 0 ? Int(folderLimit) : Int(NAME_MAX)
        if name.count + added > nameLimit {
            return .nameTooLong(
                path: path,
                reason: "its name is \(name.count) bytes, and the system takes \(nameLimit) in a name, "
                    + "\(added) of them for the files Gazette keeps beside it")
        }
        // PATH_MAX counts the NUL that ends the path.
        let pathLimit = Int(PATH_MAX) - 1
        if path.utf8.count + added > pathLimit {
            return .nameTooLong(
                path: path,
                reason: "its path is \(path.utf8.count) bytes, and the system takes \(pathLimit) in a path, "
                    + "\(added) of them for the files Gazette keeps beside it")
        }
        return nil
    }
}
