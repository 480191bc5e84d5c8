import Foundation

/// Why the reading-state file could not be opened or written.
///
/// Every case names the file (or folder) involved; ``message`` turns a case into the one
/// line the executable prints after `gazette: `.
public enum StateStoreError: Error, Equatable, Sendable {
    /// The file exists but is not a Gazette state database (not SQLite).
    case notADatabase(path: String)
    /// The file is another program's SQLite database: not Gazette's to move or replace.
    case anotherProgramsDatabase(path: String)
    /// The path names a folder, a device or a pipe, not a file.
    case notAFile(path: String)
    /// The path ends in `/`, which names a folder, whether or not one is there.
    case folderPath(path: String)
    /// The file is a SQLite database whose pages are damaged.
    case corrupt(path: String)
    /// The file was migrated by a newer Gazette; `version` names the unknown schema steps.
    case newerSchema(path: String, version: String)
    /// The file cannot be read by this user.
    case unreadable(path: String)
    /// The file or its folder cannot be written.
    case unwritable(path: String, reason: String)
    /// The file's write-ahead log or its index (`-wal`, `-shm`, named by `files`) cannot be
    /// written, and they belong to another user, so Gazette cannot fix them.
    case unwritableLog(path: String, files: [String])
    /// The file's name or path is longer than the system takes (``StateFileName``): `reason`
    /// says by how much.
    case nameTooLong(path: String, reason: String)
    /// The folder that should hold the file cannot be created.
    case cannotCreateFolder(path: String, reason: String)
    /// Another process held the file locked for longer than a write waits: nothing was
    /// written, and a later write may succeed.
    case busy(path: String)
    /// The file (or its log) could not grow: the disk is full, or the file is as big as the
    /// system lets it be. Nothing was written; a later write may succeed.
    case full(path: String)
    /// Any other failure of the database.
    case failed(path: String, reason: String)
    /// Another file was put in its place, or it was overwritten in place by another program,
    /// while it was open: nothing more is written to it (changes went on into the file no
    /// longer there without a word).
    case replaced(path: String)
    /// The file was deleted or moved away while it was open: the changes made since are kept,
    /// and saved at the end into a new state file made at `path`, or into the Gazette state file
    /// another Gazette made there meanwhile (never into another program's file), or into the
    /// file itself if it is put back.
    case removed(path: String)
    /// The file was emptied by another program while it was open (`: > state.sqlite`): nothing
    /// more is written to it (it then read as damaged, every mark gone).
    case emptied(path: String)

    /// Whether the changes a write could not make are kept to be written later: another
    /// program's lock goes, a full disk gets room, and a file deleted or moved away is made
    /// anew at the end.
    public var keepsChanges: Bool {
        switch self {
        case .busy, .full, .removed: return true
        default: return false
        }
    }

    /// Whether the file is there but this user may not write it (or the log beside it).
    public var isUnwritable: Bool {
        switch self {
        case .unwritable, .unwritableLog: return true
        default: return false
        }
    }

    /// What went wrong and what to do, in a few words, then the file's name alone (for the
    /// status line, which cuts the name first): "the file is read-only ('state.sqlite')".
    public var shortReason: String {
        let name = " ('" + (path as NSString).lastPathComponent + "')"
        switch self {
        case .unwritable(_, let reason) where reason == Self.readOnlyReason:
            return "the file is read-only" + name
        case .unwritable(_, let reason) where reason.hasPrefix("folder '"):
            return "its folder is not writable" + name
        case .unwritable(_, let reason): return reason + name
        case .unwritableLog: return "the log files beside it belong to another user" + name
        // Short enough for 50 columns without the name (found by QA).
        case .replaced: return "replaced by another file: not saved; restart" + name
        case .emptied: return "emptied by another program: not saved; restart" + name
        case .removed: return "deleted or moved: changes to save at quit" + name
        case .busy:
            return "'" + (path as NSString).lastPathComponent + "'"
                + " is locked by another program: not saved (try again once it is done)"
        // Whole at 40 columns: the advice was cut at 50 (found by QA).
        case .newerSchema: return "from a newer Gazette: upgrade to save" + name
        case .full: return "the disk is full or the file too big: not saved until there is room" + name
        default: return message
        }
    }

