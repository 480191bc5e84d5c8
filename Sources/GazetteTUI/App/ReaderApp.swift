import Foundation
import GazetteCore

/// The event loop: draws the reader, turns terminal events into commands, repeats.
public final class ReaderApp {
    /// The reader on screen, which keys act on.
    public private(set) var reader: Reader
    /// The reader over the files read again (`R`) while they are indexed and it has not found
    /// the story `reader` shows: `reader`, over the files as they were, stays on screen until
    /// then (the list showed story 1 meanwhile; found by QA). See ``Reader/follow(_:afterKeys:)``.
    public private(set) var incoming: Reader?
    private let terminal: Terminal
    private var indexer: BackgroundIndexer?
    private let failure: () -> String?
    private let readOnly: () -> String?
    private let reload: (() throws -> Reloaded)?

    /// What reading the files again gave: the stories, their indexing (not started), and one
    /// warning per file skipped.
    public struct Reloaded {
        public var catalog: ArticleCatalog
        public var indexer: BackgroundIndexer
        public var skipped: [String]

        public init(catalog: ArticleCatalog, indexer: BackgroundIndexer, skipped: [String] = []) {
            self.catalog = catalog
            self.indexer = indexer
            self.skipped = skipped
        }
    }

    /// Puts the reader in read-only mode, saying so, once `readOnly` gives a reason; true then.
    @discardableResult
    private func noticeReadOnly() -> Bool {
        guard !reader.stateIsReadOnly, let reason = readOnly() else { return false }
        reader.readOnlyReason = reason
        reader.report(message: "changes are not saved: " + reason)
        return true
    }

    /// What `R` says of the files read before and not now, nor told as skipped (a file gone
    /// from a folder): "gone: NAME", or their count and the first.
    public static func goneMessage(before: [String], after: [String], skipped: [String]) -> String? {
        let kept = Set(after)
        let gone = before.filter { path in !kept.contains(path) && !skipped.contains { $0.contains(path) } }
        guard let first = gone.first else { return nil }
        // Its controls shown as escapes, as on standard error: the name can be found.
        let name = TerminalSanitizer.visible(String(first.split(separator: "/").last ?? Substring(first)))
        return gone.count == 1
            ? "gone: \(name)" : "\(GroupedCount.text(gone.count)) files gone; the first: \(name)"
    }

    /// What the status line says of the files skipped when opening (one warning each): the
    /// count first, so that a cut line still tells it. The names in them are shown with their
    /// controls as escapes, as on standard error.
    public static func skippedMessage(_ warnings: [String]) -> String? {
        guard let first = warnings.first.map(TerminalSanitizer.visible).map(withFileName) else { return nil }
        guard warnings.count > 1 else { return first }
        // "skipped" once: the first's reason after the count.
        return
            "\(GroupedCount.text(warnings.count)) files skipped; the first: \(SourceError.reason(ofSkipped: first))"
    }

    /// `warning` with the first quoted path in it cut to its file's name: the status line has
    /// room for the reason then (a folder's path took it; found by QA). The commands print the
    /// whole path.
    static func withFileName(_ warning: String) -> String {
        guard let open = warning.firstIndex(of: "'"),
            let close = warning[warning.index(after: open)...].firstIndex(of: "'")
        else { return warning }
        let path = warning[warning.index(after: open)..<close]
        guard let slash = path.lastIndex(of: "/"), path.index(after: slash) < path.endIndex else {
            return warning
        }
        return warning.replacingCharacters(
            in: warning.index(after: open)..<close, with: path[path.index(after: slash)...])
    }
    /// The environment links are opened with; nil for the process's own, read when needed.
    private let environment: EnvironmentVariables?
    /// Signalled when the indexing of files read again ends (the terminal's wait then ends).
    private let wakeup: LoopWakeup?
    private var canvas: Canvas
    /// Sources already reported as changed on disk.
    private var changesReported: Set<ObjectIdentifier> = []
    /// How long the loop waits for input when there is nothing to do.
    static let idleMilliseconds = 400
    /// How soon after the last key an unsaved position (selection, scroll) is written.
    static let saveMilliseconds = 60
    /// How often the screen takes in what the indexer found while it runs.
    static let indexingMilliseconds = 25
    /// How often, at most, an idle reader looks for states another process stored.
    static let lookElsewhereInterval: Duration = .seconds(1)
    private let clock = ContinuousClock()
    private lazy var lastLookElsewhere = clock.now
    /// How often, at most, an idle reader tries again to write the changes another program's
    /// lock on the state file keeps waiting (each try waits for it briefly).
    static let saveWaitingInterval: Duration = .seconds(1)
    private lazy var lastSaveWaiting = clock.now

