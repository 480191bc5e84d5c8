#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The 100-byte header of a SQLite file, read without opening a connection (but through
/// SQLite's file layer: see ``SQLiteFileHead``): enough to tell a healthy-looking Gazette
/// state file of the current schema from everything else.
///
/// See https://www.sqlite.org/fileformat.html#the_database_header for the offsets.
struct StateFileHeader {
    /// `PRAGMA application_id`.
    let applicationID: Int32
    /// `PRAGMA user_version`.
    let userVersion: Int32
    /// Bytes per page.
    let pageSize: Int
    /// Pages the header says the file has, when that count is valid.
    let pageCount: Int?

    /// Reads the header of `path`; nil when the file is missing, not a regular file, shorter
    /// than a header, or not SQLite.
    /// "SQLite format 3" and a NUL, as bytes (a string's UTF-8 view made into an array costs a
    /// run-time type lookup while the state file opens for the first screen).
    private static let magic: [UInt8] = [
        0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6F, 0x72, 0x6D, 0x61, 0x74, 0x20, 0x33, 0x00,
    ]

    init?(path: String) {
        guard let head = SQLiteFileHead(path: path, count: 100), head.bytes.count == 100,
            head.bytes.starts(with: StateFileHeader.magic)
        else { return nil }
        let bytes = head.bytes
        func word(_ offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        // The page count is valid when "version-valid-for" matches the change counter.
        pageCount = word(92) == word(24) ? Int(word(28)) : nil
        applicationID = Int32(bitPattern: word(68))
        userVersion = Int32(bitPattern: word(60))
        fileSize = head.fileSize
    }

    /// The file's size when the header was read.
    let fileSize: Int

    /// True when the file is Gazette's, at `schemaVersion`, and, with no write-ahead log
    /// beside it, as long as its header says: the checks a read-only connection would make
    /// before the store trusts the file.
    func isGazetteFile(schemaVersion: Int, applicationID expected: Int32, walPath: String) -> Bool {
        guard applicationID == expected, userVersion == schemaVersion, pageSize >= 512 else { return false }
        var wal = stat()
        let walEmpty = stat(walPath, &wal) != 0 || wal.st_size == 0
        if walEmpty, let pageCount, pageCount * pageSize > fileSize { return false }
        return true
    }
}
