import Foundation

/// The files of the paths a user names, in the order they are shown, each still to be opened
/// and checked for an article: checked all at once, or the first few at once and the rest
/// one by one while the reader runs (a folder of 43,000 files kept the screen blank 14 s).
///
/// Used by one thread at a time.
public final class SourceChecks: @unchecked Sendable {
    /// One thing to do, in the order the paths are shown.
    enum Step {
        /// A path named: opened as a file.
        case named(String, checkingFeedLater: Bool, standardInput: FileBytes?)
        /// A named path that fails before any file of it is opened.
        case failed(SourceError)
        /// A folder begins: what its walk skipped, and its real path.
        case folder(String, skipped: [String], root: String?)
        /// A file of the folder begun last.
        case file(String)
        /// The folder begun last ends.
        case folderEnd
    }

    private var steps: [Step] = []
    private var next = 0
    private let detailsWhileIndexing: Bool
    /// Whether a named path that fails is skipped with a warning rather than thrown.
    private let skippingFailures: Bool
    /// The sources opened, the warnings and the failures so far.
    var result = SourceLoader.Result(sources: [], warnings: [])
    /// How many of the warnings are final (a folder's are held until it opens a file, as they
    /// go with its error when none opens).
    private var released = 0
    /// Files opened so far, repeats among them.
    private var opens = 0
    /// The folder being checked: its path, real path, and the files opened and warnings before it.
    private var folder: (path: String, root: String?, opens: Int, warnings: Int)?
    /// Files already opened (a file named twice, or named and in a folder named, is shown once).
    private var seen: Set<FileIdentity> = []
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Files (named or in folders) in all, and how many have been checked.
    public private(set) var filesTotal = 0
    public private(set) var filesChecked = 0
    /// The bytes of the files not checked yet, as their sizes said when the folder was read.
    public private(set) var bytesLeft = 0
    private var sizes: [Int] = []
    /// The bytes of every file named or in folders, as their sizes said before any was
    /// opened: the load the files are opened in (``SourceLoad``).
    public private(set) var loadBytes = 0
    /// Where the feeds of the load keep the items they parse again (``SourceLoad``).
    private let rereadCache = RereadCache()

    init(detailsWhileIndexing: Bool, skippingFailures: Bool) {
        self.detailsWhileIndexing = detailsWhileIndexing
        self.skippingFailures = skippingFailures
    }

    /// Whether every file has been checked.
    public var isDone: Bool { next >= steps.count }

    /// The warnings told for good since ``handOver()`` (one per skipped file), in order.
    public var laterWarnings: ArraySlice<String> { result.warnings[handedOver..<released] }
    private var handedOver = 0

    /// Marks the warnings so far as told with the sources opened so far.
    func handOver() {
        handedOver = released
    }

    func add(_ step: Step, size: Int = 0) {
        steps.append(step)
        sizes.append(size)
        switch step {
        case .named(let path, _, let standardInput):
            filesTotal += 1
            bytesLeft += size
            loadBytes += path == "-" ? standardInput?.count ?? 0 : Self.fileSize(path)
        case .file:
            filesTotal += 1
            bytesLeft += size
            loadBytes += size
        default: break
        }
    }

    /// The size of the file at `path` (links followed); 0 when it is no regular file.
    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// The load of the next file opened.
    private var load: SourceLoad {
        SourceLoad(bytes: loadBytes, isFirst: result.sources.isEmpty, rereadCache: rereadCache)
    }

    /// Checks until `sources` sources are open or every file is checked.
    func run(untilSources count: Int) throws(SourceError) {
        while !isDone && result.sources.count < count { _ = try checkNext() }
    }

    /// Does the next step: the source it opened, if any, and the bytes the step was reckoned at.
    public func checkNext() throws(SourceError) -> (opened: OpenedSource?, reckonedBytes: Int) {
        guard !isDone else { return (nil, 0) }
        let step = steps[next]
        let size = sizes[next]
        next += 1
        var opened: OpenedSource?
        switch step {
        case .named(let path, let checkingFeedLater, let standardInput):
            filesChecked += 1
            do throws(SourceError) {
                opened = try SourceLoader.openFile(
                    path, detailsWhileIndexing: detailsWhileIndexing, checkingFeedLater: checkingFeedLater,
                    standardInput: standardInput, load: load)
            } catch {
                try failed(error)
            }
        case .failed(let error):
            try failed(error)
        case .folder(let path, let skipped, let root):
            folder = (path, root, opens, result.warnings.count)
            result.warnings += skipped
        case .file(let path):
            filesChecked += 1
            if let reason = SourceLoader.skipReason(path, walking: folder?.root) {
                result.warnings.append("skipped '\(path)': \(reason)")
            } else {
                do {
                    opened = try SourceLoader.openFile(
                        path, detailsWhileIndexing: detailsWhileIndexing, load: load)
                } catch {
                    // A file removed since the folder was read is left out without a word, as
                    // the folder read again would leave it: "skipped: cannot open…" told of a
                    // fault in news the user had deleted.
                    if !Self.isGone(path) { result.warnings.append("skipped: \(error.message)") }
                }
            }
        case .folderEnd:
            if let folder, opens == folder.opens {
                // The reasons go with the folder's error, told once.
                let skipped = Array(result.warnings[folder.warnings...])
                result.warnings.removeSubrange(folder.warnings...)
                self.folder = nil
                try failed(.noNewsFiles(directory: folder.path, skipped: skipped))
            }
            folder = nil
        }
        switch step {
        case .named, .file: bytesLeft -= size
        default: break
        }
        if opened != nil { opens += 1 }
        if let source = opened, isRepeat(source) { opened = nil }
        if let opened { result.sources.append(opened) }
        if opens > folder?.opens ?? -1 { released = result.warnings.count }
        return (opened, size)
    }

    /// Whether nothing is at `path` any more (a link that leads nowhere is something).
    private static func isGone(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 && (errno == ENOENT || errno == ENOTDIR)
    }

    /// Tells a named path's failure: thrown, or skipped with a warning.
    private func failed(_ error: SourceError) throws(SourceError) {
        guard skippingFailures else { throw error }
        result.warnings.append("skipped: \(error.message)")
        result.failures.append(error)
    }

    /// Whether `source`'s file is one already opened (standard input never is).
    private func isRepeat(_ opened: OpenedSource) -> Bool {
        var info = stat()
        let path = opened.source.path
        guard path != "-", stat(path, &info) == 0 else { return false }
        return !seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
    }
}
