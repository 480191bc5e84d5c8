/// `div`s of inline content only, one right after another, are lines of one paragraph, as a
/// browser shows them (a `div` has no margin): Blogger writes a post as a `div` a line, and a
/// poem or short-lined post read double spaced, a paragraph a line. A `div` that holds blocks
/// (paragraphs, lists) is a block as before, and `<div><br></div>` still parts paragraphs.
enum HTMLDivisionLines {
    /// Whether `line`, the paragraph in progress, holds something other than white space.
    static func holdsText(_ line: [UInt8]) -> Bool {
        line.contains { !HTMLByte.isSpace($0) }
    }
}
