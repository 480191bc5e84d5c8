/// The previous ids (``ArticleSummary/previousID``) that copies of a catalog's stories carry:
/// copies of one story (one id, in several files or in one) are one story, which carries every
/// previous id any of them carries, whatever their order (the copy kept, the first, had none
/// while a later one had one: its marks were missed and the result hung on the files' order;
/// found by QA). The story's summary carries the first in the copies' order; the others (two
/// copies laid out two ways that both changed their ids: nearly never) are kept here.
struct CopiesPreviousIDs {
    /// Previous ids of stories beyond the one their summary carries, in the copies' order.
    private(set) var further: [ArticleID: [ArticleID]] = [:]

    /// Takes the previous ids `copy` carries (``ArticleSummary/earlierIDs``) into `kept`, the
    /// summary kept of the same story: kept carries them when it carried none; others are added
    /// to ``further``. True when `kept` changed.
    mutating func take(_ copy: ArticleSummary, into kept: inout ArticleSummary) -> Bool {
        guard !copy.earlierIDs.isEmpty, copy.earlierIDs != kept.earlierIDs else { return false }
        guard !kept.earlierIDs.isEmpty else {
            kept.earlierIDs = copy.earlierIDs
            return true
        }
        let known = [kept.earlierIDs.newest, kept.earlierIDs.older, kept.earlierIDs.oldest]
        let carried = [copy.earlierIDs.newest, copy.earlierIDs.older, copy.earlierIDs.oldest]
        for previous in carried.compactMap({ $0 }) where !known.contains(previous) {
            if further[kept.id]?.contains(previous) != true { further[kept.id, default: []].append(previous) }
        }
        return false
    }
}
