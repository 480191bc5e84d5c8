#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Matches a query against raw UTF-8 bytes: folds them (see ``TextFolding``) into a buffer
/// it reuses, then looks for each term with `memmem`. ASCII is folded byte by byte; other
/// characters through a cache of folded scalars. One per thread.
public struct FoldedMatcher {
    private let terms: [[UInt8]]
    private var buffer: [UInt8] = []
    private var cache: [UInt32: [UInt8]] = [:]

    public init(_ query: SearchQuery) {
        terms = query.terms.map { Array($0.utf8) }
    }

    /// Whether the text in `bytes` holds every term.
    public mutating func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !terms.isEmpty else { return true }
        fold(bytes)
        return buffer.withUnsafeBytes { folded in
            terms.allSatisfy { term in
                term.withUnsafeBytes { needle in
                    guard let haystack = folded.baseAddress, let pattern = needle.baseAddress else {
                        return false
                    }
                    return FoldedMatcher.contains(haystack, folded.count, pattern, needle.count)
                }
            }
        }
    }

    /// Whether `text` holds every term.
    public mutating func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    private mutating func fold(_ bytes: UnsafeRawBufferPointer) {
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(bytes.count)
        var lastWasSpace = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                var folded = byte
                if byte >= 0x41 && byte <= 0x5A {
                    folded = byte + 0x20
                } else if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                    folded = 0x20
                }
                if folded == 0x20 {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                buffer.append(folded)
                continue
            }
            let (scalar, length) = FoldedMatcher.decode(bytes, at: index)
            index += length
            let folded = foldedBytes(of: scalar)
            if folded == [0x20] {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else if !folded.isEmpty {
                lastWasSpace = false
            }
            buffer.append(contentsOf: folded)
        }
    }

    private mutating func foldedBytes(of scalar: Unicode.Scalar) -> [UInt8] {
        if let cached = cache[scalar.value] { return cached }
        let folded = Array(TextFolding.fold(String(Character(scalar)), keepingSpace: true).utf8)
        cache[scalar.value] = folded
        return folded
    }

    /// Whether `pattern` occurs in `haystack` (`memchr` for its first byte, then `memcmp`).
    private static func contains(
        _ haystack: UnsafeRawPointer, _ length: Int, _ pattern: UnsafeRawPointer, _ patternLength: Int
    ) -> Bool {
        guard patternLength > 0 else { return true }
        let first = Int32(pattern.load(as: UInt8.self))
        var start = 0
        while length - start >= patternLength {
            guard let found = memchr(haystack + start, first, length - start - patternLength + 1) else {
                return false
            }
            let offset = UnsafeRawPointer(found) - haystack
            if memcmp(haystack + offset, pattern, patternLength) == 0 { return true }
            start = offset + 1
        }
        return false
    }

    /// The scalar at `index` and its length in bytes; invalid UTF-8 is U+FFFD of one byte.
    private static func decode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
