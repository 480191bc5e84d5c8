/// A 64-bit hash of an article's text, eight bytes at a time, that gives the same article
/// the same value whatever its line endings, trailing whitespace or position in a file.
///
/// Lines are hashed as given (outer whitespace already trimmed by the reader) with a
/// separator after each, and a part marker after the title and each paragraph.
struct ContentFingerprint {
    private var hash: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Adds a line's bytes.
    mutating func add(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) {
        var index = line.start
        while index + 8 <= line.end {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < line.end {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail ^ (UInt64(line.count) << 56) ^ 0x20)
    }

    /// Adds text from a string (feeds), as one line.
    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            add(LineSpan(start: 0, end: buffer.count), in: UnsafeRawBufferPointer(buffer))
        }
    }

    /// Ends a part (title, paragraph) so that parts cannot run into each other.
    mutating func endPart() {
        mix(0x1E1E_1E1E_1E1E_1E1E)
    }

    private mutating func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
    }

    /// The hash as 16 lowercase hex digits.
    var hexDigest: String {
        var value = hash ^ (hash >> 29)
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 32
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
