/// The `/` search: the prompt, the background search that narrows the list, and jumping
/// between matches in the article.
extension Reader {
    /// Starts the search the prompt's last keys asked for, if any, and takes in what the
    /// running search found; true when the list changed.
    @discardableResult
    public func absorbSearch() -> Bool {
        defer { settleCountsBeforeReload() }
        if startPendingSearch() { return true }
        let told = tellSearchedByTitle()
        guard let job = searchJob, searchProgress != nil else { return told }
        let (positions, scanned, done) = job.take()
        let firstFound = visible.isEmpty && !positions.isEmpty
        for position in positions {
            visibleIndex?[position] = visible.count
            visible.append(position)
            let unread = !tracker.isRead(catalog.entries[position].summary.id)
            unreadBits.append(unread)
            if unread { visibleUnread += 1 }
        }
        searchProgress = done && indexing == nil ? nil : (scanned, searchTotal)
        if let anchor = searchAnchor, let index = visibleIndex(ofPosition: anchor.position) {
            searchAnchor = nil
            selection = index
            articleScroll = savedLineOfSelection
            // Where it was left, but not without a word when its matches are all left out.
            if let query, let shown = selectedLayout, shown.leftOutParagraphs > 0,
                selectedMatchStarts(of: query).isEmpty
            {
                status = .onlyMatchesLeftOut
            }
            if anchor.reopen { reopenAfterPrompt() }
        } else {
            if searchProgress == nil { searchAnchor = nil }
            // The first match found is selected: its pane shows the match.
            if firstFound { articleScroll = lineToShowOfSelection }
        }
        if !positions.isEmpty { keepSelectionVisible() }
        selectPendingInitial()
        if searchProgress == nil, let position = pendingNearest {
            pendingNearest = nil
            selectNearest(position)
        }
        doWaitingAction()
        doTypedAhead()
        return !positions.isEmpty || searchProgress == nil
    }

    /// Says, once a search, that it found files changed on disk (their stories no longer where
    /// they were searched by title only), when the status line is free (not the prompt's, nor
    /// another message's); true when it did.
    private func tellSearchedByTitle() -> Bool {
        guard !searchChangesTold, prompt == nil, status == nil, let job = searchJob else { return false }
        let changed = job.sourcesChangedOnDisk
        guard !changed.isEmpty else { return false }
        searchChangesTold = true
        status = .searchedByTitle(changed: changed.map { catalog.sources[$0].source.displayName })
        return true
    }

    /// The prompt closes with its search kept: back into the story the prompt was opened in,
    /// at its place, when it matches (now, or when the search finds it).
    private func keepSearchFromPrompt() {
        guard query != nil, let origin = positionBeforePrompt else {
            searchAnchor = nil
            return
        }
        if let anchor = searchAnchor {
            searchAnchor = (anchor.position, readingBeforePrompt)
        } else if readingBeforePrompt, selectedEntry != nil, visible[selection] == origin {
            reopenAfterPrompt()
        }
    }

    /// Opens an empty prompt (like less and vim); ↑ brings back earlier searches.
    func openPrompt() {
        prompt = SearchPrompt(text: "", history: searchHistory)
        positionBeforePrompt = selectedEntry == nil ? nil : visible[selection]
        readingBeforePrompt = focus == .article
        zoomedBeforePrompt = zoomed
        zoomOpenedBeforePrompt = zoomOpenedStory
        queryBeforePrompt = query
        searchedInPrompt = false
    }

    /// Opens the selected story again at its place, zoomed if it was when the prompt opened.
    private func reopenAfterPrompt() {
        articleScroll = savedLineOfSelection
        openSelected()
        if zoomedBeforePrompt && !zoomed {
            toggleZoom()
            zoomOpenedStory = zoomOpenedBeforePrompt
        }
    }

    /// Closes the prompt and ends the search, back at the story (and the place in it) where
    /// the prompt opened, as less and vim do.
    private func cancelPrompt() {
        prompt = nil
        pendingSearch = false
        if let previous = queryBeforePrompt {
            // The search kept before goes on as it was, at the story selected then.
            guard searchedInPrompt else { return }
            startSearch(previous)
            searchAnchor = positionBeforePrompt.map { ($0, readingBeforePrompt) }
            return
        }
        clearSearch(returningTo: positionBeforePrompt)
        if readingBeforePrompt, let position = positionBeforePrompt, selectedEntry != nil,
            visible[selection] == position
        {
            reopenAfterPrompt()
        }
    }

    /// Starts the search for the prompt's text if keys changed it since; true when one started.
    @discardableResult
    private func startPendingSearch() -> Bool {
        guard pendingSearch else { return false }
        pendingSearch = false
        guard let prompt else { return false }
        search(for: prompt.string)
        return true
    }

    func applyInPrompt(_ command: Command) {
        guard var editing = prompt else { return }
        switch command {
        case .edit(.enter), .open:
            startPendingSearch()
            prompt = nil
            let text = editing.string
            if !text.trimmingSpaces().isEmpty, searchHistory.last != text { searchHistory.append(text) }
            if query == nil { clearSearch() }
            keepSearchFromPrompt()
        case .edit(.escape), .cancel:
            if command == .edit(.escape) {
                promptClosedByEscape = PromptClosedByEscape(
                    prompt: editing, pendingSearch: pendingSearch, searched: searchedInPrompt,
                    articleScroll: articleScroll)
            }
            cancelPrompt()
        case .edit(.backspace) where editing.string.isEmpty:
            // Backspace on an empty prompt closes it, as in vi and less.
            cancelPrompt()
        case .edit(let key):
            // The only copy is edited (a shared one would be copied whole at every key).
            prompt = nil
            if editing.edit(key) { pendingSearch = true }
            prompt = editing
        case .quit:
            prompt = nil
            pendingSearch = false
            apply(.quit)
        default:
            break
        }
    }

