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
    /// The first block, when it is the title again with other spaces (a no-break space in one),
    /// shows nothing: it was left in the text (found by QA). The title again as it is stays: it
    /// is the text there (the header took the first one).
    static func shownLines(
        _ lines: ArraySlice<LineSpan>, isFirst: Bool, of layout: DumpArticleLayout, caption: [LineSpan],
        in bytes: UnsafeRawBufferPointer
    ) -> ArraySlice<LineSpan> {
        let start = lines.startIndex
        // The page's widget block given again in the text: its captions once, no `TT` and counter.
        if let widgetBlock = DumpWidgetBlock.shownLines(of: lines, in: bytes) { return widgetBlock[...] }
        if isFirst, lines.count == 1, layout.titleWrap == nil,
            !DumpArticleLayout.equal(lines[start], layout.title, in: bytes),
            sameWords(lines[start], layout.title, in: bytes)
        {
            return lines[start..<start]
        }
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

    /// Whether two lines hold the same words, any run of spaces matching any other: a space, a
    /// tab, a no-break space, U+2000–U+200A (thin and others), U+202F, U+205F or U+3000.
    private static func sameWords(_ lhs: LineSpan, _ rhs: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool
    {
        var left = lhs.start
        var right = rhs.start
        while true {
            let leftBlank = blankLength(at: left, before: lhs.end, in: bytes)
            let rightBlank = blankLength(at: right, before: rhs.end, in: bytes)
            guard (leftBlank > 0) == (rightBlank > 0) else { return false }
            if leftBlank > 0 {
                left = pastBlanks(from: left, before: lhs.end, in: bytes)
                right = pastBlanks(from: right, before: rhs.end, in: bytes)
                continue
            }
            if left == lhs.end || right == rhs.end { return left == lhs.end && right == rhs.end }
            if bytes[left] != bytes[right] { return false }
            left += 1
            right += 1
        }
    }

    private static func pastBlanks(from index: Int, before end: Int, in bytes: UnsafeRawBufferPointer) -> Int
    {
        var index = index
        while case let length = blankLength(at: index, before: end, in: bytes), length > 0 { index += length }
        return index
    }

    /// The length in bytes of the space at `index`, 0 when none is there.
    private static func blankLength(at index: Int, before end: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        guard index < end else { return 0 }
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xC2 { return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0 }
        guard byte == 0xE2 || byte == 0xE3, index + 2 < end else { return 0 }
        switch (byte, bytes[index + 1], bytes[index + 2]) {
        case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80): return 3
        default: return 0
        }
    }
}
