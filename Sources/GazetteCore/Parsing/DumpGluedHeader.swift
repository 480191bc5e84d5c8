/// The page's widget block glued to a dump story's header lines: right under its title with no
/// blank line between (the title, captions, `TT`, `20`), or with the story's first paragraph
/// right under it (``DumpGluedWidgetBlock``), or both. The segmenter tells a story after one
/// blank line by it: such a story was taken into the one before, its title and widgets shown
/// as that story's text (found by QA).
///
/// Without the title again, only the page's widget block in its header shape tells it
/// (``DumpWidgetBlock/showsPageWidget(_:in:)``): a paragraph's line glued to a `TT` left in a
/// story's text ("The vote was", `TT`, `20`, "in favour.") is not one. Without captions either,
/// `TT` and its counter under a line are as often a paragraph's ("A paragraph's line", `TT`,
/// `20`): only a headline's case tells the title (``DumpSentenceLine/isTitleCase(_:in:)``).
struct DumpGluedHeader {
    /// Whether the title is given again under the widgets (in the same block).
    let givesTitleAgain: Bool
    /// Whether photos' captions come before `TT` (each given twice, or beside its alt text).
    let hasCaptions: Bool
    /// Whether the story's first paragraph is glued under the widgets (the title again or not).
    let holdsText: Bool
    /// Whether that paragraph starts in a small letter, as a sentence going on from the line
    /// above the widgets does.
    let textGoesOn: Bool

    /// The glued header of the story titled `title` whose widget block (photos' captions or
    /// none, `TT`, its counter) starts `lines`: the widget block alone, or with the story's first
    /// paragraph under it, the title again between them or not. `nil` for any other lines, and
    /// for the widget block and the title again with nothing under them (a header read as such
    /// already).
    init?(_ lines: ArraySlice<LineSpan>, title: LineSpan, in bytes: UnsafeRawBufferPointer) {
        guard let parts = DumpWidgetBlock.parts(of: lines, title: title, in: bytes) else { return nil }
        let widgets = lines[lines.startIndex..<(parts.titleAgain ?? parts.end)]
        guard DumpWidgetBlock.showsPageWidget(widgets, in: bytes) else { return nil }
        givesTitleAgain = parts.titleAgain != nil
        hasCaptions = parts.widget > lines.startIndex
        holdsText = parts.end < lines.endIndex
        guard holdsText || !givesTitleAgain else { return nil }
        textGoesOn = holdsText && Self.startsInSmallLetter(lines[parts.end], in: bytes)
    }

    /// Whether `title` heads the story of this glued header, without the title again: no line
    /// ending as a sentence in sentence case (a paragraph's, above a share widget left in the
    /// text), nor a label pointing to another story ("Read more: …"); over `TT` and its counter
    /// alone, a line in a headline's case.
    func isHeaded(by title: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !DumpSentenceLine.readsAsSentence(title, in: bytes), !DumpOnwardLabel.starts(title, in: bytes)
        else { return false }
        return hasCaptions || DumpSentenceLine.isTitleCase(title, in: bytes)
    }

    /// Whether `line` starts with a small letter (of any script with case).
    private static func startsInSmallLetter(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !line.isEmpty else { return false }
        let first = bytes[line.start]
        if first < 0x80 { return first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") }
        // One character's bytes at most are decoded.
        let end = min(line.end, line.start + 4)
        let lead = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<end]), as: UTF8.self)
        return lead.unicodeScalars.first?.properties.isLowercase ?? false
    }
}
