/// A story's first paragraph that is its byline, as a header gives one where the caption goes
/// (``DumpCaptionByline``): "By Jane Doe", "By Jane Doe and John Roe, Reuters", its day on a
/// line under it or not. It showed as text and credited no one (credits came from the caption;
/// found by QA). A paragraph that goes on as a sentence ("By Monday, most had left") is text:
/// each word of the names starts in upper case, or is one that joins names or names a place
/// ("and", "van", "in").
enum DumpTextByline {
    /// The most words of names a byline has.
    static let maxWords = 24

    /// Whether `lines`, a paragraph's, may be a byline: one line or two, the first starting
    /// "By " (looked at in the bytes: every story's first paragraph is asked).
    static func mayBe(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard (1...2).contains(lines.count), let first = lines.first, first.count > 3 else { return false }
        return bytes[first.start] == UInt8(ascii: "B") && bytes[first.start + 1] == UInt8(ascii: "y")
            && bytes[first.start + 2] == 0x20
    }

    /// The byline that `parts`, the paragraph's lines decoded, are, if they are one.
    static func byline(_ parts: [String]) -> DumpCaptionByline? {
        guard let byline = DumpCaptionByline(parts) else { return nil }
        let words = byline.author.split { $0 == " " || $0 == "," || $0 == "\t" }
        guard !words.isEmpty, words.count <= maxWords,
            words.allSatisfy({ $0.first?.isUppercase == true || joiners.contains($0.lowercased()) })
        else { return nil }
        // A subhead in title case ("By The Numbers", "By Air") is no one's name: after an
        // article, or alone, the words name an agency or it is text (found by QA).
        if articles.contains(words[0].lowercased()) {
            guard namesAgency(words.dropFirst()) else { return nil }
        } else if words.count == 1 {
            guard namesAgency(words[...]) else { return nil }
        }
        return byline
    }

    private static let articles: Set<String> = ["the", "a", "an"]

    /// Whether `words` start with a news agency's name ("Reuters", "AFP", "Associated Press").
    private static func namesAgency(_ words: ArraySlice<Substring>) -> Bool {
        guard let first = words.first else { return false }
        if first == "Associated" { return words.dropFirst().first == "Press" }
        return CaptionCredit.agencies.contains(first.uppercased())
    }

    /// Words between names in a byline: "Jane Doe and John Roe", "Ana de la Cruz in Madrid".
    private static let joiners: Set<String> = [
        "and", "&", "with", "in", "for", "of", "the", "de", "del", "della", "di", "da", "dos", "van", "von",
        "der", "den", "du", "la", "le", "bin", "al", "y", "e", "|", "/", "-", "·", "\u{2013}", "\u{2014}",
    ]
}
