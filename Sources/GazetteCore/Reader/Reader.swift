import Foundation

/// The reader's state machine: what is listed, selected, open and scrolled, changed one
/// `Command` at a time by `apply`. It knows nothing of terminals; views draw from it.
///
/// No command costs time that grows with the number of articles, except those that act
/// on a whole view (`A`, `L`) and the unread searches of `n`/`p`.
public final class Reader {
    public let catalog: ArticleCatalog
    public let tracker: ReadingTracker

    public private(set) var filter: ViewFilter = .all
    /// Catalog positions of the stories the list shows, in order.
    public private(set) var visible: [Int]
    /// Index into `visible` of the selected story.
    public private(set) var selection = 0
    public private(set) var focus: Focus = .list
    /// First article line shown in the pane.
    public private(set) var articleScroll = 0
    /// First index of `visible` shown in the list.
    public private(set) var listScroll = 0
    public private(set) var zoomed = false
    public private(set) var showingHelp = false
    public private(set) var helpScroll = 0
    /// Digits typed for jump-by-number.
    public private(set) var pendingNumber = ""
    /// The last message for the status line.
    public private(set) var message: String?
    public private(set) var isFinished = false
    public private(set) var layout: ScreenLayout
    /// Unread stories among `visible`.
    public private(set) var visibleUnread = 0

    private var layoutCache = ArticleLayoutCache()
    private var visibleMembers: Set<Int>?
    private var lastSavedSelection: ArticleID?

