/// A small made-up feed story rendered, laid out and counted once and thrown away, by the
/// screen's thread while it waits for a feed's first item: the first uses of the HTML parser,
/// the entity tables and the layout are paid there, not by the first story it lays out next
/// (0.3 ms of a feed's first screen; DECISIONS.md, stop 50).
public enum FeedRenderingWarmUp {
    /// Renders, lays out at `width` columns and counts the words of the made-up story; its
    /// lines as laid out and its words, which nothing keeps.
    @discardableResult
    public static func run(width: Int) -> (lines: Int, words: Int) {
        var draft = FeedItemDraft()
        draft.title = "Warm &amp; up"
        draft.content =
            "<figure><img src=\"https://example.com/a.jpg\" alt=\"A\"/><figcaption>A</figcaption></figure>"
            + "<p>Words &amp; words — “quoted” <a href=\"https://example.com/\">link</a>, café.</p><p>Two</p>"
        let item = draft.finish()
        let article = FeedArticle.article(of: item, id: ArticleID("warm-up"), source: "")
        let layout = ArticleLayout(article: article, width: max(20, width))
        return (layout.lines.count, FeedArticle.details(of: item).wordCount)
    }
}
