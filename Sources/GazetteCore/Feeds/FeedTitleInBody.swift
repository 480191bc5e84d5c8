/// The title said again at the top of the body: Medium starts a post with a heading that is
/// its title, and a feed whose description is its title says it twice. Shown once, as the
/// article's title.
enum FeedTitleInBody {
    /// `rendered` without its first paragraph when that is `title` again (a heading or a whole
    /// paragraph; compared without case, with whitespace collapsed and the marks that end a
    /// sentence left out), when more follows it. A paragraph that only starts with the title, one
    /// after the first, or a body of the title alone, stays.
    static func withoutTitle(_ title: String, in rendered: RenderedHTML) -> RenderedHTML {
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

    /// `text` lowercased, its words joined by one space, without the marks that end a sentence
    /// after it. A colon stays: `Standard Ebooks:` leads into a quotation, it is no title.
    private static func comparable(_ text: String) -> String {
        var words = WordJoin.collapsedAtWhitespace(text).lowercased()
        while let last = words.last, ".!?…。！？ ".contains(last) { words.removeLast() }
        return words
    }
}
