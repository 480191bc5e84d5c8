/// What a block after a title holds of the page's widget block (`TT`, its counter, the captions
/// before them and the title again).
extension DumpArticleSegmenter {
    /// What a block after a title holds of a page's widget block.
    enum WidgetBlockShape {
        case none, widgets, titleAgain
        /// `TT` and its counter with more under them than the title again and its captions.
        case widgetsOverText
    }

    /// Whether `block` is the page's widget block for `title`, with the title again in it or not.
    func widgetBlockShape(_ block: BlockRef, title: LineSpan) -> WidgetBlockShape {
        let lines = article.lines[block.lines]
        guard DumpArticleLayout.hasWidget(lines, title: title, in: reader.bytes) else { return .none }
        return DumpWidgetBlock(lines, title: title, in: reader.bytes)?.titleAgain != nil
            ? .titleAgain : .widgets
    }

    /// Whether the lines of `block` after its first are a widget block, with `title` again in it
    /// or not, or start with one (no slice of the lines outlives it: see
    /// ``widgetBlockShape(_:title:)``).
    func shapeAfterTitle(_ block: BlockRef, title: LineSpan) -> WidgetBlockShape {
        let widgets = article.lines[(block.first + 1)..<(block.first + block.count)]
        // Most blocks hold no `TT`: told by one look for it.
        guard let parts = DumpWidgetBlock.parts(of: widgets, title: title, in: reader.bytes) else {
            return .none
        }
        guard let shape = DumpWidgetBlock(widgets, title: title, in: reader.bytes) else {
            return parts.end < widgets.endIndex ? .widgetsOverText : .none
        }
        return shape.titleAgain != nil ? .titleAgain : .widgets
    }

    /// Whether `TT` is among the first lines of a block, as a widget block has it: looked for in
    /// the line buffer, before the block's lines are taken as a slice (every paragraph is asked).
    /// Mutating only so that the segmenter is not copied to call it.
    mutating func holdsTextSizeWidget(_ block: BlockRef) -> Bool {
        var index = block.first
        let end = block.first + min(block.count, DumpWidgetBlock.maxCaptionLines + 1)
        while index < end {
            if DumpArticleLayout.isTextSizeWidget(article.lines[index], in: reader.bytes) { return true }
            index += 1
        }
        return false
    }
}
