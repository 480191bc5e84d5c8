#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The blanks of a dump line as the screen shows them: a run of spaces and tabs that holds a
/// tab is one space between words (none at the line's ends); a run of spaces alone is kept as
/// written, as the article pane keeps it. What a line shows (``PlainTextDumpParser/decode(_:_:)``);
/// its story's id folds every run (``DumpHashedBlanks``), as the version before did only these.
enum DumpShownBlanks {
    /// Whether `line` holds a tab: only then is it shown otherwise than written.
    static func holdsTab(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !line.isEmpty else { return false }
        return memchr(base + line.start, 0x09, line.count) != nil
    }

    /// The bytes of `line` as shown.
    static func shown(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end])
        var spaced: [UInt8] = []
        spaced.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            guard raw[index] == 0x09 || raw[index] == 0x20 else {
                spaced.append(raw[index])
                index += 1
                continue
            }
            var end = index
            var hasTab = false
            while end < raw.count && (raw[end] == 0x09 || raw[end] == 0x20) {
                hasTab = hasTab || raw[end] == 0x09
                end += 1
            }
            if hasTab {
                if !spaced.isEmpty && end < raw.count { spaced.append(0x20) }
            } else {
                spaced.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index..<end]))
            }
            index = end
        }
        return spaced
    }
}

extension ContentFingerprint {
    /// Adds a line's bytes as the screen shows its blanks (``DumpShownBlanks``): as the version
    /// before made ids (a story's earlier id, ``DumpArticleDigest/earlierIDs``).
    mutating func add(shown line: LineSpan, in bytes: UnsafeRawBufferPointer) {
        guard DumpShownBlanks.holdsTab(line, in: bytes) else { return add(line, in: bytes) }
        DumpShownBlanks.shown(line, in: bytes).withUnsafeBytes { spaced in
            add(LineSpan(start: 0, end: spaced.count), in: spaced)
        }
    }
}
