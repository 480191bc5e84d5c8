/// A 64-bit FNV-1a hash of text with its whitespace normalised, so that the same article
/// hashes the same whatever its line endings, trailing spaces, tabs or line wrapping.
struct ContentFingerprint {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    private var pendingSpace = false
    private var atStart = true

    /// Adds a line's bytes; runs of ASCII whitespace count as one space.
    mutating func add(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) {
        for index in line.start..<line.end {
            let byte = bytes[index]
            if DumpBlockReader.isASCIISpace(byte) {
                pendingSpace = !atStart
                continue
            }
            if pendingSpace {
                mix(0x20)
                pendingSpace = false
            }
            atStart = false
            mix(byte)
        }
        pendingSpace = !atStart
    }

    /// Adds text from a string (feeds), normalised the same way.
    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            add(LineSpan(start: 0, end: buffer.count), in: UnsafeRawBufferPointer(buffer))
        }
    }

    /// Ends a part (title, paragraph) so that parts cannot run into each other.
    mutating func endPart() {
        mix(0x1E)
        pendingSpace = false
        atStart = true
    }

    private mutating func mix(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }

    /// The hash as 16 lowercase hex digits.
    var hexDigest: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
