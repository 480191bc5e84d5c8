import CSQLiteClosing
import Foundation
import GRDB
import GRDBSQLite

/// Reading state in a SQLite file in WAL mode, safe to share between Gazette processes.
///
/// Opening never alters a file that is not a healthy Gazette state database of a known
/// schema: the file's header is read first, then its schema through a read-only
/// connection, and only then is it opened for writing. Every setter runs one IMMEDIATE
/// transaction that is committed before it returns; a writer waits up to five seconds for
/// another process's transaction to end.
public final class ReadingStateStore: ReadingStateStoring, @unchecked Sendable {
    /// The absolute path of the state file.
    public let path: String

    /// Marks the file as Gazette's (`PRAGMA application_id`): the bytes "Gazt".
    static let applicationID: Int32 = 0x4761_7A74
    /// The `user_version` the last known migration sets.
    static let schemaVersion = 1
    /// Ids bound per query by ``states(for:)``, well under SQLite's parameter limit.
    static let chunkSize = 900
    /// Ids a lookup asks for without first asking whether any row is stored (a first screen's).
    static let idsLookedUpAlways = 64
    /// How many ids lookups have sought in the table one by one (for tests; with the read lock).
    private(set) var idsSought = 0
    /// ``states(for:)`` scans the whole table when it holds at most this many rows per id
    /// asked for: in release builds a row scanned costs about a quarter of an id looked up.
    static let scanRatio = 4

    private static let columns = "id, is_read, read_at, flagged, scroll_line"
    private static let stateColumns: Set<String> = ["id", "is_read", "read_at", "flagged", "scroll_line"]
    /// Tables (and their indexes) a Gazette state file may hold.
    private static let ownTables: Set<String> = ["grdb_migrations", "article_state", "source_state"]
    private static let fullChunkSQL = selectSQL(placeholders: chunkSize)
    /// How long a write (or the opening for writing) waits for another process's lock: five
    /// seconds, or `GAZETTE_BUSY_SECONDS` when that is a number of seconds (tests of the built
    /// program shorten the wait so). (Shorter in tests.)
    nonisolated(unsafe) static var busySeconds: TimeInterval = givenBusySeconds() ?? 5

    /// The seconds `GAZETTE_BUSY_SECONDS` gives, when it is set to a number, zero or more.
    private static func givenBusySeconds() -> TimeInterval? {
        guard let value = getenv("GAZETTE_BUSY_SECONDS"), let seconds = Double(String(cString: value)),
            seconds.isFinite, seconds >= 0
        else { return nil }
        return seconds
    }
    /// How long a write of this store waits for another process's lock before it fails with
    /// ``StateStoreError/busy(path:)`` (``busySeconds`` unless set): the reader waits briefly
    /// and keeps what a lock refused (``DeferringStateStore``).
    public var writeWait: TimeInterval {
        get { waitLock.withLock { shortWait ?? Self.busySeconds } }
        set { waitLock.withLock { shortWait = newValue } }
    }
    private var shortWait: TimeInterval?
    /// How long a write waits for another process's lock unless told otherwise (``writeWait``).
    public static var defaultWriteWait: TimeInterval { busySeconds }
    private let waitLock = NSLock()
    /// Whether this process may use a path in a mode (`access(2)`). (Tests, which run as
    /// root, stand in for a user whom permissions stop.)
    nonisolated(unsafe) static var mayAccess: (_ path: String, _ mode: Int32) -> Bool = {
        access($0, $1) == 0
    }

    /// Why the existing state file at `path` cannot be written by this process, if it cannot:
    /// the file is read-only, or its folder is and the log and its index SQLite needs there
    /// are not both writable already. (A store opened on such a file reads, but only through a
    /// read-only opening: `init(path:forReading:)`.)
    public static func writeProblem(at path: String) -> StateStoreError? {
        let path = StateLocation.followingLinks(StateLocation.absolute(path))
        guard mayAccess(path, W_OK) else {
            return .unwritable(path: path, reason: StateStoreError.readOnlyReason)
        }
        let folder = StateLocation.folder(of: path)
        if mayAccess(folder, W_OK | X_OK)
            || (mayAccess(path + "-wal", W_OK) && mayAccess(path + "-shm", W_OK))
        {
            return nil
        }
        return .unwritable(path: path, reason: "folder '\(folder)' is not writable")
    }

