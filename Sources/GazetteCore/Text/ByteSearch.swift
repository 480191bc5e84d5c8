#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding a run of bytes in UTF-8 text without making strings of either.
enum ByteSearch {
    /// The first index at or after `start` where `needle` begins in `haystack`; nil when it
    /// does not occur there, or is empty.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The index of the first `byte` in `bytes` from `start` on (found with `memchr`); nil when
    /// there is none.
    static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start >= 0, start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the UTF-8 bytes of `text` hold those of `needle` (its first byte found with
    /// `memchr`, the rest compared with `memcmp`); false for an empty `needle`.
    static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let base = haystack.baseAddress, let key = needle.baseAddress, let first = needle.first
                else { return false }
                var start = 0
                while start + needle.count <= haystack.count,
                    let found = next(first, in: haystack, from: start)
                {
                    guard found + needle.count <= haystack.count else { return false }
                    if memcmp(base + found, key, needle.count) == 0 { return true }
                    start = found + 1
                }
                return false
            }
        }
    }

    /// Whether `bytes` hold `byte` (searched with `memchr`, not byte by byte).
    static func contains(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// How many times `byte` occurs in `bytes` (found with `memchr`).
    static func count(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Int {
        guard var next = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let end = next + bytes.count
        var found = 0
        while next < end, let hit = memchr(next, Int32(byte), end - next) {
            found += 1
            next = UnsafeRawPointer(hit) + 1
        }
        return found
    }

    /// Whether the UTF-8 of `text` holds `byte`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(byte, in: UnsafeRawBufferPointer($0)) }
    }
}
