import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The log and its index beside a state file (`-wal`, `-shm`) stay with the file they belong
/// to. SQLite reads a log beside a file as its own, whatever file it came from (nothing in it
/// names its file): a log a killed process left at a path, its file then moved away, was read
/// by the next state file made there (its pages over the new file's: the old file's marks, or
/// damage), and a reader whose file was deleted removed, as it closed, the log a killed `mark`
/// left beside the file made there since (its unsaved marks).
final class StateFileSideFilesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-side-files" }

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// Commits `sql` into the file at `path` as a process killed before it quit leaves it: in
    /// the log beside the file, not folded into it (the `sqlite3` shell, told not to fold it).
    private func commitLeavingTheLog(_ sql: String, at path: String) throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [path, ".dbconfig no_ckpt_on_close on", sql]
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 0)
        var log = stat()
        XCTAssertEqual(lstat(path + "-wal", &log), 0)
        XCTAssertGreaterThan(log.st_size, 0, "a log with content left")
    }

    private func insert(_ id: String) -> String {
        "INSERT INTO article_state (id, is_read, read_at, flagged, scroll_line) VALUES ('\(id)', 1, NULL, 0, 0)"
    }

    func testANewFileMadeWhereAFileWasMovedAwayDoesNotReadTheLogLeftThere() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"))
        let first = try ReadingStateStore(path: statePath)
        try first.setStates([ArticleID("before"): ArticleState(isRead: true)])
        first.close()
        try commitLeavingTheLog(insert("killed"), at: statePath)
        let moved = folder.appendingPathComponent("elsewhere.sqlite").path
        XCTAssertEqual(rename(statePath, moved), 0)

        let fresh = try ReadingStateStore(path: statePath)
        defer { fresh.close() }
        XCTAssertEqual(try fresh.allStates(), [:], "the file moved away's log is not the new file's")
        try fresh.setStates([ArticleID("new"): ArticleState(isRead: true)])
        XCTAssertEqual(Array(try fresh.allStates().keys), [ArticleID("new")])
        let check = try ReadingStateStore(path: statePath)
        defer { check.close() }
        XCTAssertEqual(Array(try check.allStates().keys), [ArticleID("new")], "whole when opened again")
        let movedStore = try ReadingStateStore(path: moved)
        defer { movedStore.close() }
        XCTAssertEqual(
            try movedStore.states(for: [ArticleID("before")])[ArticleID("before")]?.isRead, true,
            "the file moved away keeps what was folded into it")
    }

    func testAReaderWhoseFileWasDeletedLeavesTheLogOfTheFileMadeThereSince() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"))
        let reader = try ReadingStateStore(path: statePath)
        try reader.setStates([ArticleID("reader"): ArticleState(isRead: true)])
        XCTAssertEqual(unlink(statePath), 0)
        // `gazette mark` makes a file anew there, and a later one is killed before it quits.
        let mark = try ReadingStateStore(path: statePath)
        try mark.setStates([ArticleID("marked"): ArticleState(isRead: true)])
        mark.close()
        try commitLeavingTheLog(insert("killed"), at: statePath)

        reader.close()
        var log = stat()
        XCTAssertEqual(lstat(statePath + "-wal", &log), 0, "the log of the file there now is left")
        let after = try ReadingStateStore(path: statePath)
        defer { after.close() }
        XCTAssertEqual(Set(try after.allStates().keys), [ArticleID("marked"), ArticleID("killed")])
    }
}
