internal import CBlankRuns

/// Whether a dump line's blanks are hashed as written (``DumpHashedBlanks``): no tab, no two
/// spaces together, no space at an end. Made beside the hash's own pass over the line
/// (``ContentFingerprint/add(checkingBlanks:in:)``), 16 bytes a step, each byte against the
/// next: a line is not read twice to find the nearly none that hold such blanks.
///
/// Looked for: two bytes together neither above a space (two spaces, a space and a tab, two
/// controls) and a byte below a space (a tab, a control), as the least over all steps of the
/// greater of each byte and the next, and the least byte: three instructions for each 16 bytes
/// and two loads (SSE2 `pmaxub`, `pminub`, in C: ``GazetteBlankRuns``), where the hash takes
/// about ten. A line that holds a control other than a tab (nearly none) is then checked byte
/// by byte.
struct BlankRunCheck {
    /// The least, lane by lane, of each byte and the next one's greater, and of the bytes.
    private var runs = gazette_blank_runs_start()

    /// Checks the 16 bytes from `offset` against the byte after each (17 bytes are read).
    @inline(__always)
    mutating func check(at offset: Int, in bytes: UnsafeRawBufferPointer) {
        gazette_blank_runs_check(
            &runs, bytes.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self) + offset)
    }

    /// Whether `line` is hashed as written, its bytes from `start` on not checked yet.
    @inline(__always)
    mutating func isAsWritten(_ line: LineSpan, checkedFrom start: Int, in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        guard !line.isEmpty else { return true }
        let first = bytes[line.start]
        let last = bytes[line.end - 1]
        if first <= 0x20 || last <= 0x20 { return BlankRunCheck.isAsWritten(line, in: bytes) }
        var offset = start
        while offset + 17 <= line.end {
            check(at: offset, in: bytes)
            offset += 16
        }
        if offset + 1 < line.end {
            // The last 17 bytes, over some checked already; a short line byte by byte.
            guard line.count >= 17 else { return BlankRunCheck.isAsWritten(line, in: bytes) }
            check(at: line.end - 17, in: bytes)
        }
        return !gazette_blank_runs_found(&runs) || BlankRunCheck.isAsWritten(line, in: bytes)
    }

    /// Whether `line` is hashed as written, byte by byte.
    private static func isAsWritten(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !line.isEmpty else { return true }
        if bytes[line.start] == 0x20 || bytes[line.end - 1] == 0x20 { return false }
        var afterSpace = false
        for index in line.start..<line.end {
            let byte = bytes[index]
            if byte == 0x09 || byte == 0x20 && afterSpace { return false }
            afterSpace = byte == 0x20
        }
        return true
    }
}