    /// Opens the state file at `path`, creating it and its folders when missing.
    ///
    /// A file that is not a Gazette state database, is damaged or comes from a newer
    /// Gazette is left untouched and reported as a ``StateStoreError``.
    ///
    /// With `deferIntegrityCheck`, the full page check (`PRAGMA quick_check`, which reads the
    /// whole file) runs on a background thread instead of before returning, from
    /// ``startDeferredChecks()`` or the first write, so a big state does not delay the first
    /// screen; every write waits for it and fails with
    /// ``StateStoreError/corrupt(path:)`` if it failed, so a damaged file is never written.
    /// When the file's header already shows a current Gazette state file, reads start at
    /// once on a read-only connection, and the checks and the opening of the writable pool
    /// run on that thread too; ``integrityFailure`` tells how they ended.
    /// With `forReading` (commands that only read), a current state file the user may read
    /// but not write is opened all the same, for reading; a write then fails. Otherwise, a
    /// log and index the user may not write beside a file they may are made writable first.
    /// With `lockWait`, a new or empty file another program keeps locked for longer than that
    /// while it is opened (it can be neither read nor made a state file meanwhile), or that
    /// cannot be made for want of room (a full disk, `ulimit -f`), is opened all the same: reads
    /// find nothing stored, and the opening for writing runs again in the background at each
    /// write until the lock goes or there is room (``closedAtOpening``). A file with content
    /// still fails with ``StateStoreError/busy(path:)`` once a write's wait is over. A file whose
    /// log index cannot be made for want of room is read as it stands while there is none.
    public init(
        path: String, deferIntegrityCheck: Bool = false, forReading: Bool = false,
        lockWait: TimeInterval? = nil
    ) throws(StateStoreError) {
        if path.hasSuffix("/") { throw .folderPath(path: path) }
        // SQLite opens the file without following a link, and keeps its log beside the name it
        // was given: a link is taken for the file it names.
        let path = StateLocation.followingLinks(StateLocation.absolute(path))
        // SQLite says only that it cannot open a file so named (taken for a permissions problem).
        if let tooLong = StateFileName.problem(at: path) { throw tooLong }
        self.path = path
        var link = stat()
        if lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK {
            throw .failed(
                path: path, reason: "its symbolic links go round in a loop; pass --state with a file's path")
        }
        let folder = StateLocation.folder(of: path)
        try Self.createFolder(folder)
        let gate = WriterGate(path: path)
        writer = gate
        readsOnly = forReading
        if !forReading {
            // Before any connection: connections of a process share one index, opened read-only
            // by the first when it cannot write it.
            try Self.makeLogWritable(path)
        }
        let access = access(path, forReading ? R_OK : R_OK | W_OK) == 0
        if deferIntegrityCheck || forReading, access, Self.headerVouches(path) {
            let immutable = forReading ? try Self.readsAsItStands(path, folder: folder) : false
            var reads = try Self.readConnection(path, immutable: immutable)
            // The header says nothing of the migrations: a newer Gazette's file was read as
            // it stands by `list` and `export`, which the reader and `mark` refuse.
            if forReading {
                do throws(StateStoreError) {
                    try Self.checkMigrations(reads, path: path)
                } catch {
                    // A full disk (or file-size limit) refuses the log's index the reading
                    // makes: a file with no log to read is read as it stands.
                    guard case .full = error, !immutable, Self.logIsEmpty(path) else { throw error }
                    reads.close()
                    reads = try Self.readConnection(path, immutable: true)
                    try Self.checkMigrations(reads, path: path)
                    roomLacking = error
                }
                // Where the file stands as its states are first read: what others store after.
                seenDataVersion = Self.dataVersion(of: reads)
            }
            readConnection = reads
            opened = OpenedStateFile(path: path)
            closedAtOpening = nil
            // Every check of the slow path, the full page check included, before anything
            // opens the file for writing.
            gate.defer {
                if !forReading { Self.removeLeftovers(of: path) }
                Self.openVouchedFile(path, through: gate)
            }
            return
        }
        // Only a file that holds nothing is opened without it (marks it held, unseen, could be
        // undone unknowingly): one with content waits as long as a write.
        let mayOpenLocked = lockWait != nil && !forReading && Self.isEmptyOrMissing(path)
        let wait = mayOpenLocked ? min(lockWait ?? 0, Self.busySeconds) : Self.busySeconds
        let opening: (pool: DatabasePool, exists: Bool)
        do throws(StateStoreError) {
            let exists = try Self.probe(path, fullCheck: !deferIntegrityCheck, wait: wait)
            if !exists {
                guard FileManager.default.isWritableFile(atPath: folder) else {
                    throw .unwritable(path: path, reason: "folder '\(folder)' is not writable")
                }
                try Self.createWhole(path)
            }
            opening = (try Self.openAndMigrate(path, wait: wait), exists)
        } catch {
            // A file with content a full disk keeps from opening (its log's index cannot be made)
            // is read as it stands, as on the quick path: the reader ended.
            if lockWait != nil, !forReading, case .full = error,
                let standing = Self.readAsItStandsWithoutRoom(path)
            {
                readConnection = standing
                opened = OpenedStateFile(path: path)
                closedAtOpening = nil
                roomLacking = error
                gate.defer(heldBy: error) { Self.openVouchedFile(path, through: gate) }
                return
            }
            // A file new or empty under another program's EXCLUSIVE lock can be neither read nor
            // made a state file, nor one a full disk has no room for: the store opens without it
            // (the reader ended, saying "not saved", or that the file cannot grow).
            guard mayOpenLocked, WriterGate.mayPass(error) else { throw error }
            readConnection = nil
            opened = nil
            closedAtOpening = error
            gate.defer(heldBy: error) { [weak self] in
                do throws(StateStoreError) {
                    if try !Self.probe(path, fullCheck: true) { try Self.createWhole(path) }
                    let pool = try Self.openAndMigrate(path)
                    let opened = OpenedStateFile(path: path)
                    if let self { self.readsLock.withLock { self.opened = opened } }
                    gate.finish(.success(pool))
                } catch {
                    gate.finish(.failure(error))
                }
            }
            return
        }
        let (pool, exists) = opening
        readConnection = try Self.readConnection(path, immutable: false)
        opened = OpenedStateFile(path: path)
        closedAtOpening = nil
        if deferIntegrityCheck && exists {
            gate.defer { gate.finish(Self.checked(pool, path: path)) }
        } else {
            gate.finish(.success(pool))
        }
    }

    /// Whether the header of the file at `path` shows a current Gazette state file.
    private static func headerVouches(_ path: String) -> Bool {
        StateFileHeader(path: path)?.isGazetteFile(
            schemaVersion: schemaVersion, applicationID: applicationID, walPath: path + "-wal") ?? false
    }

    /// The outcome of opening for writing and of the deferred integrity check: nil while
    /// they run or when both went well.
    public var integrityFailure: StateStoreError? {
        writer.failure
    }

    /// Starts the deferred checks on a background thread, if they have not started: the
    /// reader calls this once its first screen is drawn, so that they do not compete with
    /// it. The first write starts them too (and waits for them).
    public func startDeferredChecks() {
        writer.start()
    }

    /// Closes the file: reads and writes fail afterwards. The last process to close a state
    /// file folds its write-ahead log into it, so the next start has none to read through; a
    /// file no longer the one opened (emptied or overwritten by another program, or another
    /// put in its place) is left as it was found, and the log beside its path removed when no
    /// other process uses it. A file moved away gets its log folded in first. Only the log and
    /// index this store used are removed: those beside the path now may be another file's.
    public func close() {
        let opened = readsLock.withLock { self.opened }
        if writer.openedPool != nil, let standing = opened?.standing(), standing != .intact {
            // SQLite folds no log into a file moved away as it closes, and leaves the log beside
            // the old name, where the next file made there read it as its own (a new file
            // showed the stories read in the file deleted before).
            if standing == .gone { writer.foldLog() }
            // Taken while the connections have them open: a Gazette state file made at the path
            // since has a log of its own there (a killed `mark`'s unsaved changes), not this one's.
            let own = StateFileSideFiles.held(beside: path)
            // Its last connection, closing, would fold the log into whatever the file is now.
            writer.close(foldingLog: false)
            readsLock.withLock { readConnection?.close(foldingLog: false) }
            StateFileSideFiles.remove(beside: path, own: own)
            return
        }
        readsLock.withLock { readConnection?.close() }
        writer.close()
    }

    deinit {
        close()
    }

    /// Where reads go: a read-only connection of their own, opened at once (writes go to the
    /// pool, which the quick open leaves to a background thread); nil while a lock or a full
    /// disk met at the opening keeps the file closed (``closedAtOpening``), opened once the pool
    /// is. One that reads the file as it stands for want of room (``roomLacking``) is opened
    /// anew once the pool is: a file read as it stands fails once written.
    private var reads: SQLiteReadConnection? {
        readsLock.withLock {
            if readConnection == nil, closedAtOpening != nil, writer.openedPool != nil {
                readConnection = try? Self.readConnection(path, immutable: false)
            }
            // The connection replaced is closed once no read uses it (a read may, on another thread).
            if roomLacking != nil, writer.openedPool != nil,
                let live = try? Self.readConnection(path, immutable: false)
            {
                readConnection = live
                roomLacking = nil
            }
            return readConnection
        }
    }

    /// Why the file is read as it stands, when it is: the index of its log could not be made
    /// for want of room (``StateStoreError/full(path:)``). Guarded by ``readsLock``.
    private var roomLacking: StateStoreError?

    /// Whether the state file could not be made, or its log index, for want of room when it was
    /// opened or first read (``closedAtOpening`` or read as it stands), or there is no room for
    /// it to grow now (``StateFileRoom``): the reader says changes are saved once there is room.
    /// (Waits for nothing.)
    public var openedWithoutRoom: Bool {
        if case .full = closedAtOpening { return true }
        return readsLock.withLock { roomLacking != nil } || StateFileRoom.isLacking(at: path)
    }
    private var readConnection: SQLiteReadConnection?
    /// Guards ``readConnection``, ``opened``, ``roomLacking`` and ``marksShown`` of a store opened
    /// under a lock or without room.
    private let readsLock = NSLock()

