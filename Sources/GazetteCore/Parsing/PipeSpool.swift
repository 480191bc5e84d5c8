import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a pipe, device or standard input too big to hold in memory is kept while it is read:
/// a temporary file, mode 0600, unlinked as soon as it is made (nothing is left behind, even
/// on a crash), which is then mapped as a news file is. Memory follows what is read of it,
/// not its size.
struct PipeSpool {
    private let fd: Int32
    private let path: String
    private let directory: String
    /// Bytes written so far.
    private(set) var count = 0

    /// The folder temporary files go to: `$TMPDIR`, else `/tmp`.
    static var defaultDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }

    /// A new, already unlinked, temporary file in `directory`; `path` names the input in errors.
    init(path: String, directory: String) throws(SourceError) {
        self.path = path
        self.directory = directory
        var template = Array((directory + "/gazette-spool.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { name in
            name.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { throw PipeSpool.failure(path: path, directory: directory) }
        unlink(template)
        fchmod(fd, 0o600)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        self.fd = fd
    }

    /// Appends `bytes`; a full disk is a clear error (``discard()`` the spool then).
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(SourceError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let written = write(fd, base + done, bytes.count - done)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw PipeSpool.failure(path: path, directory: directory) }
            done += written
        }
        count += done
    }

    /// Maps what was written (read-only) and closes the file, mapped or not: the mapping
    /// keeps it alive until it is unmapped.
    func map() throws(SourceError) -> UnsafeMutableRawPointer {
        defer { close(fd) }
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw PipeSpool.failure(path: path, directory: directory)
        }
        return base
    }

    /// Gives the file up (the reading failed).
    func discard() {
        close(fd)
    }

    /// The error for `errno` while keeping `path` in a temporary file in `directory`.
    private static func failure(path: String, directory: String) -> SourceError {
        let reason = String(cString: strerror(errno))
        return .cannotOpen(
            path: path,
            reason: "cannot keep it in a temporary file in '\(directory)' (TMPDIR): \(reason)")
    }
}
