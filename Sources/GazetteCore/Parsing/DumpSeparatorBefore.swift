/// Whether a dump's line comes after two blank lines or more, the separator of stories that one
/// blank line (a paragraph's) is not, or starts the file (after its BOM or blank lines, if any).
///
/// Read back in the file's bytes, so that a story parsed alone is cut as the whole file's
/// indexing cut it; a blank line of more than ``longestBlankRun`` spaces is taken for none (the
/// look back stays short).
enum DumpSeparatorBefore {
    /// Whether the line starting at byte `start` of `bytes` comes after a separator or starts
    /// the file.
    static func precedes(lineAt start: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var index = start
        if index == 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return true }
        for _ in 0..<2 {
            guard index > 0 else { return true }
            // The line break that ends the line before: LF, CR LF or CR.
            if bytes[index - 1] == 0x0A {
                index -= 1
                if index > 0 && bytes[index - 1] == 0x0D { index -= 1 }
            } else if bytes[index - 1] == 0x0D {
                index -= 1
            } else {
                return false
            }
            // The line before, blank when it holds spaces and tabs only.
            var start = index
            while start > 0, index - start < Self.longestBlankRun,
                bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09
            {
                start -= 1
            }
            if start == 0 { return true }
            guard bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D else { return false }
            index = start
        }
        return true
    }

    /// The most spaces and tabs a blank line is looked back over.
    static let longestBlankRun = 256
}
