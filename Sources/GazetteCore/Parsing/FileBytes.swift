import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a news file: memory-mapped when it is a big regular file (or a big pipe kept
/// in a temporary file), so that only the pages actually read are ever loaded; read into
/// memory otherwise.
///
/// A mapped file that shrinks while it is open reads as NUL bytes past its new end instead
/// of crashing the process (``MappedFileGuard``); ``lostBytes`` then tells so.
public final class FileBytes: @unchecked Sendable {
    /// The file's bytes; valid for the lifetime of this object, never written.
    public let buffer: UnsafeRawBufferPointer
    private let mappedLength: Int
    private let owned: UnsafeMutableRawPointer?
    private let guardRegistration: MappedFileGuard.Registration?

    /// Regular files at least this big are mapped; smaller ones are read whole, which costs
    /// no more and cannot be cut short under the reader. A pipe, device or standard input
    /// that gives more than this goes on in a temporary file that is mapped.
    public static let mappingThreshold = 1 << 20

    /// True when a read found the mapped file shorter than when it was opened: the bytes
    /// past its new end read as NULs. Reloading the file gives its current content.
    public var lostBytes: Bool {
        guardRegistration.map(MappedFileGuard.lostBytes) ?? false
    }

    /// The file as it was opened (device, inode, size); nil for standard input and bytes
    /// given in memory.
    private let identity: (path: String, device: UInt64, inode: UInt64, size: Int64)?

    /// True when the file on disk is no longer the one that was read: it is gone, was
    /// replaced, or has another size (one `stat`). Always false for standard input.
    public var changedOnDisk: Bool {
        guard let identity else { return false }
        if lostBytes { return true }
        var info = stat()
        guard stat(identity.path, &info) == 0 else { return true }
        return UInt64(info.st_dev) != identity.device || UInt64(info.st_ino) != identity.inode
            || Int64(info.st_size) != identity.size
    }

    /// Whether the file read has no name on disk any more (deleted, or moved away); false for
    /// standard input and pipes.
    public var goneFromDisk: Bool {
        guard let identity else { return false }
        var info = stat()
        return stat(identity.path, &info) != 0 && errno == ENOENT
    }

    /// Most bytes read from a pipe, device or standard input (and from a regular file past
    /// its size as opened): 1 GiB, kept on disk (in the temporary folder) while it is open.
    public static let readLimit = 1 << 30

    /// Maps `path` (or reads it fully when it is a pipe or standard input, `-`), reading at
    /// most `readLimit` bytes from what is not a regular file. From what is not a regular file,
    /// `judgingHead` is given the first `headLength` bytes or more as soon as they are
    /// read: an error from it ends the reading there (a device of random bytes is judged at
    /// once, not after `readLimit` of them). What is not a regular file and is bigger than
    /// ``mappingThreshold`` is kept in an unlinked temporary file in `spoolDirectory`
    /// (`$TMPDIR` when nil) and mapped, so that it costs the memory the same file would.
    /// A regular file of `mappingFrom` bytes or more (and not empty) is mapped rather than read.
    public init(
        path: String, readLimit: Int = FileBytes.readLimit, headLength: Int = FormatDetector.sniffLength,
        spoolDirectory: String? = nil, mappingFrom: Int = FileBytes.mappingThreshold,
        judgingHead: ((UnsafeRawBufferPointer) -> SourceError?)? = nil
    ) throws(SourceError) {
        let fd: Int32 = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: FileBytes.errnoText()) }
        defer { close(fd) }
        // News typed at the terminal is not what `-` is for: it would wait for an end of file.
        if path == "-" && isatty(fd) == 1 {
            throw .standardInputIsTheTerminal
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotOpen(path: path, reason: FileBytes.errnoText()) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .cannotOpen(path: path, reason: "Is a directory")
        }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        let isFile = path != "-" && isRegular
        identity =
            isFile ? (path, UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_size)) : nil
        if isRegular && info.st_size >= max(1, mappingFrom) {
            let length = Int(info.st_size)
            guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
                throw .cannotOpen(path: path, reason: FileBytes.errnoText())
            }
            if let registration = MappedFileGuard.register(base, length: length) {
                madvise(base, length, MADV_SEQUENTIAL)
                buffer = UnsafeRawBufferPointer(start: base, count: length)
                mappedLength = length
                owned = nil
                guardRegistration = registration
                return
            }
            munmap(base, length)  // Too many guarded at once: read this one instead.
        }
        // Small files, pipes, terminals, character devices and empty files: read what there is,
        // up to a limit (a device such as /dev/zero never ends). What is not a regular file goes
        // on in a temporary file once it outgrows `spoolFrom`, mapped at the end as a file is.
        let limit = isRegular ? max(readLimit, Int(info.st_size)) : readLimit
        let spoolFrom = isRegular ? Int.max : max(FileBytes.mappingThreshold, headLength)
        var capacity = isRegular ? Int(info.st_size) + 1 : 1 << 16
        guard var memory = malloc(max(capacity, 1)) else {
            throw .cannotOpen(path: path, reason: "out of memory")
        }
        var count = 0
        // Bytes in `memory`: all those read, until they go to the spool.
        var held = 0
        var spool: PipeSpool?
        var judged = isRegular || judgingHead == nil
        do throws(SourceError) {
            while true {
                if !judged && count >= headLength, let judgingHead {
                    judged = true
                    if let error = judgingHead(UnsafeRawBufferPointer(start: memory, count: held)) {
                        throw error
                    }
                }
                if held == capacity {
                    if spool == nil && count >= spoolFrom {
                        spool = try PipeSpool(
                            path: path, directory: spoolDirectory ?? PipeSpool.defaultDirectory)
                    }
                    if spool != nil {
                        try spool?.append(UnsafeRawBufferPointer(start: memory, count: held))
                        held = 0
                    } else {
                        capacity = min(capacity * 2, limit + 1)
                        guard let grown = realloc(memory, capacity) else {
                            throw .cannotOpen(path: path, reason: "out of memory")
                        }
                        memory = grown
                    }
                }
                let got = read(fd, memory + held, min(capacity - held, 1 << 20))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw .cannotOpen(path: path, reason: FileBytes.errnoText())
                }
                if got == 0 { break }
                count += got
                held += got
                guard count <= limit else { throw .tooBig(path: path, limit: readLimit) }
            }
            try spool?.append(UnsafeRawBufferPointer(start: memory, count: held))
        } catch {
            free(memory)
            spool?.discard()
            throw error
        }
        if let spool {
            free(memory)
            let base = try spool.map()
            madvise(base, count, MADV_SEQUENTIAL)
            buffer = UnsafeRawBufferPointer(start: base, count: count)
            mappedLength = count
            owned = nil
            // Nothing else can cut the unlinked file short: guarded when there is room, as
            // any mapping read may be.
            guardRegistration = MappedFileGuard.register(base, length: count)
            return
        }
        buffer = UnsafeRawBufferPointer(start: memory, count: count)
        owned = memory
        mappedLength = 0
        guardRegistration = nil
    }

    /// Bytes already in memory (tests, standard input).
    public init(bytes: [UInt8]) {
        (buffer, owned) = FileBytes.copy(bytes)
        mappedLength = 0
        guardRegistration = nil
        identity = nil
    }

    deinit {
        if mappedLength > 0, let base = buffer.baseAddress {
            if let guardRegistration { MappedFileGuard.unregister(guardRegistration) }
            munmap(UnsafeMutableRawPointer(mutating: base), mappedLength)
        }
        free(owned)
    }

    /// Whether the bytes are a mapping of the file (or of a pipe's temporary file), whose
    /// pages the system may drop and read again, rather than memory of the process's own.
    public var isMapped: Bool { mappedLength > 0 }

    /// Lets the system drop the mapped pages wholly inside `range` from this process (they
    /// stay in the page cache and come back when read again); a range that reaches the end
    /// takes the last page too.
    public func release(_ range: Range<Int>) {
        guard mappedLength > 0, let base = buffer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end =
            range.upperBound >= mappedLength
            ? (mappedLength + page - 1) / page * page : range.upperBound / page * page
        if end > start {
            madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        }
    }

    /// Number of bytes.
    public var count: Int { buffer.count }

    private static func copy(_ bytes: [UInt8]) -> (UnsafeRawBufferPointer, UnsafeMutableRawPointer?) {
        // malloc, as the bytes read from a pipe are: both are freed the same way.
        guard let memory = malloc(max(bytes.count, 1)) else { fatalError("out of memory") }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { memory.copyMemory(from: base, byteCount: source.count) }
        }
        return (UnsafeRawBufferPointer(start: memory, count: bytes.count), memory)
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
