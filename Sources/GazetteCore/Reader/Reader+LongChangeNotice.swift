/// What the status line says while a change of many stories' reading state is written.
extension Reader {
    /// How many stories a change touches before the status line says it is working first.
    /// (Fewer in tests.)
    nonisolated(unsafe) static var longChangeStories = 50_000

    /// The status line's words for `command` before it runs, when it changes so many stories
    /// that it takes a moment (`A` over a big view, `u` of such an `A`); nil otherwise.
    public func noticeBefore(_ command: Command) -> String? {
        // `A` that asks first marks nothing yet; the `y` that answers it does.
        if markAllQuestion != nil {
            guard Self.answersYes(command), visible.count >= Self.longChangeStories else { return nil }
            return "marking \(GroupedCount.text(visible.count)) stories read…"
        }
        guard prompt == nil else { return nil }
        switch command {
        case .markAllRead:
            guard !viewIsFilling, visible.count >= Self.longChangeStories, unreadAcrossSources() == nil
            else { return nil }
            return "marking \(GroupedCount.text(visible.count)) stories read…"
        case .undo:
            guard !waitingToMarkAll, let count = tracker.storiesInLastChange,
                count >= Self.longChangeStories
            else { return nil }
            return "undoing the change of \(GroupedCount.text(count)) stories…"
        default:
            return nil
        }
    }
}
