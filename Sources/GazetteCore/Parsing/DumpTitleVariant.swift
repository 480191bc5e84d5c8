/// The title of a dump story given again with a kicker before it (`LIVE: Quake hits coast`) or a
/// short tag after a dash or bar (`Quake hits coast – live updates`), or the title so and the
/// line without them: the page's headline and its other form in the header.
///
/// A kicker is one to three words before a colon and a blank; a tag is one to three words after
/// ` - `, ` – `, ` — ` or ` | ` that end as no sentence does. A line that goes on from the title's
/// words in a sentence ("Quake hits coast of Chile, killing three") or a longer phrase after a
/// dash ("- and why it matters to all of us") is none, as is a dateline's paragraph that ends as
/// a sentence where the title does not ("TOKYO: Quake hits coast - Three people died.").
enum DumpTitleVariant {
    /// The longest kicker, in bytes, its colon left out.
    static let longestKicker = 24
    /// The longest tag, in bytes.
    static let longestTag = 40
    /// The most words of a kicker or a tag.
    static let mostWords = 3

    /// Whether one of `line` and `title` is the other (in its words or others, as
    /// ``DumpArticleLayout/isTitleAgain(_:_:in:)`` says) with a kicker before it or a tag after it.
    static func isVariant(_ line: LineSpan, of title: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !line.isEmpty, !title.isEmpty, line.count != title.count else { return false }
        let (long, short) = line.count > title.count ? (line, title) : (title, line)
        guard long.count - short.count <= max(longestKicker, longestTag) + 8 else { return false }
        return hasKicker(long, before: short, in: bytes) || hasTag(long, after: short, in: bytes)
    }

    /// Whether `long` is a kicker, a colon, a blank and then `short`.
    private static func hasKicker(_ long: LineSpan, before short: LineSpan, in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        let limit = min(long.end, long.start + longestKicker + 1)
        var colon = long.start
        while colon < limit, bytes[colon] != UInt8(ascii: ":") {
            if ".,;!?".utf8.contains(bytes[colon]) { return false }
            colon += 1
        }
        guard colon < limit, colon + 1 < long.end, isBlank(bytes[colon + 1]),
            isShortPhrase(long.start, colon, in: bytes)
        else { return false }
        var rest = colon + 1
        while rest < long.end && isBlank(bytes[rest]) { rest += 1 }
        guard rest < long.end, !goesOnIntoSentence(long, past: short, in: bytes) else { return false }
        return DumpArticleLayout.isTitleAgain(LineSpan(start: rest, end: long.end), short, in: bytes)
    }

    /// Whether `line` ends as a sentence does where `title` does not: it goes on past the
    /// title's words into a sentence, as a dateline's first paragraph does ("TOKYO: Quake hits
    /// coast - Officials said three people died."), where a kicker's line ends at the title or at
    /// a site's name after it (it was left out as the title again; found by QA).
    private static func goesOnIntoSentence(
        _ line: LineSpan, past title: LineSpan, in bytes: UnsafeRawBufferPointer
    ) -> Bool {
        DumpSentenceLine.endsAsSentence(line, in: bytes) && !DumpSentenceLine.endsAsSentence(title, in: bytes)
    }

    /// Whether `long` is `short`, a blank, a dash or bar, a blank and a tag.
    private static func hasTag(_ long: LineSpan, after short: LineSpan, in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        var index = long.start + 1
        while index < long.end {
            defer { index += 1 }
            guard isBlank(bytes[index - 1]) else { continue }
            let length = separatorLength(at: index, before: long.end, in: bytes)
            let tag = index + length
            guard length > 0, tag < long.end, isBlank(bytes[tag]), long.end - tag <= longestTag + 1,
                isShortPhrase(tag, long.end, in: bytes)
            else { continue }
            let last = bytes[long.end - 1]
            guard !".!?,;:".utf8.contains(last) else { return false }
            if DumpArticleLayout.isTitleAgain(LineSpan(start: long.start, end: index - 1), short, in: bytes) {
                return true
            }
        }
        return false
    }

    /// The length of `-`, `|`, an en or em dash at `index`; 0 if none is there.
    private static func separatorLength(at index: Int, before end: Int, in bytes: UnsafeRawBufferPointer)
        -> Int
    {
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "|") { return 1 }
        // U+2013 and U+2014.
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
        {
            return 3
        }
        return 0
    }

    /// Whether the bytes `start..<end` hold one to ``mostWords`` words.
    private static func isShortPhrase(_ start: Int, _ end: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var words = 0
        var inWord = false
        for index in start..<end {
            let blank = isBlank(bytes[index])
            if !blank && !inWord { words += 1 }
            inWord = !blank
        }
        return words >= 1 && words <= mostWords
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
