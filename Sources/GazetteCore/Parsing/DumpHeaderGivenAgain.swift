/// A dump story's header after its title again, as a page gives it: the captions again, and
/// the header given again as its sticky header gives it (the widget block, the title again
/// after it or not; the title once more before it), once or more, before the text.
///
/// Such a story listed its header alone as a story with no text before the real one, or showed
/// the widget block's captions and the title again as its first paragraphs (found by QA); its
/// id is made as with the header given once.
enum DumpHeaderGivenAgain {
    /// Where the story's text starts, the block after its title again being `start`; the
    /// captions known are those of the header blocks `captions`. `leftOutOfID`: a block of
    /// numbers alone where the captions again would be, text that the id is made without.
    /// A story of nothing else keeps the widget block and the title again as its text.
    static func end(
        of article: DumpArticleBlocks, from start: Int, title: LineSpan, captions: Range<Int>,
        bytes: UnsafeRawBufferPointer
    ) -> (end: Int, leftOutOfID: Int?) {
        let count = article.blocks.count
        func isTitle(_ block: Int) -> Bool {
            block < count && article.blocks[block].count == 1
                && DumpArticleLayout.equal(article.lines[article.blocks[block].first], title, in: bytes)
        }
        var end = start
        var round = 0
        while true {
            let roundStart = end
            // The widget block given again, the title again after it or not, text after them;
            // the title once more before the widget block.
            while true {
                let widgets = isTitle(end) ? end + 1 : end
                guard widgets + 1 < count,
                    DumpArticleLayout.hasWidget(article.lines(ofBlock: widgets), title: title, in: bytes)
                else { break }
                let next = widgets + 1
                let titleAgain = isTitle(next)
                if titleAgain && next + 1 == count { break }
                end = titleAgain ? next + 1 : next
            }
            // After the captions again, only the header given again goes on.
            if round > 0 && end == roundStart { return (end, nil) }
            guard end < count,
                DumpArticleLayout.isRepeatedCaption(article, block: end, before: captions, bytes: bytes)
            else { return (end, nil) }
            // A number alone is text ("1", "2024"): the counter comes with `TT` (it was left
            // out; found by QA). The id is made as it was.
            if article.lines(ofBlock: end).allSatisfy({ DumpArticleLayout.isCounter($0, in: bytes) }) {
                return (end, end)
            }
            end += 1
            round += 1
        }
    }
}
