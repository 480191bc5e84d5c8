/// What a moving key says when it cannot move: at either end of the list or of an open story,
/// in an empty list, on a story already open (such keys did nothing without a word, where `j`
/// at the list's end said so; found by QA).
extension Reader {
    /// Scrolls the article `lines` for a key (`j`, `k`, a page), saying so at its top or end.
    func scrollArticleByKey(_ lines: Int) {
        let before = articleScroll
        scrollArticle(to: articleScroll + lines)
        guard articleScroll == before, selectedEntry != nil else { return }
        if lines >= 0 {
            message = "already at the end of the story"
        } else {
            // `b` in the list pages the story shown under it: the list's own page is PgUp.
            status = focus == .list ? .topOfStoryUnderList : StatusMessage("already at the top of the story")
        }
    }

    /// `g` or `G`: the first or last story, or the open story's top or end, saying so when
    /// already there, as `j` and `k` do (they did nothing without a word; found by QA).
    func goToEnd(last: Bool) {
        if focus == .article {
            let before = articleScroll
            scrollArticle(to: last ? maxArticleScroll : 0)
            guard articleScroll == before, selectedEntry != nil else { return }
            message = last ? "already at the end of the story" : "already at the top of the story"
            return
        }
        let before = selection
        last ? selectLast() : selectVisible(0)
        guard selection == before, waiting == nil else { return }
        // What `j` or `k` says there: at the end, in an empty list, or while the list fills.
        stepSelection(by: last ? 1 : -1)
    }

    /// What a key that moves the selection says in an empty list: the search is blamed only
    /// when the view it searched has stories (after `L` to an empty view it was; found by QA).
    var emptyListStatus: StatusMessage {
        query != nil && searchTotal > 0 ? .noMatch : .emptyView
    }

    /// `Enter` on the story open already: what it did, or what to press instead.
    func openAgain() {
        let wasRead = selectedEntry.map { tracker.isRead($0.summary.id) } ?? true
        openSelected()
        guard message == nil else { return }
        status = wasRead ? .storyOpen : StatusMessage("marked read")
    }
}
