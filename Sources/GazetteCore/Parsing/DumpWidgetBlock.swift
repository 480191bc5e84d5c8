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
        guard let parts = Self.parts(of: lines, title: title, in: bytes), parts.end == lines.endIndex,
            // Every line after the title again is one of the captions before `TT`.
            parts.titleAgain.map({ lines.endIndex - $0 - 1 <= parts.widget - lines.startIndex }) ?? true
        else { return nil }
        widget = parts.widget
        titleAgain = parts.titleAgain
    }

    /// Where the widget block's parts are at the start of `lines`, if `TT` is among its first
    /// lines: `TT`, the title given again, and where what follows them begins (the end of
    /// `lines` for a widget block; the story's first paragraph when it follows them in the
    /// same block, which the segmenter parts from them).
    static func parts(of lines: ArraySlice<LineSpan>, title: LineSpan, in bytes: UnsafeRawBufferPointer)
        -> (widget: Int, titleAgain: Int?, end: Int)?
    {
        // Looked for by hand, without a slice or a closure: every block of a story is asked.
        var widget = lines.startIndex
        let last = min(lines.endIndex, lines.startIndex + Self.maxCaptionLines + 1)
        while widget < last && !DumpArticleLayout.isTextSizeWidget(lines[widget], in: bytes) { widget += 1 }
        guard widget < last else { return nil }
        var index = widget + 1
        while index < lines.endIndex, index - widget <= 2,
            Self.isCounter(lines[index], in: bytes)
        {
            index += 1
        }
        // The title again, and the captions again after it, with no blank line between (found
        // by QA): every line after it one of the captions before `TT`.
        var titleAgain: Int?
        if index < lines.endIndex, DumpArticleLayout.isTitleAgain(lines[index], title, in: bytes) {
            titleAgain = index
            index += 1
            let captions = lines.startIndex..<widget
            while index < lines.endIndex,
                captions.contains(where: { DumpArticleLayout.equal(lines[$0], lines[index], in: bytes) })
            {
                index += 1
            }
        }
        return (widget, titleAgain, index)
    }

    /// Whether a block holding `TT` shows the page's widget as a header does, without the title
    /// again to tell it: photos' captions before `TT` (see ``DumpCaptionBlock``), or none and
    /// the counter right after it, the block's last line. A `TT` line alone in a story's text,
    /// or beside a word or a paragraph (a share widget left in it), is text: it started a
    /// story (found by QA); so is a paragraph's line before or after `TT` and its counter.
    static func showsPageWidget(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer) -> Bool {
        var widget = lines.startIndex
        while widget < lines.endIndex && !DumpArticleLayout.isTextSizeWidget(lines[widget], in: bytes) {
            widget += 1
        }
        guard widget < lines.endIndex else { return false }
        let captions = lines[lines.startIndex..<widget]
        if DumpCaptionBlock.isCaptions(captions, in: bytes) { return true }
        // A paragraph's line glued to `TT` and a number split the story there (found by QA).
        return captions.isEmpty && widget + 2 == lines.endIndex && isCounter(lines[widget + 1], in: bytes)
    }

    /// The lines shown of a block of a story's text that is the page's widget block given again
    /// (photos' captions or none, `TT`, its counter; see ``showsPageWidget(_:in:)``): the
    /// captions, each line given again in a row once, without `TT` and the counter, as the
    /// header shows them. `nil` for any other block, shown whole.
    static func shownLines(of lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer) -> [LineSpan]? {
        // Asked of every block of a story: `TT` looked for in the first lines, by hand.
        var widget = lines.startIndex
        let last = min(lines.endIndex, lines.startIndex + Self.maxCaptionLines + 1)
        while widget < last && !DumpArticleLayout.isTextSizeWidget(lines[widget], in: bytes) { widget += 1 }
        guard widget < last, widget + 3 >= lines.endIndex,
            (widget + 1..<lines.endIndex).allSatisfy({ isCounter(lines[$0], in: bytes) }),
            showsPageWidget(lines, in: bytes)
        else { return nil }
        var shown: [LineSpan] = []
        for index in lines.startIndex..<widget
        where shown.last.map({ !DumpArticleLayout.equal($0, lines[index], in: bytes) }) ?? true {
            shown.append(lines[index])
        }
        return shown
    }

    /// Whether the line at `index` of a header block is a page widget: `TT`, a number of one to
    /// four digits, or right after `TT` a counter in any of its forms (see
    /// ``isCounter(_:in:)``).
    static func isWidget(at index: Int, of lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        let line = lines[index]
        if DumpArticleLayout.isWidget(line, in: bytes) { return true }
        return index > lines.startIndex && DumpArticleLayout.isTextSizeWidget(lines[index - 1], in: bytes)
            && isCounter(line, in: bytes)
    }

    /// A counter as the widget shows it after `TT`: up to four digits ("20"), thousands set
    /// apart ("1,234", "12.345"), a number shortened ("1.2K", "12K", "3M") or capped ("99+").
    /// They stayed in the caption; a plain number was furniture (found by QA).
    static func isCounter(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard line.count >= 1 && line.count <= 11 else { return false }
        var end = line.end
        let suffix = bytes[end - 1] | 0x20  // in lower case, a letter
        let shortened = suffix == UInt8(ascii: "k") || suffix == UInt8(ascii: "m")
        let capped = bytes[end - 1] == UInt8(ascii: "+")
        if shortened || capped { end -= 1 }
        // The groups of digits between `,` or `.`: how many, the first's length and the last's.
        var groups = 1
        var first = 0
        var current = 0
        var laterAreThousands = true
        for index in line.start..<end {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                current += 1
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                guard current > 0 else { return false }
                if groups == 1 {
                    first = current
                } else {
                    laterAreThousands = laterAreThousands && current == 3
                }
                groups += 1
                current = 0
            } else {
                return false
            }
        }
        guard current > 0 else { return false }
        if groups == 1 { return current <= (shortened ? 3 : 4) }
        if capped || first > 3 { return false }
        if shortened { return groups == 2 && current <= 2 }
        return laterAreThousands && current == 3
    }
}
