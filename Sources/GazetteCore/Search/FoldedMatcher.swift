#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Matches a query against raw UTF-8 bytes: folds them (see ``TextFolding``) into a buffer
/// it reuses, then looks for each term with `memchr` and `memcmp`. ASCII is folded byte by
/// byte, ideographs are copied, other characters go through a cache of folded scalars. One
/// per thread.
public struct FoldedMatcher {
    private let terms: [[UInt8]]
    private let output = FoldBuffer()
    private let cache = FoldCache()

    public init(_ query: SearchQuery) {
        terms = query.terms.map { Array($0.utf8) }
    }

    /// Whether the text in `bytes` holds every term.
    public func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !terms.isEmpty else { return true }
        let length = fold(bytes)
        let haystack = UnsafeRawPointer(output.pointer)
        return terms.allSatisfy { term in
            term.withUnsafeBytes { needle in
                guard let pattern = needle.baseAddress else { return false }
                return FoldedMatcher.contains(haystack, length, pattern, needle.count)
            }
        }
    }

    /// Whether `text` holds every term.
    public func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    /// Folds `bytes` into the output buffer; returns the folded length.
    private func fold(_ bytes: UnsafeRawBufferPointer) -> Int {
        output.reserve(bytes.count * 2 + 64)
        var out = output.pointer
        var length = 0
        var lastWasSpace = true
        // A line break between two characters of an unspaced script (Chinese, Japanese) is no
        // space: the space it became is taken back when such a character follows it.
        var lastWasUnspaced = false
        var breakInUnspaced = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                var folded = byte
                if byte &- 0x41 < 26 {
                    folded = byte | 0x20
                } else if byte <= 0x20 && (byte == 0x20 || (0x09...0x0D).contains(byte)) {
                    if byte == 0x0A || byte == 0x0D { breakInUnspaced = breakInUnspaced || lastWasUnspaced }
                    if lastWasSpace { continue }
                    lastWasSpace = true
                    out[length] = 0x20
                    length += 1
                    continue
                }
                lastWasUnspaced = false
                breakInUnspaced = false
                lastWasSpace = false
                out[length] = folded
                length += 1
                continue
            }
            let (scalar, width) = FoldedMatcher.decode(bytes, at: index)
            let value = scalar.value
            let unspaced = UnspacedScript.contains(value)
            if unspaced && breakInUnspaced && lastWasSpace && length > 0 { length -= 1 }
            lastWasUnspaced = unspaced
            breakInUnspaced = false
            // Ideographs, kana and Hangul syllables fold to themselves: copy them as they are.
            if width == 3 && TextFolding.isItsOwnFold(value) {
                out[length] = bytes[index]
                out[length + 1] = bytes[index + 1]
                out[length + 2] = bytes[index + 2]
                length += 3
                index += 3
                lastWasSpace = false
                continue
            }
            index += width
            let folded = cache.folded(scalar)
            if folded.count == 1 && folded[0] == 0x20 {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else if !folded.isEmpty {
                lastWasSpace = false
            }
            if length + folded.count + 8 > output.capacity {
                output.grow(to: (length + folded.count) * 2, keeping: length)
                out = output.pointer
            }
            for part in folded {
                out[length] = part
                length += 1
            }
        }
        return length
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

/// The folded text of one search, in memory reused from story to story.
private final class FoldBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init() {
        capacity = 1 << 16
        pointer = .allocate(capacity: capacity)
    }

    deinit {
        pointer.deallocate()
    }

    /// Makes room for at least `needed` bytes (what was there is not kept).
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        pointer.deallocate()
        capacity = needed
        pointer = .allocate(capacity: capacity)
    }

    /// Makes room for `needed` bytes, keeping the first `kept`.
    func grow(to needed: Int, keeping kept: Int) {
        guard needed > capacity else { return }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: needed)
        bigger.update(from: pointer, count: kept)
        pointer.deallocate()
        pointer = bigger
        capacity = needed
    }
}

/// Folded forms of the non-ASCII characters met so far.
private final class FoldCache {
    /// Scalars below this (Latin, Greek, Cyrillic, Hebrew, Arabic, general punctuation) are
    /// cached in an array rather than a dictionary.
    private static let tableSize = 0x2100
    private var table = [[UInt8]?](repeating: nil, count: FoldCache.tableSize)
    private var others: [UInt32: [UInt8]] = [:]

    func folded(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = Int(scalar.value)
        if value < FoldCache.tableSize, let cached = table[value] { return cached }
        if value >= FoldCache.tableSize, let cached = others[scalar.value] { return cached }
        let folded = Array(TextFolding.fold(String(Character(scalar)), keepingSpace: true).utf8)
        if value < FoldCache.tableSize { table[value] = folded } else { others[scalar.value] = folded }
        return folded
    }
}
