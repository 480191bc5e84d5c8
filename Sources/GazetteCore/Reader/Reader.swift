import Foundation

/// The reader's state machine: what is listed, selected, open and scrolled, changed one
/// `Command` at a time by `apply`. It knows nothing of terminals; views draw from it.
///
/// No command costs time that grows with the number of articles, except those that act
/// on a whole view (`A`, `L`) and the unread searches of `n`/`p`.
public final class Reader {
    public let catalog: ArticleCatalog
    public let tracker: ReadingTracker

    public internal(set) var filter: ViewFilter = .all
    /// Catalog positions of the stories the list shows, in order.
    public internal(set) var visible: [Int]
    /// Index into `visible` of the selected story.
    public internal(set) var selection = 0
    public internal(set) var focus: Focus = .list
    /// First article line shown in the pane.
    public internal(set) var articleScroll = 0
    /// First index of `visible` shown in the list.
    public internal(set) var listScroll = 0
    public internal(set) var zoomed = false
    public internal(set) var showingHelp = false
    public internal(set) var helpScroll = 0
    /// Digits typed for jump-by-number.
    public internal(set) var pendingNumber = ""
    /// The last message for the status line, with its short form for a narrow screen.
    public internal(set) var status: StatusMessage?
    /// The last message for the status line (a message set so has no short form).
    public internal(set) var message: String? {
        get { status?.text }
        set { status = newValue.map { StatusMessage($0) } }
    }
    public private(set) var isFinished = false
    public internal(set) var layout: ScreenLayout
    /// Unread stories among `visible`.
    public internal(set) var visibleUnread = 0

    /// A link the reader asked to open (`o`), for the event loop to hand to the browser.
    public internal(set) var linkToOpen: String?
    /// Whether `R` asked for the files to be read again.
    public internal(set) var reloadRequested = false
    /// Whether what indexing could not read has been told (once, when it ends).
    private var readWarningsTold = false

    /// Shows a message from outside the reader (the event loop's errors and news).
    public func report(message text: String) {
        message = text
    }

    /// Shows `note` beside the search line being typed (the status line is the line then).
    public func notePrompt(_ note: String) {
        prompt?.note = note
    }

    /// Shows a message from outside the reader with its short form.
    public func report(_ status: StatusMessage) {
        self.status = status
    }

    /// The event loop took the link or the reload request.
    public func clearRequests() {
        linkToOpen = nil
        reloadRequested = false
    }

    /// The `/` prompt while it is open.
    public internal(set) var prompt: SearchPrompt?
    /// The search that filters the list and is highlighted, if any.
    public internal(set) var query: SearchQuery?
    /// Stories looked at and to look at by the running search; nil when it is done.
    public internal(set) var searchProgress: (scanned: Int, total: Int)?
    var searchJob: SearchJob?
    /// Whether the prompt's text changed since its search started: ``absorbSearch()`` starts
    /// the new one, so that keys typed at once (a paste) start one search, not one each.
    var pendingSearch = false
    var searchTotal = 0
    var searchHistory: [String] = []
    /// Whether the running search's finding that files changed on disk has been told.
    var searchChangesTold = false

    /// How far background indexing has got; nil once every source is indexed.
    public internal(set) var indexing: BackgroundIndexer.Progress?

    var layoutCache = ArticleLayoutCache()
    /// Visible index of each catalog position, for filtered views (nil: the view is everything).
    var visibleIndex: [Int: Int]?
    /// Which visible stories are unread, for `n`/`p`.
    var unreadBits = BitSet()
    private var lastSavedSelection: ArticleID?
    /// The story to select once indexing finds it (the one last selected), until the user moves.
    var pendingInitial: ArticleID?
    /// The stories beside ``pendingInitial`` when it was left, nearest first: the first of them
    /// still there is selected when indexing ends without it (it left the file since).
    private var pendingNeighbours: [ArticleID] = []
    /// The ids stories of renamed feeds had under their files' stored title tags, to their ids
    /// now (``BackgroundIndexer/Batch/retitled``): where ``pendingInitial`` is found then.
    private var retitled: [ArticleID: ArticleID] = [:]
    /// Keys for the selected story typed while ``pendingInitial`` is still to come: done once it
    /// is selected (`F` right after the start flagged story 1, and the place was lost; found by QA).
    private var heldForResume: [Command] = []
    /// Keys typed while a search had found nothing yet, for the list it finds (see ``press(_:)``).
    var typedAhead: [TypedAhead] = []
    /// After a reload (`R`): whether to open the story found again as it was (zoomed or not),
    /// and the catalog position to select when it is gone (edited or deleted).
    /// `atMatch`: the story was shown where a search put it, which it is again.
    private var pendingPlace:
        (reading: Bool, zoomed: Bool, zoomOpenedStory: Bool, fallback: Int?, atMatch: Bool)?
    /// Where a key asked to go while the view was still filling (indexing or a search
    /// running): gone to when it can be, unless the reader moves first.
    enum Waiting: Equatable {
        /// `G`: the last story, when the view is whole.
        case last
        /// A story number past those there are yet: that story when it comes (opened if the
        /// reader was reading).
        case story(Int, reading: Bool)
        /// `n` with no unread story after the selection yet: the next one when it comes.
        case nextUnread
    }
    var waiting: Waiting?
    /// `A` pressed while the view was filling: every story of it is marked read when it is whole.
    var waitingToMarkAll = false
    /// What `A` asks about on the status line (the unread stories of the view and the sources
    /// they come from), while it waits for the answer: the next key answers.
    public internal(set) var markAllQuestion: (stories: Int, sources: Int)?
    /// The row clicked and the story it selected, while no other command has come since: the
    /// second press of a double click opens that story.
    private var lastClick: (row: Int, position: Int)?
    /// Stories the view showed that no longer match its filter (read in the unread view,
    /// unflagged in the flagged one): a search within the view, and clearing it, keep them, as
    /// the view itself does until it is changed.
    /// By id, so that files read again (`R`) keep them too.
    var keptInView: Set<ArticleID> = []
    /// A story position to select the nearest of once the running search has ended (the
    /// story selected before `R` is gone, and the search has not found all it will).
    var pendingNearest: Int?
    /// What ``keepView(of:)`` and ``keepPlace(of:)`` last took from the reader over the files
    /// before `R`: ``follow(_:afterKeys:)`` takes them again once they change there.
    var followed = FollowedReader()
    /// How far the files read again (`R`) are indexed, while this reader (over the files as
    /// they were) stays on screen for the reader over them to find its story (see
    /// ``follow(_:afterKeys:)``); nil otherwise. The status line shows it.
    public internal(set) var reloadProgress: BackgroundIndexer.Progress?
    /// The counts of the reader this one took the place of after `R`, while they stand for
    /// stories not indexed again yet (see ``viewCounts``).
    var countsBeforeReload: CountsBeforeReload?
    /// The story selected before the view became empty (see `setFilter`).
    private var positionBeforeEmptyView: Int?
    /// The story selected when the search prompt opened, and whether it was open: a cancelled
    /// search goes back to it.
    var positionBeforePrompt: Int?
    var readingBeforePrompt = false
    /// Whether the article was zoomed when the prompt opened: the search shows the list, and the
    /// article comes back zoomed.
    var zoomedBeforePrompt = false
    /// Whether the zoom on now opened the story from the list (`z` there): `z` again goes back
    /// to the list.
    var zoomOpenedStory = false
    /// ``zoomOpenedStory`` when the prompt opened, for the zoom that comes back after it.
    var zoomOpenedBeforePrompt = false
    /// The search kept when the prompt opened (a cancelled prompt goes back to it), and whether
    /// the prompt has searched since.
    var queryBeforePrompt: SearchQuery?
    var searchedInPrompt = false
    /// The prompt the last command closed with Esc, for ``takeBackEscape()``; nil after any
    /// other command.
    var promptClosedByEscape: PromptClosedByEscape?
    /// What an Esc outside the prompt, the last command, acted on, for ``takeBackEscape()``;
    /// nil after any other command.
    var placeBeforeEscape: PlaceBeforeEscape? {
        didSet {
            // The search the Esc ended goes on only while the Esc may be taken back.
            guard let job = oldValue?.search?.job, job !== searchJob, job !== placeBeforeEscape?.search?.job
            else { return }
            job.cancel()
        }
    }
    /// The story a search started from the prompt comes back to when it matches (as a limited
    /// view in mutt keeps the current message), and whether to open it again at its place:
    /// until the search finds it, ends, or the user moves.
    var searchAnchor: (position: Int, reopen: Bool)?
    /// Where the last resize put the article pane's top, in the text (see `resize`).
    private struct ResizeAnchor {
        var id: ArticleID?
        var offset: Int
        var blank: Bool
        var scroll: Int
        /// Whether the pane showed the article's end: it shows the end again at the new size.
        var atEnd: Bool
    }
    private var resizeAnchor: ResizeAnchor?
    /// Whether a story has been laid out before the first batch came (`prepareFirstStory`).
    private var preparedFirstStory = false

