import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first bytes and the size of a regular file, read through SQLite's own file layer.
///
/// SQLite's POSIX locks on a file belong to the process, and closing any descriptor of the
/// file drops all of them, those of open connections included. Another process may then
/// take itself for the file's last user and delete the write-ahead log under them, and
/// their later writes are lost. SQLite's file layer keeps a descriptor open until the
/// process holds no more locks on the file, so a state file is read here, never with
/// `open` or `FileHandle`.
struct SQLiteFileHead {
    /// At most the number of bytes asked for: fewer when the file is shorter.
    let bytes: [UInt8]
    /// The file's size in bytes.
    let fileSize: Int

    /// `SQLITE_IOERR_SHORT_READ`, a macro Swift does not import.
    private static let shortRead = SQLITE_IOERR | (2 << 8)

    /// Reads up to `count` bytes from the start of `path`; nil when it is missing, not a
    /// regular file, or cannot be read.
    init?(path: String, count: Int) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            let vfs = sqlite3_vfs_find(nil), let open = vfs.pointee.xOpen,
            let name = sqlite3_create_filename(path, "", "", 0, nil)
        else { return nil }
        defer { sqlite3_free_filename(name) }
        let size = Int(vfs.pointee.szOsFile)
        let storage = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { storage.deallocate() }
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        let file = storage.assumingMemoryBound(to: sqlite3_file.self)
        var openedFlags: Int32 = 0
        let opened = open(vfs, name, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &openedFlags)
        // On failure the layer either leaves no methods or expects them to be closed.
        guard let methods = file.pointee.pMethods else { return nil }
        defer { _ = methods.pointee.xClose?(file) }
        var length: sqlite3_int64 = 0
        guard opened == SQLITE_OK, methods.pointee.xFileSize?(file, &length) == SQLITE_OK,
            let read = methods.pointee.xRead
        else { return nil }
        let wanted = min(count, Int(length))
        var buffer = [UInt8](repeating: 0, count: wanted)
        if wanted > 0 {
            // A short read (the file shrank meanwhile) fills the rest with zeros.
            let status = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, Int32(wanted), 0) }
            guard status == SQLITE_OK || status == Self.shortRead else { return nil }
        }
        bytes = buffer
        fileSize = Int(length)
    }
}
