/// `div`s of inline content only, one right after another, are lines of one paragraph, as a
/// browser shows them (a `div` has no margin): Blogger writes a post as a `div` a line, and a
/// poem or short-lined post read double spaced, a paragraph a line. A `div` that holds blocks
/// (paragraphs, lists) is a block as before, and a blank line `div` (`<div><br></div>`,
/// `<div>&nbsp;</div>`, as Blogger, Outlook and Gmail write one) parts paragraphs.
enum HTMLDivisionLines {
    /// Whether `line` holds something other than white space and no-break spaces.
    static func holdsText(_ line: ArraySlice<UInt8>) -> Bool {
        blankPrefixLength(line) < line.count
    }

    /// How many bytes of white space and no-break spaces (U+00A0) `line` starts with.
    static func blankPrefixLength(_ line: ArraySlice<UInt8>) -> Int {
        var index = line.startIndex
        while index < line.endIndex {
            if HTMLByte.isSpace(line[index]) {
                index += 1
            } else if line[index] == 0xC2, index + 1 < line.endIndex, line[index + 1] == 0xA0 {
                index += 2
            } else {
                break
            }
        }
        return index - line.startIndex
    }
}
