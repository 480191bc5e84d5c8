import ArgumentParser
import Foundation
import GazetteCore

/// Where reading state is kept.
struct StateOptions: ParsableArguments {
    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "The reading-state file (default: $GAZETTE_STATE, else $XDG_STATE_HOME/gazette/state.sqlite).",
            valueName: "PATH"))
    var path: String?

    /// An empty `--state` (a script's unset variable) is an error, not the default file.
    func validate() throws {
        try StateOptions.validate(path: path)
    }

    /// Refuses a `--state` value (`path`, nil when not given) as every command refuses it.
    static func validate(path: String?) throws {
        if path?.isEmpty == true {
            throw ValidationError("--state was given an empty path; name the reading-state file")
        }
        // Refused by every command, whether or not it would open the file: a usage error when
        // the path was given here, a failure when it comes from the environment.
        let resolvedPath = StateLocation.resolve(explicit: path, environment: ProcessEnvironment.startup())
        if resolvedPath.hasSuffix("/") {
            let message = StateStoreError.folderPath(path: resolvedPath).message
            if path != nil { throw ValidationError(message) }
            throw CommandFailure(message)
        }
        let environment = ProcessEnvironment.startup()
        if let name = StateLocation.variableNotUTF8(explicit: path, environment: environment) {
            throw CommandFailure(StateOptions.notUTF8Message(name))
        }
    }

    /// Why a state path is not taken from the variable `name`.
    static func notUTF8Message(_ name: String) -> String {
        "environment variable \(name) is not valid UTF-8: gazette cannot name the state file so; "
            + "pass --state with a UTF-8 path"
    }

    /// The state file's path after `--state`, `GAZETTE_STATE` and the XDG default.
    var resolvedPath: String {
        StateLocation.resolve(explicit: path, environment: ProcessEnvironment.startup())
    }

    /// Opens the store for writing, creating it when missing.
    func openStore() throws -> ReadingStateStore {
        do {
            return try ReadingStateStore(path: resolvedPath)
        } catch {
            throw CommandFailure(error.message)
        }
    }

    /// A store to read from: the state file when it exists, else an empty one (never creates a
    /// file). A current state file is read on a read-only connection, with nothing written: a
    /// state the user may not write (or an immutable one) can still be listed.
    func openStoreForReading() throws(StateStoreError) -> ReadingStateStoring {
        // A link that leads nowhere yet is no state yet; a loop of links is an error to tell.
        var info = stat()
        guard lstat(resolvedPath, &info) == 0, stat(resolvedPath, &info) == 0 || errno == ELOOP else {
            return InMemoryReadingStateStore()
        }
        return try ReadingStateStore(path: resolvedPath, forReading: true)
    }

    /// The reading state of every article of a catalog, loaded in one batch, for `mark`; the
    /// states found under earlier ids stored under the ids now, then the title tags of the
    /// catalog's feeds (``FeedTitleChanges``): a tag that replaces another only when the catalog
    /// holds every story of its files (the stories after those indexed have not had their
    /// states taken over). A catalog not indexed whole where a feed's tag is to be replaced is
    /// taken `whole` when given: its tag stored now, the marks about to be made are not covered
    /// by those taken over from the old tag's ids at the next reading.
    func tracker(for catalog: ArticleCatalog, whole: (() throws -> ArticleCatalog)? = nil) throws
        -> ReadingTracker
    {
        let store = try openStore()
        do {
            var catalog = catalog
            var titleChanges = FeedTitleChanges()
            try titleChanges.look(at: catalog, in: store)
            if !catalog.indexedWhole, titleChanges.replacesStoredTags, let whole {
                catalog = try whole()
                titleChanges = FeedTitleChanges()
                try titleChanges.look(at: catalog, in: store)
            }
            let tracker = try ReadingTracker(
                store: store, summaries: catalog.entries.map(\.summary), further: catalog.furtherPreviousIDs,
                titleChanges: titleChanges)
            tracker.storeTitleTags(titleChanges.tagsToStore(indexedWhole: catalog.indexedWhole))
            return tracker
        } catch let error as StateStoreError {
            throw CommandFailure(error.message)
        }
    }

    /// The marks of the stories a command that only reads the state prints, loaded as they
    /// come (``ListedMarks``). A state file that can never be made there, or that another
    /// program keeps locked, is told now and the stories come without marks, as
    /// ``readingTracker(for:)`` tells it; any other failure to open the state is the command's.
    func listedMarks() throws -> ListedMarks {
        if let problem = StateFileCreation.problem(at: resolvedPath) {
            StandardError.report(StateStoreError.marksNotRead(problem, path: resolvedPath))
            return ListedMarks(store: nil, path: resolvedPath)
        }
        do {
            return ListedMarks(store: try openStoreForReading(), path: resolvedPath)
        } catch {
            guard case .busy(let path) = error else { throw CommandFailure(error.message) }
            StandardError.report(StateStoreError.marksNotShown(path: path))
            return ListedMarks(store: nil, path: resolvedPath)
        }
    }

    /// The reading state of every article of a catalog for a command that only reads it.
    /// `marksShown` is false when another program kept the state file locked for longer than
    /// a write waits: that is told on standard error and the articles come without their marks,
    /// so that the command still prints (it failed, printing nothing).
    func readingTracker(for catalog: ArticleCatalog) throws -> (tracker: ReadingTracker, marksShown: Bool) {
        // A state file that can never be made there (a folder that cannot be created) is told,
        // as a locked one is: every story was listed unread without a word (found by QA).
        if let problem = StateFileCreation.problem(at: resolvedPath) {
            StandardError.report(StateStoreError.marksNotRead(problem, path: resolvedPath))
            return (try ReadingTracker(store: InMemoryReadingStateStore(), ids: []), false)
        }
        do {
            let store = try openStoreForReading()
            var titleChanges = FeedTitleChanges()
            try titleChanges.look(at: catalog, in: store)
            return (
                try ReadingTracker(
                    store: store, summaries: catalog.entries.map(\.summary),
                    further: catalog.furtherPreviousIDs, titleChanges: titleChanges), true
            )
        } catch let error as StateStoreError {
            guard case .busy(let path) = error else { throw CommandFailure(error.message) }
            StandardError.report(StateStoreError.marksNotShown(path: path))
            return (try ReadingTracker(store: InMemoryReadingStateStore(), ids: []), false)
        }
    }
}
