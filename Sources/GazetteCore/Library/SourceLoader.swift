import Foundation

/// Opens the paths a user names: files, directories (their news files, by name) and `-`.
public enum SourceLoader {
    /// What opening the paths gave: the sources, and one warning per skipped file.
    public struct Result {
        public var sources: [OpenedSource]
        public var warnings: [String]
        /// How many of the paths named were skipped (files skipped inside a directory aside).
        public var skippedPaths: Int { failures.count }
        /// Why each path named that was skipped failed, in order.
        public var failures: [SourceError] = []
        /// The files left to check, after `sources` (see `deferringChecks`); nil when none is.
        public var unchecked: SourceChecks?
        /// What `-` stood for, read before the files left to check (see `deferringChecks`).
        public var standardInput: FileBytes?
    }

    /// Opens every path; a named file that cannot be read is an error, a file inside a
    /// directory that is not news is skipped with a warning. A `file:` address is the file it
    /// names (``FileAddress``).
    /// With `skippingFailures` and several paths, a named path that fails is skipped with a
    /// warning too, unless none opens (the first failure is then the error): the reader shows
    /// the files that are news rather than none.
    /// With `checkingFeedLater`, a single file named alone is opened as
    /// ``openFile(_:detailsWhileIndexing:checkingFeedLater:standardInput:)`` says.
    /// With `throwingWhenNoneOpens` false, several paths of which none opens give a result
    /// with no source and every failure, instead of the first failure thrown.
    /// `standardInput`, when given, is what `-` stands for (read once, kept for a reload).
    /// With `rereading` (a reload), a named path that is now a pipe, socket or device is an
    /// error: it would be waited on for ever where a file was.
    /// With `deferringChecks`, only the first files are opened and checked (until
    /// ``firstChecked`` open); the rest are left in ``Result/unchecked``, in order, for the
    /// reader's indexing to check (not when a later failure would be thrown); standard input
    /// named is read first, as a file checked at once would read it, and kept in the result.
    public static func open(
        paths: [String], detailsWhileIndexing: Bool = false, checkingFeedLater: Bool = false,
        skippingFailures: Bool = false, standardInput: FileBytes? = nil, rereading: Bool = false,
        throwingWhenNoneOpens: Bool = true, deferringChecks: Bool = false
    ) throws(SourceError) -> Result {
        let skipping = skippingFailures && paths.count > 1
        let deferring = deferringChecks && (skipping || paths.count == 1)
        // `-` after the first files is read now, not on the indexing's thread once the screen
        // is up (every file was checked before the first screen when `-` was named).
        var standardInput = standardInput
        var standardInputFailure: SourceError?
        if deferring && standardInput == nil && paths.contains("-") {
            do throws(SourceError) {
                standardInput = try readBytes("-")
            } catch {
                standardInputFailure = error
            }
        }
        let checks = SourceChecks(detailsWhileIndexing: detailsWhileIndexing, skippingFailures: skipping)
        var readStandardInput = false
        for named in paths {
            let path = FileAddress.openedPath(named)
            // Standard input is read once: `-` named again would find it spent.
            if path == "-" {
                if readStandardInput { continue }
                readStandardInput = true
            }
            let directory = path != "-" && isDirectory(path)
            if rereading && path != "-" && !directory && !isRegularFile(path) {
                checks.add(
                    .failed(
                        .cannotOpen(
                            path: path,
                            reason: "it is not a regular file, and a pipe or device is not read again")))
                continue
            }
            if path == "-", let standardInputFailure {
                checks.add(.failed(standardInputFailure))
                continue
            }
            guard directory else {
                checks.add(
                    .named(
                        path, checkingFeedLater: checkingFeedLater && paths.count == 1,
                        standardInput: standardInput))
                continue
            }
            do throws(SourceError) {
                let (files, skippedFolders) = try newsFiles(in: path)
                checks.add(.folder(path, skipped: skippedFolders, root: realPath(path)))
                for file in files { checks.add(.file(file.path), size: file.size) }
                checks.add(.folderEnd)
            } catch {
                checks.add(.failed(error))
            }
        }
        try checks.run(untilSources: deferring ? firstChecked : .max)
        var result = checks.result
        result.standardInput = deferring ? standardInput : nil
        if result.sources.isEmpty, throwingWhenNoneOpens, let firstFailure = result.failures.first {
            throw firstFailure
        }
        if !checks.isDone {
            checks.handOver()
            result.unchecked = checks
        }
        return result
    }

