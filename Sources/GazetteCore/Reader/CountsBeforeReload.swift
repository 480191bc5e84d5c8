/// The view's stories as the reader over the files as they were counted them when the reader
/// over the files read again (`R`) took the screen: until the view fills again past them, they
/// stand for the stories not indexed again yet. The title bar went 50,000 → 42,012… → 50,000
/// for a file that did not change (found by QA).
struct CountsBeforeReload {
    /// The view they were counted in: its filter and its search.
    var filter: ViewFilter
    var query: String?
    /// Whether each story of that view was unread, in the view's order.
    var unread: BitSet

    /// The counts `reader` shows (its own stories, then those its counts before a reload still
    /// stand for).
    init(of reader: Reader) {
        filter = reader.filter
        query = reader.query?.text
        var unread = reader.unreadBits
        if let before = reader.countsStandingIn {
            for index in unread.count..<max(unread.count, before.unread.count) {
                unread.append(before.unread[index])
            }
        }
        self.unread = unread
    }

    /// Whether these are counts of the view `reader` shows.
    func isOf(_ reader: Reader) -> Bool {
        reader.filter == filter && reader.query?.text == query
    }
}

extension Reader {
    /// The counts the title bar shows. While files read again (`R`) are indexed, they never fall
    /// below what the view showed before (``CountsBeforeReload``): the stories not indexed again
    /// yet are counted as they were, with "…", until the view has as many of its own or has
    /// filled (then its own counts, smaller when stories left the files). The reader over the
    /// files as they were, on screen meanwhile, shows its counts with "…" too.
    public var viewCounts: ViewCounts {
        guard let before = countsStandingIn else {
            return ViewCounts(
                stories: visible.count, unread: visibleUnread, filling: viewIsFilling || reloadProgress != nil
            )
        }
        return ViewCounts(
            stories: before.unread.count, unread: visibleUnread + before.unread.setCount(from: visible.count),
            filling: true)
    }

    /// The counts kept from before `R` while they stand for stories of this view not indexed
    /// again yet.
    var countsStandingIn: CountsBeforeReload? {
        guard let before = countsBeforeReload, viewIsFilling, before.isOf(self),
            visible.count < before.unread.count
        else { return nil }
        return before
    }

    /// Takes the counts `other`, the reader over the files as they were, shows, for this one's
    /// to start from while it fills (see ``viewCounts``).
    func keepCounts(of other: Reader) {
        countsBeforeReload = viewIsFilling ? CountsBeforeReload(of: other) : nil
    }

    /// Drops the counts kept from before `R` once they no longer stand for anything: the view
    /// has filled, passed them, or is another.
    func settleCountsBeforeReload() {
        if countsStandingIn == nil { countsBeforeReload = nil }
    }
}
