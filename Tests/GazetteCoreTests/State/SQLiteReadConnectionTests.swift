import Foundation
import GRDB
import TestSupport
import XCTest

@testable import GazetteCore

final class SQLiteReadConnectionTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-read-connection" }

    private var path: String { folder.appendingPathComponent("db.sqlite").path }

    /// A WAL database with one table of every column kind the store reads.
    private func makeDatabase() throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT, number INTEGER, real REAL)")
            try db.execute(sql: "INSERT INTO t VALUES ('ünï', 42, 1.5), ('b', NULL, NULL)")
        }
        return pool
    }

    private func names(_ connection: SQLiteReadConnection, sql: String, _ arguments: [String] = []) throws
        -> [String]
    {
        try connection.read { db throws(SQLiteReadConnection.Failure) in
            var names: [String] = []
            try db.forEachRow(sql, arguments: arguments) { names.append($0.text(0)) }
            return names
        }
    }

    func testReadsTextNumbersAndNulls() throws {
        let pool = try makeDatabase()
        defer { try? pool.close() }
        let connection = try SQLiteReadConnection(path: path)
        var rows: [String] = []
        try connection.read { db throws(SQLiteReadConnection.Failure) in
            try db.forEachRow("SELECT name, number, real FROM t ORDER BY name") { row in
                rows.append(
                    "\(row.text(0)) \(row.isNull(1) ? "-" : String(row.int(1))) "
                        + "\(row.isNull(2) ? "-" : String(row.double(2)))")
            }
        }
        XCTAssertEqual(rows, ["b - -", "ünï 42 1.5"])
    }

    func testBindsTextArgumentsAndReusesItsStatements() throws {
        let pool = try makeDatabase()
        defer { try? pool.close() }
        let connection = try SQLiteReadConnection(path: path)
        let sql = "SELECT name FROM t WHERE name = ? OR name = ?"
        XCTAssertEqual(try names(connection, sql: sql, ["ünï", "zz"]), ["ünï"])
        // The same statement again, with other arguments: none of the first are left bound.
        XCTAssertEqual(try names(connection, sql: sql, ["b", "zz"]), ["b"])
        XCTAssertEqual(try names(connection, sql: sql, ["zz", "yy"]), [])
    }

    func testSeesWhatAWriterCommittedSinceTheLastRead() throws {
        let pool = try makeDatabase()
        defer { try? pool.close() }
        let connection = try SQLiteReadConnection(path: path)
        XCTAssertEqual(try names(connection, sql: "SELECT name FROM t ORDER BY name"), ["b", "ünï"])
        try pool.write { db in try db.execute(sql: "INSERT INTO t VALUES ('c', 1, 1)") }
        XCTAssertEqual(try names(connection, sql: "SELECT name FROM t ORDER BY name"), ["b", "c", "ünï"])
    }

    /// Read as it stands, a file is read with no files made beside it (whatever its name),
    /// and a read fails once another process has changed the file.
    func testAnImmutableFileIsReadAsItStandsUntilItChanges() throws {
        let odd = folder.appendingPathComponent("a b?c#d%41é.sqlite").path
        do {
            let pool = try DatabasePool(path: odd)
            try pool.write { db in
                try db.execute(sql: "CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('x')")
            }
            try pool.close()
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: odd + "-wal"))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1e9)], ofItemAtPath: odd)
        let connection = try SQLiteReadConnection(path: odd, immutable: true)
        XCTAssertEqual(try names(connection, sql: "SELECT name FROM t"), ["x"])
        for suffix in ["-wal", "-shm", "-journal"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: odd + suffix), suffix)
        }
        do {
            let pool = try DatabasePool(path: odd)
            try pool.write { db in try db.execute(sql: "INSERT INTO t VALUES ('y')") }
            try pool.close()
        }
        XCTAssertThrowsError(try names(connection, sql: "SELECT name FROM t")) { error in
            XCTAssertEqual((error as? SQLiteReadConnection.Failure)?.code, 4)  // SQLITE_ABORT
        }
    }

    func testAMissingFileCannotBeOpened() {
        XCTAssertThrowsError(try SQLiteReadConnection(path: path)) { error in
            XCTAssertEqual((error as? SQLiteReadConnection.Failure)?.code, 14)  // SQLITE_CANTOPEN
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a read-only open creates nothing")
    }

    func testAFileThatIsNotSQLiteFailsAtTheFirstRead() throws {
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let connection = try SQLiteReadConnection(path: path)
        XCTAssertThrowsError(try names(connection, sql: "SELECT name FROM sqlite_master")) { error in
            XCTAssertEqual((error as? SQLiteReadConnection.Failure)?.code, 26)  // SQLITE_NOTADB
        }
    }

    func testAQueryErrorLeavesTheConnectionUsable() throws {
        let pool = try makeDatabase()
        defer { try? pool.close() }
        let connection = try SQLiteReadConnection(path: path)
        XCTAssertThrowsError(try names(connection, sql: "SELECT nothing FROM nowhere"))
        XCTAssertEqual(try names(connection, sql: "SELECT name FROM t WHERE number = 42"), ["ünï"])
    }

    func testReadsFailOnceClosed() throws {
        let pool = try makeDatabase()
        defer { try? pool.close() }
        let connection = try SQLiteReadConnection(path: path)
        XCTAssertEqual(try names(connection, sql: "SELECT name FROM t WHERE number = 42"), ["ünï"])
        connection.close()
        connection.close()
        XCTAssertThrowsError(try names(connection, sql: "SELECT name FROM t")) { error in
            XCTAssertEqual((error as? SQLiteReadConnection.Failure)?.code, 21)  // SQLITE_MISUSE
        }
    }
}
