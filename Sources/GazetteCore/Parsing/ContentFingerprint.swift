/// A 64-bit hash of an article's text, eight bytes at a time, that gives the same article
/// the same value whatever its line endings, trailing whitespace or position in a file.
///
/// Lines are hashed as given (outer whitespace already trimmed by the reader) with a
/// separator after each, and a part marker after the title and each paragraph. A paragraph
/// of several lines is hashed as the parser joins them (``DumpJoinedLines``), as one line of
/// that text would be: the same text hard-wrapped at any width gives the same hash.
struct ContentFingerprint {
    private var hash: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Adds a line's bytes: 32 bytes a step in four independent lanes, then 8 at a time.
    mutating func add(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) {
        _ = add(line, in: bytes, checkingBlanks: false)
    }

    /// Adds a line's bytes as written, and tells whether its blanks are hashed as written
    /// (``DumpHashedBlanks``), checked in the same pass (``BlankRunCheck``).
    mutating func add(checkingBlanks line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        add(line, in: bytes, checkingBlanks: true)
    }

    @inline(__always)
    private mutating func add(_ line: LineSpan, in bytes: UnsafeRawBufferPointer, checkingBlanks: Bool)
        -> Bool
    {
        var index = line.start
        var blanks = BlankRunCheck()
        var checked = line.start
        if line.count >= 64 {
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (hash, hash ^ 0x1234_5678, ~hash, hash &+ 0x9E37)
            if checkingBlanks {
                // The same 32 bytes, each against the next one: all but a last 32 that end the line.
                while index + 33 <= line.end {
                    ContentFingerprint.round(&lanes, at: index, in: bytes)
                    blanks.check(at: index, in: bytes)
                    blanks.check(at: index + 16, in: bytes)
                    index += 32
                }
                checked = index
            }
            while index + 32 <= line.end {
                ContentFingerprint.round(&lanes, at: index, in: bytes)
                index += 32
            }
            mix(lanes.0)
            mix(lanes.1)
            mix(lanes.2)
            mix(lanes.3)
        }
        while index + 8 <= line.end {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        mix(ContentFingerprint.tail(from: index, to: line.end, in: bytes) ^ (UInt64(line.count) << 56) ^ 0x20)
        return !checkingBlanks || blanks.isAsWritten(line, checkedFrom: checked, in: bytes)
    }

    /// The bytes from `start` to `end` (fewer than 8), the first in the lowest byte: one load
    /// where 8 bytes can be read from `start`, else byte by byte.
    private static func tail(from start: Int, to end: Int, in bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = end - start
        guard count > 0 else { return 0 }
        #if _endian(little)
            if start + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                return word & (UInt64.max >> UInt64(64 - 8 * count))
            }
        #endif
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        for index in start..<end {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
        }
        return tail
    }

    /// Adds the lines of a paragraph or title joined as the parser joins them, their blanks as
    /// ids are made of them (``DumpHashedBlanks``); tells whether they are hashed as written.
    @discardableResult
    mutating func add(_ joined: DumpJoinedLines) -> Bool {
        joined.bytes.withUnsafeBytes { text in
            var asWritten = true
            for line in joined.lines where !add(hashedBlanks: line, in: text) { asWritten = false }
            return asWritten
        }
    }

    /// Adds the lines of a paragraph or title joined as the parser joins them, their blanks as
    /// shown (``DumpShownBlanks``): as the version before made ids.
    mutating func add(blanksShown joined: DumpJoinedLines) {
        joined.bytes.withUnsafeBytes { text in
            for line in joined.lines { add(shown: line, in: text) }
        }
    }

    /// Adds `bytes` as one line.
    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(LineSpan(start: 0, end: $0.count), in: $0) }
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

    /// Mixes the 32 bytes from `index` into the four lanes, 8 bytes each.
    @inline(__always)
    private static func round(
        _ lanes: inout (UInt64, UInt64, UInt64, UInt64), at index: Int, in bytes: UnsafeRawBufferPointer
    ) {
        lanes.0 = round(lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        lanes.1 = round(lanes.1, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
        lanes.2 = round(lanes.2, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
        lanes.3 = round(lanes.3, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
    }

    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (lane ^ word) &* 0x9FB2_1C65_1E98_DF25
        return mixed ^ (mixed >> 29)
    }

    private mutating func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
    }

    /// The hash.
    var value: UInt64 {
        var value = hash ^ (hash >> 29)
        value = value &* 0xC4CE_B9FE_1A85_EC53
        return value ^ (value >> 32)
    }

    /// The hash as 16 lowercase hex digits.
    var hexDigest: String { ArticleID.digits(of: value) }
}
