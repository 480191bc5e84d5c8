import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a news file, memory-mapped when it is a regular file so that only the
/// pages actually read are ever loaded.
public final class FileBytes: @unchecked Sendable {
    /// The file's bytes; valid for the lifetime of this object, never written.
    public let buffer: UnsafeRawBufferPointer
    private let mappedLength: Int
    private let owned: UnsafeMutableRawPointer?

    /// Maps `path` (or reads it fully when it is a pipe or standard input, `-`).
    public init(path: String) throws(SourceError) {
        let fd: Int32 = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: FileBytes.errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotOpen(path: path, reason: FileBytes.errnoText()) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .cannotOpen(path: path, reason: "Is a directory")
        }
        if (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0 {
            let length = Int(info.st_size)
            guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
                throw .cannotOpen(path: path, reason: FileBytes.errnoText())
            }
            madvise(base, length, MADV_SEQUENTIAL)
            buffer = UnsafeRawBufferPointer(start: base, count: length)
            mappedLength = length
            owned = nil
            return
        }
        // Pipes, terminals, character devices and empty files: read what there is.
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: FileBytes.errnoText())
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        (buffer, owned) = FileBytes.copy(data)
        mappedLength = 0
    }

    /// Bytes already in memory (tests, standard input).
    public init(bytes: [UInt8]) {
        (buffer, owned) = FileBytes.copy(bytes)
        mappedLength = 0
    }

    deinit {
        if mappedLength > 0, let base = buffer.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), mappedLength)
        }
        owned?.deallocate()
    }

    /// Lets the system drop the mapped pages wholly inside `range` from this process (they
    /// stay in the page cache and come back when read again).
    public func release(_ range: Range<Int>) {
        guard mappedLength > 0, let base = buffer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, mappedLength) / page * page
        if end > start {
            madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        }
    }

    /// Number of bytes.
    public var count: Int { buffer.count }

    private static func copy(_ bytes: [UInt8]) -> (UnsafeRawBufferPointer, UnsafeMutableRawPointer?) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { memory.copyMemory(from: base, byteCount: source.count) }
        }
        return (UnsafeRawBufferPointer(start: memory, count: bytes.count), memory)
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