    /// What kept a new or empty file from opening, if anything did: another program's lock held
    /// past the wait (`lockWait`), or no room to make it (``StateStoreError/full(path:)``).
    /// Nothing stored shows until the opening for writing, tried again at each write, gets past
    /// it.
    public let closedAtOpening: StateStoreError?
    /// Whether ``changedElsewhere()`` has told of the stored marks of a file opened under a
    /// lock or without room, once it opened.
    private var marksShown = false
    /// Opened for reading only (`forReading`): no write of this process's changes the file.
    private let readsOnly: Bool

    /// The read-only connection to `path`, reading it as it stands when `immutable`.
    private static func readConnection(_ path: String, immutable: Bool) throws(StateStoreError)
        -> SQLiteReadConnection
    {
        do {
            return try SQLiteReadConnection(path: path, immutable: immutable)
        } catch {
            throw storeError(code: error.code, reason: error.message, path: path)
        }
    }

    /// Whether a read-only opening reads the file as it stands (see ``SQLiteReadConnection``),
    /// creating no files: when this user may not write the file or its folder and no log
    /// needs reading (none, or an empty one without its index). SQLite would otherwise make
    /// a log and index this user cannot write, which block writes once the file is writable,
    /// or fail to make them.
    private static func readsAsItStands(_ path: String, folder: String) throws(StateStoreError) -> Bool {
        let folderWritable = mayAccess(folder, W_OK | X_OK)
        if folderWritable && mayAccess(path, W_OK) {
            return false
        }
        var log = stat()
        guard lstat(path + "-wal", &log) == 0 else { return true }
        let hasIndex = access(path + "-shm", F_OK) == 0
        if log.st_size == 0 && !hasIndex {
            return true
        }
        if !hasIndex && !folderWritable {
            throw .unwritable(
                path: path,
                reason: "folder '\(folder)' is not writable, and reading the log '\(path)-wal' needs "
                    + "its index '\(path)-shm' there")
        }
        return false
    }

    /// A connection reading the file at `path` as it stands, when it has content and no log to
    /// read, and what it holds is a Gazette state file of a known schema (or one being made);
    /// nil otherwise. For a file whose header did not vouch for it, on a disk without room for
    /// the log's index the full checks make.
    private static func readAsItStandsWithoutRoom(_ path: String) -> SQLiteReadConnection? {
        guard !isEmptyOrMissing(path), logIsEmpty(path), let header = StateFileHeader(path: path),
            [0, applicationID].contains(header.applicationID), header.userVersion <= schemaVersion,
            let reads = try? readConnection(path, immutable: true)
        else { return nil }
        do throws(StateStoreError) {
            try checkMigrations(reads, path: path)
        } catch {
            reads.close()
            return nil
        }
        return reads
    }

    /// Whether no write-ahead log with content is beside `path` (none, or an empty one).
    private static func logIsEmpty(_ path: String) -> Bool {
        var log = stat()
        return lstat(path + "-wal", &log) != 0 || log.st_size == 0
    }

    /// The writable pool once it is open and the file checked.
    private let writer: WriterGate
    /// The file opened: a write, and the closing, check that the path still names it. (Of a
    /// file locked at the opening: once the opening for writing gets past the lock.)
    private var opened: OpenedStateFile?

    /// Runs `body` on a thread of its own, below the screen's priority.
    fileprivate static func inBackground(_ body: @escaping @Sendable () -> Void) {
        BackgroundThread.start(name: "gazette-state-check") {
            ThreadPriority.yieldToForeground()
            body()
        }
    }