    /// ``shortReason`` in at most 38 columns before the file's name, for a narrow status line.
    public var narrowReason: String {
        let name = " ('" + (path as NSString).lastPathComponent + "')"
        switch self {
        case .unwritableLog: return "its log files are another user's" + name
        case .replaced: return "replaced: not saved; restart" + name
        case .emptied: return "emptied: not saved; restart" + name
        case .removed: return "deleted or moved: saved at quit" + name
        case .busy: return "locked by another program: not saved" + name
        case .full: return "disk or file full: not saved" + name
        default: return shortReason
        }
    }

    /// The status line while the changes of `count` stories wait behind `reason`: for a lock,
    /// "'state.sqlite' is locked by another program: 3 stories' changes wait" (whole at 80
    /// columns); for a full disk, "the disk is full or the file too big: 3 stories' changes
    /// wait ('state.sqlite')"; for a file deleted or moved away, "deleted or moved: 3 stories'
    /// changes saved at quit ('state.sqlite')".
    public static func waiting(_ count: Int, behind reason: StateStoreError) -> String {
        let file = (reason.path as NSString).lastPathComponent
        if case .removed = reason {
            return "deleted or moved: " + StoriesChanges.text(count) + " saved at quit ('" + file + "')"
        }
        if case .full = reason {
            return "the disk is full or the file too big: " + StoriesChanges.text(count, "wait") + " ('"
                + file + "')"
        }
        let changes = StoriesChanges.text(count, "wait")
        return "'" + file + "' is locked by another program: " + changes
    }

    /// What the reader says on standard error once it saved the changes kept since the state
    /// file was deleted or moved away (`kept`, in words) in a new state file where it was.
    public static func savedAnew(_ kept: String, path: String) -> String {
        "the state file was deleted or moved away while Gazette ran: the changes made since (" + kept
            + ") are saved in a new state file '\(path)'"
    }

    /// What the reader says at the quit once the changes it kept since its state file was
    /// deleted or moved away are merged into the new state file another Gazette (a reader of
    /// it, `gazette mark`) made at its path.
    public static func mergedAnew(_ kept: String, path: String) -> String {
        "the state file was deleted or moved away while Gazette ran: the changes made since (" + kept
            + ") are saved in the new state file another Gazette made at '\(path)'"
    }

    /// What the reader says at the quit of the changes (`refused`, in words) writes refused for
    /// good for this reason while it ran: "state file '…' was replaced or overwritten while
    /// Gazette ran; not saved: flags of 1 story".
    public func notSavedAtQuit(_ refused: String) -> String {
        let reason: String
        switch self {
        case .replaced(let path):
            reason = "state file '\(path)' was replaced or overwritten while Gazette ran"
        case .emptied(let path):
            reason = "state file '\(path)' was emptied by another program while Gazette ran"
        default: reason = message
        }
        return reason + "; not saved: " + refused
    }

    /// The status line of a reader that opened while another program kept the state file
    /// locked: "'state.sqlite' is locked by another program: changes are saved once it is free".
    public static func openedWhileLocked(path: String) -> String {
        "'" + (path as NSString).lastPathComponent
            + "' is locked by another program: changes are saved once it is free"
    }

    /// The status line of a reader that opened while the state file at `path` could not be made,
    /// or its log's index, for want of room: "the disk is full or the file too big: make room to
    /// save changes ('state.sqlite')".
    public static func openedWithoutRoom(path: String) -> String {
        "the disk is full or the file too big: make room to save changes ('"
            + (path as NSString).lastPathComponent + "')"
    }

    /// Why the reader ends when another program keeps a state file that has content locked
    /// (a database not in WAL mode, locked EXCLUSIVE) for longer than a write waits.
    public static func cannotOpenWhileLocked(path: String) -> String {
        "state file '\(path)' is locked by another program, which keeps Gazette from opening it; "
            + "try again once it is done"
    }

    /// What `list` and `export` say when another program keeps the state file locked: they
    /// print the articles all the same, without their read and flag marks.
    public static func marksNotShown(path: String) -> String {
        "state file '\(path)' is locked by another program: read marks and flags are not shown"
    }