    /// Sources opened before the rest of the files are left to indexing (see `deferringChecks`):
    /// enough for the sources a reader resumes in (the first eight's).
    public static let firstChecked = 8

    /// Whether `path` names a directory (links followed). With `stat` itself: the first use of
    /// `FileManager.default` costs a reader's start 0.4 ms.
    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether `path` names a regular file (links followed); a missing one counts as one, for
    /// opening it to report.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 || info.st_mode & S_IFMT == S_IFREG
    }

    /// Opens one file and checks that it holds at least one article (indexing stops there).
    ///
    /// With `checkingFeedLater`, an RSS, RDF or Atom feed is neither named nor checked here:
    /// its indexing does both as it reaches the first item, and the caller finishes the
    /// check with ``OpenedSource/finishFeedCheck(firstItemFound:)`` (the reader, so that a
    /// feed's title and first item are read once, by the indexer, not first on the screen's
    /// thread).
    ///
    /// `load` is the load the file is opened in (the other files opened with it): in a big
    /// one, the file is mapped whatever its size and a feed's bodies are parsed again when
    /// needed (see ``SourceLoad``); alone by default.
    public static func openFile(
        _ path: String, detailsWhileIndexing: Bool = false, checkingFeedLater: Bool = false,
        standardInput: FileBytes? = nil, load: SourceLoad = .alone
    ) throws(SourceError) -> OpenedSource {
        var bytes: FileBytes
        if path == "-", let standardInput {
            bytes = standardInput
        } else {
            bytes = try readBytes(path, mappingFrom: load.isBig ? 1 : FileBytes.mappingThreshold)
        }
        var detected = FormatDetector.detect(bytes.buffer)
        // UTF-16 or UTF-32 that is no feed (feeds are read in their own encoding) is read as UTF-8.
        if case .failure(.unsupported) = detected, let bigEndian = UTF32Text.byteOrder(of: bytes.buffer) {
            bytes = FileBytes(bytes: UTF32Text.utf8(of: bytes.buffer, bigEndian: bigEndian))
            detected = FormatDetector.detect(bytes.buffer)
        } else if case .failure(.unsupported) = detected, let bigEndian = UTF16Text.isBigEndian(bytes.buffer)
        {
            bytes = FileBytes(bytes: UTF16Text.utf8(of: bytes.buffer, bigEndian: bigEndian))
            detected = FormatDetector.detect(bytes.buffer)
        }
        // A dump in an 8-bit encoding (windows-1251, windows-1252...) is read as UTF-8, its
        // encoding guessed as an undeclared feed's is: every letter not ASCII was U+FFFD.
        var transcoded = false
        if case .success(.plainTextDump) = detected, LegacyEncodedText.isLegacy(bytes.buffer) {
            bytes = FileBytes(bytes: LegacyEncodedText.utf8(of: bytes.buffer))
            transcoded = true
        }
        let format: SourceFormat
        switch detected {
        case .success(let detected): format = detected
        case .failure(.empty): throw .emptyFile(path: path)
        case .failure(.blank): throw .noArticles(path: path)
        case .failure(.feedList(let list)): throw .feedList(path: path, list: list)
        case .failure(let reason): throw .notANewsFile(path: path, reason: reason.text)
        }
        var name = fileName(path)
        let later = checkingFeedLater && format != .plainTextDump && format != .jsonFeed
        var hasArticle = false
        if format != .plainTextDump && !later {
            (hasArticle, name) = try checkFeed(bytes, format: format, path: path)
        }
        var opened = OpenedSource(
            source: Source(path: path, displayName: name, format: format), bytes: bytes,
            loadBytes: load.bytes, keepingBodiesOfFirst: load.keptBodiesAtStart,
            detailsWhileIndexing: detailsWhileIndexing, checkedLater: later, rereadCache: load.rereadCache)
        if later { return opened }
        func holdsAnArticle(_ opened: OpenedSource) -> Bool {
            var found = false
            opened.index { _, _ in
                found = true
                return false
            }
            return found
        }
        if format == .plainTextDump {
            hasArticle = holdsAnArticle(opened)
            // Too few bytes not UTF-8 to tell a legacy encoding (one word in windows-1251, Hebrew,
            // Arabic): read as UTF-8 they made no title and the file was refused; it is read in
            // the encoding guessed instead.
            if !hasArticle, !transcoded, LegacyEncodedText.isNotUTF8(bytes.buffer) {
                opened = OpenedSource(
                    source: Source(path: path, displayName: name, format: format),
                    bytes: FileBytes(bytes: LegacyEncodedText.utf8(of: bytes.buffer)), loadBytes: load.bytes,
                    keepingBodiesOfFirst: load.keptBodiesAtStart, detailsWhileIndexing: detailsWhileIndexing,
                    rereadCache: load.rereadCache)
                hasArticle = holdsAnArticle(opened)
            }
        }
        if !hasArticle { throw .noArticles(path: path) }
        // The checks read the whole file (its encoding); in a big load its pages go back, and
        // indexing reads them again from the page cache (300 small dumps kept all 50 MB).
        if load.isBig { opened.release(0..<opened.bytes.count) }
        return opened
    }

    /// The bytes of the file at `path` (standard input for `-`).
    private static func readBytes(_ path: String, mappingFrom: Int = FileBytes.mappingThreshold)
        throws(SourceError) -> FileBytes
    {
        // A stream that starts like a binary file is not read on (/dev/urandom never ends).
        try FileBytes(path: path, mappingFrom: mappingFrom) { head in
            FormatDetector.detect(head) == .failure(.binary)
                ? .notANewsFile(path: path, reason: FormatDetector.NotNewsReason.binary.text) : nil
        }
    }

    /// What a file is called before anything in it is read: its name without its folders, or
    /// `standard input` for `-`.
    public static func fileName(_ path: String) -> String {
        path == "-" ? "standard input" : (path as NSString).lastPathComponent
    }

    /// Whether a feed has an item, and its name: its title, read from its start up to its
    /// first item (the file's name when it has none). A feed whose reading lost its only item
    /// throws ``SourceError/noArticles(path:reason:)`` with what it met.
    static func checkFeed(_ bytes: FileBytes, format: SourceFormat, path: String) throws(SourceError) -> (
        hasArticle: Bool, name: String
    ) {
        var hasArticle = false
        var name = fileName(path)
        var warnings: [String] = []
        do {
            let (header, found) = try FeedParser.parse(bytes.buffer, format: format, stoppingEarly: true) {
                _ in
                hasArticle = true
                return false
            }
            if let title = header.shownTitle, !title.isEmpty { name = title }
            warnings = found
        } catch {
            throw .notANewsFile(path: path, reason: error.message)
        }
        // Its only item lost (cut short, broken): why there is nothing to show.
        if !hasArticle, let reason = warnings.first(where: FeedParser.tellsOfLostText) {
            throw .noArticles(path: path, reason: reason)
        }
        return (hasArticle, name)
    }

    /// Documentation files that sit beside news files and read like text but are not news;
    /// skipped in directories (a file named on the command line is always read).
    static let documentationExtensions: Set<String> = ["md", "markdown", "rst", "adoc", "license"]

    /// Source code, data and settings, which read like text but are not news (a folder's
    /// `script.py`, `data.csv` and `app.conf` were listed as stories; found by QA); skipped in
    /// directories as documentation is. Not `xml`, `json`, `php` or `txt`: feeds and dumps are
    /// saved so.
    static let notNewsExtensions: Set<String> = [
        "py", "js", "mjs", "ts", "c", "h", "cc", "cpp", "hpp", "m", "swift", "rs", "go", "java", "kt", "rb",
        "pl", "sh", "bash", "zsh", "ps1", "bat", "css", "scss", "csv", "tsv", "yml", "yaml", "toml", "ini",
        "cfg", "conf", "lock", "sql", "log", "patch", "diff", "mk", "cmake",
    ]

    /// Documentation named by its name alone (`LICENSE`, `COPYING.txt`, `README`): skipped in
    /// directories.
    static let documentationNames: Set<String> = [
        "license", "licence", "copying", "notice", "authors", "changelog", "changes", "contributing",
        "readme", "install", "makefile", "dockerfile",
    ]

    /// The files newsboat keeps in its folder besides its cache (`~/.newsboat`): settings,
    /// feed addresses and the prompts' history, which read like text but are not news (they
    /// were listed as stories; found by QA); skipped in directories.
    static let newsReaderFileNames: Set<String> = ["config", "urls", "history.search", "history.cmdline"]

    /// Whether a directory's file named `name` is skipped as documentation, code or settings.
    static func isSkippedByName(_ name: String) -> Bool {
        if newsReaderFileNames.contains(name) { return true }
        let fileExtension = (name as NSString).pathExtension.lowercased()
        if documentationExtensions.contains(fileExtension) || notNewsExtensions.contains(fileExtension) {
            return true
        }
        let base = (name as NSString).deletingPathExtension.lowercased()
        return documentationNames.contains(base) && (fileExtension.isEmpty || fileExtension == "txt")
    }

    /// Why a folder's file at `path` is skipped before it is opened (a link to a folder, a
    /// pipe, socket or device, a broken link), the folder's real path being `root`; nil when
    /// it is opened.
    static func skipReason(_ path: String, walking root: String?) -> String? {
        if let reason = folderLinkReason(path, walking: root) { return reason }
        // A pipe, socket or device among the files would be waited on for ever.
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG { return "not a regular file" }
        return brokenLinkReason(path)
    }

    /// The files of a directory tree, sorted by their path inside it, without hidden files
    /// and documentation, and a "skipped…" line for each folder that cannot be read and each
    /// name in one that is not valid UTF-8 (`FolderWalk` passes over both). Each
    /// file comes with its size (a link's is its target's, when it has one; 0 when unknown).
    private static func newsFiles(in path: String) throws(SourceError) -> (
        files: [(path: String, size: Int)], skipped: [String]
    ) {
        // The walk does not go down a link it starts at: a folder named through a link is
        // walked where it leads, its files still named through the link (it held no news).
        guard let (files, skipped) = FolderWalk.files(in: path, start: realPath(path) ?? path) else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        return (files.sorted { $0.path < $1.path }.map { (PathJoin.joined(path, $0.path), $0.size) }, skipped)
    }

    /// Why the symbolic link at `path` leads to no file (its target missing, or a loop of
    /// links), told with its target; nil when `path` is no link or leads to a file.
    private static func brokenLinkReason(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0 else {
            return nil
        }
        let failure = errno
        let name = linkTarget(path)
        switch failure {
        case ENOENT, ENOTDIR:
            return "a link to '\(name)', which does not exist (restore it, or remove the link)"
        case ELOOP:
            return
                "a link to '\(name)', which never reaches a file: the links go round in a loop (mend or remove one)"
        default:
            return "a link to '\(name)', which cannot be opened: \(String(cString: strerror(failure)))"
        }
    }

    /// Why the walk of the folder whose real path is `root` passes over `path`, a symbolic
    /// link to a folder: a folder it is in (a loop), one read where it is, or one elsewhere;
    /// nil when `path` is no link to a folder.
    private static func folderLinkReason(_ path: String, walking root: String?) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) == 0,
            info.st_mode & S_IFMT == S_IFDIR
        else { return nil }
        let name = linkTarget(path)
        guard let target = realPath(path), let folder = realPath((path as NSString).deletingLastPathComponent)
        else {
            return "a link to the folder '\(name)', which is not followed"
        }
        func isWithin(_ inner: String, _ outer: String) -> Bool {
            inner == outer || outer == "/" || inner.hasPrefix(outer + "/")
        }
        if isWithin(folder, target) {
            return "a link to '\(name)', a folder it is in: followed, it would go round in a loop"
        }
        if let root, isWithin(target, root) {
            // A hidden folder of the tree is not read where it is either (found by QA).
            let inside = target.dropFirst(root == "/" ? 1 : root.count + 1).split(separator: "/")
            if !inside.contains(where: { $0.hasPrefix(".") }) {
                return
                    "a link to the folder '\(name)', which is read where it is (links to folders are not followed)"
            }
        }
        return "a link to the folder '\(name)', which is not followed (name '\(target)' to read it)"
    }

    /// What the symbolic link at `path` holds ("?" when it cannot be read).
    private static func linkTarget(_ path: String) -> String {
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &target, target.count - 1)
        return length > 0
            ? String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    }

    /// `path` with every symbolic link followed and `.` and `..` taken away; nil when it
    /// leads nowhere.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
