import Foundation

/// The files of a folder tree, read with `readdir` (a file's kind from its folder's listing,
/// its size from `fstatat` beside it): Foundation's enumerator, with an `lstat` of each file's
/// full path, was most of a 60,000-file folder's first screen.
///
/// The walk is Foundation's (`fts`): folders in the order their folder lists them, each read
/// before the next; links are not followed, hidden entries and names that are not UTF-8 are
/// passed over, and so are a folder on another device (read, not gone down into), a folder
/// that is one it is in (a mount going round), and a folder whose entry cannot be examined;
/// a file whose entry cannot be examined is kept with no size.
enum FolderWalk {
    /// A file found: its path inside the tree and its size (a link's is its target's; 0 when
    /// unknown).
    typealias File = (path: String, size: Int)

    /// The files of the tree at `path` (whose real path is `start`), in no given order, and a
    /// "skipped…" line for each folder that cannot be read and each name in one that is not
    /// valid UTF-8, in the order the walk met them; nil, with `errno` set, when `path` itself
    /// cannot be read.
    static func files(in path: String, start: String) -> (files: [File], skipped: [String])? {
        guard let root = Listing(path) else { return nil }
        var skipped = root.namesNotUTF8(in: path)
        var files: [File] = []
        var rootInfo = stat()
        guard lstat(start, &rootInfo) == 0 else {
            root.close()
            return ([], skipped)
        }
        // Folders met: their identity and the folder they are in, to tell a folder that is one
        // it is in.
        var met: [(device: UInt64, inode: UInt64, parent: Int)] = [
            (UInt64(rootInfo.st_dev), UInt64(rootInfo.st_ino), -1)
        ]
        // Folders still to read, the next last (a tree as deep as it likes takes no stack).
        var pending: [(relative: String, met: Int)] = []
        var listing: Listing? = root
        var relative = ""
        var index = 0
        while true {
            if let folder = listing {
                var folders: [(relative: String, met: Int)] = []
                for entry in folder.entries {
                    let inside = relative.isEmpty ? entry.name : relative + "/" + entry.name
                    switch folder.kind(of: entry) {
                    case .folder(let device, let inode):
                        guard !isWithin(device: device, inode: inode, index, met) else { continue }
                        met.append((device, inode, index))
                        folders.append((inside, met.count - 1))
                    case .file(let size):
                        files.append((inside, size))
                    case .passedOver:
                        continue
                    }
                }
                folder.close()
                pending += folders.reversed()
            }
            guard let next = pending.popLast() else { break }
            relative = next.relative
            index = next.met
            let full = PathJoin.joined(path, relative)
            guard let folder = Listing(full) else {
                skipped.append(
                    "skipped '\(full)': the folder cannot be read: \(String(cString: strerror(errno)))")
                listing = nil
                continue
            }
            skipped += folder.namesNotUTF8(in: full)
            listing = folder
            // Another device mounted inside the tree is read, not gone down into.
            if met[index].device != UInt64(rootInfo.st_dev) {
                folder.close()
                listing = nil
            }
        }
        return (files, skipped)
    }

    /// Whether the folder `device`/`inode` is the folder `met[index]` or one it is in.
    private static func isWithin(
        device: UInt64, inode: UInt64, _ index: Int, _ met: [(device: UInt64, inode: UInt64, parent: Int)]
    ) -> Bool {
        var at = index
        while at >= 0 {
            if met[at].device == device && met[at].inode == inode { return true }
            at = met[at].parent
        }
        return false
    }

    /// One folder's entries, read at once, and the folder kept open to examine them.
    private final class Listing {
        struct Entry {
            var name: String
            var type: UInt8
        }
        enum Kind {
            case folder(device: UInt64, inode: UInt64)
            case file(size: Int)
            case passedOver
        }

        private let descriptor: Int32
        private(set) var entries: [Entry] = []
        /// Entries (hidden ones aside) whose names are not valid UTF-8.
        private var notUTF8 = 0

        /// Reads the folder `path`; nil, with `errno` set, when it cannot be.
        init?(_ path: String) {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            let reading = dup(descriptor)
            guard reading >= 0, let folder = fdopendir(reading) else {
                let failure = errno
                if reading >= 0 { Glibc.close(reading) }
                Glibc.close(descriptor)
                errno = failure
                return nil
            }
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                let type = entry.pointee.d_type
                // Nil for `.`, `..` and hidden entries (passed over, whatever their names), and
                // for a name that is not UTF-8 (counted).
                var valid = true
                let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String? in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let length = bytes.firstIndex(of: 0) ?? bytes.count
                    guard length > 0, bytes[0] != UInt8(ascii: ".") else { return nil }
                    let name = String(
                        validating: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
                    valid = name != nil
                    return name
                }
                if let name {
                    entries.append(Entry(name: name, type: type))
                } else if !valid {
                    notUTF8 += 1
                }
            }
        }

        /// A "skipped…" line for each name in the folder, at `path`, that is not valid UTF-8.
        func namesNotUTF8(in path: String) -> [String] {
            Array(
                repeating: "skipped a file in '\(path)' whose name is not valid UTF-8 (rename it to read it)",
                count: notUTF8)
        }

        /// What `entry` is to the walk.
        func kind(of entry: Entry) -> Kind {
            var info = stat()
            if entry.type == DT_DIR || entry.type == DT_UNKNOWN {
                // A folder whose entry cannot be examined is passed over.
                guard fstatat(descriptor, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    return .passedOver
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    return .folder(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                }
                if SourceLoader.isSkippedByName(entry.name) { return .passedOver }
            } else {
                if SourceLoader.isSkippedByName(entry.name) { return .passedOver }
                guard fstatat(descriptor, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    // Gone since the listing: passed over; kept otherwise, for opening it to tell why.
                    return errno == ENOENT ? .passedOver : .file(size: 0)
                }
                // Listed as a file, a folder now: passed over.
                if info.st_mode & S_IFMT == S_IFDIR { return .passedOver }
            }
            if info.st_mode & S_IFMT == S_IFLNK && fstatat(descriptor, entry.name, &info, 0) != 0 {
                return .file(size: 0)
            }
            return .file(size: Int(info.st_size))
        }

        func close() {
            Glibc.close(descriptor)
        }
    }
}
