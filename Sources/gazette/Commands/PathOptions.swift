import ArgumentParser
import Foundation
import GazetteCore

/// The news files a command reads.
struct PathOptions: ParsableArguments {
    @Argument(
        help:
            "News files, directories, or - for standard input (default: the bundled sample; the reader reads news piped in)."
    )
    var paths: [String] = []

    /// Opens the paths (or the sample), printing one warning per skipped file. Of several
    /// paths, one that fails is skipped (and counted in `skipped`), as `cat` and `grep` go on
    /// past a missing file: the command then ends with status 1 (``ExitCode``).
    func openCatalog(withDetails: Bool = false, skipped: inout Int) throws -> ArticleCatalog {
        let opened = try PathOptions.open(paths: paths, withDetails: withDetails, skippingFailures: true)
        skipped = opened.skippedPaths
        return PathOptions.indexed(opened.sources)
    }

    /// Opens the paths (or the sample) as ``openCatalog(withDetails:skipped:)`` does, their
    /// indexing started: the stories come as they are found. What could not be read in the
    /// files is told by ``tellReadWarnings(of:)`` once the stream has ended.
    func openStream(withDetails: Bool = false, skipped: inout Int) throws -> CatalogStream {
        let opened = try PathOptions.open(paths: paths, withDetails: withDetails, skippingFailures: true)
        skipped = opened.skippedPaths
        return CatalogStream(sources: opened.sources)
    }

    /// Tells on standard error what could not be read in the files of `stream` (once its
    /// indexing has ended: what it read).
    static func tellReadWarnings(of stream: CatalogStream) {
        _ = told(stream.catalog, stream.catalog.sources)
    }

    /// Opens `paths` (the sample when empty) as a fully indexed catalog; `withDetails` when
    /// every article's credit and reading time will be asked for (worked out while indexing).
    /// With `upTo`, indexed only until it holds that many articles (see
    /// ``ArticleCatalog/indexed(_:upTo:)``).
    static func openCatalog(paths: [String], withDetails: Bool = false, upTo: Int? = nil) throws
        -> ArticleCatalog
    {
        indexed(try openSources(paths: paths, withDetails: withDetails), upTo: upTo)
    }

    /// Opens `paths` as a catalog indexed only until `done` says it holds enough (see
    /// ``ArticleCatalog/indexed(_:until:)``).
    static func openCatalog(paths: [String], until done: @escaping @Sendable (ArticleCatalog) -> Bool) throws
        -> ArticleCatalog
    {
        let sources = try openSources(paths: paths)
        return told(ArticleCatalog.indexed(sources, until: done), sources)
    }

    /// `sources` indexed whole (or up to `upTo` articles); what could not be read in them is
    /// told on standard error.
    private static func indexed(_ sources: [OpenedSource], upTo: Int? = nil) -> ArticleCatalog {
        told(
            upTo.map { ArticleCatalog.indexed(sources, upTo: $0) } ?? ArticleCatalog.indexed(sources), sources
        )
    }

    /// `catalog`, once what could not be read in `sources` is told on standard error.
    private static func told(_ catalog: ArticleCatalog, _ sources: [OpenedSource]) -> ArticleCatalog {
        for line in ReadWarningNote.lines(for: sources) { StandardError.report(line) }
        return catalog
    }

    /// Opens `paths` (the sample when empty), each checked to hold an article, not yet indexed
    /// (with `checkingFeedLater`, a feed named alone is checked by its indexing: see
    /// `SourceLoader.openFile`). `standardInput`, when given, is what `-` stands for. Each
    /// skipped file is told to `warn` (standard error by default); with `skippingFailures`, a
    /// named file that fails is skipped too when another opens (`SourceLoader.open`).
    static func openSources(
        paths: [String], withDetails: Bool = false, checkingFeedLater: Bool = false,
        skippingFailures: Bool = false, standardInput: FileBytes? = nil, rereading: Bool = false,
        warn: (String) -> Void = StandardError.report
    ) throws -> [OpenedSource] {
        try open(
            paths: paths, withDetails: withDetails, checkingFeedLater: checkingFeedLater,
            skippingFailures: skippingFailures, standardInput: standardInput, rereading: rereading, warn: warn
        ).sources
    }

    /// ``openSources(paths:withDetails:checkingFeedLater:skippingFailures:standardInput:rereading:warn:)``
    /// for the reader: only the first files are checked (`SourceLoader.open` with
    /// `deferringChecks`); the rest are left to the indexing, with their warnings, and what
    /// `-` stood for when it is among them.
    static func openSourcesCheckingLater(
        paths: [String], checkingFeedLater: Bool, warn: (String) -> Void
    ) throws -> (sources: [OpenedSource], unchecked: SourceChecks?, standardInput: FileBytes?) {
        let result = try open(
            paths: paths, checkingFeedLater: checkingFeedLater, skippingFailures: true, deferringChecks: true,
            warn: warn)
        return (result.sources, result.unchecked, result.standardInput)
    }

    /// `error` as the command's failure; a first argument that is no file and looks like a
    /// word is told to be no command either (`gazette lst` said only that it cannot be opened);
    /// `-`, standard input, is not such a word, nor a file read again (`R` in the reader).
    private static func failure(_ error: SourceError, rereading: Bool) -> CommandFailure {
        guard !rereading, case .cannotOpen(let path, _) = error,
            path == CommandLine.arguments.dropFirst().first,
            !path.isEmpty, path != "-",
            path.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x2D }),
            access(path, F_OK) != 0
        else { return CommandFailure(error) }
        return CommandFailure(error.message + " (nor is it a command: open, list, show, export, mark)")
    }

    /// ``openSources(paths:withDetails:checkingFeedLater:skippingFailures:standardInput:rereading:warn:)``,
    /// with how many named paths were skipped.
    private static func open(
        paths: [String], withDetails: Bool = false, checkingFeedLater: Bool = false,
        skippingFailures: Bool = false, standardInput: FileBytes? = nil, rereading: Bool = false,
        deferringChecks: Bool = false, warn: (String) -> Void = StandardError.report
    ) throws -> SourceLoader.Result {
        var paths = paths
        if paths.isEmpty {
            guard let sample = BundledSample.path() else {
                let folder = BundledSample.unpackFolder(environment: ProcessInfo.processInfo.environment)
                throw CommandFailure(
                    "the bundled sample is not installed beside gazette and cannot be written to '\(folder)'; "
                        + "name a news file to open")
            }
            paths = [sample]
        }
        // `-` with the terminal as standard input is a usage error: there is no news to read
        // there (it ended with status 1, as a file that cannot be read does; found by QA).
        if standardInput == nil, paths.contains("-"), isatty(STDIN_FILENO) == 1 {
            throw ValidationError(SourceError.standardInputIsTheTerminal.message)
        }
        let result: SourceLoader.Result
        do {
            result = try SourceLoader.open(
                paths: paths, detailsWhileIndexing: withDetails, checkingFeedLater: checkingFeedLater,
                skippingFailures: skippingFailures, standardInput: standardInput, rereading: rereading,
                throwingWhenNoneOpens: false, deferringChecks: deferringChecks)
        } catch {
            throw failure(error, rereading: rereading)
        }
        // None opened: every failure is told, each on its line, the last as the command's error.
        if result.sources.isEmpty, let last = result.failures.last {
            for failure in result.failures.dropLast() { warn(failure.message) }
            throw failure(last, rereading: rereading)
        }
        for warning in result.warnings {
            warn(warning)
        }
        return result
    }
}
