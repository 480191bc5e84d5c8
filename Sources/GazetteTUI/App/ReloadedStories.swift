import GazetteCore

/// What a reload (`R`) changed among the stories, counted once the files are indexed again:
/// stories new (unread), back (a story read before, gone at an earlier `R`, is no news),
/// changed (same story, another title or text) and gone.
///
/// A feed story's text is compared by the hash its index kept (``ArticleCatalog/keptTextHash(at:)``),
/// not decoded again; a dump story's id is made of its text, so a change of it is a story gone
/// and a new one.
struct ReloadedStories: Equatable {
    var new = 0
    var back = 0
    var changed = 0
    var gone = 0

    /// The counts from the catalog `before` to the one `after`; `isRead` tells a story read.
    init(from before: ArticleCatalog, to after: ArticleCatalog, isRead: (ArticleID) -> Bool) {
        var kept = 0
        for (index, entry) in after.entries.enumerated() {
            let id = entry.summary.id
            guard let position = before.position(of: id) else {
                if isRead(id) { back += 1 } else { new += 1 }
                continue
            }
            kept += 1
            if before.entries[position].summary.title != entry.summary.title
                || before.keptTextHash(at: position) != after.keptTextHash(at: index)
            {
                changed += 1
            }
        }
        gone = before.entries.count - kept
    }

    init(new: Int = 0, back: Int = 0, changed: Int = 0, gone: Int = 0) {
        (self.new, self.back, self.changed, self.gone) = (new, back, changed, gone)
    }

    /// ": 2 new stories", ": 1 new, 1 back, 3 gone"; empty when nothing changed.
    var text: String {
        let counts = [(new, "new"), (back, "back"), (changed, "changed"), (gone, "gone")].filter { $0.0 > 0 }
        guard let first = counts.first else { return "" }
        if counts.count == 1 {
            let stories = "stor\(first.0 == 1 ? "y" : "ies")"
            let number = GroupedCount.text(first.0)
            return first.1 == "new" ? ": \(number) new \(stories)" : ": \(number) \(stories) \(first.1)"
        }
        return ": " + counts.map { "\(GroupedCount.text($0.0)) \($0.1)" }.joined(separator: ", ")
    }
}
