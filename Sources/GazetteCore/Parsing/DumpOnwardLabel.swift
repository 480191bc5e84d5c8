/// A page's label that points to another story, as scraped into a dump story's text: a label
/// ending in a colon alone ("Read more:", "Related:"), or one of the words that name a link to
/// another story before its headline ("Read more: Floods Close Schools", "See also: …").
///
/// Given twice in a story's text it is no headline given twice: a headline stands on its own
/// and does not start by pointing elsewhere.
enum DumpOnwardLabel {
    /// Whether `line` ends in a colon, as a label does that points to what comes after it.
    static func ends(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        var end = line.end
        while end > line.start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return endsInColon(line.start, end, in: bytes)
    }

    /// Whether `line` starts with a label naming a link to another story, then a colon and the
    /// story's headline ("Read more: Floods Close Schools"). Words that head a headline of its
    /// own ("Analysis:", "Watch:", "Exclusive:") are none.
    static func starts(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        for label in labels where line.count > label.count + 1 {
            var index = 0
            while index < label.count, fold(bytes[line.start + index]) == label[index] { index += 1 }
            guard index == label.count else { continue }
            var after = line.start + index
            while after < line.end && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
            let colon = colonLength(at: after, before: line.end, in: bytes)
            guard colon > 0 else { continue }
            after += colon
            // A headline after it.
            while after < line.end && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
            return after < line.end
        }
        return false
    }

    /// The labels, in lower case as ``fold(_:)`` gives ASCII letters.
    private static let labels: [[UInt8]] = [
        "read more", "read also", "also read", "read next", "see also", "also see", "more", "related",
        "related story", "related stories", "related article", "related articles", "related coverage",
        "related content", "related news", "more on this", "more on this story", "further reading",
        "recommended", "recommended reading", "don't miss", "don’t miss", "must read",
        "lire aussi", "à lire aussi", "À lire aussi", "a lire aussi", "voir aussi", "lire la suite",
        "leer más",
        "lee también", "lea también", "ver también", "lesen sie auch", "mehr zum thema", "leia também",
        "leia mais", "veja também", "leggi anche", "lees ook", "czytaj też", "czytaj także",
        "читайте также", "Читайте также", "ЧИТАЙТЕ ТАКЖЕ", "Читайте еще", "Читайте ещё", "اقرأ أيضا",
        "اقرأ أيضاً", "相关阅读", "延伸阅读",
        "相关新闻", "相關閱讀", "延伸閱讀", "関連記事", "관련기사",
    ].map { Array($0.utf8) }

    /// An ASCII letter in lower case; other bytes as they are.
    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The length of a colon (`:` or FULLWIDTH COLON, U+FF1A) at `index`, 0 if none is there.
    private static func colonLength(at index: Int, before end: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        guard index < end else { return 0 }
        if bytes[index] == UInt8(ascii: ":") { return 1 }
        return end - index >= 3 && bytes[index] == 0xEF && bytes[index + 1] == 0xBC
            && bytes[index + 2] == 0x9A
            ? 3 : 0
    }

    /// Whether the text `start..<end` ends in a colon.
    private static func endsInColon(_ start: Int, _ end: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        if end > start && bytes[end - 1] == UInt8(ascii: ":") { return true }
        return end - start >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x9A
    }
}
