/// The title said again at the top of the body: Medium starts a post with a heading that is
/// its title, and a feed whose description is its title says it twice. Shown once, as the
/// article's title.
enum FeedTitleInBody {
    /// `rendered` without its first paragraph when that is `title` again (a heading or a whole
    /// paragraph; compared without case, with whitespace collapsed and the marks that end a
    /// sentence left out), when more follows it. A paragraph that only starts with the title, one
    /// after the first, or a body of the title alone, stays.
    ///
    /// A title made of the body's start cut with "…" (as Mastodon and its bridges write one) is
    /// not said twice either: the first paragraph goes on from where the title was cut, after
    /// a "…" of its own ("Just released 2.0, with…" then "…many new features."), from the start
    /// of the word the title cut. It read the title's words twice.
    static func withoutTitle(_ title: String, in rendered: RenderedHTML) -> RenderedHTML {
        if let cut = withoutCutTitle(title, in: rendered) { return cut }
        // A body that is the title alone stays: left out, the story said the file held no
        // text for it, where the file gave the title twice (found in review).
        guard rendered.paragraphs.count > 1, let first = rendered.paragraphs.first, rendered.tables[0] == nil,
            first.utf8.count <= title.utf8.count * 2 + 16
        else { return rendered }
        let key = comparable(title)
        guard !key.isEmpty, comparable(first) == key else { return rendered }
        var result = RenderedHTML(
            paragraphs: Array(rendered.paragraphs.dropFirst()), links: rendered.links,
            headings: Set(rendered.headings.compactMap { $0 == 0 ? nil : $0 - 1 }))
        for (index, table) in rendered.tables { result.tables[index - 1] = table }
        for (index, lines) in rendered.headingLines where index > 0 { result.headingLines[index - 1] = lines }
        result.pictures = rendered.pictures
        result.preformatted = Set(rendered.preformatted.compactMap { $0 == 0 ? nil : $0 - 1 })
        return result
    }

    /// Fewest words a title cut from the body has to be taken for one.
    static let minCutTitleWords = 3

    /// `rendered` with its first paragraph going on from where `title` cut it, when `title`
    /// ends in "…" (or "...") and is that paragraph's start (whitespace and case aside), of at
    /// least `minCutTitleWords` words, with more after it; nil otherwise.
    private static func withoutCutTitle(_ title: String, in rendered: RenderedHTML) -> RenderedHTML? {
        var start = WordJoin.collapsedAtWhitespace(title)
        if start.hasSuffix("…") {
            start.removeLast()
        } else if start.hasSuffix("...") {
            start.removeLast(3)
        } else {
            return nil
        }
        while start.last == " " { start.removeLast() }
        guard start.split(separator: " ").count >= minCutTitleWords, let first = rendered.paragraphs.first,
            rendered.tables[0] == nil, !rendered.preformatted.contains(0),
            var rest = remainder(of: first, after: start)
        else { return nil }
        // From the start of the word the title cut ("fea…" then "…features").
        if let cutLetter = start.last, cutLetter.isLetter || cutLetter.isNumber, let next = rest.first,
            next.isLetter || next.isNumber
        {
            var wordStart = rest.startIndex
            while wordStart > first.startIndex {
                let before = first[first.index(before: wordStart)]
                guard before.isLetter || before.isNumber else { break }
                wordStart = first.index(before: wordStart)
            }
            rest = first[wordStart...]
        }
        let after = rest.drop { $0 == " " || $0 == "\n" }
        guard after.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        var result = rendered
        result.paragraphs[0] = "…" + after
        return result
    }

    /// What follows `start` in `text`, when `text` starts with it: a run of white space in
    /// `text` matches one space of `start`, letters match in any case; nil when it does not.
    private static func remainder(of text: String, after start: String) -> Substring? {
        var index = text.startIndex
        var wanted = start.startIndex
        while wanted < start.endIndex {
            guard index < text.endIndex else { return nil }
            let want = start[wanted]
            let have = text[index]
            if want == " " {
                guard have.isWhitespace else { return nil }
                while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            } else {
                guard have == want || have.lowercased() == want.lowercased() else { return nil }
                index = text.index(after: index)
            }
            wanted = start.index(after: wanted)
        }
        return text[index...]
    }

    /// `text` lowercased, its words joined by one space, without the marks that end a sentence
    /// after it. A colon stays: `Standard Ebooks:` leads into a quotation, it is no title.
    private static func comparable(_ text: String) -> String {
        var words = WordJoin.collapsedAtWhitespace(text).lowercased()
        while let last = words.last, ".!?…。！？ ".contains(last) { words.removeLast() }
        return words
    }
}
