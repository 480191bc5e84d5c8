/// A line alone, one blank line before a story's whole header: a scraper's note at the top of
/// the file ("Scraped 2024-03-05 from example.com") or a section's name. The story was taken
/// into it: listed under that line, its title and header shown as its text (found by QA).
extension DumpArticleSegmenter {
    /// Whether the article so far is one line alone and the block at the head of the look-ahead
    /// (one line) opens a story with its header given whole: that line as its title, the
    /// page's widget block (`TT`) or its caption, the title again, then text of its own. The title is not the
    /// line alone given again, nor in other words.
    mutating func startsHeaderAfterLoneLine() -> Bool {
        guard let first = peek(0), first.count == 1, let lone = article.blocks.first else { return false }
        let title = article.lines[first.first]
        let line = article.lines[lone.first]
        // The title again after the header block tells a header, with the widget block or a
        // caption alone (without `TT` the note took the story; found by QA).
        guard title.count <= DumpBareTitle.longestBytes, repeatedHeaderEnd(at: 0) == 2,
            hasTextOfItsOwn(after: 2, title: title)
        else { return false }
        return !DumpArticleLayout.isTitleAgain(title, line, in: reader.bytes)
            && !DumpTitleVariant.isVariant(title, of: line, in: reader.bytes)
            && !DumpTitleVariant.isVariant(line, of: title, in: reader.bytes)
    }
}