    /// Shows the view (`L`) and the search of `other`, a reader over the files before they were
    /// read again (`R`): the stories still arriving join them as they come.
    public func keepView(of other: Reader) {
        filter = other.filter
        // The stories its view kept (read since the view was chosen), by id.
        other.keepStoriesShown()
        keptInView = other.keptInView
        followed.view = FollowedReader.View(of: other)
        followed.changesTaken = tracker.changesTaken
        if other.query == nil, query != nil {
            // Cleared there since this reader took it (``follow(_:afterKeys:)``).
            searchJob?.cancel()
            searchJob = nil
            searchProgress = nil
            searchAnchor = nil
            query = nil
        }
        rebuildVisible(keeping: nil)
        if let text = other.query?.text { search(for: text) }
    }

    /// Narrows the list to the stories matching `text` (everything when it is empty).
    func search(for text: String) {
        if prompt != nil { searchedInPrompt = true }
        let query = SearchQuery(text)
        if query.isEmpty {
            // Emptied while typing: back to the story selected before the prompt opened.
            clearSearch(returningTo: prompt != nil ? positionBeforePrompt : nil)
        } else {
            startSearch(query)
        }
    }

    /// Starts searching the current view for `query`, the list filling in as matches come.
    func startSearch(_ query: SearchQuery) {
        searchJob?.cancel()
        leaveArticle()
        focus = .list
        // What waited for the old view is not asked of the new one, and that is said (a waiting
        // `A` was dropped without a word; found by QA).
        if let cancelled = waitingStatus { status = cancelled.wrapped("cancelled: ") }
        waiting = nil
        waitingToMarkAll = false
        // The list shows what the search finds: a zoomed article gives way to it.
        if zoomed { toggleZoom() }
        keepStoriesShown()
        self.query = query
        let base = basePositions()
        visible = []
        visibleIndex = [:]
        unreadBits = BitSet()
        visibleUnread = 0
        selection = 0
        listScroll = 0
        articleScroll = 0
        relayout()
        // Typed in the prompt: the story it was opened on is selected again if it matches.
        searchAnchor = prompt == nil ? nil : positionBeforePrompt.map { ($0, false) }
        let job = SearchJob(query: query, sources: catalog.sources)
        searchJob = job
        searchChangesTold = false
        searchTotal = base.count
        searchProgress = (0, base.count)
        job.enqueue(SearchJob.work(base, in: catalog))
    }

    /// Ends the search: the whole view comes back, the selected story kept (or the story at
    /// catalog position `position`); the search's job is left to go on unless `cancellingJob`.
    func clearSearch(returningTo position: Int? = nil, cancellingJob: Bool = true) {
        if cancellingJob { searchJob?.cancel() }
        searchJob = nil
        searchProgress = nil
        searchAnchor = nil
        if query != nil {
            waiting = nil
            waitingToMarkAll = false
        }
        guard query != nil else { return }
        // A search that found nothing gives back the story selected before it.
        let current: Int? = position ?? (selectedEntry == nil ? positionBeforePrompt : visible[selection])
        keepStoriesShown()
        let previewAtMatch = focus == .list && scrollIsSearchsPlace
        query = nil
        rebuildVisible(keeping: current)
        // A preview at the search's match goes back to where the story was left, the search over
        // (it stayed at the match, and was opened and saved there; found by QA).
        if previewAtMatch && scrollIsSearchsPlace { articleScroll = savedLineOfSelection }
    }

    /// Scrolls the open article to the next (or previous) line that holds a match.
    func jumpToMatch(forward: Bool) {
        guard let query else {
            message = "no search (press / to search)"
            return
        }
        guard let layout = selectedLayout else {
            message = "no story selected"
            return
        }
        // Matches found in the whole article read as one text: a phrase wrapped across lines
        // counts, at the line where it starts.
        let starts = selectedMatchStarts(of: query)
        // From the list, the match at the top of a preview scrolled to it counts: the preview
        // shows a story at its first match, and `]` went past it (or said there was none after
        // it; found by QA). At the story's top, it goes to the first match below the title.
        let fromList = focus == .list
        let first = fromList && articleScroll > 0 ? articleScroll : articleScroll + 1
        let target = forward ? starts.first { $0 >= first } : starts.last { $0 < articleScroll }
        guard let line = target else {
            status =
                !forward
                ? StatusMessage("no more matches above")
                : layout.leftOutParagraphs > 0 ? .matchesLeftOut : StatusMessage("no more matches below")
            return
        }
        // From the list, the story is opened (and so read), as Enter opens it.
        if fromList { openSelected() }
        let before = articleScroll
        scrollArticle(to: line)
        if articleScroll == before && !fromList {
            status = forward ? .lastMatchesOnScreen : StatusMessage("no more matches above")
        } else {
            // Which of the lines `]` stops at this is, as vim counts its matches.
            let number = (starts.firstIndex { $0 >= line } ?? 0) + 1
            message = "matching line \(GroupedCount.text(number)) of \(GroupedCount.text(starts.count))"
        }
    }
}
