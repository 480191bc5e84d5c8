import ArgumentParser
import Foundation
import GazetteCore
import GazetteTUI

/// `gazette [PATH ...]`: the reader on a terminal, the headline list otherwise.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Read the PATHs in the split-screen reader (the default command).")

    @OptionGroup var files: PathOptions
    @OptionGroup var state: StateOptions

    func run() throws {
        guard StandardOutput.isTerminal else {
            // No PATH and news piped in: its list, as the reader reads it (`cat news.txt |
            // gazette | grep …` listed the bundled sample; found by QA). `list` still reads
            // standard input only when given `-`.
            var files = files
            if files.paths.isEmpty && Open.standardInputIsData { files.paths = ["-"] }
            var skipped = 0
            let stream = try files.openStream(skipped: &skipped)  // credits only: no word counted
            let marks = try state.listedMarks()
            try HeadlineListing(stream: stream, marks: marks).write(json: false)
            if skipped > 0 || !marks.shown { throw ExitCode.failure }
            return
        }
        try Open.read(
            paths: files.paths, statePath: state.resolvedPath,
            environment: ProcessEnvironment.startup())
    }

    /// Whether standard input is a pipe, socket or file rather than a terminal or a device
    /// such as `/dev/null`.
    static var standardInputIsData: Bool {
        var info = stat()
        guard isatty(STDIN_FILENO) == 0, fstat(STDIN_FILENO, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind == S_IFIFO || kind == S_IFREG || kind == S_IFSOCK
    }

    /// The reader on the terminal over `paths`, with its state in `statePath`; `environment`
    /// holds at least the terminal's variables (`TERM`, `NO_COLOR`).
    static func read(paths: [String], statePath: String, environment: EnvironmentVariables) throws {
        // No PATH, and news piped or redirected in: that is what is read, as `less` reads it (the
        // bundled sample was shown instead; found by QA).
        let paths = paths.isEmpty && standardInputIsData ? ["-"] : paths
        CursesTerminal.takeSizeFromTheTerminal()
        // Ended by a signal, the reader saves and restores the terminal like a quit, then
        // dies of the signal (last, after every cleanup below), so its parent sees why.
        // A signal that came while the state was saved (held from the terminal's shutdown on)
        // ends it too, once saved.
        var endingSignal: Int32?
        defer {
            let held = CursesTerminal.releaseHeldSignals()
            if let ending = endingSignal ?? held {
                signal(ending, SIG_DFL)
                raise(ending)
            }
        }
        // A state file that exists starts opening on a thread of its own while the files are
        // checked and curses starts; for a feed named alone, on this thread once indexing has
        // started, while this thread would wait for the feed's first item (on a thread of its
        // own it held the other CPU, and the indexing thread waited 0.5 ms for it to start: the
        // first screen's critical path). A new one opens on its own thread once the files have
        // opened, so that a file that cannot be opened never leaves a new state file behind.
        // Indexing loads states as soon as the store is there.
        let stateExists = access(statePath, F_OK) == 0
        let storeHere = stateExists && paths.count == 1 && Open.startsAsMarkup(paths[0])
        let store = StoreOpening(path: statePath, starting: stateExists && !storeHere)
        // A feed named alone is checked and named by its indexing, which reads its title and
        // first item while this thread goes on (below); not when the state file is new, which
        // is only created once the files are known to be news.
        // Of several files, those that are not news are skipped: told on standard error (seen
        // after the reader ends) and on the status line.
        // A folder's files after the first few are checked by the indexing, while the screen
        // is up (a folder of 43,000 files kept it blank 14 s); those it skips are told at the end.
        var skipped: [String] = []
        let (sources, unchecked, readStandardInput) = try StandardInputWait.around(paths: paths) {
            try PathOptions.openSourcesCheckingLater(paths: paths, checkingFeedLater: stateExists) {
                warning in
                if skipped.count < Open.skippedTold { StandardError.report(warning) }
                skipped.append(warning)
            }
        }
        let standardInput = sources.first { $0.source.path == "-" }?.bytes ?? readStandardInput
        if !stateExists { store.startOnItsThread() }
        let indexer = BackgroundIndexer(
            sources: sources, checks: unchecked, firstScreenRows: Open.listRows(),
            statesReady: { store.isDone },
            loadTitleTag: { source in
                guard case .success(let opened) = store.result else { return nil }
                return try? opened.storedTitleTag(ofSource: source)
            },
            findMovedTitleTag: { scopes, stories in
                guard case .success(let opened) = store.result else { return nil }
                return try? MovedFeedTitleTag.find(for: scopes, stories: { stories }, in: opened)
            },
            loadStates: { ids in
                guard case .success(let opened) = store.result else { return [:] }
                return (try? opened.states(for: ids)) ?? [:]
            })
        // The end of indexing wakes the screen's wait for a key: a `G` waiting for it lands at once.
        let wakeup = LoopWakeup()
        indexer.start(whenFinished: { wakeup.signal() })
        defer { indexer.cancel() }
        if storeHere { store.openOnThisThread() }
        // After the terminal is given back (deferred earlier, so run later).
        defer {
            let report = Open.skippedReport(
                skipped, thenChecked: indexer.skippedWhileChecking, progress: indexer.currentProgress)
            for line in report { StandardError.report(line) }
        }
        // Curses is set up, writing nothing, while a feed checked later has its first item looked
        // for: before the screen starts, a feed without an item is an error, not an empty screen
        // (and the error the user sees first, as when the feed was checked before set-up).
        let setup = Result { () throws(TerminalError) in try CursesTerminal.Setup(environment: environment) }
        if let first = sources.first, first.isCheckedLater {
            // Meanwhile this thread would only wait: it pays the first uses of the rendering
            // (not when the first story is there already).
            if indexer.waitForFirstStory(seconds: 0) == nil {
                FeedRenderingWarmUp.run(width: Open.terminalSize()?.columns ?? 80)
            }
            var found: Bool?
            while found == nil {
                found = indexer.waitForFirstStory(seconds: 0.1)
                if found == nil, case .success(let ready) = setup, let signal = ready.terminatingSignal {
                    ready.discard()
                    endingSignal = signal
                    return
                }
            }
            do {
                try first.finishFeedCheck(firstItemFound: found == true)
            } catch {
                throw CommandFailure(error)
            }
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(setup.get(), wakeup: wakeup)
        } catch {
            throw CommandFailure(error.message)
        }
        defer { terminal.shutdown() }
        let opened: ReadingStateStore
        switch store.result {
        case .success(let value): opened = value
        // Nothing was being saved (it said "not saved").
        case .failure(.busy(let path)):
            throw CommandFailure(StateStoreError.cannotOpenWhileLocked(path: path))
        case .failure(let error): throw CommandFailure(error.message)
        }
        // Closed before the process exits, so that the write-ahead log is folded into the
        // file; the terminal is given back first, so that folding it never holds the screen.
        defer {
            terminal.shutdown()
            opened.close()
        }
        // A change another program's lock refuses waits, and is written once the lock goes: the
        // screen froze for the lock (five seconds a change), and then the change was lost.
        opened.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(opened)
        let tracker: ReadingTracker
        do {
            tracker = try ReadingTracker(store: deferring, ids: [])
        } catch let error as StateStoreError {
            throw CommandFailure(error.message)
        }
        let catalog = ArticleCatalog(sources: sources)
        let size = terminal.size
        // Several sources resume at the story selected last, with these same paths open or in
        // any of them (of the first eight) on its own or in another set: the reader's last place.
        let session = sources.count > 1 ? SessionKey.of(paths: paths) : nil
        let initial = store.newestRememberedSelection(
            inSources: SessionKey.placesToResume(session: session, sources: sources))
        let reader = Reader(
            catalog: catalog, tracker: tracker, width: size.width, height: size.height, resuming: initial,
            sessionKey: session)
        // Meanwhile, this thread helps with the first rows and lays out the first story.
        indexer.waitForFirstBatch(seconds: 0.5, preparing: reader.prepareFirstStory)
        reader.beginIndexing(indexer.currentProgress)
        // A full disk at the opening does not keep the reader from the news: its changes wait for
        // room, as for a lock (it ended, saying the file cannot grow).
        if opened.openedWithoutRoom {
            reader.report(.openedWithoutRoom(path: opened.path))
        } else if let locked = opened.closedAtOpening {
            reader.report(.openedWhileLocked(path: locked.path))
        }
        if let message = ReaderApp.skippedMessage(skipped) { reader.report(message: message) }
        reader.addLoadNotes(skipped)
        let openedReadOnly = store.readOnly?.shortReason
        let app = ReaderApp(
            reader: reader, terminal: terminal, indexer: indexer,
            failure: {
                // A file that cannot be written is read only, not the end (`readOnly`).
                guard let failure = opened.integrityFailure, !failure.isUnwritable else { return nil }
                return failure.message
            },
            readOnly: {
                // Known at the opening, or only when the deferred opening for writing failed (a
                // folder that cannot be written: the file could be, and the reader ended).
                if let openedReadOnly { return openedReadOnly }
                guard let failure = opened.integrityFailure, failure.isUnwritable else { return nil }
                return failure.shortReason
            },
            reload: {
                // A state file that cannot be read now (cut short or damaged by another program)
                // made every story unread: the stories and their marks stay as they are.
                do throws(StateStoreError) {
                    _ = try opened.states(for: [ArticleID("")])
                } catch {
                    throw CommandFailure(error.message)
                }
                // Standard input cannot be read again: its stories stay as they were read.
                // Warnings go to the status line: standard error is the screen now.
                var skipped: [String] = []
                let sources = try PathOptions.openSources(
                    paths: paths, skippingFailures: true, standardInput: standardInput, rereading: true
                ) { skipped.append($0) }
                let indexer = BackgroundIndexer(
                    sources: sources, loadTitleTag: { try? deferring.storedTitleTag(ofSource: $0) },
                    findMovedTitleTag: { scopes, stories in
                        try? MovedFeedTitleTag.find(for: scopes, stories: { stories }, in: deferring)
                    },
                    loadStates: { ids in (try? deferring.states(for: ids)) ?? [:] })
                return ReaderApp.Reloaded(
                    catalog: ArticleCatalog(sources: sources), indexer: indexer, skipped: skipped)
            }, wakeup: wakeup)
        app.skippedAtOpening = skipped
        if let failure = app.run(afterFirstFrame: opened.startDeferredChecks) {
            throw CommandFailure(failure)
        }
        endingSignal = terminal.terminatingSignal
        terminal.shutdown()
        // Changes refused for good while the reader ran (the state file replaced by another
        // program's) are told, and the quit fails: they were lost with status 0 (found by QA).
        let refused = deferring.refusedForGood
        if let refused { StandardError.report(refused.reason.notSavedAtQuit(refused.summary)) }
        try Open.saveChangesWaiting(deferring, in: opened)
        if refused != nil { throw ExitCode.failure }
    }

    /// How many skipped files the reader names on standard error (the status line counts all).
    static let skippedTold = 20

    /// What to tell on standard error of the files the indexing skipped as it checked them,
    /// after the `told` ones skipped when opening (already told, up to ``skippedTold``): the
    /// first ones up to that many, then how many more. A tree of thousands of files that are not
    /// news poured them all onto the terminal after the reader (found by QA). A quit before every
    /// file was checked says so (`progress`): the files not yet checked are not named.
    static func skippedReport(
        _ told: [String], thenChecked later: [String], progress: BackgroundIndexer.Progress
    ) -> [String] {
        var lines = Array(later.prefix(max(0, Open.skippedTold - told.count)))
        let count = told.count + later.count
        if count > Open.skippedTold {
            lines.append(
                "skipped \(GroupedCount.text(count - Open.skippedTold)) more "
                    + (count - Open.skippedTold == 1 ? "file" : "files") + " (gazette list names them all)")
        }
        // The files after the quit were never checked: those that are not news go unnamed (the
        // reader said nothing of them; found by QA).
        if progress.isChecking {
            lines.append(
                "quit after checking \(GroupedCount.text(progress.filesChecked)) of "
                    + "\(GroupedCount.text(progress.filesToCheck)) files: files among the rest that are not news "
                    + "are not named (gazette list names them all)")
        }
        return lines
    }

    /// Writes the changes still waiting for another program's lock at the end, waiting for it
    /// as a command does (``ReadingStateStore/defaultWriteWait``), or for room on a full disk
    /// (tried once more); throws what could not be saved. The story selected alone waiting (no
    /// mark, flag or reading position) is tried once, as the reader tried it, and its loss fails
    /// nothing: a cursor's place is not a change the user made.
    static func saveChangesWaiting(_ deferring: DeferringStateStore, in store: ReadingStateStore) throws {
        guard deferring.somethingWaits else { return }
        guard deferring.changesWaiting > 0 else {
            if case .removed = deferring.keptBehind {
                try? saveInNewFile(deferring, removed: store)
            } else {
                _ = try? deferring.saveChangesWaiting()
            }
            return
        }
        let full: Bool
        switch deferring.keptBehind {
        case .removed:
            try saveInNewFile(deferring, removed: store)
            return
        case .full: full = true
        default: full = false
        }
        if !full {
            StandardError.report(
                "state file '\(store.path)' is locked by another program: waiting up to "
                    + "\(Int(ReadingStateStore.defaultWriteWait)) s to save \(deferring.waitingSummary)"
            )
        }
        // For a full disk too: the opening for writing, tried again, may take longer than a
        // change waits (a try without room ends at once).
        store.writeWait = ReadingStateStore.defaultWriteWait
        var failure: StateStoreError?
        do {
            if try deferring.saveChangesWaiting() { return }
        } catch let error as StateStoreError {
            failure = error
        }
        // What keeps them waiting still, unless another failure came.
        let reason: String
        switch failure ?? deferring.keptBehind {
        case .full(let path):
            reason = "state file '\(path)' cannot grow: the disk is full or the file too big"
        case .busy, nil: reason = "state file '\(store.path)' is still locked by another program"
        case let other?: reason = other.message
        }
        // Told here, not thrown: a reader ended by a signal dies of it before a thrown failure is told.
        StandardError.report(reason + "; not saved: " + deferring.waitingSummary)
        throw ExitCode.failure
    }

    /// Writes the changes kept since the state file was deleted or moved away
    /// (``RemovedStateFileSave``), saying where; throws when they could not be saved.
    static func saveInNewFile(_ deferring: DeferringStateStore, removed store: ReadingStateStore) throws {
        let kept = deferring.waitingSummary
        switch RemovedStateFileSave.save(deferring, removed: store) {
        case .putBack: return
        case .madeAnew:
            StandardError.report(StateStoreError.savedAnew(kept, path: store.path))
        case .mergedIntoNewFile:
            StandardError.report(StateStoreError.mergedAnew(kept, path: store.path))
        case .notSaved(let failure):
            StandardError.report(failure + "; not saved: " + kept)
            throw ExitCode.failure
        }
    }
}