    /// Most events already waiting (a paste, a key held down) applied before the next frame.
    static let eventsPerFrame = 1024

    /// An app over `reader`; with an `indexer`, stories keep arriving while it runs.
    /// `failure` is asked on every turn of the loop; a message from it ends the run. `readOnly`
    /// is asked too: once it tells why the state file cannot be written, the reader goes on
    /// read only. `reload` reads the files again (`R`); `wakeup` is signalled when their
    /// indexing ends.
    public init(
        reader: Reader, terminal: Terminal, indexer: BackgroundIndexer? = nil,
        failure: @escaping () -> String? = { nil },
        readOnly: @escaping () -> String? = { nil },
        reload: (() throws -> Reloaded)? = nil,
        environment: EnvironmentVariables? = nil, wakeup: LoopWakeup? = nil
    ) {
        self.reader = reader
        self.terminal = terminal
        self.indexer = indexer
        self.failure = failure
        self.readOnly = readOnly
        self.reload = reload
        self.environment = environment
        self.wakeup = wakeup
        let size = terminal.size
        canvas = Canvas(width: size.width, height: size.height)
        reader.resize(width: size.width, height: size.height)
    }

    /// Runs until the reader quits; with `stopWhenIdle`, also when no event is waiting and
    /// indexing has ended (tests). `afterFirstFrame` runs once the first screen is shown.
    /// Returns the message of a failure that ended it, if any.
    @discardableResult
    public func run(stopWhenIdle: Bool = false, afterFirstFrame: () -> Void = {}) -> String? {
        absorbIndexed()
        noticeReadOnly()
        draw()
        afterFirstFrame()
        while !reader.isFinished {
            if let message = failure() {
                indexer?.cancel()
                return message
            }
            if noticeReadOnly() { draw() }
            let waiting = reader.indexing != nil || reader.searchProgress != nil || incoming != nil
            let timeout =
                waiting
                ? ReaderApp.indexingMilliseconds
                : reader.hasUnsavedPosition ? ReaderApp.saveMilliseconds : ReaderApp.idleMilliseconds
            let event = terminal.nextEvent(timeoutMilliseconds: timeout)
            var grew = absorbIndexed()
            if absorbSearches() { grew = true }
            serveTypedAhead()
            if let event {
                handle(event)
                // Events already waiting come before the frame: a frame (and a search) per key
                // of a paste kept the screen seconds behind.
                var taken = 1
                while taken < ReaderApp.eventsPerFrame, !reader.isFinished,
                    let next = terminal.nextEvent(timeoutMilliseconds: 0)
                {
                    handle(next)
                    taken += 1
                }
                absorbIndexed()
                absorbSearches()
                serveTypedAhead()
                followTheScreen()
                draw()
                continue
            }
            // A failure to save is told at once, not at the next key.
            let messageBefore = reader.message
            reader.savePosition()
            if clock.now - lastSaveWaiting >= ReaderApp.saveWaitingInterval {
                lastSaveWaiting = clock.now
                reader.saveChangesWaiting()
            }
            // What another reader or `gazette mark` stored shows without `R`, looked for at
            // most once a second while nothing else happens.
            var followed = false
            if !waiting, clock.now - lastLookElsewhere >= ReaderApp.lookElsewhereInterval {
                lastLookElsewhere = clock.now
                followed = reader.followChangesMadeElsewhere()
            }
            if grew || waiting || followed || reader.message != messageBefore { draw() }
            if reader.indexing == nil && reader.searchProgress == nil && incoming == nil {
                if stopWhenIdle { break }
            }
        }
        indexer?.cancel()
        return nil
    }

