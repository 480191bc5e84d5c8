/// Tells a list of feed addresses (newsboat's `urls` file) from a plain-text dump: its lines
/// are web addresses, each with optional tags after it, `"query:…"` feeds, `#` comments and
/// blank lines. It opened as a dump whose stories were those lines (found by QA).
///
/// A dump begins with its first story's title, which is prose: the first line that is not
/// blank or a comment must be an address, so a dump is told after its first line. A dump whose
/// stories list addresses still has titles and paragraphs among them; of a list, at most one
/// line in 20 may be something else (a typo).
enum FeedAddressLines {
    /// Whether the lines of `head` from `start` are such a list. Unless `complete` (`head` is
    /// the whole file), its last line is cut and not judged.
    static func isList(_ head: UnsafeRawBufferPointer, from start: Int, complete: Bool) -> Bool {
        var addresses = 0
        var others = 0
        var index = start
        while index < head.count {
            while index < head.count, head[index] == 0x20 || head[index] == 0x09 { index += 1 }
            let lineStart = index
            var end = index
            while end < head.count, head[end] != 0x0A, head[end] != 0x0D { end += 1 }
            if end == head.count && !complete { break }
            if end > lineStart && head[lineStart] != UInt8(ascii: "#") {
                if isFeedLine(UnsafeRawBufferPointer(rebasing: head[lineStart..<end])) {
                    addresses += 1
                } else {
                    // Prose first: a dump's title.
                    if addresses == 0 { return false }
                    others += 1
                }
            }
            index = end + 1
        }
        return addresses > 0 && others * 20 <= addresses
    }

    /// The beginnings of a feed's line in newsboat's `urls`: its address's scheme, a command
    /// whose output is the feed (`exec:`, `filter:`), or a query feed. Static strings: this is
    /// looked at for every dump's first line.
    private static let beginnings: [StaticString] = [
        "http://", "https://", "file://", "exec:", "filter:", "\"query:",
    ]

    /// Whether `line` (without its leading blanks) names a feed: one of ``beginnings`` (its
    /// letters in either case), and more after it.
    private static func isFeedLine(_ line: UnsafeRawBufferPointer) -> Bool {
        beginnings.contains { beginning in
            let count = beginning.utf8CodeUnitCount
            guard line.count > count else { return false }
            for offset in 0..<count {
                let byte = beginning.utf8Start[offset]
                // ASCII letters compared without their case.
                let found = line[offset] | (byte >= 0x61 && byte <= 0x7A ? 0x20 : 0)
                if found != byte { return false }
            }
            return line[count] != 0x20 && line[count] != 0x09
        }
    }
}