    /// A reader over `catalog` for a terminal of `width`×`height`, selecting `initial` when given.
    public init(
        catalog: ArticleCatalog, tracker: ReadingTracker, width: Int, height: Int, initial: ArticleID? = nil
    ) {
        self.catalog = catalog
        self.tracker = tracker
        visible = Array(catalog.entries.indices)
        layout = ScreenLayout(
            width: width, height: height, articleCount: catalog.entries.count, zoomed: false)
        visibleUnread = visible.reduce(0) { $0 + (tracker.isRead(catalog.entries[$1].summary.id) ? 0 : 1) }
        if let initial, let position = catalog.position(of: initial) {
            select(position)
            lastSavedSelection = initial
        }
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
        return layoutCache.layout(for: entry.summary.id, width: layout.textWidth) {
            catalog.article(at: position).map { ArticleLayout(article: $0, width: layout.textWidth) }
        }
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
    public func resize(width: Int, height: Int) {
        layout = ScreenLayout(width: width, height: height, articleCount: visible.count, zoomed: zoomed)
        articleScroll = min(articleScroll, maxArticleScroll)
        keepSelectionVisible()
    }

    /// Applies one command.
    public func apply(_ command: Command) {
        message = nil
        if showingHelp {
            applyInHelp(command)
            return
        }
        if case .digit(let digit) = command {
            if pendingNumber.count < 9 { pendingNumber += String(digit) }
            message = "go to story: \(pendingNumber)"
            return
        }
        if command == .deleteDigit {
            pendingNumber = String(pendingNumber.dropLast())
            message = pendingNumber.isEmpty ? nil : "go to story: \(pendingNumber)"
            return
        }
        if !pendingNumber.isEmpty && command != .open && command != .cancel {
            pendingNumber = ""
        }
        switch command {
        case .down: focus == .article ? scrollArticle(by: 1) : moveSelection(by: 1)
        case .up: focus == .article ? scrollArticle(by: -1) : moveSelection(by: -1)
        case .open: pendingNumber.isEmpty ? openSelected() : jumpToPendingNumber()
        case .back: back()
        case .quit: finish()
        case .spaceForward: spaceForward()
        case .pageBack: scrollArticle(by: -pageStep)
        case .pageDown:
            focus == .article ? scrollArticle(by: pageStep) : moveSelection(by: max(1, layout.listHeight))
        case .pageUp:
            focus == .article ? scrollArticle(by: -pageStep) : moveSelection(by: -max(1, layout.listHeight))
        case .first: focus == .article ? scrollArticle(to: 0) : selectVisible(0)
        case .last: focus == .article ? scrollArticle(to: maxArticleScroll) : selectVisible(visible.count - 1)
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
        case .selectRow(let row): clickRow(row, open: false)
        case .openRow(let row): clickRow(row, open: true)
        case .scrollList(let lines): moveSelection(by: lines)
        case .scrollArticle(let lines): scrollArticle(by: lines)
        }
    }

    /// Writes what is worth keeping that is not written at once (the selected story), when idle.
    public func saveSelection() {
        guard let entry = selectedEntry, entry.summary.id != lastSavedSelection else { return }
        do {
            try tracker.setLastSelected(entry.summary.id, inSource: catalog.source(of: entry).stateKey)
            lastSavedSelection = entry.summary.id
        } catch {
            report(error)
        }
    }

    private var pageStep: Int { max(1, layout.paneHeight - 1) }

    private func applyInHelp(_ command: Command) {
        switch command {
        case .down, .scrollArticle(1...): helpScroll += 1
        case .up, .scrollArticle: helpScroll = max(0, helpScroll - 1)
        case .pageDown, .spaceForward: helpScroll += max(1, layout.height - 3)
        case .pageUp, .pageBack: helpScroll = max(0, helpScroll - max(1, layout.height - 3))
        case .quit: finish()
        default: showingHelp = false
        }
    }

    private func moveSelection(by delta: Int) {
        guard !visible.isEmpty else { return }
        selectVisible(min(max(0, selection + delta), visible.count - 1))
    }

    /// Selects a story without opening it: the pane previews it from the top.
    private func selectVisible(_ index: Int) {
        guard visible.indices.contains(index) else { return }
        if index != selection {
            leaveArticle()
            selection = index
            articleScroll = 0
        }
        keepSelectionVisible()
    }

    private func select(_ position: Int) {
        if let index = visible.firstIndex(of: position) { selectVisible(index) }
    }

    private func keepSelectionVisible() {
        let height = max(1, layout.listHeight)
        let context = min(2, (height - 1) / 2)
        if selection < listScroll + context { listScroll = selection - context }
        if selection > listScroll + height - 1 - context { listScroll = selection - (height - 1 - context) }
        listScroll = max(0, min(listScroll, visible.count - height))
    }

    private func openSelected() {
        guard let entry = selectedEntry else {
            message = "no story to open"
            return
        }
        let wasArticle = focus == .article
        focus = .article
        if !wasArticle {
            articleScroll = min(tracker.state(of: entry.summary.id).scrollLine, maxArticleScroll)
        }
        markOpened(entry.summary.id)
    }

    private func markOpened(_ id: ArticleID) {
        guard !tracker.isRead(id) else { return }
        do {
            let changed = try tracker.setRead([id], true, label: "mark read")
            adjustUnread(changed, read: true)
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
        openSelected()
    }

    private func openUnread(forward: Bool) {
        guard !visible.isEmpty else {
            message = "no more unread"
            return
        }
        let count = visible.count
        for offset in 1...count {
            let index = forward ? (selection + offset) % count : (selection - offset + count) % count
            if offset == count && focus == .article { break }
            if !tracker.isRead(catalog.entries[visible[index]].summary.id) {
                if offset > 0 && (forward ? index <= selection : index >= selection) && offset != count {
                    message = "search wrapped"
                }
                selectVisible(index)
                openSelected()
                return
            }
        }
        message = "no more unread"
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

    private func scrollArticle(by lines: Int) {
        scrollArticle(to: articleScroll + lines)
    }

    private func scrollArticle(to line: Int) {
        articleScroll = max(0, min(line, maxArticleScroll))
    }

    private func back() {
        if focus == .article {
            leaveArticle()
            focus = .list
            if zoomed { toggleZoom() }
        } else {
            finish()
        }
    }

    private func cancel() {
        if !pendingNumber.isEmpty {
            pendingNumber = ""
        } else if focus == .article {
            back()
        }
    }

    private func finish() {
        leaveArticle()
        saveSelection()
        isFinished = true
    }

    /// Remembers the scroll position of the story being left.
    private func leaveArticle() {
        guard focus == .article, let entry = selectedEntry else { return }
        do {
            try tracker.setScrollLine(articleScroll, for: entry.summary.id)
        } catch {
            report(error)
        }
    }

    private func jumpToPendingNumber() {
        let number = Int(pendingNumber) ?? 0
        pendingNumber = ""
        guard number >= 1 && number <= visible.count else {
            message = "no story \(number) (there are \(visible.count))"
            return
        }
        if focus == .article {
            leaveArticle()
            focus = .list
        }
        selectVisible(number - 1)
    }

    private func toggleRead() {
        guard let entry = selectedEntry else { return }
        let id = entry.summary.id
        let read = !tracker.isRead(id)
        do {
            let changed = try tracker.setRead([id], read, label: read ? "mark read" : "mark unread")
            adjustUnread(changed, read: read)
            message = read ? "marked read" : "marked unread"
        } catch {
            report(error)
        }
    }

    private func markAllRead() {
        let ids = visible.map { catalog.entries[$0].summary.id }
        do {
            let changed = try tracker.setRead(ids, true, label: "mark all read")
            adjustUnread(changed, read: true)
            message = changed.isEmpty ? "nothing unread here" : "marked \(changed.count) read (u undoes)"
        } catch {
            report(error)
        }
    }

    private func undo() {
        do {
            guard let undone = try tracker.undo() else {
                message = "nothing to undo"
                return
            }
            for (id, read) in undone.readChanges { adjustUnread([id], read: read) }
            message = "undone: \(undone.label)"
        } catch {
            report(error)
        }
    }

    private func toggleFlag() {
        guard let entry = selectedEntry else { return }
        let flagged = !tracker.isFlagged(entry.summary.id)
        do {
            try tracker.setFlagged([entry.summary.id], flagged)
            message = flagged ? "flagged" : "unflagged"
        } catch {
            report(error)
        }
    }

    private func setFilter(_ newFilter: ViewFilter) {
        let current: Int? = selectedEntry == nil ? nil : visible[selection]
        leaveArticle()
        focus = .list
        filter = newFilter
        switch newFilter {
        case .all:
            visible = Array(catalog.entries.indices)
            visibleMembers = nil
        case .unread:
            visible = catalog.entries.indices.filter { !tracker.isRead(catalog.entries[$0].summary.id) }
            visibleMembers = Set(visible)
        case .flagged:
            visible = catalog.entries.indices.filter { tracker.isFlagged(catalog.entries[$0].summary.id) }
            visibleMembers = Set(visible)
        }
        visibleUnread = visible.reduce(0) { $0 + (tracker.isRead(catalog.entries[$1].summary.id) ? 0 : 1) }
        layout = ScreenLayout(
            width: layout.width, height: layout.height, articleCount: visible.count, zoomed: zoomed)
        selection = 0
        if let current {
            let index = visible.firstIndex { $0 >= current } ?? max(0, visible.count - 1)
            selection = index
        }
        articleScroll = 0
        listScroll = 0
        keepSelectionVisible()
        message = visible.isEmpty ? "view: \(newFilter.label) — no stories" : "view: \(newFilter.label)"
    }

    private func toggleZoom() {
        zoomed.toggle()
        if zoomed && focus == .list { openSelected() }
        layout = ScreenLayout(
            width: layout.width, height: layout.height, articleCount: visible.count, zoomed: zoomed)
        articleScroll = min(articleScroll, maxArticleScroll)
        keepSelectionVisible()
    }

    private func clickRow(_ row: Int, open: Bool) {
        let index = listScroll + row
        guard visible.indices.contains(index) else { return }
        if focus == .article && index != selection {
            leaveArticle()
            focus = .list
        }
        selectVisible(index)
        if open { openSelected() } else { focus = .list }
    }

    private func adjustUnread(_ changed: [ArticleID], read: Bool) {
        for id in changed {
            guard let position = catalog.position(of: id) else { continue }
            if let members = visibleMembers, !members.contains(position) { continue }
            visibleUnread += read ? -1 : 1
        }
    }

    private func report(_ error: Error) {
        message = "could not save reading state: \(error)"
    }
}
