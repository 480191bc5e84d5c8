import Foundation

/// Another program holding a state file's lock: the `sqlite3` shell inside a transaction, until
/// ``release()``. `BEGIN IMMEDIATE` takes the write lock; `BEGIN EXCLUSIVE` on a file that is
/// new or empty (not yet a database in WAL mode) keeps readers out too. The shell creates a
/// missing file, empty, as SQLite does.
public final class StateFileLocker: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    /// Serialises ``release()``, which a test may call from another thread.
    private let lock = NSLock()

    /// Starts the shell on `path` and returns once it holds the lock; nil when there is no
    /// `sqlite3` or it cannot take the lock.
    public init?(path: String, transaction: String = "IMMEDIATE") {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return nil }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data("BEGIN \(transaction);\nSELECT 'lock' || 'ed';\n".utf8))
        // The answer comes once the lock is held.
        var answer = Data()
        while !String(decoding: answer, as: UTF8.self).contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            answer += chunk
        }
    }

    /// Ends the transaction and the shell: the lock goes.
    public func release() {
        lock.withLock {
            guard process.isRunning else { return }
            input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    deinit { release() }
}
