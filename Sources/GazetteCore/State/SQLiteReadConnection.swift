import CSQLiteClosing
import Foundation
import GRDBSQLite

/// A read-only connection to a SQLite file over SQLite's C API: the reading-state store's
/// reads, which the first screen waits for.
///
/// Opening GRDB's read-only queue took about 2.7 ms on the first screen's path (its
/// serial queue, configuration and validating statements); this connection opens in a
/// fraction of that and runs the handful of queries the store reads with. Uses are
/// serialised by a lock; each ``read(_:)`` is one read transaction, so its queries see one
/// snapshot. Failures are thrown as ``SQLiteReadConnection/Failure``, with SQLite's
/// primary result code.
final class SQLiteReadConnection: @unchecked Sendable {
    /// A failed SQLite call: its primary result code, SQLite's message, and the `errno` of the
    /// system call that failed under it, if one did (EFBIG: the file may grow no more).
    struct Failure: Error {
        let code: Int32
        let message: String
        var systemError: Int32 = 0
    }

    private let lock = NSLock()
    /// The connection; nil once closed.
    private var handle: OpaquePointer?
    /// Prepared statements by their SQL, kept for the connection's life (a few at most).
    private var prepared: [(sql: String, statement: OpaquePointer)] = []

    /// With `immutable`, the file as it was when opened; nil otherwise.
    private let unchanged: FileSignature?

    /// Whether the file is read as it stands (opened `immutable`).
    var readsAsItStands: Bool { unchanged != nil }

    /// Opens `path` read-only, waiting up to `busyMilliseconds` for another process's lock.
    ///
    /// With `immutable`, the file is read as it stands (SQLite's `immutable`): without locks
    /// and without a log, so SQLite creates no files beside it. A write-ahead log beside it is
    /// not read. As other processes are not seen, a read fails once the file has changed.
    init(path: String, immutable: Bool = false, busyMilliseconds: Int32 = 5000) throws(Failure) {
        var opened: OpaquePointer?
        var flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        if immutable {
            guard let signature = FileSignature(path: path) else {
                throw Failure(code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)))
            }
            unchanged = signature
            flags |= SQLITE_OPEN_URI
        } else {
            unchanged = nil
        }
        let name = immutable ? Self.immutableURI(path) : path
        let status = sqlite3_open_v2(name, &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let failure = Failure(
                code: status & 0xFF,
                message: opened.map { String(cString: sqlite3_errmsg($0)) }
                    ?? String(cString: sqlite3_errstr(status)))
            sqlite3_close_v2(opened)
            throw failure
        }
        handle = opened
        self.path = path
        sqlite3_busy_timeout(handle, busyMilliseconds)
    }

    /// The file read.
    private let path: String

    /// A `file:` URI naming `path` with `immutable=1`.
    private static func immutableURI(_ path: String) -> String {
        let kept = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
        var uri = "file://"
        for byte in path.utf8 {
            if kept.contains(byte) {
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                uri += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return uri + "?immutable=1"
    }

    /// What tells a file changed: its identity, size and modification time.
    private struct FileSignature: Equatable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let seconds: Int
        let nanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
                seconds = Int(info.st_mtimespec.tv_sec)
                nanoseconds = Int(info.st_mtimespec.tv_nsec)
            #else
                seconds = Int(info.st_mtim.tv_sec)
                nanoseconds = Int(info.st_mtim.tv_nsec)
            #endif
        }
    }

    deinit {
        closeLocked()
    }

    /// Closes the connection (later reads fail): before the store's writer closes, so that
    /// the writer, the last connection, folds the write-ahead log into the file. With
    /// `foldingLog` false, it never folds it in, were it the last.
    func close(foldingLog: Bool = true) {
        lock.withLock {
            if !foldingLog, let handle { _ = gazette_sqlite_no_checkpoint_on_close(handle) }
            closeLocked()
        }
    }

    private func closeLocked() {
        for entry in prepared { sqlite3_finalize(entry.statement) }
        prepared.removeAll()
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// Runs `body` inside one read transaction, with this connection to itself.
    func read<T>(_ body: (Session) throws(Failure) -> T) throws(Failure) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard handle != nil else { throw Failure(code: SQLITE_MISUSE, message: "the state file was closed") }
        try execute("BEGIN")
        do throws(Failure) {
            let value = try body(Session(connection: self))
            if let unchanged, FileSignature(path: path) != unchanged {
                throw Failure(
                    code: SQLITE_ABORT,
                    message: "it changed while it was read (another process wrote it); try again")
            }
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// What a transaction can do: run a query and step through its rows.
    struct Session {
        fileprivate let connection: SQLiteReadConnection

        /// Calls `row` with each row of `sql` with `arguments` bound as text, in order.
        func forEachRow(_ sql: String, arguments: [String] = [], _ row: (Row) throws(Failure) -> Void)
            throws(Failure)
        {
            try connection.query(sql, arguments: arguments, row)
        }
    }

    /// One row of a query, valid only inside the call it is given to.
    struct Row {
        fileprivate let statement: OpaquePointer

        /// Whether the column holds NULL.
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
        /// The column as an integer (0 for NULL).
        func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
        /// The column as a double (0 for NULL).
        func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
        /// The column as text ("" for NULL).
        func text(_ column: Int32) -> String {
            guard let bytes = sqlite3_column_text(statement, column) else { return "" }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }

    // MARK: Statements (called with the lock held)

    private func execute(_ sql: String) throws(Failure) {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw failure(status) }
    }

    private func query(
        _ sql: String, arguments: [String], _ body: (Row) throws(Failure) -> Void
    ) throws(Failure) {
        let statement = try statement(for: sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        var index: Int32 = 1
        for argument in arguments {
            // SQLITE_TRANSIENT (a cast macro Swift does not import): SQLite copies the text.
            let status = sqlite3_bind_text(statement, index, argument, -1, Self.transient)
            guard status == SQLITE_OK else { throw failure(status) }
            index += 1
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure(status) }
            try body(Row(statement: statement))
        }
    }

    private func statement(for sql: String) throws(Failure) -> OpaquePointer {
        if let entry = prepared.first(where: { $0.sql == sql }) { return entry.statement }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status) }
        prepared.append((sql, statement))
        return statement
    }

    private func failure(_ status: Int32) -> Failure {
        Failure(
            code: status & 0xFF, message: String(cString: sqlite3_errmsg(handle)),
            systemError: sqlite3_system_errno(handle))
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