    /// The warnings of the files skipped when opening, told on the status line then (see
    /// ``skippedMessage(_:)``): once indexing has checked the rest of the files, the message
    /// counts those it skipped too.
    public var skippedAtOpening: [String] = []

    /// The warnings of the files the last `R` skipped; nil before the first.
    private var skippedAtLastReload: [String]?

    /// The warnings of the files the last load (the opening or the last `R`) skipped, those
    /// its indexing skipped as it checked them too: a file skipped so again is not told again.
    private var skippedByLastLoad: Set<String> {
        Set((skippedAtLastReload ?? skippedAtOpening) + (indexer?.skippedWhileChecking ?? []))
    }

    /// Takes in the indexer's batches (for the reader over files read again, while it is not
    /// on screen yet); true when anything arrived or indexing ended.
    @discardableResult
    private func absorbIndexed() -> Bool {
        let filling = incoming ?? reader
        guard let indexer, filling.indexing != nil || filling.catalog.entries.isEmpty else { return false }
        let (batches, progress) = indexer.take()
        guard !batches.isEmpty || progress.finished || filling.indexing != progress else { return false }
        if progress.finished, filling.indexing != nil {
            let later = indexer.skippedWhileChecking
            filling.addLoadNotes(later)
            let told = ReaderApp.skippedMessage(skippedAtOpening)
            if !later.isEmpty, filling.message == nil || filling.message == told,
                let message = ReaderApp.skippedMessage(skippedAtOpening + later)
            {
                filling.report(message: message)
            }
        }
        filling.absorb(batches, progress: progress)
        if incoming != nil {
            reader.showReloadProgress(progress)
            takeOverWhenReady()
        }
        tellStoriesReloaded()
        return true
    }

    /// Takes in what the searches found (that of the reader over files read again too, while it
    /// is not on screen yet); true when the screen's changed.
    @discardableResult
    private func absorbSearches() -> Bool {
        var changed = reader.absorbSearch()
        if let incoming {
            incoming.absorbSearch()
            takeOverWhenReady()
            if self.incoming == nil {
                changed = true
                // Taken over once its search found the story, after indexing ended: what `R`
                // found is told now (it went untold; found by QA).
                tellStoriesReloaded()
            }
        }
        return changed
    }

    /// After keys acted on the screen while files read again are indexed: the reader over them
    /// follows what the screen shows now, and takes its place once it shows the same story.
    private func followTheScreen() {
        guard let incoming else { return }
        incoming.follow(reader, afterKeys: true)
        takeOverWhenReady()
    }

    /// Puts the reader over the files read again on screen once it shows the story the
    /// screen shows (or indexing ended without it), where the screen shows it.
    private func takeOverWhenReady() {
        guard let fresh = incoming else { return }
        // Keys typed ahead of a search may have moved the screen since the last keys.
        fresh.follow(reader, afterKeys: false)
        guard fresh.mayTakeOver(from: reader) else { return }
        incoming = nil
        let size = terminal.size
        if fresh.layout.width != size.width || fresh.layout.height != size.height {
            fresh.resize(width: size.width, height: size.height)
        }
        fresh.takeOver(from: reader)
        // Every story it shows has its state loaded again.
        fresh.tracker.dropStatesBeforeReload()
        reader = fresh
    }

    /// The catalog before the last `R`, until the files read again are indexed.
    private var catalogBeforeReload: ArticleCatalog?

    /// What `R` tells once the files it read again are indexed, when that took longer than
    /// the wait for their first batch: until then the status line shows "reloading N%…".
    private var reloadToTell: (files: ReloadedFiles, standardInput: Bool)?

    /// The first file the last `R` names, for the short form of its message with the counts
    /// (``ReloadedFiles/shortNote``).
    private var reloadShortNote: String?

