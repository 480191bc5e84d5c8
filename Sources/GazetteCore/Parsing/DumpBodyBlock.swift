/// What a block of a dump story's body shows: page furniture left among its paragraphs is no
/// part of the story's text, though the id is still made with it (ids stay as they were).
enum DumpBodyBlock {
    /// The lines of a body block that its paragraph shows: none for the page's widget alone, `TT`
    /// and its counter as a block of their own (under the title again, or at the story's end:
    /// they showed as a paragraph "TT 20"; found by QA). A `TT` or a number in running text stays.
    static func shownLines(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer)
        -> ArraySlice<LineSpan>
    {
        if isWidgetAlone(lines, in: bytes) { return lines[lines.startIndex..<lines.startIndex] }
        return lines
    }

    /// Whether `lines` are `TT` then its counter, and nothing else.
    private static func isWidgetAlone(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer) -> Bool
    {
        lines.count == 2 && DumpArticleLayout.isTextSizeWidget(lines[lines.startIndex], in: bytes)
            && DumpWidgetBlock.isCounter(lines[lines.startIndex + 1], in: bytes)
    }
}
