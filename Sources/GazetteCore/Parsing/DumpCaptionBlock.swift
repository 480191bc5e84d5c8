/// A header's block of photos' captions without the page's widgets (no `TT`), as scraped
/// between the title and the title again: each line given twice or more (`A A B B`, a caption
/// given three times, a wrapped caption given whole again), or a caption beside its alt text,
/// one the other with a credit after it (`A`, `A (AFP)`). A story's paragraph, its lines all
/// different, is none.
enum DumpCaptionBlock {
    /// Whether `lines` are such a block: two to ``DumpWidgetBlock/maxCaptionLines`` lines, each
    /// paired with another.
    static func isCaptions(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard lines.count >= 2, lines.count <= DumpWidgetBlock.maxCaptionLines else { return false }
        // At most twelve lines, each against the others: bounded.
        for index in lines.indices {
            let line = lines[index]
            guard !line.isEmpty else { return false }
            var paired = false
            for other in lines.indices where other != index {
                let candidate = lines[other]
                if DumpArticleLayout.equal(candidate, line, in: bytes)
                    || DumpCaption.starts(candidate, with: line, in: bytes)
                    || DumpCaption.starts(line, with: candidate, in: bytes)
                {
                    paired = true
                    break
                }
            }
            guard paired else { return false }
        }
        return true
    }
}
