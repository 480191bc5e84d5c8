/// The widget block of a dump article's header, of any size: the captions of its photos (each
/// given once or more, or hard-wrapped over lines), then the text-size control `TT` and its
/// counter; scraped without blank lines, the title again and the captions once more after them.
///
/// A block of up to four lines is told by `TT` alone, as it was
/// (``DumpArticleLayout/hasWidget(_:title:in:)``); a longer one only in this shape, so that a story's
/// paragraphs are not.
struct DumpWidgetBlock {
    /// The line `TT`, as an index of the block's lines.
    let widget: Int
    /// The title given again after the widgets, as an index of the block's lines, if it is.
    let titleAgain: Int?

    /// The most caption lines before `TT`: six photos, each with its caption given twice.
    static let maxCaptionLines = 12

    /// The block's parts, if `lines` are a widget block of the story titled `title`.
    init?(_ lines: ArraySlice<LineSpan>, title: LineSpan, in bytes: UnsafeRawBufferPointer) {
        guard
            let widget = lines.prefix(Self.maxCaptionLines + 1).firstIndex(where: {
                DumpArticleLayout.isTextSizeWidget($0, in: bytes)
            })
        else { return nil }
        var index = widget + 1
        while index < lines.endIndex, index - widget <= 2,
            DumpArticleLayout.isCounter(lines[index], in: bytes)
        {
            index += 1
        }
        // The title again, and the captions again after it, with no blank line between (found
        // by QA): every line after it one of the captions before `TT`.
        var titleAgain: Int?
        if index < lines.endIndex, DumpArticleLayout.isTitleAgain(lines[index], title, in: bytes) {
            titleAgain = index
            index += 1
            let captions = lines[lines.startIndex..<widget]
            guard lines.endIndex - index <= captions.count else { return nil }
            while index < lines.endIndex,
                captions.contains(where: { DumpArticleLayout.equal($0, lines[index], in: bytes) })
            {
                index += 1
            }
        }
        guard index == lines.endIndex else { return nil }
        self.widget = widget
        self.titleAgain = titleAgain
    }
}
