import Foundation

/// The state file a store opened, and whether its path still names that file as Gazette left
/// it: not deleted or moved, nor emptied or overwritten in place by another program with other
/// bytes or another database (``StateStoreError/replaced(path:)``).
///
/// Besides its device and inode, the file keeps SQLite's header with the page size and the
/// application id it was seen with, and it never gets shorter: Gazette never vacuums a state
/// file, and SQLite truncates one only when it shrank. So garbage, another program's database
/// and a shorter copy (an older backup) put over it are told; a copy of a Gazette state file
/// as long or longer is not (no cheap look tells it apart).
final class OpenedStateFile: @unchecked Sendable {
    /// The state file's path.
    let path: String
    private let device: UInt64
    private let inode: UInt64
    private let lock = NSLock()
    /// What the header showed at the first look.
    private var pageSize: Int?
    private var applicationID: Int32?
    /// The longest the file was seen, in bytes and in the pages its header counts.
    private var longest = 0
    private var mostPages = 0
    /// Whether the file was seen gone from `path`, or a Gazette state file other than it there:
    /// a file put there since is not it, and it stays gone (its changes are saved at the end:
    /// ``RemovedStateFileSave``).
    private var seenGone = false

    /// The file `path` names now; nil when it names nothing.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.path = path
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        _ = standing()
    }

    /// What became of the file opened.
    enum Standing {
        /// As it was: `path` names it, with its header, no shorter than it was.
        case intact
        /// Deleted or moved away: `path` names nothing, a Gazette state file made or put there
        /// since (by another Gazette), or any file put there after it was seen naming nothing
        /// (SQLite writes nothing into a file moved away as it closes, and its log is left beside
        /// the old name for it).
        case gone
        /// Another program's file was put at `path` (moved or linked there), not seen gone first.
        case otherFile
        /// Emptied in place by another program (`: > state.sqlite`).
        case emptied
        /// Overwritten in place by another program: it must not be written.
        case altered

        /// What a write refused for this says, for the file at `path` (nil when intact).
        func refusal(path: String) -> StateStoreError? {
            switch self {
            case .intact: return nil
            case .gone: return .removed(path: path)
            case .otherFile, .altered: return .replaced(path: path)
            case .emptied: return .emptied(path: path)
            }
        }
    }

    /// What became of the file opened: one `stat` and a read of its 100-byte header (through
    /// SQLite's file layer, which keeps this process's locks), a few microseconds. A look that
    /// finds it intact remembers how long it was.
    func standing() -> Standing {
        var info = stat()
        guard stat(path, &info) == 0 else {
            lock.withLock { seenGone = true }
            return .gone
        }
        guard UInt64(info.st_dev) == device, UInt64(info.st_ino) == inode else {
            // A Gazette state file there now was made (or put) there by another Gazette after
            // this one was deleted or moved away, whether or not that was seen first: its
            // changes are merged into it at the end, as readers of one file merge theirs. It was
            // refused as replaced when made before this reader's next change, and the changes
            // made since were lost (found by QA).
            if !lock.withLock({ seenGone }),
                StateFileHeader(path: path)?.applicationID == ReadingStateStore.applicationID
            {
                lock.withLock { seenGone = true }
            }
            return lock.withLock { seenGone } ? .gone : .otherFile
        }
        // Emptied by another program (`: > state.sqlite`): written on, it read as damaged.
        guard info.st_size > 0 else { return .emptied }
        guard let header = StateFileHeader(path: path) else { return .altered }
        return lock.withLock {
            if let pageSize, pageSize != header.pageSize { return .altered }
            if let applicationID, header.applicationID != applicationID,
                header.applicationID != ReadingStateStore.applicationID
            {
                return .altered
            }
            let pages = header.pageCount ?? 0
            if header.fileSize < longest || pages < mostPages { return .altered }
            pageSize = header.pageSize
            applicationID = header.applicationID
            longest = header.fileSize
            mostPages = pages
            return .intact
        }
    }
}
