/// The blanks of a dump line as its story's id is made of them: every run of spaces and tabs
/// is one space, none at the line's ends. A re-scrape that writes two spaces after a full stop
/// where one was (or a tab, or three spaces) gives the same id, so the story keeps its marks;
/// the screen still shows a run of spaces as written (``DumpShownBlanks``).
///
/// A no-break space (U+00A0) and the other Unicode spaces (U+2000–U+200A, U+202F, U+3000…)
/// are characters of the text, hashed as written: they bind words the pane never breaks
/// between ("«&nbsp;boîte noire&nbsp;»", "10&nbsp;km") or indent a CJK paragraph by two
/// columns each, so they do not show as a space does; and 4 of the real dump's 15 stories hold
/// them (English, French, Chinese), whose ids would change for no copy known to differ so.
enum DumpHashedBlanks {
    /// Whether `line` is hashed as written: no tab, no two spaces together, no space at an end
    /// (where a line is hashed, this is told by the hash's own pass:
    /// ``ContentFingerprint/add(checkingBlanks:in:)``).
    static func isAsWritten(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        var check = BlankRunCheck()
        return check.isAsWritten(line, checkedFrom: line.start, in: bytes)
    }

    /// The bytes of `line` as hashed.
    static func hashed(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> [UInt8] {
        folded(UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]))
    }

    /// `bytes` with every run of spaces and tabs one space, none at the ends.
    static func folded<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var blankBefore = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 {
                blankBefore = true
                continue
            }
            if blankBefore && !result.isEmpty { result.append(0x20) }
            blankBefore = false
            result.append(byte)
        }
        return result
    }
}

extension ContentFingerprint {
    /// Adds a line's bytes with its blanks as ids are made of them (``DumpHashedBlanks``), and
    /// tells whether they are hashed as written: found in the pass that hashes them as written,
    /// which a line hashed otherwise (nearly none) is hashed again after.
    mutating func add(hashedBlanks line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        let before = self
        if add(checkingBlanks: line, in: bytes) { return true }
        self = before
        add(DumpHashedBlanks.hashed(line, in: bytes))
        return false
    }
}

extension DumpJoinedLines {
    /// Whether a line of the joined text shows its blanks otherwise than ids hash them (two
    /// spaces together, shown as written: ``DumpShownBlanks``).
    var showsBlanksOtherwiseThanHashed: Bool {
        bytes.withUnsafeBytes { text in
            lines.contains { line in
                !DumpHashedBlanks.isAsWritten(line, in: text)
                    && DumpShownBlanks.shown(line, in: text) != DumpHashedBlanks.hashed(line, in: text)
            }
        }
    }
}