    /// The warnings of the last load (`R` or the start), most important first (``LoadNoteHarm``):
    /// files whose only story was lost, stories lost in a file open, then other files skipped.
    /// The status line shows the first; help lists them all.
    public private(set) var loadNotes: [String] = []

    /// Adds warnings of files skipped by this load, each after those of its harm there.
    public func addLoadNotes(_ skipped: [String]) {
        loadNotes = LoadNoteHarm.ordered(loadNotes + skipped)
    }

    /// Where the selected story is remembered besides its own source (``SessionKey``): set
    /// when several sources are open.
    public let sessionKey: String?

    /// A reader over `catalog` for a terminal of `width`×`height`, selecting `initial` when given;
    /// the selected story is also remembered under `sessionKey` when there is one.
    public convenience init(
        catalog: ArticleCatalog, tracker: ReadingTracker, width: Int, height: Int, initial: ArticleID? = nil,
        sessionKey: String? = nil
    ) {
        self.init(
            catalog: catalog, tracker: tracker, width: width, height: height,
            resuming: initial.map { RememberedSelection(id: $0) }, sessionKey: sessionKey)
    }

    /// A reader selecting the story remembered in `resuming` when it comes, or the first of its
    /// neighbours still there when it has left the files.
    public init(
        catalog: ArticleCatalog, tracker: ReadingTracker, width: Int, height: Int,
        resuming: RememberedSelection?, sessionKey: String? = nil
    ) {
        let initial = resuming?.id
        pendingNeighbours = resuming?.neighbours ?? []
        self.catalog = catalog
        self.tracker = tracker
        self.sessionKey = sessionKey
        visible = Array(catalog.entries.indices)
        layout = ScreenLayout(
            width: width, height: height, articleCount: catalog.entries.count, zoomed: false)
        rebuildUnreadIndex()
        pendingInitial = initial
        lastSavedSelection = initial
        selectPendingInitial()
    }

    /// Takes in what background indexing found: new stories join the view if they match it.
    public func absorb(_ batches: [BackgroundIndexer.Batch], progress: BackgroundIndexer.Progress) {
        let countBefore = visible.count
        // The articles still to come, reckoned from the share of the bytes indexed so far.
        let arriving =
            catalog.entries.count + batches.reduce(0) { $0 + $1.summaries.count } + progress.articlesHeldBack
        if !progress.finished, progress.bytesDone > 0, progress.bytesTotal > progress.bytesDone {
            let reckoned = Double(arriving) * Double(progress.bytesTotal) / Double(progress.bytesDone)
            catalog.expect(Int(min(reckoned, 1e12)))
            tracker.expect(Int(min(reckoned, 1e12)), storiesSoFar: catalog.entries.count)
        }
        // Stored once the states carried over before them are (by the batches before theirs).
        var titleTags: [String: String] = [:]
        defer { tracker.storeTitleTags(titleTags) }
        for batch in batches {
            tracker.absorb(batch.states, of: batch.summaries)
            tracker.takeOver(batch.carriedOver)
            if !batch.retitled.isEmpty { retitled.merge(batch.retitled) { _, later in later } }
            if !batch.scopesKeptInStep.isEmpty { tracker.keepInStep(batch.scopesKeptInStep) }
            titleTags.merge(batch.titleTagsToStore) { _, later in later }
            if batch.summaries.isEmpty && batch.openedSources.isEmpty { continue }
            catalog.add(batch.openedSources)
            searchJob?.add(batch.openedSources)
            let start = catalog.entries.count
            let added = catalog.append(batch.summaries, fromSource: batch.sourceIndex, details: batch.details)
            if added < batch.summaries.count { countCopies(of: batch.summaries, before: start) }
            // A search an Esc just ended looks at them too, for the Esc to be taken back.
            feedSearchBeforeEscape(from: start, opened: batch.openedSources)
            if let searchJob {
                let fresh = (start..<catalog.entries.count).filter(isInView)
                searchJob.enqueue(SearchJob.work(fresh, in: catalog))
                searchTotal += fresh.count
                continue
            }
            for position in start..<catalog.entries.count where isInView(position) {
                visibleIndex?[position] = visible.count
                visible.append(position)
                let unread = !tracker.isRead(catalog.entries[position].summary.id)
                unreadBits.append(unread)
                if unread { visibleUnread += 1 }
            }
        }
        indexing = progress.finished ? nil : progress
        if progress.finished { isReloading = false }
        if progress.finished && !readWarningsTold {
            readWarningsTold = true
            // Before a message already there (files skipped when opening), not instead of it:
            // stories lost in a file open matter more than a file left out (QA), but less than
            // a file whose only story was lost.
            if let note = ReadWarningNote.message(for: catalog.sources) {
                message =
                    message.map { LoadNoteHarm(of: $0) == .fileLost ? "\($0); \(note)" : "\(note); \($0)" }
                    ?? note
            }
            loadNotes = LoadNoteHarm.ordered(ReadWarningNote.lines(for: catalog.sources) + loadNotes)
        }
        if visible.count != countBefore {
            relayout()
            keepSelectionVisible()
        }
        settleCountsBeforeReload()
        selectPendingInitial(indexingEnded: progress.finished)
        applyHeldForResume()
        doWaitingAction()
        doTypedAhead()
    }

    /// Whether `command` acts on the selected story while the story to go back to is still
    /// being indexed: held for it (see ``heldForResume``). A move, a view, a search or a number
    /// is the reader's own, and gives the going back up.
    private func holdsForResume(_ command: Command) -> Bool {
        guard pendingInitial != nil, indexing != nil, prompt == nil, !showingHelp, pendingNumber.isEmpty
        else { return false }
        switch command {
        case .open, .toggleRead, .toggleFlag, .openLink, .spaceForward, .nextStory, .previousStory,
            .nextUnread, .previousUnread, .nextMatch, .previousMatch, .zoom:
            return true
        default:
            return false
        }
    }

    /// Does the keys held for the story gone back to, once it is selected (or indexing ended
    /// without it: then for the story selected).
    private func applyHeldForResume() {
        guard !heldForResume.isEmpty, pendingInitial == nil || indexing == nil else { return }
        let held = heldForResume
        heldForResume = []
        for command in held { apply(command) }
    }

    /// Whether stories may still join the view: files being indexed or a search running.
    var viewIsFilling: Bool { indexing != nil || searchProgress != nil }

    /// Does what a key asked of the whole view, once it can be done.
    func doWaitingAction() {
        markAllIfWaiting()
        guard let action = waiting else { return }
        switch action {
        case .story(let number, let reading):
            if let index = visibleIndex(ofPosition: number - 1) {
                waiting = nil
                selectVisible(index)
                if reading { openSelected(restoringScroll: true) }
            } else if !viewIsFilling {
                waiting = nil
                status = noStoryMessage(number)
            }
        case .last:
            guard !viewIsFilling else { return }
            waiting = nil
            if focus == .list { selectVisible(visible.count - 1) }
        case .nextUnread:
            if let index = unreadBits.first(from: selection + 1) {
                waiting = nil
                selectVisible(index)
                openSelected(restoringScroll: true)
            } else if !viewIsFilling {
                waiting = nil
                message = noMoreUnreadMessage
            }
        }
    }