extension Open {
    /// The headline rows of the first screen, from the terminal's size before curses starts
    /// (the indexer works out their details while it does).
    static func listRows() -> Int {
        guard let size = terminalSize() else { return BackgroundIndexer.defaultFirstScreenRows }
        return ScreenLayout(width: size.columns, height: size.rows, articleCount: .max, zoomed: false)
            .listHeight
    }

    /// Whether the file at `path` starts with "<" (after a byte-order mark and white space),
    /// as an XML feed does: a guess, from its first bytes only, of whether it is a feed whose
    /// first item the first screen waits for (where the state file is opened, nothing else).
    /// Only a regular file is looked at: opening a named pipe would wait for its writer, or
    /// take the place of the reader a waiting writer was given and leave it writing to none.
    static func startsAsMarkup(_ path: String) -> Bool {
        var status = stat()
        guard path != "-", stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 256)
        let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        var index = count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0
        while index < count, head[index] == 0x20 || (0x09...0x0D).contains(head[index]) { index += 1 }
        return index < count && head[index] == UInt8(ascii: "<")
    }

    /// The terminal's size as standard output's terminal tells it; nil when it does not.
    static func terminalSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else {
            return nil
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}

/// A reading-state store being opened, on a thread of its own or on the caller's.
private final class StoreOpening: @unchecked Sendable {
    private let path: String
    private let done = DispatchSemaphore(value: 0)
    private var value: Result<ReadingStateStore, StateStoreError>?
    /// Why the store is open for reading only, if it is (set before `done` is signalled).
    private var readingOnly: StateStoreError?

