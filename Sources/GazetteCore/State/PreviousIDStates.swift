/// Reading state kept under the ids a story had in earlier versions (``ArticleSummary/earlierIDs``:
/// a dump story with a hard-wrapped paragraph or title, a tab, or two spaces where one shows got
/// a new id when ids were made of its paragraphs as shown, a feed item with a short guid when its
/// feed's link was taken in its normal form, then with its feed's title, and when that title
/// changed: ``FeedTitleChanges``; before all that, its guid alone), taken over by the id it has
/// now so that no mark is lost.
public enum PreviousIDStates {
    /// The states stored under the earlier ids of those of `summaries` that have one and no
    /// state in `loaded`, by their ids now; `further` adds previous ids of stories beyond those
    /// their summary carries (copies that carry others: ``ArticleCatalog/furtherPreviousIDs``).
    /// `titleChanges` adds, before all, the ids a feed's stories had under its title before it
    /// changed. A story with several takes the state of the first, in the order given (those of
    /// `titleChanges`, a summary's, newest first: stored later, then those of `further`, then its
    /// feed guid alone), that has one. A story with a state in `loaded` takes the one under the
    /// ids of `titleChanges` where there is one: its file was read under them after that state
    /// was made (a title blanked, or renamed, and back), so the marks made then are the newest.
    /// `load` is asked once for all of them, and not at all when no story has one (nearly
    /// always).
    public static func carried<Loaded>(
        _ summaries: [ArticleSummary], further: [ArticleID: [ArticleID]] = [:],
        titleChanges: FeedTitleChanges = FeedTitleChanges(), loaded: [ArticleID: Loaded],
        load: ([ArticleID]) throws -> [ArticleID: ArticleState]
    ) rethrows -> [ArticleID: ArticleState] {
        var wanted: [(id: ArticleID, earlier: ArticleID)] = []
        for summary in summaries {
            // `further` is nearly always empty: a story without a previous id costs no lookup.
            let more = further.isEmpty ? nil : further[summary.id]
            guard !summary.earlierIDs.isEmpty || more != nil else { continue }
            for retitled in titleChanges.earlierIDs(of: summary) { wanted.append((summary.id, retitled)) }
            guard loaded[summary.id] == nil else { continue }
            if let newest = summary.earlierIDs.newest { wanted.append((summary.id, newest)) }
            if let older = summary.earlierIDs.older { wanted.append((summary.id, older)) }
            if let oldest = summary.earlierIDs.oldest { wanted.append((summary.id, oldest)) }
            for previous in more ?? [] { wanted.append((summary.id, previous)) }
            // The oldest: two feeds' stories with one guid shared its state then, as they do now.
            if let guid = summary.earlierIDs.guidAlone { wanted.append((summary.id, guid)) }
        }
        guard !wanted.isEmpty else { return [:] }
        let stored = try load(wanted.map(\.earlier))
        var carried: [ArticleID: ArticleState] = [:]
        for story in wanted where carried[story.id] == nil {
            if let state = stored[story.earlier] { carried[story.id] = state }
        }
        return carried
    }
}