    /// Marks the view read if `A` waited for it and it is whole.
    private func markAllIfWaiting() {
        guard waitingToMarkAll, !viewIsFilling else { return }
        waitingToMarkAll = false
        // On the states stored now, as the key itself would have acted (see `followChangesBefore`).
        followChangesMadeElsewhere()
        markAllRead()
    }

    /// Takes over what `other` (the reader over the files before `R`) was waiting to do once
    /// its view was whole: a `G`, a story number, an `A`. `R` dropped them without a word, and
    /// the selection stayed where indexing had got to (found by QA). Call after
    /// ``beginIndexing(_:)``: what can be done at once is.
    public func keepRequests(of other: Reader) {
        waiting = other.waiting
        waitingToMarkAll = other.waitingToMarkAll
        doWaitingAction()
        keepTypedAhead(of: other)
        doTypedAhead()
    }

    /// Marks the reader as waiting for background indexing (before the first batch arrives);
    /// `reloading`: of files read again (`R`).
    public func beginIndexing(_ progress: BackgroundIndexer.Progress, reloading: Bool = false) {
        indexing = progress.finished ? nil : progress
        isReloading = reloading && indexing != nil
    }

    /// Whether the indexing under way is of files read again (`R`): its progress says so.
    public private(set) var isReloading = false

    /// Keeps the place of `other`, the reader over the files before they were read again:
    /// its story selected (or, when the story is gone, the one now at its place in the list),
    /// and opened again at the same line and zoom when it was open.
    public func keepPlace(of other: Reader) {
        // Still looking for the story left last time, showing another meanwhile: that story,
        // as it was looked for (`R` then aimed at the story shown meanwhile, story 1; found by QA).
        if other.isLookingForTheStoryLeft, let id = other.pendingInitial {
            pendingPlace = other.pendingPlace
            pendingNeighbours = other.pendingNeighbours
            pendingInitial = id
            followed.story = other.selectedEntry?.summary.id
            selectPendingInitial()
            return
        }
        pendingPlace = (
            other.focus == .article && other.selectedEntry != nil, other.zoomed, other.zoomOpenedStory,
            other.selectedEntry == nil ? nil : other.visible[other.selection],
            other.query != nil && (other.focus == .list || other.scrollIsSearchsPlace)
        )
        // Selected already (the first story) or not: shown where it was left, as another is.
        pendingInitial = other.selectedEntry?.summary.id
        followed.story = pendingInitial
        selectPendingInitial()
    }

    /// Takes the place of `other`, the reader over the files as they were, on screen while
    /// this one filled (see ``follow(_:afterKeys:)``): its story selected, open and zoomed as there and
    /// at the line shown there, or when the story is gone the one now at its place, as
    /// ``keepPlace(of:)`` keeps it; then what it was waiting to do (``keepRequests(of:)``).
    public func takeOver(from other: Reader) {
        other.saveArticleScroll()
        keepCounts(of: other)
        readOnlyReason = other.readOnlyReason
        // The searches typed before: ↑ in the `/` prompt brought back none after `R` (QA).
        searchHistory = other.searchHistory
        // What following it opened here gives way to what it shows now.
        focus = .list
        if zoomed {
            zoomed = false
            zoomOpenedStory = false
            relayout()
        }
        // Marks changed there (`N`, `A`, `u`) since this reader counted its unread stories.
        if tracker.changesTaken != followed.changesTaken { rebuildUnreadIndex() }
        keepPlace(of: other)
        selectPendingInitial(indexingEnded: indexing == nil)
        keepRequests(of: other)
    }

    /// Opens the selected story again as ``keepPlace(of:)`` found it.
    private func reopenPendingPlace() {
        guard let place = pendingPlace else { return }
        pendingPlace = nil
        guard place.reading else { return }
        // Where it was left (the reader was there, even with a search's match elsewhere), or
        // at the match where the search had put it.
        articleScroll = place.atMatch ? lineToShowOfSelection : savedLineOfSelection
        openSelected()
        if place.zoomed && !zoomed {
            toggleZoom()
            zoomOpenedStory = place.zoomOpenedStory
        }
    }

    /// Selects the story asked for at the start once indexing has found it; `indexingEnded`:
    /// the catalog is whole, so a story not in it is gone.
    func selectPendingInitial(indexingEnded: Bool = false) {
        guard let id = pendingInitial else { return }
        guard let position = catalog.position(of: id) else {
            // Left under the id its feed's stored title gave (renamed, made untitled or titled
            // again since): the story now, as soon as it comes.
            if let now = retitled[id], catalog.position(of: now) != nil {
                pendingInitial = now
                selectPendingInitial(indexingEnded: indexingEnded)
                return
            }
            // Indexed to the end without it: the story that had its id in an older Gazette.
            if indexingEnded, let now = catalog.position(ofEarlier: id) {
                pendingInitial = catalog.entries[now].summary.id
                selectPendingInitial(indexingEnded: true)
                return
            }
            // Indexed to the end without it, after a restart: the nearest neighbour still there.
            if indexingEnded, pendingPlace == nil, !pendingNeighbours.isEmpty {
                selectNeighbourOfPendingInitial()
                return
            }
            // Indexed to the end without it: the story now where it was.
            if indexingEnded, let place = pendingPlace {
                pendingInitial = nil
                pendingPlace = nil
                if let fallback = place.fallback, !catalog.entries.isEmpty {
                    let position = min(fallback, catalog.entries.count - 1)
                    // A search still running has not found all its stories: at its end.
                    if searchProgress != nil {
                        pendingNearest = position
                    } else {
                        selectNearest(position)
                    }
                }
            }
            return
        }
        guard let index = visibleIndex(ofPosition: position) else {
            // Not in the view: a running search may find it yet; else the story at its place.
            guard searchProgress == nil else { return }
            pendingInitial = nil
            if pendingPlace != nil {
                pendingPlace = nil
                selectNearest(position)
            }
            return
        }
        pendingInitial = nil
        selectVisible(index)
        // Started again or read again (`R`): the pane shows the story where it was left, the
        // first story too (selected already, it was shown from its top after `R`), or where a
        // search showed it.
        articleScroll = pendingPlace?.atMatch == true ? lineToShow(of: id) : savedLine(of: id)
        reopenPendingPlace()
    }

    /// Selects the first of ``pendingNeighbours`` still in the catalog, the story that took the
    /// place of the one left (as `R` selects it); the selection stays when none is.
    private func selectNeighbourOfPendingInitial() {
        let neighbours = pendingNeighbours
        pendingNeighbours = []
        for id in neighbours {
            guard let position = catalog.position(of: id) ?? retitled[id].flatMap(catalog.position(of:))
            else {
                continue
            }
            pendingInitial = nil
            // A search still running has not found all its stories: at its end.
            if searchProgress != nil {
                pendingNearest = position
            } else {
                selectNearest(position)
            }
            return
        }
    }

    func matchesFilter(_ position: Int) -> Bool {
        let id = catalog.entries[position].summary.id
        switch filter {
        case .all: return true
        case .unread: return !tracker.isRead(id)
        case .flagged: return tracker.isFlagged(id)
        }
    }

