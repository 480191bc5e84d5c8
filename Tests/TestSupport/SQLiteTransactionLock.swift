import GRDBSQLite
import XCTest

/// Another program's connection holding a state file locked in an open transaction (raw
/// SQLite: GRDB closes transactions left open); `release` commits what it wrote meanwhile.
public final class SQLiteTransactionLock {
    private var connection: OpaquePointer?

    /// Begins `transaction` (`IMMEDIATE` keeps other writers out; `EXCLUSIVE` keeps readers out
    /// too, until the file is a database in WAL mode), creating the file when missing as SQLite
    /// does.
    public init(path: String, transaction: String) {
        XCTAssertEqual(
            sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil), SQLITE_OK
        )
        XCTAssertEqual(sqlite3_exec(connection, "BEGIN \(transaction)", nil, nil, nil), SQLITE_OK)
    }

    /// Runs `sql` inside the transaction holding the lock.
    public func execute(_ sql: String) {
        XCTAssertEqual(sqlite3_exec(connection, sql, nil, nil, nil), SQLITE_OK)
    }

    /// Commits and closes: the lock goes.
    public func release() {
        guard connection != nil else { return }
        XCTAssertEqual(sqlite3_exec(connection, "COMMIT", nil, nil, nil), SQLITE_OK)
        sqlite3_close(connection)
        connection = nil
    }

    deinit { release() }
}
