/// `A` over the unread stories of more than one source asks first, as newsboat's
/// `confirm-mark-all-feeds-read` does: a newsboat user presses it for "this feed", and marked
/// every feed of a folder read (found by QA). One source's stories are marked at once.
extension Reader {
    /// What `A` says when its question is answered with another key than `y` or Enter.
    static let markAllDeclined = "cancelled: nothing marked read"

    /// The unread stories of the view and how many sources they come from, when that is more
    /// than one; nil otherwise.
    func unreadAcrossSources() -> (stories: Int, sources: Int)? {
        guard catalog.sources.count > 1, visibleUnread > 1 else { return nil }
        var seen = [Bool](repeating: false, count: catalog.sources.count)
        var sources = 0
        for (row, position) in visible.enumerated() where unreadBits[row] {
            let source = catalog.entries[position].sourceIndex
            if !seen[source] {
                seen[source] = true
                sources += 1
            }
        }
        return sources > 1 ? (visibleUnread, sources) : nil
    }

    /// Whether `command` answers ``markAllQuestion`` with yes: `y` or Enter.
    static func answersYes(_ command: Command) -> Bool {
        switch command {
        case .open, .unbound(.char("y")), .unbound(.char("Y")): return true
        default: return false
        }
    }

    /// Answers ``markAllQuestion`` with `command`: yes marks the view read, any other key
    /// only says nothing was marked.
    func answerMarkAllQuestion(with command: Command) {
        markAllQuestion = nil
        if Self.answersYes(command) {
            // On the states stored now, as `A` itself acts.
            followChangesBefore(.markAllRead)
            markAllRead(answered: true)
        } else {
            message = Self.markAllDeclined
        }
    }
}
