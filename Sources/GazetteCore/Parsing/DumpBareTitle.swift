/// A line given twice in a row with nothing between, read as a story's title and its repeat
/// (a new story after one blank line) or as the story's own text.
///
/// A headline is short and more than one Latin word; a paragraph, "Advertisement", a photo's
/// credited caption or a label ending in a colon given twice is the story's text.
enum DumpBareTitle {
    /// The longest line, in bytes, taken for a title given twice with nothing between: a
    /// headline is short, a paragraph given twice is most often longer (ending as a sentence
    /// does was no sign: headlines end in "Inc." or "per cent." too; found by QA).
    static let longestBytes = 200

    /// Whether `line`, given twice with nothing between, may be a story's title: no longer
    /// than ``longestBytes``, not one Latin word, not a credited caption, not a label.
    static func mayBe(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        !(line.count > longestBytes || isOneLatinWord(line, in: bytes) || isCredited(line, in: bytes)
            || pointsOnward(line, in: bytes))
    }

    /// Whether a line is one word of Latin letters ("Advertisement"): page furniture given
    /// twice in a story's text, not a headline given twice (the story was split there; found
    /// by QA).
    /// A mark of punctuation may end it: "Yes." or "Why?" said twice is a story's text too (it
    /// split the story; found by QA).
    private static func isOneLatinWord(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        var end = line.end
        if end - line.start >= 2, ".,!?:;".utf8.contains(bytes[end - 1]) { end -= 1 }
        return (line.start..<end).allSatisfy { FeedItemDraft.isLetter(bytes[$0]) }
    }

    /// Whether a line ends by crediting a photo as a caption does ("Waves crash on the pier
    /// (AP)", "… [AP]"): a photo's caption and alt text in a story's text, not a headline given
    /// twice (it split the story there; found by QA). Asked only of a line given twice.
    private static func isCredited(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard line.count >= 4 else { return false }
        let last = bytes[line.end - 1]
        guard last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { return false }
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
        return CaptionCredit.credit(fromCaption: text) != nil
    }

    /// Whether a line ends in a colon, as a page's label does that points to what comes after it
    /// ("Read more:", "Related:"; see ``DumpOnwardLabel``).
    private static func pointsOnward(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        DumpOnwardLabel.ends(line, in: bytes)
    }
}
