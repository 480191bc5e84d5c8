/// What a block of a dump story's body shows: page furniture left among its paragraphs is no
/// part of the story's text, though the id is still made with it (ids stay as they were).
enum DumpBodyBlock {
    /// The lines of a body block that its paragraph shows: none for the page's widget alone, `TT`
    /// and its counter as a block of their own (under the title again, or at the story's end:
    /// they showed as a paragraph "TT 20"; found by QA); a `TT` or a number in running text
    /// stays. A photo's caption (naming its credit) given twice in a block, as a header gives
    /// it, shows once, and not at all when it is one of `caption`, the story's caption lines
    /// (the header's captions again after a byline): each showed twice in one paragraph (found
    /// by QA). A chant given twice stays.
    static func shownLines(
        _ lines: ArraySlice<LineSpan>, caption: [LineSpan], in bytes: UnsafeRawBufferPointer
    ) -> ArraySlice<LineSpan> {
        let start = lines.startIndex
        if isWidgetAlone(lines, in: bytes) { return lines[start..<start] }
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

    /// Whether `lines` are `TT` then its counter, and nothing else.
    private static func isWidgetAlone(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer) -> Bool
    {
        lines.count == 2 && DumpArticleLayout.isTextSizeWidget(lines[lines.startIndex], in: bytes)
            && DumpWidgetBlock.isCounter(lines[lines.startIndex + 1], in: bytes)
    }
}
