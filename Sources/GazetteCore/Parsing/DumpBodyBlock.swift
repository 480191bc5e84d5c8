/// What a block of a dump story's body shows: page furniture left among its paragraphs is no
/// part of the story's text, though the id is still made with it (ids stay as they were).
enum DumpBodyBlock {
    /// The lines of a body block that its paragraph shows: for the page's widget block given
    /// again (`TT` and its counter, photos' captions above them or none: under the title again,
    /// between paragraphs, at the story's end), its captions once and no `TT` or counter (see
    /// ``DumpWidgetBlock/shownLines(of:in:)``; they showed as a paragraph "TT 20"; found by
    /// QA); a `TT` or a number in running text stays. A photo's caption (naming its credit) given twice in a block, as a header gives
    /// it, shows once, and not at all when it is one of `caption`, the story's caption lines
    /// (the header's captions again after a byline): each showed twice in one paragraph (found
    /// by QA). A chant given twice stays.
    ///
    /// The title again with other spaces (a no-break space in one) is the header's
    /// (``DumpArticleLayout/equal(_:_:in:)``); the title again after it is the text there.
    static func shownLines(
        _ lines: ArraySlice<LineSpan>, caption: [LineSpan], in bytes: UnsafeRawBufferPointer
    ) -> ArraySlice<LineSpan> {
        let start = lines.startIndex
        // The page's widget block given again in the text: its captions once, no `TT` and counter.
        if let widgetBlock = DumpWidgetBlock.shownLines(of: lines, in: bytes) { return widgetBlock[...] }
        guard lines.count == 2, !lines[start].isEmpty,
            DumpArticleLayout.equal(lines[start], lines[start + 1], in: bytes)
        else { return lines }
        if caption.contains(where: { DumpArticleLayout.equal($0, lines[start], in: bytes) }) {
            return lines[start..<start]
        }
        let line = lines[start]
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
        return CaptionCredit.credit(fromCaption: text) == nil ? lines : lines[start..<start + 1]
    }
}
