/// A dump story's widget block with its first paragraph right under it, no blank line between
/// (the title, `TT`, `20`, the text): the segmenter parts them, so that the widgets are the
/// header's (they showed as "TT 20" in the text; found by QA), and the story's id is made as
/// it was before, of the two as one block.
enum DumpGluedWidgetBlock {
    /// The article's blocks as they were before the widget block was parted from the text
    /// under it, if it was: the id is made of these.
    ///
    /// Told by the blocks: the one after the title is the widget block without the title again,
    /// and the next one comes right under it, no blank line before it (a block read from the
    /// file always has one: only a part of a block has none).
    static func unparted(_ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer) -> DumpArticleBlocks? {
        let blocks = article.blocks
        guard blocks.count >= 3, blocks[2].blankLinesBefore == 0,
            blocks[1].first + blocks[1].count == blocks[2].first,
            let widgets = DumpWidgetBlock(
                article.lines(ofBlock: 1), title: article.lines[blocks[0].first], in: bytes),
            widgets.titleAgain == nil
        else { return nil }
        var unparted = article
        unparted.digest = nil
        let joined = BlockRef(
            first: blocks[1].first, count: blocks[1].count + blocks[2].count,
            blankLinesBefore: blocks[1].blankLinesBefore)
        unparted.blocks.replaceSubrange(1...2, with: [joined])
        return unparted
    }
}