    /// Recounts the unread stories of the view (on a change of view only).
    func rebuildUnreadIndex() {
        let flags = visible.map { !tracker.isRead(catalog.entries[$0].summary.id) }
        unreadBits = BitSet(flags)
        visibleUnread = flags.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    // MARK: what views read

    /// The selected story's catalog entry.
    public var selectedEntry: CatalogEntry? {
        visible.indices.contains(selection) ? catalog.entries[visible[selection]] : nil
    }

    /// The selected story wrapped to the pane width (cached per story and width).
    public var selectedLayout: ArticleLayout? {
        guard let entry = selectedEntry else { return nil }
        let position = visible[selection]
        // No more paragraphs than the layout can show: a story of millions took hundreds of MB.
        return cachedLayout(of: entry.summary.id) {
            catalog.article(at: position, maxParagraphs: ArticleLayout.maxLines)
        }
    }

    /// Where matches of `query` start in the selected story's layout, its lines scanned once
    /// for the query (opening a story placed at its matches scanned them again to count them).
    func selectedMatchStarts(of query: SearchQuery) -> [Int] {
        guard let layout = selectedLayout, let id = selectedEntry?.summary.id else { return [] }
        return layoutCache.matchStarts(of: query, id: id, width: self.layout.textWidth)
            ?? layout.matchStarts(of: query)
    }

    /// The layout of a story at the pane's width, from the cache or made of `article` now.
    private func cachedLayout(of id: ArticleID, article: () -> Article?) -> ArticleLayout? {
        let width = layout.textWidth
        return layoutCache.layout(for: id, width: width) {
            article().map { ArticleLayout(article: $0, width: width) }
        }
    }

    /// Lays out a story of the first source found while the first batch is still being
    /// indexed, when it is the one the first screen will show (the one last selected, or else
    /// the first found): the screen then draws it from the cache.
    public func prepareFirstStory(_ summary: ArticleSummary) {
        let shownFirst = pendingInitial.map { $0 == summary.id } ?? !preparedFirstStory
        guard shownFirst, let source = catalog.sources.first else { return }
        preparedFirstStory = true
        _ = cachedLayout(of: summary.id) { source.article(summary, maxParagraphs: ArticleLayout.maxLines) }
    }

    /// Lines the article pane can scroll past.
    public var maxArticleScroll: Int {
        max(0, (selectedLayout?.lines.count ?? 0) - layout.paneHeight)
    }

    /// Visible stories in the list window, with their index in `visible`.
    public var listWindow: Range<Int> {
        listScroll..<min(visible.count, listScroll + layout.listHeight)
    }

    // MARK: commands

    /// The terminal changed size: recompute the layout, keep selection and scroll sensible.
    /// The article pane keeps the text it showed at its top, wherever the new width wraps it,
    /// or its end when it showed the end.
    public func resize(width: Int, height: Int) {
        let shown = articleScroll > 0 ? selectedLayout : nil
        let atEnd = articleScroll >= maxArticleScroll
        var anchor = shown.map { layout in
            ResizeAnchor(
                id: selectedEntry?.summary.id, offset: layout.textOffset(ofLine: articleScroll),
                blank: articleScroll < layout.lines.count && layout.lines[articleScroll].kind == .blank,
                scroll: articleScroll, atEnd: atEnd)
        }
        // Resizes in a row keep the place the first one found (each line start found is at or
        // before the text, and would creep back a little at every step).
        if let last = resizeAnchor, let current = anchor, last.id == current.id, last.scroll == articleScroll
        {
            anchor = last
        }
        layout = ScreenLayout(width: width, height: height, articleCount: layoutCount, zoomed: zoomed)
        if let anchor, let rewrapped = selectedLayout {
            // An article read to its end stays at its end: kept by the text at its top, a
            // narrower pane left its last lines below, and `Space` paged on instead of opening
            // the next unread story (found by QA).
            articleScroll =
                anchor.atEnd
                ? maxArticleScroll : rewrapped.line(atTextOffset: anchor.offset, blank: anchor.blank)
        }
        articleScroll = min(articleScroll, maxArticleScroll)
        resizeAnchor = anchor
        resizeAnchor?.scroll = articleScroll
        keepSelectionVisible()
    }

    /// Applies one command.
    public func apply(_ command: Command) {
        // Only the command right after the Esc may take it back.
        promptClosedByEscape = nil
        placeBeforeEscape = nil
        if markAllQuestion != nil {
            answerMarkAllQuestion(with: command)
            return
        }
        if holdsTypedAhead(command) {
            holdTypedAhead(.command(command))
            return
        }
        if holdsForResume(command) {
            if heldForResume.count < 16 { heldForResume.append(command) }
            status = .goingBack
            return
        }
        // Esc acts at once; what it acted on is kept, for the rest of a split key to undo it.
        if command == .cancel && prompt == nil { placeBeforeEscape = PlaceBeforeEscape(of: self) }
        let clickBefore = lastClick
        lastClick = nil
        message = nil
        // Quitting is no move of the reader's: the story to go back to, not reached yet,
        // stays the one remembered (story 1 was stored over it; found by QA). Nor is reading
        // the files again: `R` aimed at the story shown meanwhile, story 1 (found by QA).
        let keepsTheStoryToGoBackTo =
            prompt == nil && !showingHelp
            && (command == .quit || command == .reload || (command == .back && focus == .list))
        if !keepsTheStoryToGoBackTo { pendingInitial = nil }
        heldForResume = []
        pendingPlace = nil
        pendingNearest = nil
        if prompt == nil { searchAnchor = nil }
        // A `G` or a story number waiting for the view to fill is given up when the selection
        // is moved, or a story opened.
        let selectionBefore = selection
        let focusBefore = focus
        defer {
            if selection != selectionBefore || focus != focusBefore, waiting != nil, command != .last {
                // Said, as `Esc` says it: the move is the reader's, the given-up jump is not seen.
                let given = waitingStatus
                waiting = nil
                if message == nil, let given, waitingStatus != given { status = given.wrapped("given up: ") }
            }
        }
        if prompt != nil {
            applyInPrompt(command)
            return
        }
        if showingHelp {
            applyInHelp(command)
            return
        }
        followChangesBefore(command)
        if case .digit(let digit) = command {
            if pendingNumber.count < 9 { pendingNumber += String(digit) }
            status = pendingNumberText
            return
        }
        if command == .deleteDigit {
            pendingNumber = String(pendingNumber.dropLast())
            status = pendingNumber.isEmpty ? nil : pendingNumberText
            return
        }
        if !pendingNumber.isEmpty && applyWithNumber(command) { return }
        var dropped: String?
        if !pendingNumber.isEmpty && command != .open && command != .cancel && command != .openLink {
            dropped = pendingNumber
            pendingNumber = ""
        }
        defer {
            // Said, when the key says nothing itself: "3J" showed "go to story: 3" and then moved
            // one story (found by QA).
            if let dropped, message == nil, Reader.saysADroppedNumber(command) {
                status = .numberDropped(dropped)
            }
        }
        switch command {
        case .down: focus == .article ? scrollArticleByKey(1) : stepSelection(by: 1)
        case .up: focus == .article ? scrollArticleByKey(-1) : stepSelection(by: -1)
        case .open:
            if !pendingNumber.isEmpty {
                jumpToPendingNumber()
            } else if focus == .article {
                openAgain()
            } else {
                openSelected()
            }
        case .back: back()
        case .quit: finish()
        case .spaceForward: spaceForward()
        case .pageBack: scrollArticleByKey(-pageStep)
        case .pageDown:
            focus == .article ? scrollArticleByKey(pageStep) : stepSelection(by: max(1, layout.listHeight))
        case .pageUp:
            focus == .article ? scrollArticleByKey(-pageStep) : stepSelection(by: -max(1, layout.listHeight))
        case .first: goToEnd(last: false)
        case .last: goToEnd(last: true)
        case .nextStory: openNeighbour(+1)
        case .previousStory: openNeighbour(-1)
        case .nextUnread: openUnread(forward: true)
        case .previousUnread: openUnread(forward: false)
        case .toggleRead: toggleRead()
        case .markAllRead: markAllRead()
        case .undo: undo()
        case .toggleFlag: toggleFlag()
        case .cycleView: setFilter(filter.next)
        case .digit, .deleteDigit: break
        case .zoom: toggleZoom()
        case .help:
            showingHelp = true
            helpScroll = 0
        case .cancel: cancel()
        case .search: openPrompt()
        case .edit: break
        case .openLink: requestLink()
        case .reload:
            reloadRequested = true
            message = "reloading…"
        case .nextMatch: jumpToMatch(forward: true)
        case .previousMatch: jumpToMatch(forward: false)
        case .selectRow(let row): clickRow(row, open: false, after: nil)
        case .openRow(let row): clickRow(row, open: true, after: clickBefore)
        case .scrollList(let lines): scrollList(by: lines)
        case .scrollArticle(let lines): scrollArticle(by: lines)
        case .unbound(let key):
            // A jump waiting for the view to fill keeps its word on the status line.
            if waiting == nil && !waitingToMarkAll {
                // The number typed before it is dropped too, and said so (found by QA).
                status = .doesNothing(KeyBindings.name(of: key), dropped: dropped)
            }
        }
    }

    /// The status line while a number is typed: in an open article it may be a line too
    /// (`5G`), which "go to story: 5" did not say (found by QA).
    private var pendingNumberText: StatusMessage {
        focus == .article ? .numberInArticle(pendingNumber) : StatusMessage("go to story: \(pendingNumber)")
    }

    /// Why the state file is read only, when it is: a change is told as not saved for that
    /// reason, and the selected story and the open story's scroll position go unsaved without
    /// a word (tried at every pause of the keys, they would fail again and again).
    public var readOnlyReason: String?
    /// Whether the state file is read only.
    public var stateIsReadOnly: Bool { readOnlyReason != nil }
    /// Whether a failure to save was reported since this was last cleared.
    private var reportedFailure = false

    /// Whether the selected story or the open story's scroll position is not yet saved.
    public var hasUnsavedPosition: Bool {
        guard !stateIsReadOnly, let entry = selectedEntry else { return false }
        if entry.summary.id != lastSavedSelection && pendingInitial == nil { return true }
        return focus == .article && !scrollIsSearchsPlace
            && tracker.state(of: entry.summary.id).scrollLine != placeOfScroll
    }

    /// Writes the positions that are not written on every key (the selected story, the open
    /// story's scroll position); the event loop calls it as soon as keys pause.
    public func savePosition() {
        guard !stateIsReadOnly, let entry = selectedEntry else { return }
        do {
            if focus == .article && !scrollIsSearchsPlace {
                try tracker.setScrollLine(placeOfScroll, for: entry.summary.id)
            }
            // Not while the story to go back to is still to come: the selection is indexing's,
            // not the reader's, and would overwrite the one remembered (found by QA).
            if entry.summary.id != lastSavedSelection && pendingInitial == nil {
                let entries = catalog.entries
                let remembered = RememberedSelection.at(
                    visible[selection], of: { entries[$0].summary.id }, count: entries.count)
                try tracker.remember(remembered, inSource: catalog.source(of: entry).stateKey)
                if let sessionKey { try tracker.remember(remembered, inSource: sessionKey) }
                lastSavedSelection = entry.summary.id
            }
            // The last key's own word stays (an undo's was hidden by the lock's; found by QA):
            // the changes waiting are told again after the next key.
            if message == nil { tellChangesWaiting() }
        } catch {
            report(error)
        }
    }

    private func requestLink() {
        let number = Int(pendingNumber)
        pendingNumber = ""
        guard let position = selectedEntry.map({ _ in visible[selection] }),
            let article = catalog.article(at: position, maxParagraphs: ArticleLayout.maxLines)
        else {
            message = "no story selected"
            return
        }
        if let number {
            guard number >= 1 && number <= article.links.count else {
                message =
                    article.links.isEmpty
                    ? "this story has no numbered links"
                    : "no link [\(number)] (there \(article.links.count == 1 ? "is" : "are") \(article.links.count))"
                return
            }
            linkToOpen = article.links[number - 1]
        } else if let link = article.link {
            linkToOpen = link
        } else if let first = article.links.first {
            linkToOpen = first
        } else {
            message = "this story has no link"
            return
        }
        message = "opening " + (linkToOpen ?? "")
    }

    /// Scrolls the help screen to `line` (the view works out where a resize leaves it).
    public func scrollHelp(to line: Int) {
        helpScroll = max(0, line)
    }

    /// Keeps the help screen from scrolling past its end (the view knows how long it is).
    public func limitHelpScroll(to limit: Int) {
        helpScroll = max(0, min(helpScroll, limit))
    }

    private var pageStep: Int { max(1, layout.paneHeight - 1) }

    private func applyInHelp(_ command: Command) {
        switch command {
        case .down, .scrollArticle(1...): helpScroll += 1
        case .up, .scrollArticle: helpScroll = max(0, helpScroll - 1)
        case .pageDown, .spaceForward: helpScroll += max(1, layout.height - 3)
        case .pageUp, .pageBack: helpScroll = max(0, helpScroll - max(1, layout.height - 3))
        case .first: helpScroll = 0
        case .last: helpScroll = Int.max / 2
        case .quit: finish()
        default: showingHelp = false
        }
    }

    /// `j`/`k` (or a page) in the list: one row (or a page), or a word at either end or in an
    /// empty list, as newsboat has (the key did nothing without one; found by QA).
    func stepSelection(by delta: Int) {
        let before = selection
        moveSelection(by: delta)
        guard !visible.isEmpty else {
            status = viewIsFilling ? .emptyForNow(searching: searchProgress != nil) : emptyListStatus
            return
        }
        guard selection == before else { return }
        if delta < 0 {
            message = "already on the first story"
        } else {
            status =
                viewIsFilling
                ? .endsForNow(searching: searchProgress != nil) : StatusMessage("already on the last story")
        }
    }

    private func moveSelection(by delta: Int) {
        guard !visible.isEmpty else { return }
        selectVisible(min(max(0, selection + delta), visible.count - 1))
    }

    /// Selects a story without opening it: the pane previews it where it was left, as
    /// opening it would show it.
    func selectVisible(_ index: Int) {
        guard visible.indices.contains(index) else { return }
        if index != selection {
            leaveArticle()
            selection = index
            articleScroll = lineToShowOfSelection
        }
        keepSelectionVisible()
    }

    private func select(_ position: Int) {
        if let index = visibleIndex(ofPosition: position) { selectVisible(index) }
    }

    /// Where the view shows the story at catalog position `position`, if it does.
    func visibleIndex(ofPosition position: Int) -> Int? {
        guard let map = visibleIndex else { return visible.indices.contains(position) ? position : nil }
        return map[position]
    }

    /// Selects the story at catalog position `position`, or the next one the view shows after
    /// it, or its last.
    func selectNearest(_ position: Int) {
        guard !visible.isEmpty else { return }
        selectVisible(visible.firstIndex { $0 >= position } ?? visible.count - 1)
    }

    func keepSelectionVisible() {
        let height = max(1, layout.listHeight)
        let context = min(2, (height - 1) / 2)
        if selection < listScroll + context { listScroll = selection - context }
        if selection > listScroll + height - 1 - context { listScroll = selection - (height - 1 - context) }
        listScroll = max(0, min(listScroll, visible.count - height))
    }

    /// Opens the selected story as the pane previews it (where it was left, or where the wheel
    /// or a search put it); `restoringScroll`: it was just selected, and shows where it was
    /// left (or at a search's first match).
    func openSelected(restoringScroll: Bool = false) {
        guard let entry = selectedEntry else {
            message = "no story to open"
            return
        }
        focus = .article
        if restoringScroll {
            articleScroll = lineToShow(of: entry.summary.id)
        }
        // A notice that the file changed on disk is not the story: it stays as it was.
        if selectedLayout?.changedOnDisk != true { markOpened(entry.summary.id) }
        // During a search: how many lines match, and how to get to the next (the count of a
        // story shown at its first match is known already), unless a failure was told.
        if let query, message == nil, selectedLayout != nil {
            let matches =
                scrollIsSearchsPlace ? shownAtMatch?.matches ?? 0 : selectedMatchStarts(of: query).count
            guard matches > 0 else { return }
            status =
                matches == 1 ? StatusMessage("1 matching line in this story") : .matchingLines(matches)
        }
    }

    private func markOpened(_ id: ArticleID) {
        guard !tracker.isRead(id) else { return }
        do {
            let changed = try tracker.setRead([id], true, label: "mark read", opening: true)
            adjustUnread(changed, read: true)
            tellChangesWaiting()
        } catch {
            report(error)
        }
    }

    private func openNeighbour(_ step: Int) {
        let target = selection + step
        guard visible.indices.contains(target) else {
            message = step > 0 ? "no next story" : "no previous story"
            return
        }
        selectVisible(target)
        openSelected(restoringScroll: true)
    }

    /// What `n` and `p` say when there is no unread story to go to. The open story may be the
    /// one left (marked unread again with `N`): "no more unread" beside "1 unread" in the title
    /// read as wrong (found by QA).
    private var noMoreUnreadMessage: String {
        visible.indices.contains(selection) && unreadBits[selection]
            ? "no other unread story" : "no more unread"
    }

    private func openUnread(forward: Bool) {
        var found: Int?
        var wrapped = false
        if forward {
            found = unreadBits.first(from: selection + 1)
            if found == nil, let first = unreadBits.first(from: 0), first < selection {
                found = first
                wrapped = true
            }
        } else {
            found = unreadBits.last(through: selection - 1)
            if found == nil, let last = unreadBits.last(through: visible.count - 1), last > selection {
                found = last
                wrapped = true
            }
        }
        if found == nil && focus == .list && unreadBits[selection] { found = selection }
        guard let index = found else {
            // Unread stories may still come after the selection: gone to when the first does,
            // as `G` waits (the message stayed, and nothing moved; found by QA).
            if forward && viewIsFilling {
                waiting = .nextUnread
            } else {
                message = noMoreUnreadMessage
            }
            return
        }
        let changed = index != selection
        selectVisible(index)
        openSelected(restoringScroll: changed)
        if wrapped {
            message = forward ? "wrapped to the first unread story" : "wrapped to the last unread story"
        }
    }

    /// `G` in the list: the last story, or, while the view fills, the last once it is whole.
    /// The selection stays meanwhile: it went to the story indexing had got to, and then again
    /// to the last, a jump to a partial end (issue 5: `G` waits rather than jumping there).
    func selectLast() {
        guard !viewIsFilling else {
            waiting = .last
            return
        }
        selectVisible(visible.count - 1)
    }

    /// How the status line tells of an `A` waiting for the view to fill.
    /// What a key asked that waits for the view to fill, as the status line tells it.
    public var waitingText: String? { waitingStatus?.text }

    /// What a key asked that waits for the view to fill, with its short form.
    public var waitingStatus: StatusMessage? {
        var parts: [StatusMessage] = []
        if waitingToMarkAll { parts.append(.markAllWaiting) }
        switch waiting {
        case nil: break
        case .last: parts.append(.lastWaiting)
        case .story(let number, _): parts.append(.storyWaiting(number))
        case .nextUnread: parts.append(.nextUnreadWaiting)
        }
        guard !parts.isEmpty else { return nil }
        return StatusMessage(
            parts.map(\.text).joined(separator: "; "),
            short: parts.map { $0.short ?? $0.text }.joined(separator: "; "))
    }

    private func spaceForward() {
        guard focus == .article else {
            openSelected()
            return
        }
        if articleScroll >= maxArticleScroll {
            openUnread(forward: true)
        } else {
            scrollArticle(by: pageStep)
        }
    }

    /// The wheel over the list: its rows scroll under the pointer, and the selected story,
    /// open or previewed, stays as it is (the wheel moved the selection, and over an open
    /// story closed it for another's preview, so that `q` then quit; found by QA).
    private func scrollList(by lines: Int) {
        listScroll = max(0, min(listScroll + lines, visible.count - max(1, layout.listHeight)))
    }

    private func scrollArticle(by lines: Int) {
        scrollArticle(to: articleScroll + lines)
    }

    func scrollArticle(to line: Int) {
        articleScroll = max(0, min(line, maxArticleScroll))
    }

    /// Scrolls the open article to its line `number` (1-based; past the end, to the end), and
    /// says which line that is.
    private func goToArticleLine(_ number: Int) {
        let count = selectedLayout?.lines.count ?? 0
        guard count > 0 else {
            message = "no text to go to"
            return
        }
        let line = min(max(1, number), count)
        scrollArticle(to: line - 1)
        message = "line \(GroupedCount.text(line)) of \(GroupedCount.text(count))"
    }

    private func back() {
        if focus == .article {
            leaveArticle()
            focus = .list
            if zoomed { toggleZoom() }
            // The list scrolled away from the story (the wheel): back shows its row again.
            if !listWindow.contains(selection) { keepSelectionVisible() }
        } else {
            finish()
        }
    }

    private func cancel() {
        if !pendingNumber.isEmpty {
            pendingNumber = ""
        } else if let given = waitingStatus {
            waiting = nil
            waitingToMarkAll = false
            status = given.wrapped("cancelled: ")
        } else if focus == .article {
            back()
        } else if query != nil {
            // Its job goes on while the Esc may be taken back (see ``placeBeforeEscape``).
            clearSearch(cancellingJob: placeBeforeEscape == nil)
            message = "search cleared"
        }
    }

    private func finish() {
        leaveArticle()
        savePosition()
        isFinished = true
    }

    /// Saves the open story's line (before the files are read again, for it to open there).
    public func saveArticleScroll() {
        leaveArticle()
    }

    /// Where the open story's top line is in its text (``ArticleLayout/place(ofLine:)``): what
    /// is remembered, so that a story opens at the same text at any width.
    private var placeOfScroll: Int {
        selectedLayout?.place(ofLine: articleScroll) ?? 0
    }

    /// The line at which the selected story `id` was left, at this width.
    private func savedLine(of id: ArticleID) -> Int {
        let place = tracker.state(of: id).scrollLine
        guard place > 0, let layout = selectedLayout else { return 0 }
        return min(layout.line(ofPlace: place), maxArticleScroll)
    }

    /// Where the selected story was left, as a line of its layout (0 when none is selected).
    var savedLineOfSelection: Int {
        selectedEntry.map { savedLine(of: $0.summary.id) } ?? 0
    }

    /// Where the selected story `id` shows when it is moved onto or opened: during a search, at
    /// its first match (from the top when that is well on the first page), as `less` shows a
    /// search;
    /// else where it was left.
    private func lineToShow(of id: ArticleID) -> Int {
        guard let query, let article = selectedLayout else { return savedLine(of: id) }
        let starts = selectedMatchStarts(of: query)
        guard let first = starts.first else {
            // Matched in the paragraphs a long story leaves out: said, or the story seemed to
            // match nothing (found by QA).
            if article.leftOutParagraphs > 0 { status = .onlyMatchesLeftOut }
            return savedLine(of: id)
        }
        // From the top while the match and two lines after it show there (the match on the
        // pane's last row had nothing after it; found by QA).
        let line = first + 2 < layout.paneHeight ? 0 : min(first, maxArticleScroll)
        shownAtMatch = (id, line, starts.count)
        return line
    }

    /// The story last shown at a search's match, and that line: while it is there, unscrolled,
    /// its place is not saved (moving through a search's stories overwrote where they were
    /// left with their matches; found by QA).
    private var shownAtMatch: (id: ArticleID, line: Int, matches: Int)?

    /// Whether the selected story shows where a search put it, not scrolled since.
    var scrollIsSearchsPlace: Bool {
        guard let shown = shownAtMatch, let entry = selectedEntry else { return false }
        return shown.id == entry.summary.id && shown.line == articleScroll
    }

    /// Where the selected story shows when it is moved onto (0 when none is selected).
    var lineToShowOfSelection: Int {
        selectedEntry.map { lineToShow(of: $0.summary.id) } ?? 0
    }

    /// Remembers the scroll position of the story being left.
    func leaveArticle() {
        guard focus == .article, let entry = selectedEntry, !scrollIsSearchsPlace else { return }
        do {
            try tracker.setScrollLine(placeOfScroll, for: entry.summary.id)
            tellChangesWaiting()
        } catch {
            report(error)
        }
    }

    /// Jumps to the story numbered so in the list: its number in the files, the same in every
    /// view and search (as mutt keeps a message's number under a limit) and in `gazette list`.
    private func jumpToPendingNumber() {
        let number = Int(pendingNumber) ?? 0
        pendingNumber = ""
        guard number >= 1, let index = visibleIndex(ofPosition: number - 1) else {
            // Not there yet: the files are still being indexed or the search is still looking.
            if number >= 1 && viewIsFilling && (number > catalog.entries.count || searchProgress != nil) {
                waiting = .story(number, reading: focus == .article)
            } else {
                status = noStoryMessage(number)
            }
            return
        }
        // From an open story the jump opens the story, as `J`/`K` do: a `q` then goes back to
        // the list, as the reader expects, rather than quitting.
        let reading = focus == .article
        selectVisible(index)
        if reading { openSelected(restoringScroll: true) }
    }

    /// Why there is no story `number` to go to: none so numbered, or hidden by the view (named)
    /// or by the search, and how to leave it. Numbers are the stories' own, as mutt's are under
    /// a limit: one hidden is refused, not taken for another nor changed out of sight.
    private func noStoryMessage(_ number: Int) -> StatusMessage {
        let count = catalog.entries.count
        guard number >= 1 && number <= count else {
            return StatusMessage(
                "no story \(GroupedCount.text(number)) (there \(count == 1 ? "is" : "are") \(GroupedCount.text(count)))"
            )
        }
        // The search looks in the view only: a story the view hides is hidden by the view (it
        // was said not to match a search it matched).
        if query == nil || !isInView(number - 1) {
            return .notInView(number, label: filter.label)
        }
        return .notMatching(number)
    }

    /// Whether a key that drops a typed number says so: a key, not a click or the wheel, and
    /// not one that leaves (or one that says something of its own).
    private static func saysADroppedNumber(_ command: Command) -> Bool {
        switch command {
        case .edit, .selectRow, .openRow, .scrollList, .scrollArticle, .unbound, .quit, .back, .search, .help:
            return false
        default:
            return true
        }
    }

    /// Applies a key that takes a typed number (`5 N` toggles story 5, `3 j` moves three rows,
    /// `3 J` opens the third story on, `2 PgDn` goes two pages down); false for the others,
    /// which drop it.
    private func applyWithNumber(_ command: Command) -> Bool {
        let number = Int(pendingNumber) ?? 0
        switch command {
        case .down, .up:
            pendingNumber = ""
            let lines = max(1, number) * (command == .down ? 1 : -1)
            // At an end, said as without a count ("5j" on the last story did nothing without a
            // word, where `j` said so; found by QA).
            if focus == .article {
                scrollArticleByKey(lines)
            } else {
                let before = selection
                stepSelection(by: lines)
                // Cut short by the end of what the view holds so far: said, as it fills on (the
                // move stopped there without a word; found by QA).
                if lines > 0 && viewIsFilling && before + lines > visible.count - 1 {
                    let filling = searchProgress != nil ? "the search goes on" : "indexing goes on"
                    status = .movedForNow(selection - before, of: lines, filling: filling)
                }
            }
        case .first, .last:
            // In the list `10G` (or `10g`) goes to story 10, as in vi and less (it went to the
            // last story); in an open article to its line 10, as less goes to a line of what it
            // shows (it opened story 10).
            if focus == .article {
                pendingNumber = ""
                goToArticleLine(number)
            } else {
                jumpToPendingNumber()
            }
        case .nextStory, .previousStory:
            // A count, as for `j`/`k`: as far as the view goes (it moved one story; found by QA).
            pendingNumber = ""
            let step = max(1, number) * (command == .nextStory ? 1 : -1)
            let target = min(max(0, selection + step), visible.count - 1)
            openNeighbour(target == selection ? step.signum() : target - selection)
        case .pageDown, .pageUp, .pageBack:
            pendingNumber = ""
            let pages = max(1, number) * (command == .pageDown ? 1 : -1)
            if focus == .article || command == .pageBack {
                scrollArticleByKey(pages * pageStep)
            } else {
                stepSelection(by: pages * max(1, layout.listHeight))
            }
        case .toggleRead, .toggleFlag:
            // The story of that number, where the selection is left: it acted on the selected
            // one, and the number was dropped without a word (found by QA).
            pendingNumber = ""
            guard number >= 1, let index = visibleIndex(ofPosition: number - 1) else {
                // Not there yet is not "not there": the files or the search may still bring it.
                let filling = searchProgress != nil ? "the search" : "indexing"
                status =
                    number >= 1 && viewIsFilling && (number > catalog.entries.count || searchProgress != nil)
                    ? .notInListYet(number, filling: filling) : noStoryMessage(number)
                return true
            }
            let entry = catalog.entries[visible[index]]
            reportedFailure = false
            if command == .toggleRead { toggleRead(entry) } else { toggleFlag(entry) }
            // A failure is told as it is ("story 5 cannot write state file…" read garbled).
            if !reportedFailure, let done = status {
                status = done.wrapped("story \(GroupedCount.text(number)) ")
            }
        default:
            return false
        }
        return true
    }

    private func toggleRead(_ chosen: CatalogEntry? = nil) {
        guard let entry = chosen ?? selectedEntry else {
            message = "no story selected"
            return
        }
        let id = entry.summary.id
        let read = !tracker.isRead(id)
        do {
            let changed = try tracker.setRead([id], read, label: read ? "mark read" : "mark unread")
            adjustUnread(changed, read: read)
            message = read ? "marked read" : "marked unread"
            tellChangesWaiting()
        } catch {
            report(error)
        }
    }

    /// Marks every story of the view read; over several sources' unread stories, asks first
    /// unless `answered` (``markAllQuestion``).
    func markAllRead(answered: Bool = false) {
        if viewIsFilling {
            waitingToMarkAll = true
            return
        }
        if !answered, let asked = unreadAcrossSources() {
            markAllQuestion = asked
            status = .markAllQuestion(stories: asked.stories, sources: asked.sources)
            return
        }
        let ids = visible.map { catalog.entries[$0].summary.id }
        do {
            // The offsets of the ids are the view's rows: none is looked up by its id.
            let (flipped, stored) = try tracker.changeRead(ids, true, label: "mark all read")
            for row in flipped where unreadBits[row] {
                unreadBits[row] = false
                visibleUnread -= 1
            }
            // The stories whose stored state changed: those another process marked read since
            // the last look are not counted (they were; found by QA).
            message =
                stored == 0 ? "nothing unread here" : "marked \(GroupedCount.text(stored)) read (u undoes)"
            tellChangesWaiting()
        } catch {
            report(error)
        }
    }

    private func undo() {
        // An `A` still waiting for the view to fill has done nothing yet: `u` takes it back
        // (it said "nothing to undo", and the `A` went on).
        if waitingToMarkAll {
            waitingToMarkAll = false
            status = StatusMessage.markAllWaiting.wrapped("cancelled: ")
            return
        }
        do {
            guard let undone = try tracker.undo() else {
                message = "nothing to undo"
                return
            }
            adjustUnread(undone.readChanges)
            // Which story, or how many: "undone: mark read" named none (found by QA).
            if undone.stories.count == 1, let position = catalog.position(of: undone.stories[0]) {
                message = "undone: \(undone.label) (story \(GroupedCount.text(position + 1)))"
            } else if undone.stories.count > 1 {
                message = "undone: \(undone.label) (\(GroupedCount.text(undone.stories.count)) stories)"
            } else {
                message = "undone: \(undone.label)"
            }
            // An empty view has no place to keep: the stories the undo brings back into it show.
            if visible.isEmpty && filter != .all && query == nil {
                rebuildVisible(keeping: positionBeforeEmptyView)
            }
            // The undo's own word shows (the lock's hid it; found by QA): the changes waiting
            // are told again after the next key.
            if tracker.waitingMessage == nil { tellChangesWaiting() }
        } catch {
            report(error)
        }
    }

    private func toggleFlag(_ chosen: CatalogEntry? = nil) {
        guard let entry = chosen ?? selectedEntry else {
            message = "no story selected"
            return
        }
        let flagged = !tracker.isFlagged(entry.summary.id)
        do {
            try tracker.setFlagged([entry.summary.id], flagged)
            // A story another process marked read since it was loaded counts as read now.
            adjustUnread(tracker.takeReadChangesFound())
            message = flagged ? "flagged" : "unflagged"
            tellChangesWaiting()
        } catch {
            report(error)
        }
    }

    private func setFilter(_ newFilter: ViewFilter) {
        // A view with no story keeps the place of the one before it: L through an empty
        // flagged view comes back to the story it left.
        let current: Int? = selectedEntry == nil ? positionBeforeEmptyView : visible[selection]
        positionBeforeEmptyView = current
        leaveArticle()
        focus = .list
        if zoomed { toggleZoom() }
        // What waited for the old view is not asked of the new one.
        let cancelled = waitingStatus
        waiting = nil
        waitingToMarkAll = false
        keptInView = []
        filter = newFilter
        if let query {
            // A new view: what the old one showed is not kept in it. The story selected stays
            // selected when the search finds it in the new view, else the one after it (the
            // first match was selected; found by QA).
            visible = []
            startSearch(query)
            if let current {
                searchAnchor = (current, false)
                pendingNearest = current
            }
        } else {
            rebuildVisible(keeping: current)
        }
        // A search in a view with no story finds none: the view is what is empty.
        status = .view(
            newFilter.label, empty: visible.isEmpty && (query == nil || searchTotal == 0),
            cancelled: cancelled)
    }

    /// The stories of the current view (`L`), without a search.
    func basePositions() -> [Int] {
        guard filter != .all else { return Array(catalog.entries.indices) }
        return catalog.entries.indices.filter(isInView)
    }

    /// Whether the view (`L`) shows the story at `position`: it matches the filter, or matched
    /// it when shown.
    func isInView(_ position: Int) -> Bool {
        matchesFilter(position)
            || (!keptInView.isEmpty && keptInView.contains(catalog.entries[position].summary.id))
    }

    /// Notes the stories shown that no longer match the filter, for the view to keep them.
    func keepStoriesShown() {
        guard filter != .all else { return }
        for position in visible where !matchesFilter(position) {
            keptInView.insert(catalog.entries[position].summary.id)
        }
    }

    /// Shows the current view again, keeping the story at catalog position `current` selected
    /// (or the next one after it).
    func rebuildVisible(keeping current: Int?) {
        let shown = selectedEntry?.summary.id
        visible = basePositions()
        visibleIndex =
            filter == .all ? nil : Dictionary(uniqueKeysWithValues: visible.enumerated().map { ($1, $0) })
        rebuildUnreadIndex()
        relayout()
        selection = 0
        if let current {
            selection = visible.firstIndex { $0 >= current } ?? max(0, visible.count - 1)
        }
        // The story shown stays where it is; another one shows where it was left.
        articleScroll =
            selectedEntry?.summary.id == shown ? min(articleScroll, maxArticleScroll) : savedLineOfSelection
        listScroll = 0
        keepSelectionVisible()
    }

    /// Recomputes the screen layout (the list is as tall as the view needs, or its full
    /// height while a search is filling it).
    func relayout() {
        layout = ScreenLayout(
            width: layout.width, height: layout.height, articleCount: layoutCount, zoomed: zoomed)
    }

    /// The stories the list is laid out for: a search's list keeps its full height whatever it
    /// has found so far (it fills as the search runs), in a resize as in any other change.
    private var layoutCount: Int { query == nil ? visible.count : Int.max }

    func toggleZoom() {
        guard zoomed || selectedEntry != nil else {
            message = "no story to zoom"
            return
        }
        zoomed.toggle()
        if zoomed && focus == .list {
            openSelected()
            zoomOpenedStory = focus == .article
        } else if !zoomed && zoomOpenedStory {
            // "and back": a zoom that opened the story from the list goes back to the list.
            zoomOpenedStory = false
            if focus == .article {
                leaveArticle()
                focus = .list
            }
        } else {
            zoomOpenedStory = false
        }
        relayout()
        articleScroll = min(articleScroll, maxArticleScroll)
        keepSelectionVisible()
    }

    /// Selects (or, `open`, opens) the story on list row `row`; `click` is the click the
    /// command came right after.
    private func clickRow(_ row: Int, open: Bool, after click: (row: Int, position: Int)?) {
        // A double click opens the story its first click selected, though that click scrolled
        // the list to show it (a click on the list's last rows does).
        if open, let click, click.row == row,
            let index = visibleIndex(ofPosition: click.position)
        {
            selectVisible(index)
            openSelected()
            return
        }
        let index = listScroll + row
        guard visible.indices.contains(index) else { return }
        if focus == .article && !open {
            leaveArticle()
            focus = .list
            if zoomed { toggleZoom() }
        }
        let changed = index != selection
        // The row clicked is on the screen: the list stays, the story under the pointer (a
        // click on its last rows scrolled it by the context kept around a selection, and the
        // next click met another story there; found by QA).
        let scroll = listScroll
        selectVisible(index)
        listScroll = scroll
        if !open { lastClick = (row, visible[selection]) }
        // Otherwise only the story selected already opens: when the list scrolled between the
        // clicks (the wheel), or the first click only closed help, the row holds a story no
        // click chose (found by QA).
        if open && !changed { openSelected() }
    }

    /// Takes in the reading state another process stored since the last look (another reader,
    /// `gazette mark`): the list's marks and unread counts follow it (they waited for `R`;
    /// found by QA). True when anything changed. Only once the files are indexed: until then
    /// the states come with the stories.
    @discardableResult
    public func followChangesMadeElsewhere() -> Bool {
        guard indexing == nil, tracker.storeChangedElsewhere() else { return false }
        // A newer Gazette upgraded the file: said at once, as at the start (marks went on).
        if let refusal = tracker.storeRefusal { report(refusal) }
        do {
            let (readChanges, changed) = try tracker.reloadStates(of: catalog.entries.map(\.summary.id))
            adjustUnread(readChanges)
            // The unread or flagged view takes in the stories that came into it (a story made
            // unread elsewhere stayed out of "unread only"; found by QA); those it shows stay.
            if changed > 0, filter != .all, query == nil {
                let current: Int? = selectedEntry == nil ? positionBeforeEmptyView : visible[selection]
                let scroll = listScroll
                keepStoriesShown()
                rebuildVisible(keeping: current)
                listScroll = max(0, min(scroll, visible.count - layout.listHeight))
                keepSelectionVisible()
            }
            return changed > 0
        } catch {
            return false
        }
    }

    private func adjustUnread(_ changed: [ArticleID], read: Bool) {
        for id in changed { adjustUnread(id, read: read) }
    }

    /// Follows in the view's count of unread stories the read flags that copies among
    /// `summaries` of stories there before `start` brought (the state kept under a copy's
    /// previous id): the row was drawn read and counted unread (found by QA).
    private func countCopies(of summaries: [ArticleSummary], before start: Int) {
        for summary in summaries {
            guard let position = catalog.position(of: summary.id), position < start else { continue }
            adjustUnread(summary.id, read: tracker.isRead(summary.id))
        }
    }

    /// Follows read flags changed (id → read now) in the view's count of unread stories.
    private func adjustUnread(_ changes: [ArticleID: Bool]) {
        for (id, read) in changes { adjustUnread(id, read: read) }
    }

    private func adjustUnread(_ id: ArticleID, read: Bool) {
        guard let position = catalog.position(of: id), let index = visibleIndex(ofPosition: position) else {
            return
        }
        guard unreadBits[index] == read else { return }
        unreadBits[index] = !read
        visibleUnread += read ? -1 : 1
    }

    /// Says so when changes wait for another program's lock on the state file (they show
    /// here at once, and are written once it is gone), or when those that waited were saved.
    private func tellChangesWaiting() {
        guard let waiting = tracker.waitingStatus else {
            tellChangesSavedLate()
            return
        }
        waitedBehind = tracker.waitingReason
        reportedFailure = true
        status = waiting
    }

    /// What the changes last told waiting waited behind: their saving says so ("there is room
    /// again" after a full disk).
    private var waitedBehind: StateStoreError?

    /// Says so when changes that waited for a lock were written since the last word of it.
    private func tellChangesSavedLate() {
        let saved = tracker.takeChangesSavedLate()
        guard saved > 0 else { return }
        reportedFailure = true
        status = .savedLate(saved, after: waitedBehind)
    }

    /// Writes the changes that wait for another program's lock on the state file, if any; the
    /// event loop calls it while idle. Says when they are saved, or why they cannot be.
    public func saveChangesWaiting() {
        guard tracker.somethingWaits else { return }
        do {
            try tracker.saveChangesWaiting()
            tellChangesSavedLate()
        } catch {
            report(error)
        }
    }

    private func report(_ error: Error) {
        reportedFailure = true
        // In the words the notice used (a write's own reason may name the folder instead).
        if let readOnlyReason, let error = error as? StateStoreError, error.isUnwritable {
            message = "not saved: " + readOnlyReason
            return
        }
        // The file's name alone: a long path cut the advice off the status line (found by QA).
        status =
            (error as? StateStoreError).map(StatusMessage.notSaved)
            ?? StatusMessage("could not save reading state: \(error)")
    }
}