    /// What `list` and `export` say when no state file can be made at `path` (see
    /// ``StateFileCreation``): they print the articles all the same, without marks. The reason
    /// first, the file's name last.
    public static func marksNotRead(_ error: StateStoreError, path: String) -> String {
        let reason: String
        switch error {
        case .cannotCreateFolder(_, let why): reason = "the state file's folder cannot be created (\(why))"
        case .unwritable(_, let why): reason = "the state file cannot be created: \(why)"
        case .unreadable: reason = "the state file cannot be looked for: its folder cannot be read"
        case .nameTooLong(_, let why): reason = "the state file is named too long for the system (\(why))"
        default: reason = error.message
        }
        return reason + ": read marks and flags are not shown (state file '\(path)')"
    }

    /// The reason an ``unwritable(path:reason:)`` gives for a file without write permission.
    static let readOnlyReason = "the file is read-only"

    /// The file or folder the error is about.
    public var path: String {
        switch self {
        case .notADatabase(let path), .anotherProgramsDatabase(let path), .notAFile(let path),
            .folderPath(let path), .corrupt(let path),
            .newerSchema(let path, _), .unreadable(let path),
            .unwritable(let path, _), .unwritableLog(let path, _), .nameTooLong(let path, _),
            .cannotCreateFolder(let path, _),
            .busy(let path), .full(let path), .failed(let path, _), .replaced(let path),
            .removed(let path), .emptied(let path):
            return path
        }
    }

    /// One line for the user: what is wrong with which file, and what to do about it.
    public var message: String {
        let advice = "or pass --state with another path"
        switch self {
        case .notADatabase(let path):
            return "state file '\(path)' is not a Gazette state database; move it aside \(advice)"
        case .anotherProgramsDatabase(let path):
            // Not "move it aside": the file belongs to another program (found by QA).
            return "state file '\(path)' is another program's SQLite database, not Gazette's; "
                + "pass --state with another path"
        case .notAFile(let path):
            return "state file '\(path)' is a folder, device or pipe, not a file; "
                + "pass --state with a file's path"
        case .folderPath(let path):
            return "state file '\(path)' ends in '/', which names a folder; pass --state with a file's path "
                + "(such as '\(path)state.sqlite')"
        case .corrupt(let path):
            return "state file '\(path)' is damaged; move it aside to start afresh \(advice)"
        case .newerSchema(let path, let version):
            // The name last: a long path put the advice on the third line of a narrow terminal.
            return
                "state file from a newer Gazette (schema \(version)): upgrade Gazette \(advice) ('\(path)')"
        case .unreadable(let path):
            return "cannot read state file '\(path)': fix its permissions \(advice)"
        case .unwritable(let path, let reason):
            return "cannot write state file '\(path)': \(reason); fix its permissions \(advice)"
        case .unwritableLog(let path, let files):
            let names = files.map { "'\($0)'" }.joined(separator: " and ")
            let (verb, them) = files.count == 1 ? ("belongs", "it") : ("belong", "them")
            return "cannot write state file '\(path)': \(names) beside it cannot be written and \(verb) to "
                + "another user; have \(them) made writable like the state file \(advice)"
        case .nameTooLong(let path, let reason):
            return "state file '\(path)' is named too long for the system: \(reason); "
                + "pass --state with a shorter path"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create folder '\(path)' for the state file: \(reason); "
                + "create it yourself \(advice)"
        case .busy(let path):
            return "state file '\(path)' is locked by another program: not saved (try again once it is done)"
        case .full(let path):
            return "state file '\(path)' cannot grow: the disk is full or the file too big; "
                + "make room \(advice)"
        case .failed(let path, let reason):
            return "state file '\(path)': \(reason)"
        case .replaced(let path):
            return "state file '\(path)' was replaced by another file while open: this change was not saved; "
                + "quit and open Gazette again"
        case .removed(let path):
            return "state file '\(path)' was deleted or moved away while open: this change was not saved; "
                + "quit and open Gazette again"
        case .emptied(let path):
            return
                "state file '\(path)' was emptied by another program while open: this change was not saved; "
                + "quit and open Gazette again"
        }
    }
}