    /// Once the files read again are indexed, says "reloaded" (when it was not said at once)
    /// and adds how many stories came and went (it said nothing of them; found by QA).
    private func tellStoriesReloaded() {
        guard incoming == nil else { return }
        if let told = reloadToTell, reader.indexing == nil {
            reloadToTell = nil
            var files = told.files
            files.addSkipped(indexer?.skippedWhileChecking ?? [])
            reloadShortNote = files.shortNote
            let notes =
                files.notes(after: ReadWarningNote.message(for: reader.catalog.sources))
                + (told.standardInput ? ["standard input as it was read"] : [])
            reader.report(message: notes.isEmpty ? "reloaded" : "reloaded; " + notes.joined(separator: "; "))
        }
        guard let before = catalogBeforeReload, reader.indexing == nil else { return }
        catalogBeforeReload = nil
        let changed = ReaderApp.storiesChanged(from: before, to: reader)
        guard !changed.isEmpty, let told = reader.message, told.hasPrefix("reloaded") else { return }
        reader.report(ReaderApp.reloadedStatus(told, changed: changed, shortNote: reloadShortNote))
    }

    /// Applies one event to the reader.
    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let key):
            // While the screen only says it is too small, keys would act unseen: only Q works.
            if !reader.layout.isUsable {
                if KeyBindings.command(for: key) == .quit { reader.apply(.quit) }
                return
            }
            // A change of many stories takes a moment: the screen says so first.
            if reader.prompt == nil, !reader.hasTypedAhead, let command = KeyBindings.command(for: key),
                let notice = reader.noticeBefore(command)
            {
                reader.report(message: notice)
                draw()
            }
            reader.press(key)
        case .mouse(let mouse):
            if reader.layout.isUsable, let command = command(for: mouse) { reader.apply(command) }
        case .resize(let width, let height):
            reader.resize(width: width, height: height)
            incoming?.resize(width: width, height: height)
        case .terminate:
            reader.apply(.quit)
        case .interrupt:
            // Ctrl-C while typing a search cancels it, as in less and mutt; elsewhere it ends.
            if reader.prompt != nil {
                reader.apply(.cancel)
                terminal.dismissInterrupt()
            } else {
                reader.apply(.quit)
            }
        case .splitKey(let key):
            // The Esc just before was this key's (a slow link split its sequence): what it did
            // is taken back (a split ↑ ended the search being typed, a split ↓ the search kept).
            reader.takeBackEscape()
            handle(.key(key))
            return
        case .splitSequence:
            // The Esc just before was a sequence's the reader drops: it is taken back alone (a
            // split Linux console F-key ended the search kept).
            reader.takeBackEscape()
        case .splitPaste(let text, let cut):
            // The Esc just before was this paste's start marker's (a slow link split it): what
            // it did is taken back, and the text is typed in the prompt as a paste.
            reader.takeBackEscape()
            handle(.paste(text, cut: cut))
            return
        case .paste(let text, let cut):
            // Text for the search being typed, its line breaks spaces: a line break pasted ended
            // the search and the rest ran as keys (found by QA). Never keys outside the prompt:
            // a stray paste in the list marked every story read (`A`) and quit (`q`; QA).
            guard reader.prompt != nil else {
                reader.report(.pasteIgnored)
                return
            }
            for character in text {
                if character.isNewline || character == "\t" {
                    reader.apply(.edit(.char(" ")))
                } else if !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    reader.apply(.edit(.char(character)))
                }
            }
            // The rest was dropped without a word (found by QA).
            if cut { reader.notePrompt("paste cut at 4,096 characters") }
        }
        serveRequests()
    }

    /// Serves what keys typed ahead asked for once the reader did them (a link, `R`), going on
    /// with the keys after them.
    private func serveTypedAhead() {
        while reader.linkToOpen != nil || reader.reloadRequested {
            serveRequests()
            reader.doTypedAhead()
        }
    }

    /// Does what the reader asked of the outside world: open a link, read the files again.
    private func serveRequests() {
        if let link = reader.linkToOpen {
            reader.clearRequests()
            // A browser in the terminal has it meanwhile; a graphical one leaves the screen
            // as it is (its late warnings scrolled it; found by QA).
            let failure = LinkOpener.open(
                link, environment: environment ?? EnvironmentVariables(ProcessInfo.processInfo.environment),
                handingOverTheTerminal: { run in terminal.suspend(while: run) })
            reader.report(message: failure?.message ?? "opened " + link)
        }
        if reader.reloadRequested {
            reader.clearRequests()
            guard let reload else {
                reader.report(message: "nothing to reload")
                return
            }
            let previous = reader.catalog.sources
            // Standard input cannot be read again: its stories stay as they were read.
            let readsStandardInput = previous.contains { $0.source.path == "-" }
            if readsStandardInput && previous.count == 1 {
                reader.report(.standardInputNotReloaded)
                return
            }
            do {
                var reloaded = try reload()
                reloaded.skipped = ReloadedFiles.leavingOutGone(
                    reloaded.skipped, before: previous.map(\.source.path),
                    after: reloaded.catalog.sources.map(\.source.path))
                // Asked before the indexer of the files read again takes the place of the last.
                let skippedBefore = skippedByLastLoad
                skippedAtLastReload = reloaded.skipped
                // Stories are counted against a catalog whole: one still being indexed is not.
                let catalogBefore = reader.indexing == nil ? reader.catalog : nil
                let newIndexer = reloaded.indexer
                indexer?.cancel()
                // The open story's line is saved, for it to open there again.
                reader.saveArticleScroll()
                let size = terminal.size
                let fresh = Reader(
                    catalog: reloaded.catalog, tracker: reader.tracker, width: size.width,
                    height: size.height,
                    initial: reader.selectedEntry?.summary.id, sessionKey: reader.sessionKey)
                // The view's stories are judged by the states as this reader knows them; then
                // the states come again from the file with the stories: another reader's marks too.
                fresh.readOnlyReason = reader.readOnlyReason
                fresh.keepView(of: reader)
                fresh.keepPlace(of: reader)
                reader.tracker.forgetLoadedStates()
                newIndexer.start(whenFinished: { [wakeup] in wakeup?.signal() })
                newIndexer.waitForFirstBatch(seconds: 0.5)
                fresh.beginIndexing(newIndexer.currentProgress, reloading: true)
                indexer = newIndexer
                // The screen stays as it is, keys acting on it, until the fresh reader shows its
                // story (``takeOverWhenReady()``), with what it was waiting to do.
                incoming = fresh
                reader.showReloadProgress(newIndexer.currentProgress, replacingMessage: true)
                reloadToTell = nil
                absorbIndexed()
                let filling = incoming ?? reader
                // Files gone, and files skipped but those the last load skipped so (told then).
                let files = ReloadedFiles(
                    before: previous.map(\.source.path), after: reloaded.catalog.sources.map(\.source.path),
                    skipped: reloaded.skipped, skippedBefore: skippedBefore)
                // What the files read again could not give, when their indexing has ended already.
                // Stories lost in a file open first, then files gone or skipped (QA); a file
                // whose only story was lost before all (``LoadNoteHarm``).
                let notes =
                    files.notes(after: filling.message)
                    + (readsStandardInput ? ["standard input as it was read"] : [])
                filling.addLoadNotes(reloaded.skipped)
                catalogBeforeReload = catalogBefore
                reloadShortNote = files.shortNote
                guard incoming == nil, reader.indexing == nil else {
                    // Still indexing: "reloading N%…" until it ends, then "reloaded" (it said
                    // "reloaded" at once while the list filled again; found by QA).
                    reloadToTell = (files, readsStandardInput)
                    return
                }
                reader.report(
                    message: notes.isEmpty ? "reloaded" : "reloaded; " + notes.joined(separator: "; "))
                tellStoriesReloaded()
            } catch {
                reader.report(ReaderApp.notReloadedStatus(error))
            }
        }
    }

    /// What the status line says when `R` fails: what happened and why first, in words that
    /// fit 80 columns with a file's name ("…; the stories stay" came last and was cut; found by
    /// QA).
    static func notReloadedMessage(_ error: Error) -> String {
        "not reloaded, stories kept: \(error)"
    }

    /// ``notReloadedMessage(_:)`` with a short form that keeps the reason after a file's name
    /// ("cannot open 'news.txt': No such file or directory"): at 40 columns the name pushed it
    /// off the line, "not reloaded, stories kept: cannot op…" (found by QA).
    static func notReloadedStatus(_ error: Error) -> StatusMessage {
        let text = notReloadedMessage(error)
        guard let named = text.range(of: "': ", options: .backwards) else { return StatusMessage(text) }
        let reason = text[named.upperBound...]
        let short = "not reloaded: \(reason)"
        return StatusMessage(
            text, short: DisplayWidth.of(short) <= StatusMessage.shortWidth ? short : "R failed: \(reason)")
    }

    /// How many stories a reload brought and took away (": 2 new stories", ": 1 new, 3 gone"),
    /// the files indexed again; empty when none. See ``ReloadedStories``.
    /// `told` ("reloaded", and notes after it) with what changed (``ReloadedStories/text``);
    /// its short form, for a narrow status line, what changed without the notes (the tail,
    /// "1 gone", was cut at 40 columns; found by QA), then `shortNote`, the first file the notes
    /// name, where there is room ("R: 2 stories gone; gone: a.txt": it named none; found by QA).
    static func reloadedStatus(_ told: String, changed: String, shortNote: String? = nil) -> StatusMessage {
        StatusMessage(
            "reloaded" + changed + told.dropFirst("reloaded".count), short: "R" + changed,
            shortNote: shortNote)
    }

    static func storiesChanged(from before: ArticleCatalog, to reader: Reader) -> String {
        ReloadedStories(from: before, to: reader.catalog, isRead: reader.tracker.isRead).text
    }

    /// Says so, once per file, when the file of the selected story changed on disk since it
    /// was opened (its stories may now read as blank); true when that is news. Waits while
    /// the status line has another message.
    private func noticeChangedFile() -> Bool {
        // Not while the files are read again (it said "R reads it again").
        guard incoming == nil, reader.message == nil, let entry = reader.selectedEntry else { return false }
        let source = reader.catalog.sources[entry.sourceIndex]
        let key = ObjectIdentifier(source)
        guard !changesReported.contains(key), source.bytes.changedOnDisk else { return false }
        changesReported.insert(key)
        // A file deleted is not one to read again (it said "R reads it again"; found by QA).
        // The short forms keep what happened: a narrow screen cut it behind the file's name
        // ("going.txt was deleted or moved si…"; found by QA).
        reader.report(
            source.bytes.goneFromDisk
                ? StatusMessage(
                    "\(TerminalSanitizer.visible(SourceLoader.fileName(source.source.path))) was deleted or "
                        + "moved since it was opened; its stories stay readable",
                    short: "deleted or moved: its stories stay")
                : StatusMessage(
                    "\(source.source.displayName) changed on disk since it was opened: R reads it again",
                    short: "changed on disk: R reads it again"))
        return true
    }

    /// Draws the reader and shows it.
    public func draw() {
        let size = terminal.size
        if canvas.width != size.width || canvas.height != size.height {
            // Help shows the same keys at its top after a resize (or its end, when it did).
            if reader.showingHelp {
                reader.scrollHelp(
                    to: HelpView.scroll(
                        reader.helpScroll, from: (canvas.width, canvas.height), to: (size.width, size.height),
                        notes: reader.loadNotes)
                )
            }
            canvas = Canvas(width: size.width, height: size.height)
        }
        if reader.showingHelp {
            reader.limitHelpScroll(
                to: HelpView.maxScroll(width: size.width, height: size.height, notes: reader.loadNotes))
        }
        ScreenView.render(reader, into: &canvas)
        if noticeChangedFile() { ScreenView.render(reader, into: &canvas) }
        terminal.present(canvas)
        // Pastes are marked, so that they are text for the prompt and never keys.
        terminal.markPastes(true)
        indexer?.firstScreenShown()
    }

    private func command(for mouse: MouseEvent) -> Command? {
        let layout = reader.layout
        if reader.showingHelp {
            switch mouse.action {
            case .wheelDown: return .down
            case .wheelUp: return .up
            default: return .cancel
            }
        }
        let inList = mouse.row >= layout.listTop && mouse.row < layout.listTop + layout.listHeight
        let inPane = mouse.row >= layout.paneTop && mouse.row < layout.paneTop + layout.paneHeight
        switch mouse.action {
        case .click: return inList ? .selectRow(mouse.row - layout.listTop) : nil
        case .doubleClick: return inList ? .openRow(mouse.row - layout.listTop) : nil
        case .wheelUp: return inList ? .scrollList(-3) : inPane ? .scrollArticle(-3) : nil
        case .wheelDown: return inList ? .scrollList(3) : inPane ? .scrollArticle(3) : nil
        }
    }
}
