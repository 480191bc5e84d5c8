import Foundation
import GRDB
import GRDBSQLite
import XCTest

@testable import GazetteCore

final class ReadingStateStoreTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(folder.path, 0o700)
        try? FileManager.default.removeItem(at: folder)
    }

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    private func expectError(
        _ expected: StateStoreError, path: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try ReadingStateStore(path: path), file: file, line: line) { error in
            XCTAssertEqual(error as? StateStoreError, expected, file: file, line: line)
        }
    }

    // MARK: Round trips

    func testEveryFieldRoundTrips() throws {
        let store = try ReadingStateStore(path: statePath)
        let readAt = Date(timeIntervalSince1970: 1_700_000_123.25)
        let states: [ArticleID: ArticleState] = [
            ArticleID("a"): ArticleState(isRead: true, readAt: readAt, isFlagged: true, scrollLine: 42),
            ArticleID("b"): ArticleState(isRead: false, readAt: nil, isFlagged: false, scrollLine: 0),
            ArticleID("ünï"): ArticleState(isRead: true, readAt: nil, isFlagged: false, scrollLine: -1),
        ]
        try store.setStates(states)
        let ids = [ArticleID("a"), ArticleID("b"), ArticleID("ünï"), ArticleID("missing")]
        XCTAssertEqual(try store.states(for: ids), states)
        XCTAssertEqual(try store.allStates(), states)
        XCTAssertEqual(try store.states(for: []), [:])
    }

    /// A state file deleted, or replaced by another, while it is open is not written to: marks
    /// went on into the file no longer there, and were lost without a word (found by QA).
    /// Another process's change is seen at the next look, this process's own never (a reader
    /// showed another's marks only after `R`; found by QA).
    func testAChangeStoredByAnotherConnectionIsSeenOnce() throws {
        let mine = try ReadingStateStore(path: statePath)
        let other = try ReadingStateStore(path: statePath)
        defer {
            mine.close()
            other.close()
        }
        var read = ArticleState.unseen
        read.isRead = true
        try mine.setStates([ArticleID("a"): read], fields: .read)
        XCTAssertFalse(mine.changedElsewhere(), "the first look only notes where things stand")
        try mine.setStates([ArticleID("b"): read], fields: .read)
        XCTAssertFalse(mine.changedElsewhere(), "its own change")
        try other.setStates([ArticleID("c"): read], fields: .read)
        XCTAssertTrue(mine.changedElsewhere())
        XCTAssertFalse(mine.changedElsewhere(), "seen once")
        XCTAssertEqual(try mine.states(for: [ArticleID("c")])[ArticleID("c")]?.isRead, true)

        // Opened for reading only (a file this user cannot write), the change is seen too (it
        // was not; found by QA).
        let reading = try ReadingStateStore(path: statePath, forReading: true)
        defer { reading.close() }
        try other.setStates([ArticleID("d"): read], fields: .read)
        XCTAssertTrue(reading.changedElsewhere())
        XCTAssertFalse(reading.changedElsewhere(), "seen once")
    }

    func testAFileDeletedOrReplacedWhileOpenIsNotWrittenTo() throws {
        let read = [ArticleID("a"): ArticleState(isRead: true, readAt: nil, isFlagged: false, scrollLine: 0)]
        for replace in [true, false] {
            try? FileManager.default.removeItem(atPath: statePath)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: statePath + suffix) }
            for deferred in [false, true] {
                let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
                try store.setStates(read)
                let moved = statePath + ".moved"
                XCTAssertEqual(rename(statePath, moved), 0)
                if replace {
                    XCTAssertTrue(
                        FileManager.default.createFile(atPath: statePath, contents: Data("junk".utf8)))
                }
                // Told apart: a file moved away (or deleted) is not one put in its place.
                XCTAssertThrowsError(try store.setStates(read)) { error in
                    XCTAssertEqual(
                        error as? StateStoreError,
                        replace ? .replaced(path: statePath) : .removed(path: statePath))
                }
                XCTAssertTrue(
                    StateStoreError.replaced(path: statePath).message.hasSuffix(
                        "was replaced by another file while open: this change was not saved; "
                            + "quit and open Gazette again"
                    ))
                store.close()
                try? FileManager.default.removeItem(atPath: statePath)
                XCTAssertEqual(rename(moved, statePath), 0, "put back, for the next round")
            }
        }
    }

    /// A state file emptied by another program while open (`: > state.sqlite`) is written no
    /// more, and says so: writes went on into it without a word, and it then read as damaged
    /// with every mark gone (found by QA). The status line names the file alone.
    func testAFileEmptiedWhileOpenIsWrittenNoMore() throws {
        for deferred in [false, true] {
            do {
                let store = try ReadingStateStore(path: statePath)
                try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
                store.close()
            }
            let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
            try store.setStates([ArticleID("b"): ArticleState(isRead: true)])
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: statePath))
            try handle.truncate(atOffset: 0)
            try handle.close()
            XCTAssertThrowsError(try store.setStates([ArticleID("c"): ArticleState(isRead: true)])) { error in
                XCTAssertEqual(error as? StateStoreError, .emptied(path: statePath), "deferred: \(deferred)")
            }
            XCTAssertEqual(
                StateStoreError.emptied(path: statePath).shortReason,
                "emptied by another program: not saved; restart ('state.sqlite')"
            )
            store.close()
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: statePath + suffix)
            }
        }
    }

    /// Tables that another tool dropped or changed make the file damaged, with the advice that
    /// goes with it: SQLite's own "no such column: id" was shown (found by QA).
    func testTablesChangedByAnotherToolAreDamage() throws {
        let store = try ReadingStateStore(path: statePath)
        try store.setStates([
            ArticleID("a"): ArticleState(isRead: true, readAt: nil, isFlagged: false, scrollLine: 0)
        ])
        store.close()
        let queue = try DatabaseQueue(path: statePath)
        try queue.write { db in
            try db.execute(sql: "DROP TABLE article_state; CREATE TABLE article_state(x)")
            try db.execute(sql: "DROP TABLE source_state")
        }
        try queue.close()
        // Without the record of the migrations made, they are made again over the tables there.
        let other = folder.appendingPathComponent("other.sqlite").path
        try ReadingStateStore(path: other).close()
        let otherQueue = try DatabaseQueue(path: other)
        try otherQueue.write { db in try db.execute(sql: "DROP TABLE grdb_migrations") }
        try otherQueue.close()
        XCTAssertThrowsError(try ReadingStateStore(path: other)) { error in
            XCTAssertEqual(error as? StateStoreError, .corrupt(path: other))
        }
        for deferred in [false, true] {
            let reopened: ReadingStateStore
            do {
                reopened = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
            } catch {
                XCTAssertEqual(error, .corrupt(path: statePath))
                continue
            }
            XCTAssertThrowsError(try reopened.states(for: [ArticleID("a")])) { error in
                XCTAssertEqual(error as? StateStoreError, .corrupt(path: statePath))
            }
            XCTAssertThrowsError(try reopened.setLastSelected(ArticleID("a"), inSource: "s")) { error in
                XCTAssertEqual(error as? StateStoreError, .corrupt(path: statePath))
            }
            reopened.close()
        }
    }

    /// What a creation killed half way left beside the file (`NAME.new-PID-NUMBER` and its
    /// journal or log) is removed once that process is gone; it stayed for ever (found by QA).
    /// A live process's is left alone.
    func testLeftoversOfAKilledCreationAreRemoved() throws {
        let dead = statePath + ".new-99999999-123"
        let alive = statePath + ".new-1-456"
        // Files of the user's, named alike: not ours to remove (found by QA).
        let others = [
            ".new-2024-12-04", ".new-99999999-1.bak", ".new-99999999-1 (copy)", ".new-99999999-1x",
            ".new-99999999-", ".new-99999999-1-journal.old", ".new-31337-copy.sqlite",
        ].map { statePath + $0 }
        for file in [dead, dead + "-journal", dead + "-wal", alive] + others {
            XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        }
        let store = try ReadingStateStore(path: statePath)
        store.close()
        for file in [dead, dead + "-journal", dead + "-wal"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: file), file)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: alive))
        for file in others { XCTAssertTrue(FileManager.default.fileExists(atPath: file), file) }
        try FileManager.default.removeItem(atPath: alive)
        // Left while the file was there: removed by the checks that follow a reader's start.
        XCTAssertTrue(FileManager.default.createFile(atPath: dead, contents: Data("x".utf8)))
        let reopened = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        reopened.startDeferredChecks()
        _ = try reopened.lastSelected(inSource: "s")
        try reopened.setLastSelected(ArticleID("a"), inSource: "s")
        reopened.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead))
    }

    /// A state path that is a symbolic link (a dotfile manager's, a synced folder's) is the file
    /// it names, in every way it is opened: the first run made the file through the dangling
    /// link, and every later one failed with "the file cannot be opened" (found by QA). Its log
    /// and index are kept beside the file, not the link.
    func testAStatePathThatIsALinkIsTheFileItNames() throws {
        let elsewhere = folder.appendingPathComponent("sync")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let target = elsewhere.appendingPathComponent("state.sqlite").path
        XCTAssertEqual(symlink("sync/state.sqlite", statePath), 0)
        let state = ArticleState(isRead: true, readAt: nil, isFlagged: true, scrollLine: 0)
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setStates([ArticleID("a"): state])
            store.close()
        }
        for deferred in [false, true] {
            let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
            XCTAssertEqual(try store.states(for: [ArticleID("a")]), [ArticleID("a"): state])
            try store.setStates([ArticleID("b"): state])
            store.close()
        }
        let reading = try ReadingStateStore(path: statePath, forReading: true)
        XCTAssertEqual(try reading.states(for: [ArticleID("b")]), [ArticleID("b"): state])
        reading.close()
        var info = stat()
        XCTAssertEqual(lstat(statePath, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "the link stays a link")
        XCTAssertTrue(FileManager.default.fileExists(atPath: target))
        XCTAssertFalse(FileManager.default.fileExists(atPath: statePath + "-wal"))
    }

    /// A negative scroll line in a damaged file is the top: the reader trapped on it when the
    /// story was opened (found by QA).
    func testANegativeScrollLineInTheFileIsTheTop() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setStates([ArticleID("a"): ArticleState(isRead: true, scrollLine: 5)])
        }
        let queue = try DatabaseQueue(path: statePath)
        try queue.write { db in try db.execute(sql: "UPDATE article_state SET scroll_line = -7") }
        try queue.close()
        let store = try ReadingStateStore(path: statePath)
        XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.scrollLine, 0)
        XCTAssertEqual(try store.allStates()[ArticleID("a")]?.scrollLine, 0)
        var state = ArticleState(scrollLine: 3)
        state.scrollLine = -2
        XCTAssertEqual(state.scrollLine, 0)
    }

    func testAFewIdsAmongManyStoredRowsAreLookedUpInChunks() throws {
        let store = try ReadingStateStore(path: statePath)
        var states: [ArticleID: ArticleState] = [:]
        for index in 0..<10_000 {
            states[ArticleID("id\(index)")] = ArticleState(
                isFlagged: index.isMultiple(of: 2), scrollLine: index)
        }
        try store.setStates(states)
        let wanted = (0..<1_900).map { ArticleID("id\($0 * 5)") }
        let asked = wanted + [ArticleID("id-missing"), wanted[0]]
        XCTAssertGreaterThan(10_000, asked.count * ReadingStateStore.scanRatio)
        XCTAssertGreaterThan(asked.count, 2 * ReadingStateStore.chunkSize)
        let found = try store.states(for: asked)
        XCTAssertEqual(found.count, wanted.count)
        for id in wanted {
            XCTAssertEqual(found[id], states[id])
        }
    }

    func testSetStatesReplacesExistingStates() throws {
        let store = try ReadingStateStore(path: statePath)
        try store.setStates([
            ArticleID("a"): ArticleState(
                isRead: true, readAt: Date(timeIntervalSince1970: 5), isFlagged: true),
            ArticleID("b"): ArticleState(isFlagged: true),
        ])
        try store.setStates([ArticleID("a"): ArticleState(scrollLine: 3)])
        XCTAssertEqual(
            try store.allStates(),
            [ArticleID("a"): ArticleState(scrollLine: 3), ArticleID("b"): ArticleState(isFlagged: true)])
    }

    func testSetStatesIsOneTransaction() throws {
        let store = try ReadingStateStore(path: statePath)
        let other = try ReadingStateStore(path: statePath)
        var states: [ArticleID: ArticleState] = [:]
        for index in 0..<2000 {
            states[ArticleID("id\(index)")] = ArticleState(isRead: true)
        }
        let ids = Array(states.keys)
        let group = DispatchGroup()
        let counts = Counts()
        DispatchQueue.global().async(group: group) {
            for _ in 0..<50 {
                counts.append((try? other.states(for: ids).count) ?? -1)
            }
        }
        try store.setStates(states)
        group.wait()
        XCTAssertTrue(counts.values.allSatisfy { $0 == 0 || $0 == 2000 }, "saw a half-written batch")
        XCTAssertEqual(try other.states(for: ids).count, 2000)
    }

    func testScrollLineKeepsOtherFieldsAndCreatesMissingRows() throws {
        let store = try ReadingStateStore(path: statePath)
        let readAt = Date(timeIntervalSince1970: 1000)
        try store.setStates([ArticleID("a"): ArticleState(isRead: true, readAt: readAt, isFlagged: true)])
        try store.setScrollLine(17, for: ArticleID("a"))
        try store.setScrollLine(4, for: ArticleID("new"))
        XCTAssertEqual(
            try store.allStates(),
            [
                ArticleID("a"): ArticleState(isRead: true, readAt: readAt, isFlagged: true, scrollLine: 17),
                ArticleID("new"): ArticleState(scrollLine: 4),
            ])
    }

    func testLastSelectedIsPerSource() throws {
        let store = try ReadingStateStore(path: statePath)
        XCTAssertNil(try store.lastSelected(inSource: "/news/a.txt"))
        try store.setLastSelected(ArticleID("one"), inSource: "/news/a.txt")
        try store.setLastSelected(ArticleID("two"), inSource: "https://example.org/feed.xml")
        try store.setLastSelected(ArticleID("three"), inSource: "/news/a.txt")
        XCTAssertEqual(try store.lastSelected(inSource: "/news/a.txt"), ArticleID("three"))
        XCTAssertEqual(try store.lastSelected(inSource: "https://example.org/feed.xml"), ArticleID("two"))
        XCTAssertNil(try store.lastSelected(inSource: "/news/b.txt"))
    }

    func testReopeningKeepsEverything() throws {
        let state = ArticleState(isRead: true, readAt: Date(timeIntervalSince1970: 12.5), isFlagged: true)
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setStates([ArticleID("a"): state])
            try store.setScrollLine(9, for: ArticleID("b"))
            try store.setLastSelected(ArticleID("a"), inSource: "src")
        }
        let store = try ReadingStateStore(path: statePath)
        XCTAssertEqual(
            try store.allStates(), [ArticleID("a"): state, ArticleID("b"): ArticleState(scrollLine: 9)])
        XCTAssertEqual(try store.lastSelected(inSource: "src"), ArticleID("a"))
    }

    func testCreatesMissingFoldersAndMakesPathsAbsolute() throws {
        let nested = folder.appendingPathComponent("x/y/z/state.sqlite").path
        let store = try ReadingStateStore(path: nested)
        try store.setScrollLine(1, for: ArticleID("a"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: nested))
        XCTAssertEqual(store.path, nested)
    }

    func testAnEmptyFileBecomesAFreshDatabase() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: statePath, contents: Data()))
        let store = try ReadingStateStore(path: statePath)
        try store.setScrollLine(1, for: ArticleID("a"))
        XCTAssertEqual(try store.allStates().count, 1)
    }

    // MARK: Damaged files

    func testRandomBytesAreNotADatabaseAndLeftAlone() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: URL(fileURLWithPath: statePath))
        expectError(.notADatabase(path: statePath), path: statePath)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), bytes)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["state.sqlite"])
    }

    func testTextFileIsNotADatabase() throws {
        let bytes = Data("# my notes\nnot a database at all\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: statePath))
        expectError(.notADatabase(path: statePath), path: statePath)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), bytes)
    }

    func testSQLiteHeaderFollowedByGarbageIsRejectedAndLeftAlone() throws {
        var bytes = Data("SQLite format 3\0".utf8)
        bytes.append(Data((0..<8176).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try bytes.write(to: URL(fileURLWithPath: statePath))
        assertRejectedAsDamaged(statePath)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), bytes)
    }

    func testCorruptDatabaseIsRejectedAndLeftAlone() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            var states: [ArticleID: ArticleState] = [:]
            for index in 0..<5000 {
                states[ArticleID("article-\(index)-\(String(repeating: "x", count: 40))")] = ArticleState(
                    isRead: true, readAt: Date(timeIntervalSince1970: Double(index)), scrollLine: index)
            }
            try store.setStates(states)
        }
        let url = URL(fileURLWithPath: statePath)
        var bytes = try Data(contentsOf: url)
        XCTAssertGreaterThan(bytes.count, 64 * 1024)
        let middle = bytes.count / 2
        bytes.replaceSubrange(middle..<middle + 8192, with: Data(repeating: 0xA5, count: 8192))
        try bytes.write(to: url)
        assertRejectedAsDamaged(statePath)
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }

    func testTruncatedDatabaseIsRejectedAndLeftAlone() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            var states: [ArticleID: ArticleState] = [:]
            for index in 0..<5000 {
                states[ArticleID("article-\(index)-\(String(repeating: "y", count: 40))")] = ArticleState()
            }
            try store.setStates(states)
        }
        let url = URL(fileURLWithPath: statePath)
        let bytes = try Data(contentsOf: url).prefix(40_000)
        try bytes.write(to: url)
        assertRejectedAsDamaged(statePath)
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }

    private func assertRejectedAsDamaged(_ path: String, line: UInt = #line) {
        XCTAssertThrowsError(try ReadingStateStore(path: path), line: line) { error in
            let error = error as? StateStoreError
            XCTAssertTrue(
                error == .corrupt(path: path) || error == .notADatabase(path: path),
                "unexpected \(String(describing: error))", line: line)
        }
    }

    func testAnotherProgramsDatabaseIsNotADatabase() throws {
        do {
            let queue = try DatabaseQueue(path: statePath)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes (body TEXT)")
                try db.execute(sql: "INSERT INTO notes (body) VALUES (?)", arguments: ["keep me"])
            }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        expectError(.anotherProgramsDatabase(path: statePath), path: statePath)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before)
    }

    /// Another program's table of the same name does not make a file ours: it got a
    /// migration table written into it before the error (found by QA).
    func testAnotherProgramsTableNamedLikeOursIsNotADatabase() throws {
        for schema in ["CREATE TABLE article_state (foo, bar)", "CREATE TABLE article_state (id TEXT)"] {
            try? FileManager.default.removeItem(atPath: statePath)
            do {
                let queue = try DatabaseQueue(path: statePath)
                try queue.write { db in try db.execute(sql: schema) }
                try queue.close()
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
            expectError(.anotherProgramsDatabase(path: statePath), path: statePath)
            XCTAssertThrowsError(try ReadingStateStore(path: statePath, forReading: true))
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before, schema)
        }
    }

    func testAFileAnotherGazetteIsStillCreatingOpens() throws {
        // GRDB makes its migration table before the first migration marks the file as ours:
        // a second Gazette that looks in between must wait for it, not call it foreign.
        do {
            let queue = try DatabaseQueue(path: statePath)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            }
            try queue.close()
        }
        let store = try ReadingStateStore(path: statePath)
        try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
        XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.isRead, true)
    }

    /// A state file with a migration of a newer Gazette that kept user_version: only the
    /// migration table says so.
    private func writeStateOfANewerGazette() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(3, for: ArticleID("a"))
        }
        let queue = try DatabaseQueue(path: statePath)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: ["v999"])
        }
        try queue.close()
    }

    func testNewerSchemaIsRejectedAndLeftAlone() throws {
        try writeStateOfANewerGazette()
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        expectError(.newerSchema(path: statePath, version: "v999"), path: statePath)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before)
    }

    /// `list` and `export` (reading only) refuse a newer Gazette's file as the reader does: they
    /// read it as it stood (found by QA). A file missing its record of migrations is damaged
    /// to them too, as to the reader.
    func testReadingOnlyRefusesANewerOrDamagedMigrationRecord() throws {
        try writeStateOfANewerGazette()
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        XCTAssertThrowsError(try ReadingStateStore(path: statePath, forReading: true)) { error in
            XCTAssertEqual(error as? StateStoreError, .newerSchema(path: statePath, version: "v999"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before)
        let other = folder.appendingPathComponent("other.sqlite").path
        do {
            let store = try ReadingStateStore(path: other)
            try store.setScrollLine(3, for: ArticleID("a"))
        }
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations") }
        try queue.close()
        XCTAssertThrowsError(try ReadingStateStore(path: other, forReading: true)) { error in
            XCTAssertEqual(error as? StateStoreError, .corrupt(path: other))
        }
    }

    /// Gazette's tables changed by another tool are reported damaged before anything writes to
    /// the file: `mark` switched its journal mode and grew it, then called it damaged (found by QA).
    func testChangedTablesAreDamageAndTheFileIsLeftAsItIs() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(3, for: ArticleID("a"))
            store.close()
        }
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: statePath, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                try db.execute(
                    sql: "DROP TABLE article_state; CREATE TABLE article_state(id TEXT, note TEXT)")
            }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        for deferred in [false, true] {
            do {
                let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
                XCTAssertThrowsError(try store.setScrollLine(4, for: ArticleID("a"))) { error in
                    XCTAssertEqual(error as? StateStoreError, .corrupt(path: statePath))
                }
                store.close()
            } catch {
                XCTAssertEqual(error, .corrupt(path: statePath))
            }
            XCTAssertEqual(
                try Data(contentsOf: URL(fileURLWithPath: statePath)), before, "deferred: \(deferred)")
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: statePath + "-wal"), "deferred: \(deferred)")
        }
    }

    func testNewerUserVersionIsRejected() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(3, for: ArticleID("a"))
        }
        do {
            let queue = try DatabaseQueue(path: statePath)
            try queue.write { db in try db.execute(sql: "PRAGMA user_version = 7") }
            try queue.close()
        }
        expectError(.newerSchema(path: statePath, version: "7"), path: statePath)
    }

    // MARK: The reader's deferred opening

    /// Waits for a deferred store's checks to end; returns their failure, if any.
    private func settledFailure(_ store: ReadingStateStore) -> StateStoreError? {
        // A write waits for the checks (it stores a scratch row's scroll position).
        do {
            try store.setScrollLine(0, for: ArticleID("settle"))
            return nil
        } catch {
            return store.integrityFailure ?? error
        }
    }

    func testDeferredOpeningOfAHealthyFileReadsAtOnceAndWrites() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setStates([ArticleID("a"): ArticleState(isRead: true, scrollLine: 4)])
            try store.setLastSelected(ArticleID("a"), inSource: "news.txt")
        }
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        XCTAssertEqual(
            try store.states(for: [ArticleID("a")])[ArticleID("a")], ArticleState(isRead: true, scrollLine: 4)
        )
        XCTAssertEqual(try store.lastSelected(inSource: "news.txt"), ArticleID("a"))
        try store.setStates([ArticleID("b"): ArticleState(isFlagged: true)])
        XCTAssertNil(store.integrityFailure)
        // Reads on the read-only connection see what the pool wrote.
        XCTAssertEqual(try store.states(for: [ArticleID("b")])[ArticleID("b")]?.isFlagged, true)
        let reopened = try ReadingStateStore(path: statePath)
        XCTAssertEqual(try reopened.allStates().count, 2)
    }

    /// A lock another process holds for long makes writes fail with a message, and only
    /// them: the reader ended with "kept it locked for too long" when the deferred opening
    /// met the lock (found by QA). Once the lock goes, writes succeed.
    func testALockHeldByAnotherProcessFailsWritesUntilItGoes() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
            store.close()
        }
        let saved = ReadingStateStore.busySeconds
        ReadingStateStore.busySeconds = 0.2
        defer { ReadingStateStore.busySeconds = saved }
        // Another process's connection, holding the write lock (raw SQLite: GRDB closes
        // transactions left open).
        var other: OpaquePointer?
        XCTAssertEqual(sqlite3_open_v2(statePath, &other, SQLITE_OPEN_READWRITE, nil), SQLITE_OK)
        XCTAssertEqual(sqlite3_exec(other, "BEGIN EXCLUSIVE", nil, nil, nil), SQLITE_OK)

        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        defer { store.close() }
        XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.isRead, true, "reads go on")
        store.startDeferredChecks()
        XCTAssertThrowsError(try store.setStates([ArticleID("b"): ArticleState(isFlagged: true)])) { error in
            XCTAssertEqual(error as? StateStoreError, .busy(path: self.statePath))
            XCTAssertEqual(
                (error as? StateStoreError)?.message,
                "state file '\(self.statePath)' is locked by another program: not saved (try again once it is done)"
            )
        }
        XCTAssertNil(store.integrityFailure, "a lock is no reason to end the reader")

        XCTAssertEqual(sqlite3_exec(other, "ROLLBACK", nil, nil, nil), SQLITE_OK)
        sqlite3_close(other)
        try store.setStates([ArticleID("b"): ArticleState(isFlagged: true)])
        XCTAssertEqual(try store.states(for: [ArticleID("b")])[ArticleID("b")]?.isFlagged, true)
        XCTAssertNil(store.integrityFailure)
    }

    private func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// Closed last, a store folds the write-ahead log into the file and empties it, so the
    /// next start has no log to read through; the file alone then holds every state.
    func testClosingFoldsTheLogIntoTheFile() throws {
        for deferred in [false, true] {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if deferred { try ReadingStateStore(path: statePath).close() }
            let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
            try store.setStates([ArticleID("a"): ArticleState(isRead: true, scrollLine: 3)])
            try store.setLastSelected(ArticleID("a"), inSource: "news.txt")
            XCTAssertGreaterThan(fileSize(statePath + "-wal") ?? 0, 0, "deferred: \(deferred)")
            store.close()
            XCTAssertEqual(fileSize(statePath + "-wal") ?? 0, 0, "deferred: \(deferred)")
            let copy = folder.appendingPathComponent("copy.sqlite").path
            try FileManager.default.copyItem(atPath: statePath, toPath: copy)
            let reopened = try ReadingStateStore(path: copy)
            XCTAssertEqual(
                try reopened.allStates(), [ArticleID("a"): ArticleState(isRead: true, scrollLine: 3)])
            XCTAssertEqual(try reopened.lastSelected(inSource: "news.txt"), ArticleID("a"))
        }
    }

    /// A store released without `close()` folds the log as well.
    func testReleasingAStoreClosesIt() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setStates([ArticleID("a"): ArticleState(isFlagged: true)])
        }
        XCTAssertEqual(fileSize(statePath + "-wal") ?? 0, 0)
        XCTAssertEqual(try ReadingStateStore(path: statePath).allStates()[ArticleID("a")]?.isFlagged, true)
    }

    /// While another store holds the file, closing one store leaves the log to the last.
    func testClosingWhileAnotherStoreIsOpenKeepsItsWrites() throws {
        let first = try ReadingStateStore(path: statePath)
        let second = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        try first.setStates([ArticleID("a"): ArticleState(isRead: true)])
        first.close()
        try second.setStates([ArticleID("b"): ArticleState(isRead: true)])
        XCTAssertEqual(try second.states(for: [ArticleID("a"), ArticleID("b")]).count, 2)
        second.close()
        XCTAssertEqual(fileSize(statePath + "-wal") ?? 0, 0)
        XCTAssertEqual(try ReadingStateStore(path: statePath).allStates().count, 2)
    }

    func testAClosedStoreReadsAndWritesNoMore() throws {
        let store = try ReadingStateStore(path: statePath)
        try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
        store.close()
        store.close()
        XCTAssertThrowsError(try store.states(for: [ArticleID("a")])) { XCTAssertTrue($0 is StateStoreError) }
        XCTAssertThrowsError(try store.setStates([ArticleID("b"): ArticleState(isRead: true)])) {
            XCTAssertEqual(
                $0 as? StateStoreError, .failed(path: statePath, reason: "the state file was closed"))
        }
        XCTAssertEqual(try ReadingStateStore(path: statePath).allStates().count, 1)
    }

    func testPreparedReadsAnswerAsBefore() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setLastSelected(ArticleID("x"), inSource: "news.txt")
        }
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        store.prepareReads()
        XCTAssertEqual(try store.lastSelected(inSource: "news.txt"), ArticleID("x"))
        XCTAssertNil(try store.lastSelected(inSource: ""))
    }

    func testDeferredOpeningOfADamagedFileFailsItsChecksAndNeverWrites() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            var states: [ArticleID: ArticleState] = [:]
            for index in 0..<5000 {
                states[ArticleID("article-\(index)-\(String(repeating: "z", count: 40))")] = ArticleState(
                    isRead: true)
            }
            try store.setStates(states)
        }
        let url = URL(fileURLWithPath: statePath)
        var bytes = try Data(contentsOf: url)
        let middle = bytes.count / 2
        bytes.replaceSubrange(middle..<middle + 8192, with: Data(repeating: 0xA5, count: 8192))
        try bytes.write(to: url)
        do {
            let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
            let failure = settledFailure(store)
            XCTAssertTrue(
                failure == .corrupt(path: statePath) || failure == .notADatabase(path: statePath),
                "unexpected \(String(describing: failure))")
            XCTAssertThrowsError(try store.setStates([ArticleID("x"): ArticleState(isRead: true)]))
        } catch {
            // Damage the header check already sees fails at once, which is as good.
            XCTAssertTrue(
                error == .corrupt(path: statePath) || error == .notADatabase(path: statePath), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }

    /// A state file emptied or deleted by another program between the quick opening and the
    /// deferred one is not made anew (an empty file became a fresh state, every story unread
    /// after `R`; a deleted one was created again): the checks fail and nothing is written.
    func testDeferredOpeningOfAFileEmptiedOrDeletedSinceFailsAndWritesNothing() throws {
        for deleting in [false, true] {
            do {
                let store = try ReadingStateStore(path: statePath)
                try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
                store.close()
            }
            let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
            if deleting {
                try FileManager.default.removeItem(atPath: statePath)
            } else {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: statePath))
                try handle.truncate(atOffset: 0)
                try handle.close()
            }
            let failure = settledFailure(store)
            XCTAssertEqual(
                failure, deleting ? .removed(path: statePath) : .corrupt(path: statePath),
                "deleting: \(deleting)")
            if deleting {
                XCTAssertFalse(FileManager.default.fileExists(atPath: statePath), "not created again")
            } else {
                let size = try FileManager.default.attributesOfItem(atPath: statePath)[.size] as? Int
                XCTAssertEqual(size, 0, "left as the other program left it")
            }
            store.close()
            try? FileManager.default.removeItem(atPath: statePath)
        }
    }

    func testDeferredChecksWaitUntilTheReaderAsksForThem() throws {
        try writeStateOfANewerGazette()
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertNil(store.integrityFailure, "nothing runs before the first screen is drawn")
        XCTAssertEqual(try store.lastSelected(inSource: "x"), nil, "reads work meanwhile")
        store.startDeferredChecks()
        let deadline = Date().addingTimeInterval(10)
        while store.integrityFailure == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(store.integrityFailure, .newerSchema(path: statePath, version: "v999"))
    }

    func testDeferredOpeningOfANewerSchemaFailsAndLeavesTheFileAlone() throws {
        try writeStateOfANewerGazette()
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        XCTAssertEqual(settledFailure(store), .newerSchema(path: statePath, version: "v999"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before)
    }

    func testDeferredOpeningOfFilesTheHeaderDoesNotVouchForTakesTheCheckedPath() throws {
        // Newer user_version, another program's database, a missing file: all decided before
        // the store is returned, as without deferring.
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(3, for: ArticleID("a"))
            let queue = try DatabaseQueue(path: statePath)
            try queue.write { db in try db.execute(sql: "PRAGMA user_version = 7") }
            try queue.close()
        }
        XCTAssertThrowsError(try ReadingStateStore(path: statePath, deferIntegrityCheck: true)) { error in
            XCTAssertEqual(error as? StateStoreError, .newerSchema(path: statePath, version: "7"))
        }
        let other = folder.appendingPathComponent("other.sqlite").path
        do {
            let queue = try DatabaseQueue(path: other)
            try queue.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT)") }
            try queue.close()
        }
        XCTAssertThrowsError(try ReadingStateStore(path: other, deferIntegrityCheck: true)) { error in
            XCTAssertEqual(error as? StateStoreError, .anotherProgramsDatabase(path: other))
        }
        let fresh = folder.appendingPathComponent("new/state.sqlite").path
        let store = try ReadingStateStore(path: fresh, deferIntegrityCheck: true)
        try store.setStates([ArticleID("n"): ArticleState(isRead: true)])
        XCTAssertNil(settledFailure(store))
        XCTAssertEqual(try store.states(for: [ArticleID("n")])[ArticleID("n")]?.isRead, true)
    }

    func testAFolderInPlaceOfTheFileIsNotAFile() throws {
        try FileManager.default.createDirectory(atPath: statePath, withIntermediateDirectories: false)
        expectError(.notAFile(path: statePath), path: statePath)
    }

    func testADeviceOrAPipeInPlaceOfTheFileIsNotAFile() throws {
        expectError(.notAFile(path: "/dev/null"), path: "/dev/null")
        XCTAssertEqual(mkfifo(statePath, 0o600), 0)
        expectError(.notAFile(path: statePath), path: statePath)
    }

    // MARK: Unwritable places

    func testAFileInPlaceOfTheFolderCannotBeCreated() throws {
        let blocker = folder.appendingPathComponent("blocker")
        XCTAssertTrue(FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8)))
        let path = blocker.appendingPathComponent("sub/state.sqlite").path
        XCTAssertThrowsError(try ReadingStateStore(path: path)) { error in
            guard case .cannotCreateFolder(let folder, _) = error as? StateStoreError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(folder, blocker.appendingPathComponent("sub").path)
        }
        XCTAssertEqual(try Data(contentsOf: blocker), Data("x".utf8))
    }

    func testUnwritableFolder() throws {
        if getuid() == 0 {
            // chmod does not stop root: a regular file in the path is what stops it.
            let blocker = folder.appendingPathComponent("file")
            XCTAssertTrue(FileManager.default.createFile(atPath: blocker.path, contents: Data()))
            let path = blocker.appendingPathComponent("sub/state.sqlite").path
            XCTAssertThrowsError(try ReadingStateStore(path: path)) { error in
                guard case .cannotCreateFolder = error as? StateStoreError else {
                    return XCTFail("unexpected \(error)")
                }
            }
            return
        }
        XCTAssertEqual(chmod(folder.path, 0o500), 0)
        XCTAssertThrowsError(try ReadingStateStore(path: statePath)) { error in
            guard case .unwritable(let path, _) = error as? StateStoreError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(path, self.statePath)
        }
        let nested = folder.appendingPathComponent("sub/state.sqlite").path
        XCTAssertThrowsError(try ReadingStateStore(path: nested)) { error in
            guard case .cannotCreateFolder = error as? StateStoreError else {
                return XCTFail("unexpected \(error)")
            }
        }
    }

    func testReadOnlyFileIsUnwritable() throws {
        try XCTSkipIf(getuid() == 0, "root can write read-only files")
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(1, for: ArticleID("a"))
        }
        XCTAssertEqual(chmod(statePath, 0o400), 0)
        XCTAssertThrowsError(try ReadingStateStore(path: statePath)) { error in
            guard case .unwritable = error as? StateStoreError else {
                return XCTFail("unexpected \(error)")
            }
        }
    }

    /// Runs `body` with the store judging access by the owner's permission bits when the
    /// tests run as root (whom permissions do not stop), as for the user owning the files.
    private func asTheFilesOwner(_ body: () throws -> Void) throws {
        guard getuid() == 0 else { return try body() }
        let saved = ReadingStateStore.mayAccess
        ReadingStateStore.mayAccess = { path, mode in
            var status = stat()
            guard stat(path, &status) == 0 else { return false }
            let owner = Int32(status.st_mode >> 6 & 7)
            return owner & mode == mode
        }
        defer { ReadingStateStore.mayAccess = saved }
        try body()
    }

    private func permissions(_ path: String) -> mode_t {
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0, path)
        return status.st_mode & 0o777
    }

    /// A log and index left read-only by a reading while the file was read-only (SQLite gives
    /// them the file's mode) are given the file's mode once it is writable again: writes
    /// stayed blocked with "attempt to write a readonly database" (found by QA).
    func testAReadOnlyLogBesideAWritableFileIsMadeWritable() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(1, for: ArticleID("a"))
        }
        for suffix in ["-wal", "-shm"] {
            XCTAssertEqual(chmod(statePath + suffix, 0o444), 0, suffix)
        }
        XCTAssertEqual(chmod(statePath, 0o640), 0)
        for deferred in [false, true] {
            try asTheFilesOwner {
                let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred)
                try store.setScrollLine(deferred ? 3 : 2, for: ArticleID("a"))
                XCTAssertNil(store.integrityFailure)
            }
            for suffix in ["-wal", "-shm"] {
                XCTAssertEqual(permissions(statePath + suffix), 0o640, suffix)
                XCTAssertEqual(chmod(statePath + suffix, 0o444), 0, suffix)
            }
        }
        XCTAssertEqual(
            try ReadingStateStore(path: statePath, forReading: true).allStates()[ArticleID("a")]?.scrollLine,
            3)
    }

    /// A read-only log of another user's is named, and left as it is.
    func testAReadOnlyLogOfAnotherUserIsNamed() throws {
        try XCTSkipIf(getuid() != 0, "only root can give a file to another user")
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(1, for: ArticleID("a"))
        }
        let log = statePath + "-wal"
        XCTAssertEqual(chmod(log, 0o444), 0)
        XCTAssertEqual(chown(log, 4242, 4242), 0)
        try asTheFilesOwner {
            XCTAssertThrowsError(try ReadingStateStore(path: statePath)) { error in
                XCTAssertEqual(error as? StateStoreError, .unwritableLog(path: statePath, files: [log]))
            }
        }
        XCTAssertEqual(permissions(log), 0o444)
        XCTAssertTrue(
            StateStoreError.unwritableLog(path: statePath, files: [log]).message.contains(
                "'\(log)' beside it"))
    }

    /// Makes a state file with one stored state, and no log or index beside it.
    private func writeStateWithoutLog() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            try store.setScrollLine(5, for: ArticleID("a"))
        }
        for suffix in ["-wal", "-shm"] {
            XCTAssertEqual(unlink(statePath + suffix), 0, suffix)
        }
    }

    private func assertNothingBesideTheFile(file: StaticString = #filePath, line: UInt = #line) {
        for suffix in ["-wal", "-shm", "-journal"] {
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: statePath + suffix), suffix, file: file, line: line)
        }
    }

    /// Commands that only read read a state file in a folder they may not write: SQLite could
    /// not make the log's index there, and they failed with "attempt to write a readonly
    /// database" (found by QA). A store that writes names the folder.
    func testAStateFileInAFolderTheUserMayNotWriteIsRead() throws {
        try writeStateWithoutLog()
        XCTAssertEqual(chmod(folder.path, 0o555), 0)
        try asTheFilesOwner {
            let store = try ReadingStateStore(path: statePath, forReading: true)
            XCTAssertEqual(try store.allStates()[ArticleID("a")]?.scrollLine, 5)
            XCTAssertEqual(try store.states(for: [ArticleID("a")])[ArticleID("a")]?.scrollLine, 5)
            XCTAssertNil(try store.lastSelected(inSource: "news.txt"))
            store.close()
            assertNothingBesideTheFile()
            if getuid() != 0 {  // root writes there all the same
                let reason = "folder '\(folder.path)' is not writable"
                for deferred in [false, true] {
                    XCTAssertThrowsError(
                        try ReadingStateStore(path: statePath, deferIntegrityCheck: deferred).allStates()
                    ) { error in
                        XCTAssertEqual(
                            error as? StateStoreError, .unwritable(path: statePath, reason: reason))
                    }
                }
            }
        }
    }

    /// Reading a state file the user may not write makes no log or index beside it: SQLite
    /// gave them the file's mode, and they blocked writes once the file was writable again
    /// (found by QA). An empty log without its index is not read either.
    func testReadingAReadOnlyStateFileMakesNoFiles() throws {
        try writeStateWithoutLog()
        XCTAssertEqual(chmod(statePath, 0o444), 0)
        try asTheFilesOwner {
            XCTAssertEqual(
                try ReadingStateStore(path: statePath, forReading: true).allStates()[ArticleID("a")]?
                    .scrollLine, 5)
            assertNothingBesideTheFile()
            XCTAssertTrue(FileManager.default.createFile(atPath: statePath + "-wal", contents: Data()))
            XCTAssertEqual(
                try ReadingStateStore(path: statePath, forReading: true).allStates()[ArticleID("a")]?
                    .scrollLine, 5)
            XCTAssertFalse(FileManager.default.fileExists(atPath: statePath + "-shm"))
        }
    }

    /// A state file read as it stands is not followed through another process's writes: the
    /// read fails instead.
    func testAStateFileReadAsItStandsFailsOnceChanged() throws {
        try writeStateWithoutLog()
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1e9)], ofItemAtPath: statePath)
        XCTAssertEqual(chmod(folder.path, 0o555), 0)
        var store: ReadingStateStore?
        try asTheFilesOwner { store = try ReadingStateStore(path: statePath, forReading: true) }
        XCTAssertEqual(try store?.allStates()[ArticleID("a")]?.scrollLine, 5)
        XCTAssertEqual(chmod(folder.path, 0o755), 0)
        do {
            let writer = try ReadingStateStore(path: statePath)
            try writer.setScrollLine(6, for: ArticleID("a"))
        }
        XCTAssertThrowsError(try store?.allStates()) { error in
            guard case .failed(_, let reason) = error as? StateStoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("changed while it was read"), reason)
        }
    }

    // MARK: Concurrency and scale

    func testTwoStoresWritingAtOnceLoseNothing() throws {
        let first = try ReadingStateStore(path: statePath)
        let second = try ReadingStateStore(path: statePath)
        let stores = [first, second]
        let failures = Counts()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for index in 0..<500 {
                let id = ArticleID("writer\(writer)-\(index)")
                do {
                    if index.isMultiple(of: 2) {
                        try stores[writer].setStates([id: ArticleState(isRead: true, scrollLine: index)])
                    } else {
                        try stores[writer].setScrollLine(index, for: id)
                    }
                    try stores[writer].setLastSelected(id, inSource: "source\(writer)")
                } catch {
                    failures.append(index)
                }
            }
        }
        XCTAssertEqual(failures.values, [])
        let reader = try ReadingStateStore(path: statePath)
        let states = try reader.allStates()
        XCTAssertEqual(states.count, 1000)
        XCTAssertEqual(states[ArticleID("writer1-499")], ArticleState(scrollLine: 499))
        XCTAssertEqual(states[ArticleID("writer0-498")], ArticleState(isRead: true, scrollLine: 498))
        XCTAssertEqual(try reader.lastSelected(inSource: "source0"), ArticleID("writer0-499"))
        XCTAssertEqual(try reader.lastSelected(inSource: "source1"), ArticleID("writer1-499"))
    }

    func testTwoProcessesWritingAtOnceLoseNothing() throws {
        // Children are this test binary running `testChildProcessWriter`.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0])
        try XCTSkipUnless(binary.path.hasSuffix(".xctest"), "not running from an .xctest binary")
        _ = try ReadingStateStore(path: statePath)
        let children = try (0..<2).map { child in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["GazetteCoreTests.ReadingStateStoreTests/testChildProcessWriter"]
            var environment = ProcessInfo.processInfo.environment
            environment["GAZETTE_TEST_CHILD_STATE"] = statePath
            environment["GAZETTE_TEST_CHILD_NAME"] = "child\(child)"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let store = try ReadingStateStore(path: statePath)
        for index in 0..<300 {
            try store.setStates([ArticleID("parent-\(index)"): ArticleState(isRead: true)])
        }
        for child in children {
            child.waitUntilExit()
            XCTAssertEqual(child.terminationStatus, 0)
        }
        let states = try store.allStates()
        XCTAssertEqual(states.count, 900)
        XCTAssertEqual(states[ArticleID("child1-299")], ArticleState(isFlagged: true, scrollLine: 299))
    }

    /// SQLite's locks on a file belong to the process, and closing any descriptor of that file
    /// drops them all. A store that read the file's header with its own `open`/`close` while
    /// its connections were open lost its shared lock: another process closing its last
    /// connection then thought itself the last user, checkpointed and deleted the log, and
    /// the first store's later writes went into the deleted log.
    func testAnotherProcessClosingDoesNotDeleteTheLogUnderAnOpenStore() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0])
        try XCTSkipUnless(binary.path.hasSuffix(".xctest"), "not running from an .xctest binary")
        try ReadingStateStore(path: statePath).setScrollLine(1, for: ArticleID("before"))
        // The quick open reads the header, opens read-only, then checks and opens for
        // writing in the background: every way the store reads the file's header.
        let store = try ReadingStateStore(path: statePath, deferIntegrityCheck: true)
        try store.setScrollLine(2, for: ArticleID("parent-first"))
        let child = Process()
        child.executableURL = binary
        child.arguments = ["GazetteCoreTests.ReadingStateStoreTests/testChildProcessWriter"]
        var environment = ProcessInfo.processInfo.environment
        environment["GAZETTE_TEST_CHILD_STATE"] = statePath
        environment["GAZETTE_TEST_CHILD_NAME"] = "child"
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        child.waitUntilExit()
        XCTAssertEqual(child.terminationStatus, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: statePath + "-wal"), "the log was deleted")
        for index in 0..<50 {
            try store.setStates([ArticleID("parent-\(index)"): ArticleState(isRead: true)])
        }
        let states = try ReadingStateStore(path: statePath).allStates()
        XCTAssertEqual(states.count, 2 + 300 + 50)
        XCTAssertEqual(states[ArticleID("parent-49")], ArticleState(isRead: true))
        XCTAssertEqual(states[ArticleID("child-299")], ArticleState(isFlagged: true, scrollLine: 299))
    }

    /// The writer that `testTwoProcessesWritingAtOnceLoseNothing` runs in a child process.
    func testChildProcessWriter() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["GAZETTE_TEST_CHILD_STATE"],
            let name = environment["GAZETTE_TEST_CHILD_NAME"]
        else {
            throw XCTSkip("only runs as a child of testTwoProcessesWritingAtOnceLoseNothing")
        }
        let store = try ReadingStateStore(path: path)
        for index in 0..<300 {
            try store.setStates([
                ArticleID("\(name)-\(index)"): ArticleState(isFlagged: true, scrollLine: index)
            ])
        }
    }

    func testTwoStoresCreatingTheSameFileAtOnce() throws {
        let failures = Counts()
        let path = statePath
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try ReadingStateStore(path: path)
                try store.setScrollLine(writer, for: ArticleID("w\(writer)"))
            } catch {
                failures.append(writer)
            }
        }
        XCTAssertEqual(failures.values, [])
        XCTAssertEqual(try ReadingStateStore(path: statePath).allStates().count, 2)
    }

    func testHundredThousandIds() throws {
        let store = try ReadingStateStore(path: statePath)
        var states: [ArticleID: ArticleState] = [:]
        for index in 0..<100_000 {
            states[ArticleID(String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15))] =
                ArticleState(
                    isRead: index.isMultiple(of: 3), scrollLine: index % 50)
        }
        try store.setStates(states)
        let ids = Array(states.keys) + [ArticleID("not-stored")]
        let start = Date()
        let found = try store.states(for: ids)
        let elapsed = Date().timeIntervalSince(start)
        print("states(for:) with \(ids.count) ids took \(Int(elapsed * 1000)) ms")
        XCTAssertEqual(found.count, 100_000)
        XCTAssertEqual(found, states)
    }

    // MARK: Messages

    func testMessagesNameTheFileAndTheWayOut() {
        let errors: [StateStoreError] = [
            .notADatabase(path: "/x/state.sqlite"),
            .anotherProgramsDatabase(path: "/x/state.sqlite"),
            .notAFile(path: "/x/state.sqlite"),
            .corrupt(path: "/x/state.sqlite"),
            .newerSchema(path: "/x/state.sqlite", version: "v2"),
            .unreadable(path: "/x/state.sqlite"),
            .unwritable(path: "/x/state.sqlite", reason: "Permission denied"),
            .unwritableLog(path: "/x/state.sqlite", files: ["/x/state.sqlite-wal", "/x/state.sqlite-shm"]),
            .cannotCreateFolder(path: "/x/state.sqlite", reason: "Not a directory"),
            .nameTooLong(path: "/x/state.sqlite", reason: "its name is 300 bytes"),
            .full(path: "/x/state.sqlite"),
            .failed(path: "/x/state.sqlite", reason: "the disk is full"),
        ]
        for error in errors {
            XCTAssertTrue(error.message.contains("'/x/state.sqlite'"), error.message)
            XCTAssertFalse(error.message.hasPrefix("gazette:"), error.message)
            XCTAssertFalse(error.message.contains("\n"), error.message)
            XCTAssertEqual(error.path, "/x/state.sqlite")
        }
        // `list` does not write: a file it cannot read was called one it cannot write (found by QA).
        XCTAssertEqual(
            StateStoreError.unreadable(path: "/x/state.sqlite").message,
            "cannot read state file '/x/state.sqlite': fix its permissions or pass --state with another path")
        XCTAssertEqual(
            StateStoreError.notADatabase(path: "/x/state.sqlite").message,
            "state file '/x/state.sqlite' is not a Gazette state database; "
                + "move it aside or pass --state with another path")
        // Another program's file is not to be moved (found by QA).
        XCTAssertEqual(
            StateStoreError.anotherProgramsDatabase(path: "/x/state.sqlite").message,
            "state file '/x/state.sqlite' is another program's SQLite database, not Gazette's; "
                + "pass --state with another path")
    }

    /// The reason a reader opened read only gives on its status line: the file by its name.
    func testShortReasonsOfFilesThatCannotBeWritten() {
        XCTAssertEqual(
            StateStoreError.unwritable(path: "/x/state.sqlite", reason: "the file is read-only").shortReason,
            "the file is read-only ('state.sqlite')")
        XCTAssertEqual(
            StateStoreError.unwritable(path: "/x/state.sqlite", reason: "folder '/x' is not writable")
                .shortReason,
            "its folder is not writable ('state.sqlite')")
        XCTAssertEqual(
            StateStoreError.unwritableLog(path: "/x/state.sqlite", files: ["/x/state.sqlite-wal"])
                .shortReason,
            "the log files beside it belong to another user ('state.sqlite')")
        XCTAssertTrue(StateStoreError.unwritable(path: "/x/s", reason: "r").isUnwritable)
        XCTAssertTrue(StateStoreError.unwritableLog(path: "/x/s", files: []).isUnwritable)
        XCTAssertFalse(StateStoreError.busy(path: "/x/s").isUnwritable)
        XCTAssertFalse(StateStoreError.unreadable(path: "/x/s").isUnwritable)
    }
}

/// Integers appended from several threads.
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []

    func append(_ value: Int) {
        lock.lock()
        stored.append(value)
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
