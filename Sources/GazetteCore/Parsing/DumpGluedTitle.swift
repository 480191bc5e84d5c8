#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A story's title glued to the end of the last line of the story before, no line break between:
/// dumps put together (`cat a.txt b.txt`) where the first ends without a final newline, as the
/// sample does. Told by the header after it: the widget block, then the title again on a line of
/// its own, which the line ends with. The story was taken into the one before, or listed under
/// the glued line as its title, the line's start lost from the story before (found by QA).
enum DumpGluedTitle {
    /// Where `title`, the title given again, starts in `line`, the line before the widget
    /// block, when `line` ends with it after more text; nil when it does not, or when a blank
    /// comes before it there (the title's words ending a sentence of the line are the line's).
    static func start(in line: LineSpan, title: LineSpan, bytes: UnsafeRawBufferPointer) -> Int? {
        guard !title.isEmpty, line.count > title.count, let base = bytes.baseAddress else { return nil }
        let start = line.end - title.count
        guard memcmp(base + start, base + title.start, title.count) == 0 else { return nil }
        let before = bytes[start - 1]
        return before == 0x20 || before == 0x09 ? nil : start
    }

    /// Where the text of `line` before the glued title at `start` ends: before the second file's
    /// byte-order mark, if it has one.
    static func textEnd(of line: LineSpan, before start: Int, bytes: UnsafeRawBufferPointer) -> Int {
        guard start - line.start > 3, bytes[start - 3] == 0xEF, bytes[start - 2] == 0xBB,
            bytes[start - 1] == 0xBF
        else { return start }
        return start - 3
    }
}
