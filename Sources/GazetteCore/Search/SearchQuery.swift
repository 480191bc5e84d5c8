/// What a reader searches for: words that must all appear, and quoted phrases that must
/// appear as written (both folded, see ``TextFolding``).
public struct SearchQuery: Equatable, Sendable {
    /// Folded words and phrases; every one must occur.
    public let terms: [String]
    /// The query as typed.
    public let text: String

    /// Parses `text`: `"a phrase"` in double quotes (straight or curly) is one term, other
    /// words are terms of their own.
    public init(_ text: String) {
        self.text = text
        var terms: [String] = []
        var current = ""
        var inPhrase = false
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                let folded = TextFolding.fold(current)
                if !folded.isEmpty { terms.append(folded) }
                current = ""
                inPhrase.toggle()
            } else if character.isWhitespace && !inPhrase {
                let folded = TextFolding.fold(current)
                if !folded.isEmpty { terms.append(folded) }
                current = ""
            } else {
                current.append(character)
            }
        }
        let folded = TextFolding.fold(current)
        if !folded.isEmpty { terms.append(folded) }
        self.terms = terms
    }

    /// Whether nothing is asked for.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether folded text holds every term.
    public func matches(folded text: String) -> Bool {
        terms.allSatisfy { text.contains($0) }
    }

    /// Whether an article's title or body holds every term (terms may be spread over both).
    public func matches(_ article: Article) -> Bool {
        guard !isEmpty else { return true }
        let text = TextFolding.fold(
            ([article.title, article.caption ?? ""] + article.paragraphs).joined(separator: "\n"))
        return matches(folded: text)
    }

    /// The character ranges of `line` where a term occurs, for highlighting.
    public func highlights(in line: String) -> [Range<Int>] {
        guard !isEmpty else { return [] }
        var folded = String.UnicodeScalarView()
        var origins: [Int] = []
        TextFolding.fold(line) { scalar, offset in
            folded.append(scalar)
            origins.append(offset)
        }
        let scalars = Array(folded)
        var ranges: [Range<Int>] = []
        for term in terms {
            let needle = Array(term.unicodeScalars)
            guard !needle.isEmpty, needle.count <= scalars.count else { continue }
            var start = 0
            while start + needle.count <= scalars.count {
                if scalars[start] == needle[0] && Array(scalars[start..<(start + needle.count)]) == needle {
                    ranges.append(origins[start]..<(origins[start + needle.count - 1] + 1))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}
