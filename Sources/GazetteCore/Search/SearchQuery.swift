import Foundation

/// What a reader searches for: words that must all appear, and quoted phrases that must
/// appear as written (both folded, see ``TextFolding``). In a phrase, a space next to a
/// character of a script written without spaces (``UnspacedScript/isWrittenWithoutSpaces(_:)``)
/// may be in the text or not: a phrase copied from wrapped lines (the screen, a hard-wrapped
/// file) has a line break, read as a space, wherever such text was wrapped.
public struct SearchQuery: Equatable, Sendable {
    /// Folded words and phrases; every one must occur.
    public let terms: [String]
    /// The query as typed.
    public let text: String
    /// Each term in parts, folded: the term is the parts one after another, and between two of
    /// them the text may hold one space, or none.
    let parts: [[String]]

    /// Parses `text`: `"a phrase"` in double quotes (straight or curly) is one term, other
    /// words are terms of their own.
    public init(_ text: String) {
        self.text = text
        var parts: [[String]] = []
        var current = ""
        var inPhrase = false
        func finishTerm() {
            let term = SearchQuery.parts(of: current)
            if !term.isEmpty { parts.append(term) }
            current = ""
        }
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                finishTerm()
                inPhrase.toggle()
            } else if character.isWhitespace && !inPhrase {
                finishTerm()
            } else {
                current.append(character)
            }
        }
        finishTerm()
        self.parts = parts
        terms = parts.map { $0.joined() }
    }

    /// Every term of each of `texts`, each read as ``init(_:)`` reads one: queries given apart
    /// (`--grep a --grep b`) that must all match, as the words of one do.
    public init(all texts: [String]) {
        let queries = texts.map { SearchQuery($0) }
        parts = queries.flatMap(\.parts)
        terms = queries.flatMap(\.terms)
        text = texts.joined(separator: " ")
    }

    /// The folded parts of a term: it is cut at each run of whitespace with a character of a
    /// script written without spaces on either side of it.
    private static func parts(of term: String) -> [String] {
        var parts: [String] = []
        var part = ""
        var space = ""
        var lastBefore: Unicode.Scalar?
        for character in term {
            if character.isWhitespace {
                space.append(character)
                continue
            }
            if !space.isEmpty {
                let cut =
                    lastBefore.map { UnspacedScript.isWrittenWithoutSpaces($0.value) } == true
                    || character.unicodeScalars.first.map { UnspacedScript.isWrittenWithoutSpaces($0.value) }
                        == true
                if cut {
                    parts.append(part)
                    part = ""
                } else {
                    part += space
                }
                space = ""
            }
            part.append(character)
            lastBefore = character.unicodeScalars.last
        }
        parts.append(part)
        return parts.map { TextFolding.fold($0) }.filter { !$0.isEmpty }
    }

    /// Whether nothing is asked for.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether folded text holds every term.
    public func matches(folded text: String) -> Bool {
        matches(folded: text, besides: [])
    }

    /// Whether folded text holds every term that `found` (one flag per term, those another
    /// field holds) leaves out.
    func matches(folded text: String, besides found: [Bool]) -> Bool {
        termsFound(folded: text, besides: found).allSatisfy { $0 }
    }

    /// Which terms folded text holds, one flag per term; those `found` sets are taken as held
    /// without looking.
    func termsFound(folded text: String, besides found: [Bool] = []) -> [Bool] {
        var scalars: [Unicode.Scalar]?
        return parts.indices.map { index in
            if index < found.count && found[index] { return true }
            let term = parts[index]
            // Bytes compared, as the search of the files does: compared as characters, a Myanmar
            // word the text holds was not found.
            guard term.count > 1 else { return SearchQuery.bytes(of: text, hold: term[0]) }
            let needle = term.map { Array($0.unicodeScalars) }
            let haystack = scalars ?? Array(text.unicodeScalars)
            scalars = haystack
            return haystack.indices.contains { SearchQuery.end(of: needle, at: $0, in: haystack) != nil }
        }
    }

    /// Whether the UTF-8 of `text` holds that of `needle`: `memchr` for its first byte, then
    /// `memcmp` (the standard library's `firstRange(of:)` is generic code that took most of
    /// the tests' comparisons with the search).
    private static func bytes(of text: String, hold needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let wanted = needle.baseAddress else { return true }
                guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
                let last = haystack.count - needle.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(wanted[0]), last - start + 1) else {
                        return false
                    }
                    let at = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
                    if memcmp(base + at, wanted, needle.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// Where an occurrence of the term made of `parts` that starts at `start` of `scalars` ends,
    /// if one starts there: the parts one after another, one space or none between two.
    private static func end(of parts: [[Unicode.Scalar]], at start: Int, in scalars: [Unicode.Scalar]) -> Int?
    {
        var end = start
        for (index, part) in parts.enumerated() {
            if index > 0 && end < scalars.count && scalars[end] == " " { end += 1 }
            guard end + part.count <= scalars.count, scalars[end..<(end + part.count)].elementsEqual(part)
            else {
                return nil
            }
            end += part.count
        }
        return end
    }

    /// Whether an article's title, caption or credit, and body, or the name of its source
    /// (`sourceName`, where the list shows it), hold every term: terms may be spread over
    /// them, and each lies whole in the name or in the article's text.
    public func matches(_ article: Article, sourceName: String?) -> Bool {
        matches(article, besides: sourceName.map { termsFound(folded: TextFolding.fold($0)) } ?? [])
    }

    /// Whether an article's title, caption or credit, and body hold every term (terms may be
    /// spread over them).
    public func matches(_ article: Article) -> Bool {
        matches(article, besides: [])
    }

    private func matches(_ article: Article, besides found: [Bool]) -> Bool {
        guard !isEmpty else { return true }
        // Joined as the search of the files joins lines, those inside a paragraph too (a list's
        // items): by nothing inside Chinese or Japanese, or between it and punctuation. A dump's
        // credit is in its caption; a feed's (its author) stands alone.
        let parts = [article.title, article.caption ?? article.credit ?? ""] + article.paragraphs
        let text = TextFolding.fold(UnspacedScript.join(parts.flatMap { $0.split(separator: "\n") }))
        return matches(folded: text, besides: found)
    }

    /// The character ranges of `line` where a term occurs, for highlighting.
    public func highlights(in line: String) -> [Range<Int>] {
        highlights(inLines: [line])[0]
    }

    /// How a wrapped line is read as part of its text: the characters of indentation the
    /// layout put before it (not text), whether it goes on with the word the line before
    /// broke (joined with nothing), whether it ends with a "-" the text does not have, and
    /// whether the line before was wrapped at a space of the text (a space, whatever the
    /// letters either side: Thai wraps at its spaces too).
    public struct LineReading: Equatable, Sendable {
        public var skipping: Int
        public var goesOnWithWord: Bool
        public var endsWithAddedHyphen: Bool
        public var followsSpace: Bool

        public init(
            skipping: Int = 0, goesOnWithWord: Bool = false, endsWithAddedHyphen: Bool = false,
            followsSpace: Bool = false
        ) {
            self.skipping = skipping
            self.goesOnWithWord = goesOnWithWord
            self.endsWithAddedHyphen = endsWithAddedHyphen
            self.followsSpace = followsSpace
        }
    }

    /// The character ranges of each of `lines` where a term occurs, the lines read as one
    /// text, as the search reads a file's lines: joined by a space, or by nothing inside
    /// Chinese or Japanese (``UnspacedScript``) or a word the wrapping broke (as `readings`
    /// tell). A phrase wrapped onto the next line is highlighted on both.
    public func highlights(inLines lines: [String], readings: [LineReading]? = nil) -> [[Range<Int>]] {
        occurrences(inLines: lines, readings: readings).ranges
    }

    /// The lines where an occurrence of a term starts (a phrase wrapped onto the next line
    /// starts on the first), of `lines` read as ``highlights(inLines:readings:)`` reads them.
    public func matchStarts(inLines lines: [String], readings: [LineReading]? = nil) -> Set<Int> {
        occurrences(inLines: lines, readings: readings).starts
    }

    private func occurrences(
        inLines lines: [String], readings: [LineReading]?
    ) -> (ranges: [[Range<Int>]], starts: Set<Int>) {
        var ranges = [[Range<Int>]](repeating: [], count: lines.count)
        var starts: Set<Int> = []
        guard !isEmpty else { return (ranges, starts) }
        // The folded text, whitespace runs one space, with the line and character each
        // scalar came from (none for the space that joins two lines).
        var scalars: [Unicode.Scalar] = []
        var origins: [(line: Int, offset: Int)?] = []
        var lastWasSpace = true
        func append(_ scalar: Unicode.Scalar, from origin: (line: Int, offset: Int)?) {
            if scalar == " " {
                if lastWasSpace { return }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            scalars.append(scalar)
            origins.append(origin)
        }
        var previousText: Substring?
        for (index, line) in lines.enumerated() {
            let reading = readings?[index] ?? LineReading()
            var text = Substring(line)
            if reading.skipping > 0 { text = text.dropFirst(reading.skipping) }
            if reading.endsWithAddedHyphen && text.last == "-" { text = text.dropLast() }
            if reading.goesOnWithWord {
                // Nothing between the halves of a broken word.
            } else if reading.followsSpace {
                append(" ", from: nil)
            } else if let previousText, !text.isEmpty, !UnspacedScript.joinsWithoutSpace(previousText, text) {
                append(" ", from: nil)
            } else if text.isEmpty {
                append(" ", from: nil)
            }
            let skipped = reading.skipping
            TextFolding.fold(String(text)) { scalar, offset in append(scalar, from: (index, offset + skipped))
            }
            if !text.isEmpty { previousText = text }
        }
        for term in parts {
            let needle = term.map { Array($0.unicodeScalars) }
            guard let first = needle.first?.first else { continue }
            var start = 0
            while start < scalars.count {
                guard scalars[start] == first, let end = SearchQuery.end(of: needle, at: start, in: scalars)
                else {
                    start += 1
                    continue
                }
                // One range per line the occurrence touches.
                var open: (line: Int, from: Int, to: Int)?
                for origin in origins[start..<end] {
                    guard let origin else { continue }
                    if open == nil { starts.insert(origin.line) }
                    if let current = open, current.line == origin.line {
                        open?.to = origin.offset + 1
                    } else {
                        if let current = open { ranges[current.line].append(current.from..<current.to) }
                        open = (origin.line, origin.offset, origin.offset + 1)
                    }
                }
                if let current = open { ranges[current.line].append(current.from..<current.to) }
                start = end
            }
        }
        return (ranges.map { $0.sorted { $0.lowerBound < $1.lowerBound } }, starts)
    }

    /// The longest term, in characters (with the spaces its parts may have between them): how
    /// far a match can reach past the lines looked at.
    public var longestTerm: Int {
        zip(terms, parts).map { $0.count + $1.count - 1 }.max() ?? 0
    }
}