    /// The opening of the store at `path`, started on a thread of its own when `starting`;
    /// otherwise ``startOnItsThread()`` or ``openOnThisThread()`` opens it.
    init(path: String, starting: Bool) {
        self.path = path
        if starting { startOnItsThread() }
    }

    /// Starts opening the store on a thread of its own (once).
    func startOnItsThread() {
        BackgroundThread.start(name: "gazette-state") { [self] in
            ThreadPriority.helpTheFirstScreen()
            open()
        }
    }

    /// Opens the store on the calling thread (once, for an opening not started on a thread).
    func openOnThisThread() {
        open()
    }

    private func open() {
        // One that cannot be written is read as `list` reads it (opened for writing, its
        // reads went through a connection that could not open and every story was unread).
        let problem = access(path, F_OK) == 0 ? ReadingStateStore.writeProblem(at: path) : nil
        value = Result { () throws(StateStoreError) -> ReadingStateStore in
            if let problem { throw problem }
            // A lock held longer than a short wait does not keep the reader from the news:
            // the reader opens, and its changes wait for the lock to go (they ended it).
            return try ReadingStateStore(
                path: path, deferIntegrityCheck: true, lockWait: DeferringStateStore.openingWait)
        }
        // A state file this user may read but not write is read: its marks are shown, and
        // a change says it is not saved (the reader did not open at all, while `list` did).
        if case .failure(let first) = value, first.isUnwritable, access(path, R_OK) == 0 {
            do throws(StateStoreError) {
                value = .success(try ReadingStateStore(path: path, forReading: true))
                readingOnly = first
            } catch {
                // What the reading found is told (a newer Gazette's file), else the first.
                value = .failure(error.isUnwritable ? first : error)
            }
        }
        if case .success(let store) = value { store.prepareReads() }
        done.signal()
    }

    /// Whether the opening has ended (without waiting).
    var isDone: Bool {
        guard done.wait(timeout: .now()) == .success else { return false }
        done.signal()
        return true
    }

    /// The story selected last in any of `sources`, with its neighbours (waits for the opening
    /// to end).
    func newestRememberedSelection(inSources sources: [String]) -> RememberedSelection? {
        guard case .success(let store) = result else { return nil }
        return try? store.newestRememberedSelection(inSources: sources)
    }

    /// Why the store could only be opened for reading, if so (waits for the opening to end).
    var readOnly: StateStoreError? {
        _ = result
        return readingOnly
    }

    /// The opened store or why it could not be opened (waits for the opening to end).
    var result: Result<ReadingStateStore, StateStoreError> {
        done.wait()
        done.signal()
        return value ?? .failure(.failed(path: "", reason: "the state file was not opened"))
    }
}