    /// The pool, when the whole file passes `PRAGMA quick_check`.
    private static func checked(_ pool: DatabasePool, path: String) -> Result<DatabasePool, StateStoreError> {
        let healthy = (try? pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }) == ["ok"]
        return healthy ? .success(pool) : .failure(.corrupt(path: path))
    }

    /// The writable pool, or why there is none, which writes wait for.
    /// Opens for writing the file whose header vouched for it, after every check of the slow
    /// path (the full page check included), and hands the pool or the failure to `gate`: a file
    /// emptied or gone since is not made anew.
    private static func openVouchedFile(_ path: String, through gate: WriterGate) {
        do throws(StateStoreError) {
            guard try probe(path, fullCheck: true, vouched: true) else { throw .removed(path: path) }
            gate.finish(.success(try openAndMigrate(path)))
        } catch {
            gate.finish(.failure(error))
        }
    }

    private final class WriterGate: @unchecked Sendable {
        /// The state file, named in the errors of writes that cannot be made.
        private let path: String

        init(path: String) {
            self.path = path
        }

        private let condition = NSCondition()
        private var result: Result<DatabasePool, StateStoreError>?
        /// The work that will finish the gate, until it is started.
        private var pending: (@Sendable () -> Void)?
        /// The deferred work, kept to run again when another process's lock made it fail.
        private var work: (@Sendable () -> Void)?
        /// How many times the work has ended; the last end, when it was a lock held too long.
        private var rounds = 0
        /// The last round's failure that may pass (``mayPass(_:)``), which writes fail with.
        private var busy: StateStoreError?
        /// Whether the store was closed: writes fail from then on.
        private var closed = false

        /// Whether a round of the work that failed so may succeed later: another program's lock
        /// may go, a full disk may get room.
        static func mayPass(_ error: StateStoreError) -> Bool {
            switch error {
            case .busy, .full: return true
            default: return false
            }
        }

        /// Sets the work that finishes the gate, run in the background by ``start()``; with
        /// `heldBy`, a lock or a full disk already stopped it once (writes wait briefly).
        func `defer`(heldBy lock: StateStoreError? = nil, _ work: @escaping @Sendable () -> Void) {
            condition.withLock {
                pending = work
                self.work = work
                busy = lock
            }
        }

        /// Runs the deferred work on a background thread, once.
        func start() {
            let work = condition.withLock {
                defer { pending = nil }
                return pending
            }
            if let work { ReadingStateStore.inBackground(work) }
        }

        /// Ends a round of the work: a lock held too long by another process, or a disk without
        /// room, is not the end, the next write runs the work again (the reader goes on
        /// meanwhile, its changes waiting).
        func finish(_ outcome: Result<DatabasePool, StateStoreError>) {
            // Where the file stood when it opened for writing: what others store after it is
            // theirs (``ReadingStateStore/changedElsewhere()``).
            var version: Int?
            if case .success(let pool) = outcome { version = ReadingStateStore.dataVersion(of: pool) }
            condition.withLock {
                if let version { self.version = version }
                rounds += 1
                if case .failure(let error) = outcome, Self.mayPass(error), let work, !closed {
                    busy = error
                    pending = work
                } else {
                    if closed, case .success(let pool) = outcome { Self.close(pool) }
                    result = outcome
                }
                condition.broadcast()
            }
        }

        /// Copies the write-ahead log into the file the pool has open, as far as other
        /// processes' reads let it, if the pool is open.
        func foldLog() {
            condition.withLock {
                guard !closed, case .success(let pool) = result else { return }
                _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
        }

        /// Closes the pool if it is open; a write after this fails. With `foldingLog` false,
        /// its connections never fold the write-ahead log into the file.
        func close(foldingLog: Bool = true) {
            condition.withLock {
                guard !closed else { return }
                pending = nil
                closed = true
                guard case .success(let pool) = result else { return }
                if foldingLog {
                    Self.close(pool)
                } else {
                    pool.writeWithoutTransaction { db in
                        _ = gazette_sqlite_no_checkpoint_on_close(db.sqliteConnection)
                    }
                    try? pool.close()
                }
            }
        }

        /// Closes `pool`, readers first: GRDB closes its writer first, which then cannot fold
        /// the write-ahead log into the file (its readers still hold the file), so the next
        /// start would read the whole log through. The writer, last, folds the log in and
        /// empties it, keeping the log and its index files (a start that finds them costs
        /// less than one that creates them; see DECISIONS.md).
        private static func close(_ pool: DatabasePool) {
            pool.releaseMemory()
            try? pool.writeWithoutTransaction { db in
                var persist: Int32 = 1
                sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
                try db.execute(sql: "PRAGMA journal_size_limit = 0")
            }
            try? pool.close()
        }

        /// `PRAGMA data_version` of the writing connection when it opened.
        var openedVersion: Int? { condition.withLock { version } }
        private var version: Int?

        /// The pool, if the gate has opened it and it is not closed (never waits).
        var openedPool: DatabasePool? {
            condition.withLock {
                guard !closed, case .success(let pool) = result else { return nil }
                return pool
            }
        }

        /// The failure, if the gate has finished with one.
        var failure: StateStoreError? {
            condition.withLock {
                if case .failure(let error) = result { return error }
                return nil
            }
        }

        /// Whether a bounded wait ended before the work did: the work may be waiting for a lock.
        private var outwaited = false

        /// The pool, once the work has opened it; `.busy` when a round of the work met another
        /// process's lock, or did not end within `seconds` (nil: it is waited for). The checks
        /// of a big file may take longer than a short wait: the first is a second at least.
        func wait(atMost seconds: TimeInterval? = nil) throws(StateStoreError) -> DatabasePool {
            let round = condition.withLock { rounds }
            start()
            let deadline = condition.withLock {
                seconds.map { Date(timeIntervalSinceNow: busy != nil || outwaited ? $0 : max($0, 1)) }
            }
            let outcome: Result<DatabasePool, StateStoreError>? = condition.withLock {
                while result == nil && !closed && rounds == round {
                    if let deadline {
                        if !condition.wait(until: deadline) && result == nil && !closed && rounds == round {
                            outwaited = true
                            // What stopped the last round stops this one yet, as far as is known.
                            return .failure(busy ?? .busy(path: path))
                        }
                    } else {
                        condition.wait()
                    }
                }
                if closed { return .failure(.failed(path: path, reason: "the state file was closed")) }
                return result ?? busy.map { .failure($0) }
            }
            switch outcome {
            case .success(let pool): return pool
            case .failure(let error): throw error
            case nil: throw .failed(path: path, reason: "the state file was not opened")
            }
        }
    }

    // MARK: Reading

    /// The stored states of these articles, read in one snapshot (see ``lookUp(_:scanning:found:)``),
    /// each under the id given, not the row's: the text of a row's id is not kept (a reader
    /// keeps the state of every story, and its id's text once, with the story's).
    public func states(for ids: [ArticleID]) throws(StateStoreError) -> [ArticleID: ArticleState] {
        var result: [ArticleID: ArticleState] = [:]
        var wanted: Set<ArticleID> = []
        try lookUp(
            ids,
            scanning: { _, stored in
                result.reserveCapacity(min(ids.count, stored))
                wanted = Set(ids)
            },
            found: { id, state in
                guard let given = wanted.firstIndex(of: id) else { return }
                result[wanted[given]] = state
            })
        return result
    }

    /// The stored states of `ids` in their order, read in one snapshot: an id's hash is taken
    /// from the id, not worked out again from its text (`u` after `A` on a million stories).
    public func states(inOrderOf ids: [ArticleID]) throws(StateStoreError) -> [ArticleState?] {
        var result = [ArticleState?](repeating: nil, count: ids.count)
        // Made once a row is stored (the first `A` of a new file finds none).
        var index: [ArticleID: Int] = [:]
        try lookUp(
            ids,
            scanning: { _, _ in
                index.reserveCapacity(ids.count)
                for (offset, id) in ids.enumerated() { index[id] = offset }
            },
            found: { id, state in
                if let offset = index[id] { result[offset] = state }
            })
        if !index.isEmpty && index.count < ids.count {
            // An id given twice: its earlier places are filled from its last.
            for (offset, id) in ids.enumerated() where result[offset] == nil {
                if let last = index[id], last != offset { result[offset] = result[last] }
            }
        }
        return result
    }

    /// Reads the stored states of `ids` in one snapshot and hands each to `found`.
    ///
    /// When the ids are many compared with the stored rows (see ``scanRatio``), one scan of
    /// the table is cheaper than looking each id up, and `found` gets every row (it passes
    /// over those of other ids); otherwise the ids are looked up with `IN` lists of
    /// ``chunkSize`` bound parameters. `scanning` is told which, and how many rows are stored
    /// (`Int.max` when not counted), before the first row.
    private func lookUp(
        _ ids: [ArticleID], scanning: (_ scanned: Bool, _ stored: Int) -> Void,
        found: (ArticleID, ArticleState) -> Void
    ) throws(StateStoreError) {
        if ids.isEmpty {
            return
        }
        try read(orElse: ()) { db throws(SQLiteReadConnection.Failure) in
            // Counting the rows costs a scan of the table: only worth it for a big request.
            var stored = Int.max
            if ids.count > Self.chunkSize * 2 {
                try db.forEachRow("SELECT count(*) FROM article_state") { stored = $0.int(0) }
            } else if ids.count > Self.idsLookedUpAlways {
                // Whether there is a row at all costs a step, not a scan: a big file's later
                // parts (a thousand stories each) looked up every id in an empty table.
                try db.forEachRow("SELECT EXISTS (SELECT 1 FROM article_state)") {
                    if $0.int(0) == 0 { stored = 0 }  // else not counted
                }
            }
            if stored == 0 {
                return
            }
            if stored <= ids.count * Self.scanRatio {
                scanning(true, stored)
                try Self.collect(db, sql: "SELECT \(Self.columns) FROM article_state", found: found)
                return
            }
            scanning(false, stored)
            var start = ids.startIndex
            while start < ids.endIndex {
                let end = min(start + Self.chunkSize, ids.endIndex)
                let sql =
                    end - start == Self.chunkSize
                    ? Self.fullChunkSQL : Self.selectSQL(placeholders: end - start)
                let arguments = ids[start..<end].map(\.rawValue)
                idsSought += arguments.count
                try Self.collect(db, sql: sql, arguments: arguments, found: found)
                start = end
            }
        }
    }

    /// Every stored state, in one query: for when the state is known to be small.
    public func allStates() throws(StateStoreError) -> [ArticleID: ArticleState] {
        try read(orElse: [:]) { db throws(SQLiteReadConnection.Failure) in
            var result: [ArticleID: ArticleState] = [:]
            try Self.collect(db, sql: "SELECT \(Self.columns) FROM article_state", into: &result)
            return result
        }
    }

    public func lastSelected(inSource source: String) throws(StateStoreError) -> ArticleID? {
        try read(orElse: nil) { db throws(SQLiteReadConnection.Failure) in
            var selected: ArticleID?
            try db.forEachRow(Self.lastSelectedSQL, arguments: [source]) { selected = ArticleID($0.text(0)) }
            return selected
        }
    }

    private static let lastSelectedSQL = "SELECT last_selected FROM source_state WHERE source = ?"

    /// Read on the table's key, from `prefix` to the first text past every text it starts.
    public func lastSelected(inSourcesStartingWith prefix: String) throws(StateStoreError) -> [String:
        ArticleID]
    {
        try read(orElse: [:]) { db throws(SQLiteReadConnection.Failure) in
            var rows: [String: ArticleID] = [:]
            try db.forEachRow(
                "SELECT source, last_selected FROM source_state WHERE source >= ? AND source < ?",
                arguments: [prefix, Self.pastPrefix(prefix)]
            ) { rows[$0.text(0)] = ArticleID($0.text(1)) }
            return rows
        }
    }

    /// Counted on the table's key, from `prefix` to the first text past every text it starts.
    public func stateCount(ofIDsStartingWith prefix: String) throws(StateStoreError) -> Int {
        try read(orElse: 0) { db throws(SQLiteReadConnection.Failure) in
            var count = 0
            try db.forEachRow(
                "SELECT count(*) FROM article_state WHERE id >= ? AND id < ?",
                arguments: [prefix, Self.pastPrefix(prefix)]
            ) { count = $0.int(0) }
            return count
        }
    }

    /// The first text after every text that starts with `prefix` in the tables' order (their
    /// bytes'): `prefix` with its last scalar the next one (`a#` → `a$`); past every text for "".
    static func pastPrefix(_ prefix: String) -> String {
        var scalars = prefix.unicodeScalars
        guard let last = scalars.popLast() else { return "\u{10FFFF}" }
        let next = last.value == 0xD7FF ? 0xE000 : last.value + 1
        guard let scalar = Unicode.Scalar(next) else { return prefix + "\u{10FFFF}" }
        scalars.append(scalar)
        return String(scalars)
    }

    /// Reads the file's schema and sets up its log's index now, which the first query would
    /// otherwise do (about 1 ms): the reader calls this on the thread that opened the store,
    /// before the first screen asks for states.
    public func prepareReads() {
        _ = try? read(orElse: ()) { db throws(SQLiteReadConnection.Failure) in
            try db.forEachRow(Self.lastSelectedSQL, arguments: [""]) { _ in }
        }
    }

    // MARK: Writing

    /// Stores these articles' whole states in one transaction.
    public func setStates(_ states: [ArticleID: ArticleState]) throws(StateStoreError) {
        try setStates(states, fields: .all)
    }

    public func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields)
        throws(StateStoreError)
    {
        if states.isEmpty || fields.isEmpty {
            return
        }
        // In the table's order: each page of it is then changed once, not once per row, and a
        // batch bigger than SQLite's page cache is not written out and read back page by page
        // (`A` on 100,000 stories took seconds, mostly in that).
        try writeRows(Self.inTableOrder(states), fields: fields)
    }

    public func setStates(of ids: [ArticleID], to states: [ArticleState], fields: ArticleState.Fields)
        throws(StateStoreError)
    {
        if ids.isEmpty || fields.isEmpty {
            return
        }
        let order = Self.tableOrder(of: ids)
        try writeRows(order.lazy.map { (ids[$0], states[$0]) }, fields: fields)
    }

    /// Upserts `rows` (their `fields`) in one transaction.
    private func writeRows(_ rows: some Collection<(ArticleID, ArticleState)>, fields: ArticleState.Fields)
        throws(StateStoreError)
    {
        try write { db in
            let statement = try db.cachedStatement(sql: Self.upsertSQL(fields)).sqliteStatement
            defer { sqlite3_reset(statement) }
            for (id, state) in rows {
                try Self.upsert(id, state, with: statement, in: db)
            }
        }
    }

    /// `states` in the order of the table's ids (see ``tableOrder(of:)``).
    private static func inTableOrder(_ states: [ArticleID: ArticleState]) -> [(ArticleID, ArticleState)] {
        let rows = Array(states)
        return tableOrder(of: rows.map(\.key)).map { (rows[$0].key, rows[$0].value) }
    }

    /// The offsets of `ids` in the order of the table's ids (SQLite compares them byte by
    /// byte), sorted by their first eight bytes first: comparing whole strings was a fifth of
    /// `mark --all`.
    private static func tableOrder(of ids: [ArticleID]) -> [Int] {
        var keys = ids.enumerated().map { (start: leadingBytes($0.element.rawValue), offset: $0.offset) }
        keys.sort { left, right in
            left.start != right.start
                ? left.start < right.start
                : ids[left.offset].rawValue.utf8.lexicographicallyPrecedes(ids[right.offset].rawValue.utf8)
        }
        return keys.map(\.offset)
    }

    /// The first eight bytes of `text`, the first the highest, zeros after a shorter text.
    private static func leadingBytes(_ text: String) -> UInt64 {
        var value: UInt64 = 0
        var count = 0
        for byte in text.utf8.prefix(8) {
            value = value << 8 | UInt64(byte)
            count += 1
        }
        return value << (8 * (8 - count))
    }

    /// Runs the prepared upsert `statement` for one state (bound through SQLite's C API: a
    /// batch of a million rows made as many argument arrays).
    private static func upsert(
        _ id: ArticleID, _ state: ArticleState, with statement: OpaquePointer, in db: Database
    )
        throws
    {
        sqlite3_reset(statement)
        // By its length in bytes: an id may hold a NUL (a JSON Feed's "\u0000"), where a C
        // string would end.
        var text = id.rawValue
        var status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(statement, 1, chars.baseAddress ?? emptyText, Int32(chars.count), transient)
            }
        }
        if status == SQLITE_OK { status = sqlite3_bind_int64(statement, 2, state.isRead ? 1 : 0) }
        if status == SQLITE_OK {
            if let readAt = state.readAt {
                status = sqlite3_bind_double(statement, 3, readAt.timeIntervalSince1970)
            } else {
                status = sqlite3_bind_null(statement, 3)
            }
        }
        if status == SQLITE_OK { status = sqlite3_bind_int64(statement, 4, state.isFlagged ? 1 : 0) }
        if status == SQLITE_OK { status = sqlite3_bind_int64(statement, 5, Int64(state.scrollLine)) }
        if status == SQLITE_OK { status = sqlite3_step(statement) }
        guard status == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: status),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// An empty C string, for an empty id (whose bytes may have no address).
    private static var emptyText: UnsafePointer<CChar> {
        UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// SQLITE_TRANSIENT (a cast macro Swift does not import): SQLite copies the text.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Inserts a whole state, or updates only the columns of `fields` of a stored one.
    private static func upsertSQL(_ fields: ArticleState.Fields) -> String {
        var updated: [String] = []
        if fields.contains(.read) { updated += ["is_read", "read_at"] }
        if fields.contains(.flag) { updated.append("flagged") }
        if fields.contains(.scroll) { updated.append("scroll_line") }
        let assignments = updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO article_state (\(columns)) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET \(assignments)
            """
    }

    public func setScrollLine(_ line: Int, for id: ArticleID) throws(StateStoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO article_state (\(Self.columns)) VALUES (?, 0, NULL, 0, ?)
                    ON CONFLICT (id) DO UPDATE SET scroll_line = excluded.scroll_line
                    """,
                arguments: [id.rawValue, line])
        }
    }

    public func setLastSelected(_ id: ArticleID, inSource source: String) throws(StateStoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO source_state (source, last_selected) VALUES (?, ?)",
                arguments: [source, id.rawValue])
        }
    }

    public func setLastSelected(inSources ids: [String: ArticleID]) throws(StateStoreError) {
        guard !ids.isEmpty else { return }
        try write { db in
            for (source, id) in ids.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO source_state (source, last_selected) VALUES (?, ?)",
                    arguments: [source, id.rawValue])
            }
        }
    }

    /// `PRAGMA data_version` of the writing connection at the last look: another connection's
    /// commit changes it, this one's do not.
    private var seenDataVersion: Int?

    /// Whether another process stored a change since the last call (false at the first, and
    /// while the file is not open for writing here): one `PRAGMA data_version`, no rows read.
    public func changedElsewhere() -> Bool {
        // Read only, the reading connection tells (the reader showed no other process's
        // marks on a file it could not write; found by QA); else the writing one, which this
        // process's own writes do not change.
        if readsOnly {
            guard let reads, let version = Self.dataVersion(of: reads) else { return false }
            defer { seenDataVersion = version }
            return seenDataVersion.map { $0 != version } ?? false
        }
        if closedAtOpening != nil, !readsLock.withLock({ marksShown }) {
            // Tried again while the reader is idle, in the background, so that what the file
            // holds shows once the lock goes, even when no change waits for it.
            guard let pool = writer.openedPool else {
                writer.start()
                return false
            }
            readsLock.withLock { marksShown = true }
            seenDataVersion = Self.dataVersion(of: pool)
            return true
        }
        guard let pool = writer.openedPool, let version = Self.dataVersion(of: pool) else { return false }
        defer { seenDataVersion = version }
        guard let seen = seenDataVersion ?? writer.openedVersion, seen != version else { return false }
        // A newer Gazette may have upgraded the file: told now, not at the next change.
        let stored = try? pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA user_version")
        }
        if let stored = stored ?? nil, stored > Self.schemaVersion {
            writeRefusal = .newerSchema(path: path, version: String(stored))
        }
        return true
    }

    /// Why every write is refused from now on, once known: a newer Gazette upgraded the file
    /// while it was open (seen by ``changedElsewhere()`` or a write).
    public private(set) var writeRefusal: StateStoreError?

    /// `PRAGMA data_version` of the reading connection.
    private static func dataVersion(of reads: SQLiteReadConnection) -> Int? {
        try? reads.read { db throws(SQLiteReadConnection.Failure) in
            var version = 0
            try db.forEachRow("PRAGMA data_version") { version = $0.int(0) }
            return version
        }
    }

    /// `PRAGMA data_version` of the pool's writing connection.
    fileprivate static func dataVersion(of pool: DatabasePool) -> Int? {
        (try? pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) ?? nil
    }

    // MARK: Transactions

    /// Runs `body` in one read transaction; `nothing` while the file is not open for reading
    /// (``closedAtOpening``). A first read that cannot make the log's index for want of room
    /// reads the file as it stands, when there is no log to read (``roomLacking``).
    private func read<T>(
        orElse nothing: T, _ body: (SQLiteReadConnection.Session) throws(SQLiteReadConnection.Failure) -> T
    ) throws(StateStoreError) -> T {
        guard let reads else { return nothing }
        do {
            return try reads.read(body)
        } catch {
            let failure = Self.storeError(
                code: error.code, reason: error.message, path: path, systemError: error.systemError)
            if case .full = failure, let standing = readAsItStands(after: failure, replacing: reads) {
                do {
                    return try standing.read(body)
                } catch {
                    throw Self.storeError(
                        code: error.code, reason: error.message, path: path, systemError: error.systemError)
                }
            }
            // Garbage put over the file while open reads as damaged: it is not the file opened.
            if failure == .corrupt(path: path) || failure == .notADatabase(path: path),
                let refusal = opened?.standing().refusal(path: path)
            {
                throw refusal
            }
            throw failure
        }
    }

    /// A connection reading the file as it stands in place of `failed`, which could not make the
    /// log's index for want of room (`reason`); nil when there is a log to read, or it cannot
    /// be opened either.
    private func readAsItStands(after reason: StateStoreError, replacing failed: SQLiteReadConnection)
        -> SQLiteReadConnection?
    {
        guard !failed.readsAsItStands, Self.logIsEmpty(path),
            let standing = try? Self.readConnection(path, immutable: true)
        else { return nil }
        readsLock.withLock {
            // The one that failed is closed once no read uses it.
            if readConnection === failed {
                readConnection = standing
                roomLacking = reason
            }
        }
        return standing
    }

    private func write(_ body: (Database) throws -> Void) throws(StateStoreError) {
        let wait = writeWait
        // A short wait bounds the opening for writing too (its round waits ``busySeconds``).
        let pool = try writer.wait(atMost: wait < Self.busySeconds ? wait : nil)
        // Set by the opening's background round when the file was locked at the opening.
        let opened = closedAtOpening == nil ? self.opened : readsLock.withLock { self.opened }
        if let refusal = opened?.standing().refusal(path: path) { throw refusal }
        // What the system said of a failed read or write (SQLite's "disk I/O error").
        var systemError: Int32 = 0
        do {
            try pool.writeWithoutTransaction { db in
                sqlite3_busy_timeout(db.sqliteConnection, Int32(min(wait * 1000, Double(Int32.max))))
                // Not `inTransaction`: its rollback would come before the look at what failed.
                try db.execute(sql: "BEGIN IMMEDIATE")
                do {
                    // Page 1 is in the cache: a few microseconds.
                    let stored = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if stored > Self.schemaVersion {
                        throw StateStoreError.newerSchema(path: path, version: String(stored))
                    }
                    try body(db)
                    try db.execute(sql: "COMMIT")
                } catch {
                    // SQLite keeps no errno of a failed commit: the thread's is the last failed call's.
                    if let error = error as? DatabaseError, error.resultCode == .SQLITE_IOERR {
                        systemError = errno
                    }
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
            }
        } catch {
            let failure = Self.storeError(error, path: path, systemError: systemError)
            if case .newerSchema = failure { writeRefusal = failure }
            throw failure
        }
    }

    // MARK: Rows

    private static func selectSQL(placeholders: Int) -> String {
        // Not `joined(separator:)`: its first use looks up conformances at run time, 0.1 ms
        // of the first screen's states.
        var list = String(repeating: "?,", count: placeholders)
        if !list.isEmpty { list.removeLast() }
        return "SELECT \(columns) FROM article_state WHERE id IN (\(list))"
    }

    /// Adds the states in the rows of `sql` (``columns``) to `result`.
    private static func collect(
        _ db: SQLiteReadConnection.Session, sql: String, arguments: [String] = [],
        into result: inout [ArticleID: ArticleState]
    ) throws(SQLiteReadConnection.Failure) {
        try collect(db, sql: sql, arguments: arguments) { result[$0] = $1 }
    }

    /// Runs `sql` (selecting ``columns``) and hands each row's id and state to `found`.
    private static func collect(
        _ db: SQLiteReadConnection.Session, sql: String, arguments: [String] = [],
        found: (ArticleID, ArticleState) -> Void
    ) throws(SQLiteReadConnection.Failure) {
        try db.forEachRow(sql, arguments: arguments) { row in
            found(
                ArticleID(row.text(0)),
                ArticleState(
                    isRead: row.int(1) != 0,
                    readAt: row.isNull(2) ? nil : Date(timeIntervalSince1970: row.double(2)),
                    isFlagged: row.int(3) != 0,
                    scrollLine: row.int(4)))
        }
    }

    // MARK: Opening

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article_state (
                        id TEXT NOT NULL PRIMARY KEY,
                        is_read INTEGER NOT NULL DEFAULT 0,
                        read_at REAL,
                        flagged INTEGER NOT NULL DEFAULT 0,
                        scroll_line INTEGER NOT NULL DEFAULT 0
                    ) WITHOUT ROWID;
                    CREATE TABLE source_state (
                        source TEXT NOT NULL PRIMARY KEY,
                        last_selected TEXT NOT NULL
                    ) WITHOUT ROWID;
                    PRAGMA application_id = \(applicationID);
                    PRAGMA user_version = 1;
                    """)
        }
        return migrator
    }

    /// Creates `folder` and its missing parents.
    private static func createFolder(_ folder: String) throws(StateStoreError) {
        if isFolder(folder) == true { return }
        var prefix = ""
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if let folderThere = isFolder(prefix) {
                if folderThere { continue }
                throw .cannotCreateFolder(path: folder, reason: "'\(prefix)' is a file, not a folder")
            }
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw .cannotCreateFolder(path: folder, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Whether nothing is at `path`, or an empty file.
    private static func isEmptyOrMissing(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) != 0 || (status.st_mode & S_IFMT == S_IFREG && status.st_size == 0)
    }

    /// Whether `path` names a folder; nil when nothing is there.
    private static func isFolder(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    /// Gives the file's log and its index (`-wal`, `-shm`) the file's mode when this user may
    /// write the file but not them (as a reading of the file while it was read-only left
    /// them), so that writes do not fail; those of another user are named in the error.
    private static func makeLogWritable(_ path: String) throws(StateStoreError) {
        var unfixable: [String] = []
        var file: stat?
        for companion in [path + "-wal", path + "-shm"] {
            var status = stat()
            guard !mayAccess(companion, R_OK | W_OK), lstat(companion, &status) == 0,
                status.st_mode & S_IFMT == S_IFREG
            else { continue }
            if file == nil {
                var info = stat()
                guard stat(path, &info) == 0, mayAccess(path, R_OK | W_OK) else { return }
                file = info
            }
            let mode = (file?.st_mode ?? 0) & 0o777 | S_IRUSR | S_IWUSR
            if status.st_uid != geteuid() || chmod(companion, mode) != 0 || !mayAccess(companion, R_OK | W_OK)
            {
                unfixable.append(companion)
            }
        }
        if !unfixable.isEmpty {
            throw .unwritableLog(path: path, files: unfixable)
        }
    }

    /// Checks an existing file without writing to it; returns false when there is no file.
    /// `vouched`: its header showed a Gazette state file when it was opened, so an empty file
    /// was emptied since (by another program) and is damaged, not new.
    /// `wait`: how long its reading waits for another program's lock.
    private static func probe(
        _ path: String, fullCheck: Bool, vouched: Bool = false, wait: TimeInterval = busySeconds
    ) throws(StateStoreError) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw .unreadable(path: path) }
        // What the file is comes before whether it may be written: a damaged or another program's
        // file that is also read-only was called read-only (found by QA).
        let readOnly = StateStoreError.unwritable(path: path, reason: StateStoreError.readOnlyReason)
        let writable = FileManager.default.isWritableFile(atPath: path)
        // Not `FileHandle`: closing it would drop this process's locks (see SQLiteFileHead).
        guard let header = SQLiteFileHead(path: path, count: 100)?.bytes else {
            throw .failed(path: path, reason: "the file cannot be opened")
        }
        if header.isEmpty {
            if vouched { throw .corrupt(path: path) }
            guard writable else { throw readOnly }
            return true  // SQLite treats an empty file as an empty database.
        }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw .notADatabase(path: path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(wait)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in try checkSchema(db, path: path, fullCheck: fullCheck) }
            try queue.close()
        } catch {
            // First: the reading made the log's index, which a full disk refuses.
            let systemError = errno
            throw storeError(error, path: path, systemError: systemError)
        }
        guard writable else { throw readOnly }
        return true
    }

    /// Throws unless `db` is healthy and either empty or a Gazette database of a known schema.
    private static func checkSchema(_ db: Database, path: String, fullCheck: Bool) throws {
        if fullCheck {
            guard try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"] else {
                throw StateStoreError.corrupt(path: path)
            }
        } else {
            // The cheap part of the check: without a WAL, the file is as long as its header says.
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            // The WAL first: another process may checkpoint it into the file and delete it
            // in between, and a file measured before that checkpoint looks short.
            let walSize =
                (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if walSize == 0 && pages * pageSize > size {
                throw StateStoreError.corrupt(path: path)
            }
        }
        let owner = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if owner != applicationID {
            // Another Gazette may be creating this file right now: GRDB makes its migration
            // table before the first migration marks the file as ours. A file holding only
            // our own tables is ours; anything else is someone else's database.
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            // Our tables come after the migration table, with our columns: an `article_state`
            // of another program's is not ours.
            var ownLayout = names.allSatisfy(ownTables.contains)
            if ownLayout && names.contains("article_state") {
                let stored = Set(try db.columns(in: "article_state").map(\.name))
                ownLayout = names.contains("grdb_migrations") && stored.isSuperset(of: stateColumns)
            }
            if owner != 0 || !ownLayout {
                throw StateStoreError.anotherProgramsDatabase(path: path)
            }
            return
        }
        try checkNotNewer(db, path: path)
        // Our tables changed by another tool are damage, told before anything writes to the
        // file (its journal mode was switched, then the first query failed; found by QA).
        if try db.tableExists("article_state") {
            let stored = Set(try db.columns(in: "article_state").map(\.name))
            if !stored.isSuperset(of: stateColumns) { throw StateStoreError.corrupt(path: path) }
        }
    }

    /// Throws when the migrations recorded in the file are not this version's: some unknown
    /// (a newer Gazette's file), or some missing (a damaged one, which the reader would migrate
    /// again and fail).
    private static func checkMigrations(_ reads: SQLiteReadConnection, path: String) throws(StateStoreError) {
        var applied: Set<String> = []
        do {
            try reads.read { db throws(SQLiteReadConnection.Failure) in
                try db.forEachRow("SELECT identifier FROM grdb_migrations") { applied.insert($0.text(0)) }
            }
        } catch {
            throw storeError(
                code: error.code, reason: error.message, path: path, systemError: error.systemError)
        }
        let known = Set(migrator.migrations)
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            throw .newerSchema(path: path, version: unknown.sorted().joined(separator: ", "))
        }
        if !known.isSubset(of: applied) { throw .corrupt(path: path) }
    }

    private static func checkNotNewer(_ db: Database, path: String) throws {
        let known = Set(migrator.migrations)
        let unknown = try migrator.appliedIdentifiers(db).subtracting(known)
        if !unknown.isEmpty {
            throw StateStoreError.newerSchema(path: path, version: unknown.sorted().joined(separator: ", "))
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > schemaVersion {
            throw StateStoreError.newerSchema(path: path, version: String(version))
        }
    }

    /// Opens the pool and applies missing migrations, retrying when another process is
    /// creating the same file at the same moment.
    /// Makes a new state file under another name, schema and WAL mode included, and links it
    /// into place (unless another process got there first, whose file is then used). Two
    /// processes creating the file at once used to share an empty file: one wrote it in the
    /// old journal mode while the other wrote the log, and the first one's writes were lost.
    /// Removes what a creation stopped half way (the process killed) left beside `path`:
    /// `NAME.new-PID-NUMBER` and its log, index or journal, once process PID is gone.
    static func removeLeftovers(of path: String) {
        let folder = StateLocation.folder(of: path)
        let prefix = String(path.dropFirst(folder == "/" ? 1 : folder.count + 1)) + ".new-"
        guard let directory = opendir(folder) else { return }
        var leftovers: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), let process = leftoverProcess(String(name.dropFirst(prefix.count))),
                process != getpid()
            else { continue }
            // Alive (or another user's): its file is being made.
            if kill(process, 0) == 0 || errno == EPERM { continue }
            leftovers.append(name)
        }
        closedir(directory)
        for name in leftovers { unlink(folder + "/" + name) }
    }

    /// The process that made a leftover named `PID-N` after its `NAME.new-` (with `-journal`,
    /// `-wal` or `-shm` after it, or nothing): nil for any other name, which is not one of ours.
    private static func leftoverProcess(_ rest: String) -> Int32? {
        var parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, ["journal", "wal", "shm"].contains(parts[2]) { parts.removeLast() }
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            UInt32(parts[1]) != nil, let process = Int32(parts[0]), process > 0
        else { return nil }
        return process
    }

    private static func createWhole(_ path: String) throws(StateStoreError) {
        removeLeftovers(of: path)
        let temporary = path + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busySeconds)
            let pool = try DatabasePool(path: temporary, configuration: configuration)
            try migrator.migrate(pool)
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
        } catch {
            let systemError = errno
            throw storeError(error, path: path, systemError: systemError)
        }
        // A log left beside the path belongs to the file deleted or moved away from it: the new
        // file would read it as its own.
        StateFileSideFiles.removeOrphans(beside: path)
        if link(temporary, path) != 0 && errno != EEXIST {
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private static func openAndMigrate(_ path: String, wait: TimeInterval = busySeconds)
        throws(StateStoreError)
        -> DatabasePool
    {
        var configuration = Configuration()
        configuration.busyMode = .timeout(wait)
        configuration.label = "Gazette state"
        var attempt = 0
        while true {
            attempt += 1
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.read { db in try checkNotNewer(db, path: path) }
                try migrator.migrate(pool)
                if !headerVouches(path) {
                    // A new schema stays in the log until SQLite checkpoints on its own, which
                    // a reader quitting while it indexes never reaches; copied into the file
                    // now, the next start finds a header it can trust.
                    _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
                }
                return pool
            } catch let error as StateStoreError {
                throw error
            } catch {
                let systemError = errno
                // A lock held too long has been waited for already (busySeconds).
                let failure = storeError(error, path: path, systemError: systemError)
                if attempt >= 3 || failure == .busy(path: path) {
                    throw failure
                }
            }
        }
    }

    /// The user-facing error for a failure while using the file at `path`; `systemError`, the
    /// `errno` the failed system call under it left, if known.
    static func storeError(_ error: any Error, path: String, systemError: Int32 = 0) -> StateStoreError {
        if let error = error as? StateStoreError {
            return error
        }
        guard let error = error as? DatabaseError else {
            return .failed(path: path, reason: String(describing: error))
        }
        return storeError(
            code: error.resultCode.rawValue, reason: error.message ?? String(describing: error.resultCode),
            path: path, systemError: systemError)
    }

    /// Whether SQLite's message says a table or column Gazette made is not there (or, "already
    /// exists", that the record of the tables made is gone while they are there).
    private static func isMissingSchema(_ reason: String) -> Bool {
        reason.hasPrefix("no such table") || reason.hasPrefix("no such column")
            || (reason.hasPrefix("table ") && reason.contains(" has no column named "))
    }

    /// The user-facing error for SQLite's primary result `code` while using the file at `path`.
    /// SQLite calls a file (or log, or its index) that may grow no more an I/O error: the
    /// system's `systemError` tells a full disk (ENOSPC, EDQUOT) or file-size limit (EFBIG,
    /// `ulimit -f`) apart, or, when it was lost, the room there is (``StateFileRoom``).
    static func storeError(code: Int32, reason: String, path: String, systemError: Int32 = 0)
        -> StateStoreError
    {
        switch code {
        case SQLITE_IOERR
        where [EFBIG, ENOSPC, EDQUOT].contains(systemError) || StateFileRoom.isLacking(at: path):
            return .full(path: path)
        case SQLITE_NOTADB:
            return .notADatabase(path: path)
        case SQLITE_CORRUPT:
            return .corrupt(path: path)
        case SQLITE_READONLY, SQLITE_CANTOPEN:
            // In a folder it may not write, SQLite cannot create the log or its index.
            let folder = StateLocation.folder(of: path)
            if !mayAccess(folder, W_OK | X_OK) {
                return .unwritable(path: path, reason: "folder '\(folder)' is not writable")
            }
            return .unwritable(path: path, reason: reason)
        case SQLITE_PERM, SQLITE_AUTH:
            return .unwritable(path: path, reason: reason)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .busy(path: path)
        case SQLITE_FULL:
            return .full(path: path)
        case SQLITE_ERROR where isMissingSchema(reason) || reason.hasSuffix(" already exists"):
            // Its tables are not the ones Gazette made (another tool changed them).
            return .corrupt(path: path)
        default:
            return .failed(path: path, reason: reason)
        }
    }
}
