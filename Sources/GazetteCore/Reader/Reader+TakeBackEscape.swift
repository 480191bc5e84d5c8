/// Taking back an Esc that was the start of a key's escape sequence: over a slow link the
/// sequence can come in two parts (a lone Esc, then the rest), and the Esc acts at once (a real
/// Esc waits no longer than before), then is undone when the rest of a sequence comes.
extension Reader {
    /// Undoes what the last command did when it was Esc, as if it had never been pressed: that
    /// Esc was the start of a key's escape sequence that a slow link split (the rest of the
    /// sequence came after it, alone). The prompt it closed opens again as it was, with its
    /// search; outside the prompt the story it left opens again (zoomed if it was), help it
    /// closed shows again, the number or the waiting key it dropped is back, and the search it
    /// ended is kept, its list and selection as they were. Does nothing when the last command
    /// was anything else.
    public func takeBackEscape() {
        // An Esc held with keys typed ahead of a search's list has not acted: it is dropped.
        if case .key(.escape)? = typedAhead.last {
            typedAhead.removeLast()
            return
        }
        if let place = placeBeforeEscape {
            restore(place)
            placeBeforeEscape = nil
            return
        }
        guard let closed = promptClosedByEscape else { return }
        promptClosedByEscape = nil
        prompt = closed.prompt
        searchedInPrompt = closed.searched
        if closed.searched {
            // The search the Esc ended (or gave back the one kept before for) starts again:
            // the list, the story selected and the story it goes back to are as they were.
            search(for: closed.prompt.string)
            pendingSearch = false
        } else {
            // Nothing was searched: the list is as it was, and a story open under the prompt
            // goes back to the line it showed.
            pendingSearch = closed.pendingSearch
            if focus == .article { articleScroll = min(closed.articleScroll, maxArticleScroll) }
        }
    }

    /// Shows again what `place` kept, the search the Esc ended included (its job went on).
    private func restore(_ place: PlaceBeforeEscape) {
        if let shown = place.search, query == nil {
            query = shown.query
            searchJob = shown.job
            searchProgress = shown.progress
            searchTotal = shown.total
            visible = shown.visible
            visibleIndex = shown.visibleIndex
            unreadBits = shown.unreadBits
            visibleUnread = shown.visibleUnread
            keptInView = shown.keptInView
        }
        focus = place.focus
        zoomed = place.zoomed
        zoomOpenedStory = place.zoomOpenedStory
        showingHelp = place.showingHelp
        helpScroll = place.helpScroll
        pendingNumber = place.pendingNumber
        waiting = place.waiting
        waitingToMarkAll = place.waitingToMarkAll
        status = place.status
        selection = min(place.selection, max(0, visible.count - 1))
        listScroll = place.listScroll
        // The terminal may have been resized since: the layout is worked out again.
        relayout()
        articleScroll = min(place.articleScroll, maxArticleScroll)
        keepSelectionVisible()
    }

    /// Gives the search an Esc ended, while the Esc may be taken back, the stories indexing
    /// brought since: those of the view from catalog position `start` on, of sources `opened`.
    func feedSearchBeforeEscape(from start: Int, opened: [OpenedSource]) {
        guard let job = placeBeforeEscape?.search?.job, job !== searchJob else { return }
        let fresh = (start..<catalog.entries.count).filter(isInView)
        job.add(opened)
        job.enqueue(SearchJob.work(fresh, in: catalog))
        placeBeforeEscape?.search?.total += fresh.count
    }
}
