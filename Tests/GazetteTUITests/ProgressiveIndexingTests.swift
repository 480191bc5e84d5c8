import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

final class ProgressiveIndexingTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-progressive" }

    private func dump(articles: Int) throws -> String {
        let text = (1...articles).map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index) with some words.", "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("news.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// An 80x24 reader over `sources` with an empty catalog (to be filled by indexing) and no state.
    private func emptyReader(over sources: [OpenedSource]) throws -> Reader {
        let tracker = try ReadingTracker(store: InMemoryReadingStateStore(), ids: [])
        return Reader(catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24)
    }

    func testReaderFillsInWhileIndexingAndGWaitsForTheEnd() throws {
        let path = try dump(articles: 5000)
        let sources = try SourceLoader.open(paths: [path]).sources
        let store = InMemoryReadingStateStore()
        let catalog = ArticleCatalog(sources: sources)
        // Story 4000 was read in an earlier run: its state must arrive with its batch.
        let earlier = ArticleCatalog.indexed(sources)
        store.setStates([earlier.entries[3999].summary.id: ArticleState(isRead: true)])
        let tracker = try ReadingTracker(store: store, ids: [])
        let reader = Reader(catalog: catalog, tracker: tracker, width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        reader.beginIndexing(indexer.currentProgress)
        XCTAssertNotNil(reader.indexing)
        reader.apply(.last)  // G before anything is indexed: waits for the end
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        XCTAssertTrue(progress.finished)
        XCTAssertGreaterThan(batches.count, 1, "the first screenful comes in a batch of its own")
        XCTAssertEqual(batches.first?.summaries.count, 64)
        reader.absorb(batches, progress: progress)
        XCTAssertNil(reader.indexing)
        XCTAssertEqual(reader.visible.count, 5000)
        XCTAssertEqual(reader.visibleUnread, 4999)
        XCTAssertEqual(reader.selection, 4999, "G went to the last story once indexing ended")
        reader.apply(.nextUnread)
        XCTAssertEqual(reader.visibleUnread, 4998)
    }

    /// `n` with only read stories loaded after the selection while indexing goes on waits for
    /// the next unread one and goes there when it comes: it said "no more unread yet (still
    /// indexing)", nothing moved, and the message stayed after indexing ended (found by QA).
    func testNWaitsForTheNextUnreadStoryWhileIndexing() throws {
        let (reader, rest, end) = try readerGivenItsFirstBatch(articles: 3000, readStories: 100)
        var canvas = Canvas(width: 80, height: 24)
        func statusLine() -> String {
            ScreenView.render(reader, into: &canvas)
            return canvas.text(ofRow: 23)
        }
        reader.apply(.nextUnread)
        XCTAssertEqual(reader.selection, 0)
        XCTAssertEqual(reader.waitingText, "n goes to the next unread story when it comes")
        XCTAssertTrue(statusLine().contains("— n goes to the next unread story when it comes"), statusLine())
        reader.absorb(rest, progress: end)
        XCTAssertEqual(reader.selection, 100, "n went to story 101, the first unread after the selection")
        XCTAssertEqual(reader.focus, .article)
        XCTAssertNil(reader.waitingText)
        XCTAssertFalse(statusLine().contains("indexing"), statusLine())
    }

    /// An `n` still waiting when indexing ends with no unread story after the selection says so.
    func testAWaitingNSaysNoMoreUnreadWhenIndexingEndsWithoutOne() throws {
        let (reader, rest, end) = try readerGivenItsFirstBatch(articles: 200, readStories: 200)
        reader.apply(.nextUnread)
        XCTAssertNotNil(reader.waitingText)
        reader.absorb(rest, progress: end)
        XCTAssertNil(reader.waitingText)
        XCTAssertEqual(reader.selection, 0)
        XCTAssertEqual(reader.message, "no more unread")
    }

    /// An 80x24 reader over a dump of `articles` stories whose first `readStories` are stored
    /// read, given only the first batch of 64 while indexing goes on; the other batches and the
    /// progress at the end, to give it next.
    private func readerGivenItsFirstBatch(articles: Int, readStories: Int) throws -> (
        reader: Reader, rest: [BackgroundIndexer.Batch], end: BackgroundIndexer.Progress
    ) {
        let path = try dump(articles: articles)
        let sources = try SourceLoader.open(paths: [path]).sources
        let store = InMemoryReadingStateStore()
        let earlier = ArticleCatalog.indexed(sources)
        store.setStates(
            Dictionary(
                uniqueKeysWithValues: earlier.entries.prefix(readStories).map {
                    ($0.summary.id, ArticleState(isRead: true))
                }))
        let tracker = try ReadingTracker(store: store, ids: [])
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        let started = indexer.currentProgress
        reader.beginIndexing(started)
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        XCTAssertEqual(batches.first?.summaries.count, 64)
        reader.absorb([batches[0]], progress: started)
        return (reader, Array(batches.dropFirst()), progress)
    }

    /// A `G` (or a number) still waiting when `R` reads the files again waits on for the new
    /// reader: `R` dropped it, and the selection stayed where indexing had got to (found by QA).
    func testAWaitingGOutlivesAReload() throws {
        let path = try dump(articles: 3000)
        let sources = try SourceLoader.open(paths: [path]).sources
        let reader = try emptyReader(over: sources)
        let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
        reader.beginIndexing(indexer.currentProgress)
        reader.apply(.last)
        XCTAssertEqual(reader.waitingText, "G goes to the last story when done")
        let again = try SourceLoader.open(paths: [path]).sources
        let fresh = try emptyReader(over: again)
        let second = BackgroundIndexer(sources: again) { _ in [:] }
        fresh.beginIndexing(second.currentProgress)
        fresh.keepRequests(of: reader)
        XCTAssertEqual(fresh.waitingText, reader.waitingText)
        second.runToEnd()
        let (batches, progress) = second.take()
        fresh.absorb(batches, progress: progress)
        XCTAssertEqual(fresh.selection, 2999, "G went to the last story once the new indexing ended")
        XCTAssertNil(fresh.waitingText)
    }

    /// A folder's files still being checked: the status line counts them, the title the sources.
    func testTheStatusLineCountsTheFilesOfAFolderStillChecked() throws {
        let stories = folder.appendingPathComponent("stories")
        try FileManager.default.createDirectory(at: stories, withIntermediateDirectories: true)
        for index in 0..<20 {
            try Data(DumpText.article(title: "Story \(index)", paragraphs: ["Body \(index)."]).utf8).write(
                to: stories.appendingPathComponent(String(format: "%02d.txt", index)))
        }
        let opened = try SourceLoader.open(paths: [stories.path], deferringChecks: true)
        let reader = try emptyReader(over: opened.sources)
        let indexer = BackgroundIndexer(sources: opened.sources, checks: opened.unchecked) { _ in [:] }
        reader.beginIndexing(indexer.currentProgress)
        var canvas = Canvas(width: 80, height: 24)
        func render() -> (title: String, status: String) {
            ScreenView.render(reader, into: &canvas)
            return (canvas.text(ofRow: 0), canvas.text(ofRow: 23))
        }
        XCTAssertTrue(render().status.contains("checking files: 8 of 20…"), render().status)
        XCTAssertTrue(render().title.contains("Gazette — 8 sources"), render().title)
        reader.apply(.last)
        XCTAssertTrue(
            render().status.contains("checking files: 8 of 20 — G goes to the last story when done"),
            render().status)
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        reader.absorb(batches, progress: progress)
        XCTAssertTrue(render().title.contains("Gazette — 20 sources"), render().title)
        XCTAssertFalse(render().status.contains("checking"), render().status)
        XCTAssertEqual(reader.selection, 19, "G went to the last story once every file was checked")
    }

    func testTheStatusLineFollowsAWaitingGAndMovingGivesItUp() throws {
        let path = try dump(articles: 3000)
        let sources = try SourceLoader.open(paths: [path]).sources
        let reader = try emptyReader(over: sources)
        let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
        reader.beginIndexing(indexer.currentProgress)
        var canvas = Canvas(width: 80, height: 24)
        func statusLine() -> String {
            ScreenView.render(reader, into: &canvas)
            return canvas.text(ofRow: 23)
        }
        reader.apply(.last)
        XCTAssertEqual(reader.waitingText, "G goes to the last story when done")
        XCTAssertTrue(statusLine().contains("indexing 0% — G goes to the last story when done"), statusLine())
        // The count shown is the progress now, not the one when G was pressed.
        var partial = indexer.currentProgress
        partial.bytesDone = partial.bytesTotal / 2
        reader.absorb([], progress: partial)
        XCTAssertGreaterThan(partial.percent, 40)
        XCTAssertTrue(statusLine().contains("indexing \(partial.percent)% — G goes"), statusLine())
        indexer.runToEnd()
        var (batches, progress) = indexer.take()
        reader.absorb(Array(batches.prefix(1)), progress: partial)
        reader.apply(.down)  // the reader moved on: the jump is given up, and said so (found by QA)
        XCTAssertNil(reader.waitingText)
        XCTAssertEqual(reader.message, "given up: G goes to the last story when done")
        XCTAssertFalse(statusLine().contains("indexing"), statusLine())
        batches.removeFirst()
        progress.finished = true
        reader.absorb(batches, progress: progress)
        XCTAssertEqual(reader.selection, 1, "no jump once the reader has moved")
        XCTAssertFalse(statusLine().contains("indexing"), statusLine())
    }

    /// `A`, a story number past those indexed yet, and `G` during a search wait for the view to
    /// be whole: A marked only the stories indexed so far, a number said there was no such
    /// story (and the message stayed), G went to the last match found so far (found by QA).
    /// A reader over `sources` that has taken in the first batch of their indexing, a third of
    /// the bytes done; the batches still to come, and the progress at the end.
    private func partlyIndexedReader(over sources: [OpenedSource]) throws -> (
        Reader, [BackgroundIndexer.Batch], BackgroundIndexer.Progress
    ) {
        let reader = try emptyReader(over: sources)
        let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
        reader.beginIndexing(indexer.currentProgress)
        indexer.runToEnd()
        var (batches, progress) = indexer.take()
        XCTAssertGreaterThanOrEqual(batches.count, 2)
        var partial = progress
        partial.finished = false
        partial.bytesDone = partial.bytesTotal / 3
        reader.absorb([batches.removeFirst()], progress: partial)
        progress.finished = true
        return (reader, batches, progress)
    }

    func testKeysForTheWholeViewWaitForItToFill() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let (reader, batches, progress) = try partlyIndexedReader(over: sources)
        let early = reader.visible.count
        XCTAssertLessThan(early, 2_999)
        var canvas = Canvas(width: 80, height: 24)
        func statusLine() -> String {
            ScreenView.render(reader, into: &canvas)
            return canvas.text(ofRow: 23)
        }

        reader.apply(.markAllRead)
        XCTAssertEqual(reader.visibleUnread, early, "nothing marked yet")
        XCTAssertTrue(statusLine().contains("— A marks every story of the view read when done"), statusLine())
        for digit in [2, 9, 9, 9] { reader.apply(.digit(digit)) }
        reader.apply(.open)
        XCTAssertEqual(reader.selection, 0)
        XCTAssertEqual(
            reader.waitingText,
            "A marks every story of the view read when done; goes to story 2,999 when it comes")
        reader.absorb(batches, progress: progress)
        XCTAssertEqual(reader.visible.count, 3_000)
        XCTAssertEqual(reader.selection, 2_998, "the story came: selected")
        _ = statusLine()
        XCTAssertTrue(
            canvas.lines.contains { $0.hasPrefix("─── 2,999/3,000 ") }, "grouped as the title bar's counts")
        XCTAssertEqual(reader.visibleUnread, 0, "every story of the file marked read")
        XCTAssertEqual(reader.message, "marked 3,000 read (u undoes)")
        reader.apply(.undo)
        XCTAssertEqual(reader.visibleUnread, 3_000, "one undo for all of them")
    }

    /// `G` while indexing goes on leaves the selection where it is until the end is known, then
    /// goes to the last story: it went to the story indexing had got to first, a jump to a
    /// partial end (issue 5: "`G` waits for the end of the file rather than jumping to a partial
    /// end"; found checking the issue in tmux).
    func testGWhileIndexingDoesNotJumpToAPartialEnd() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let (reader, batches, progress) = try partlyIndexedReader(over: sources)
        reader.apply(.down)
        XCTAssertEqual(reader.selection, 1)
        reader.apply(.last)
        XCTAssertEqual(reader.selection, 1, "no jump before the end is known")
        XCTAssertEqual(reader.waitingText, "G goes to the last story when done")
        reader.apply(.last)
        XCTAssertEqual(reader.selection, 1, "a second G waits on")
        XCTAssertEqual(reader.waitingText, "G goes to the last story when done")
        reader.absorb(batches, progress: progress)
        XCTAssertEqual(reader.selection, 2_999, "the end is known: the last story")
        XCTAssertNil(reader.waitingText)
    }

    /// While the view fills, a number then `N` names a story that may still come: it is said
    /// to be not in the list yet, not missing (it was said not to match a search that went on
    /// to find it); a key that does nothing leaves a waiting jump's word on the status line
    /// (found by QA).
    func testANumberThenNAndAnUnboundKeyWhileTheViewFills() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let (reader, batches, progress) = try partlyIndexedReader(over: sources)
        for digit in [2, 9, 9, 9] { reader.apply(.digit(digit)) }
        reader.apply(.toggleRead)
        XCTAssertEqual(reader.message, "story 2,999 is not in the list yet: try again when indexing ends")
        XCTAssertEqual(reader.visibleUnread, reader.visible.count, "nothing marked")
        let indexed = reader.visible.count
        for digit in [2, 9, 9, 9] { reader.apply(.digit(digit)) }
        reader.apply(.down)
        XCTAssertEqual(reader.selection, indexed - 1, "as far as the list goes")
        XCTAssertEqual(
            reader.message,
            "moved \(GroupedCount.text(indexed - 1)) of 2,999: the list ends there for now (indexing goes on)"
        )
        reader.apply(.first)
        reader.apply(.last)
        let waiting = try XCTUnwrap(reader.waitingText)
        reader.apply(.unbound(.char("x")))
        XCTAssertEqual(reader.waitingText, waiting, "the wait goes on")
        XCTAssertNil(reader.message, "the status line tells of the wait, not of the key")
        reader.absorb(batches, progress: progress)
        XCTAssertEqual(reader.selection, 2_999, "G landed")
        for digit in [2, 9, 9, 9] { reader.apply(.digit(digit)) }
        reader.apply(.toggleRead)
        XCTAssertEqual(reader.message, "story 2,999 marked read")
    }

    /// Opening a story gives up a waiting `G` (the status line said it still waited, and
    /// nothing came of it), and changing the view tells that a waiting `A` is given up (found
    /// by QA).
    func testOpeningAStoryGivesUpAWaitingGAndAViewChangeTellsAGivenUpA() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let (reader, batches, progress) = try partlyIndexedReader(over: sources)
        reader.apply(.last)
        XCTAssertNotNil(reader.waitingText)
        reader.apply(.open)
        XCTAssertNil(reader.waitingText, "the story opened: G given up")
        XCTAssertEqual(reader.message, "given up: G goes to the last story when done")
        reader.apply(.back)
        reader.apply(.markAllRead)
        reader.apply(.cycleView)
        XCTAssertEqual(
            reader.message, "view: unread only (cancelled: A marks every story of the view read when done)")
        reader.absorb(batches, progress: progress)
        XCTAssertEqual(reader.visibleUnread, reader.visible.count, "nothing marked")
    }

    /// `u` while an `A` waits for indexing takes the `A` back: it said "nothing to undo", and
    /// the `A` marked every story read when indexing ended (found by QA).
    func testUndoCancelsAWaitingA() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let (reader, batches, progress) = try partlyIndexedReader(over: sources)
        reader.apply(.markAllRead)
        XCTAssertNotNil(reader.waitingText)
        reader.apply(.undo)
        XCTAssertEqual(reader.message, "cancelled: A marks every story of the view read when done")
        XCTAssertNil(reader.waitingText)
        reader.absorb(batches, progress: progress)
        XCTAssertNil(reader.indexing)
        XCTAssertEqual(reader.visibleUnread, 3000, "nothing marked")
        reader.apply(.undo)
        XCTAssertEqual(reader.message, "nothing to undo")
    }

    /// A search started while an `A` waits for indexing says that the `A` is given up (it was
    /// dropped without a word; found by QA).
    func testASearchTellsAWaitingAIsGivenUp() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let (reader, _, _) = try partlyIndexedReader(over: sources)
        reader.apply(.markAllRead)
        reader.apply(.search)
        for character in "story" { reader.apply(.edit(.char(character))) }
        reader.absorbSearch()
        XCTAssertNil(reader.waitingText)
        XCTAssertEqual(reader.message, "cancelled: A marks every story of the view read when done")
    }

    /// Started again, the story last selected shows where it was left, the list keeping the
    /// focus (the pane showed its top until it was opened; found by QA); moving on previews
    /// stories from their top.
    func testTheStoryResumedShowsWhereItWasLeft() throws {
        let sources = try SourceLoader.open(paths: [try longDump(7)]).sources
        let all = sources[0].indexAll()
        let third = all[2].id
        // Left at line 10 at a width of 30: at 80, the line that shows the same text.
        let article = try XCTUnwrap(sources[0].article(all[2]))
        let narrow = ArticleLayout(article: article, width: 30)
        let place = narrow.place(ofLine: 10)
        let store = InMemoryReadingStateStore(states: [third: ArticleState(isRead: true, scrollLine: place)])
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24, initial: third)
        let wide = ArticleLayout(article: article, width: reader.layout.textWidth)
        let line = wide.line(ofPlace: place)
        XCTAssertNotEqual(line, 10, "the widths differ enough to move the text")
        XCTAssertTrue(
            wide.lines[line].text.contains(narrow.lines[10].text),
            "the same text at the top: \(wide.lines[line].text) / \(narrow.lines[10].text)")
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
        XCTAssertEqual(reader.selection, 2)
        XCTAssertEqual(reader.focus, .list)
        XCTAssertEqual(reader.articleScroll, line)
        reader.apply(.down)
        XCTAssertEqual(reader.articleScroll, 0)
    }

    /// Keys for the selected story typed before the story left last time is indexed act on that
    /// story once it is selected: `F` and `N` right after the start flagged and marked story 1,
    /// and the place was lost (found by QA). A move gives the going back up.
    func testKeysForTheStoryAreHeldUntilTheStoryLeftIsBack() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let ids = sources[0].indexAll().map(\.id)
        let store = InMemoryReadingStateStore()
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24, initial: ids[2499])
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        reader.beginIndexing(indexer.currentProgress)
        reader.apply(.toggleFlag)
        reader.apply(.toggleRead)
        XCTAssertEqual(reader.message, "a moment: going back to the story you left (indexing)")
        XCTAssertTrue(store.states(for: [ids[0]]).isEmpty, "story 1 untouched")
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
        XCTAssertEqual(reader.selection, 2499)
        let state = try XCTUnwrap(store.states(for: [ids[2499]])[ids[2499]])
        XCTAssertTrue(state.isFlagged)
        XCTAssertTrue(state.isRead)
        XCTAssertTrue(store.states(for: [ids[0]]).isEmpty, "story 1 untouched")

        // A move first: the keys are done at once, for the story selected.
        let again = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24, initial: ids[2000])
        let second = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        again.beginIndexing(second.currentProgress)
        again.apply(.down)
        again.apply(.toggleFlag)
        XCTAssertNotEqual(again.message, "a moment: going back to the story you left (indexing)")
        second.runToEnd()
        again.absorb(second.take().batches, progress: second.currentProgress)
        XCTAssertNotEqual(again.selection, 2000, "the move gave the going back up")
        XCTAssertNil(store.states(for: [ids[2000]])[ids[2000]])
    }

    /// Quitting before the story left last time is indexed keeps it remembered: story 1,
    /// selected by nobody, was stored over it, and the next start began at 1 (found by QA).
    func testTheStoryToGoBackToStaysRememberedUntilItComes() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        let ids = sources[0].indexAll().map(\.id)
        let key = sources[0].source.stateKey
        let store = InMemoryReadingStateStore()
        store.setLastSelected(ids[2499], inSource: key)
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24, initial: ids[2499])
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        let started = indexer.currentProgress
        reader.beginIndexing(started)
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        reader.absorb([batches[0]], progress: started)
        XCTAssertEqual(reader.selection, 0)
        XCTAssertFalse(reader.hasUnsavedPosition)
        reader.savePosition()
        XCTAssertEqual(store.lastSelected(inSource: key), ids[2499], "story 1 was not the reader's choice")
        let quitting = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24, initial: ids[2499])
        quitting.beginIndexing(started)
        quitting.absorb([batches[0]], progress: started)
        quitting.apply(.quit)
        XCTAssertTrue(quitting.isFinished)
        XCTAssertEqual(store.lastSelected(inSource: key), ids[2499], "q is no choice of story 1 either")
        reader.absorb(Array(batches.dropFirst()), progress: progress)
        XCTAssertEqual(reader.selection, 2499)
        reader.apply(.down)
        reader.savePosition()
        XCTAssertEqual(store.lastSelected(inSource: key), ids[2500], "the reader's own move is remembered")
    }

    /// The flag keeps a column from a number that fills its own: "!100" read as one word
    /// (found by QA). Lists of fewer than 100 stories keep the spec's columns.
    func testTheFlagNeverTouchesTheNumber() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 150)]).sources
        let reader = try emptyReader(over: sources)
        let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
        for digit in [1, 0, 0] { reader.apply(.digit(digit)) }
        reader.apply(.open)
        reader.apply(.toggleFlag)
        var canvas = Canvas(width: 80, height: 24)
        ScreenView.render(reader, into: &canvas)
        XCTAssertTrue(canvas.lines.contains { $0.hasPrefix(" N! 100  Story 100") }, "\(canvas.lines)")
        XCTAssertTrue(canvas.lines.contains { $0.hasPrefix(" N   99  Story 99") }, "\(canvas.lines)")
    }

    /// While indexing, the number column is as wide as the count the bytes indexed so far
    /// promise: the titles stay where they are when the count gains digits (found by QA).
    func testTheNumberColumnKeepsItsWidthWhileIndexingFillsIn() throws {
        let path = try dump(articles: 3000)
        let sources = try SourceLoader.open(paths: [path]).sources
        let reader = try emptyReader(over: sources)
        let indexer = BackgroundIndexer(sources: sources, firstScreenWait: 60) { _ in [:] }
        let finished = DispatchSemaphore(value: 0)
        indexer.start(whenFinished: { finished.signal() })
        indexer.waitForFirstBatch(seconds: 30)
        reader.beginIndexing(indexer.currentProgress)
        let (batches, progress) = indexer.take()
        reader.absorb(batches, progress: progress)
        XCTAssertNotNil(reader.indexing)
        XCTAssertLessThan(reader.visible.count, 1000)
        var canvas = Canvas(width: 80, height: 24)
        ScreenView.render(reader, into: &canvas)
        XCTAssertTrue(canvas.lines.contains { $0.hasPrefix(" N     1  Story 1 ") }, "\(canvas.lines)")
        indexer.firstScreenShown()
        XCTAssertEqual(finished.wait(timeout: .now() + 60), .success)
        let rest = indexer.take()
        reader.absorb(rest.batches, progress: rest.progress)
        XCTAssertNil(reader.indexing)
        XCTAssertEqual(reader.visible.count, 3000)
        ScreenView.render(reader, into: &canvas)
        XCTAssertTrue(canvas.lines.contains { $0.hasPrefix(" N     1  Story 1 ") }, "\(canvas.lines)")
    }

    func testAWaitingAMarksTheWholeFileAndEscCancelsIt() throws {
        let sources = try SourceLoader.open(paths: [try dump(articles: 3000)]).sources
        for cancelled in [false, true] {
            let (reader, batches, progress) = try partlyIndexedReader(over: sources)
            reader.apply(.markAllRead)
            if cancelled {
                reader.apply(.cancel)
                XCTAssertTrue(reader.message?.hasPrefix("cancelled: A marks") == true, reader.message ?? "")
            }
            for digit in [9, 9, 9, 9] { reader.apply(.digit(digit)) }
            reader.apply(.open)
            reader.absorb(batches, progress: progress)
            XCTAssertEqual(reader.visibleUnread, cancelled ? 3_000 : 0)
            if cancelled { XCTAssertEqual(reader.message, "no story 9,999 (there are 3,000)") }
        }
    }

    func testAFeedsIndexingProgressAdvancesThroughTheFile() throws {
        let items = (1...6000).map { index in
            "<item><title>Item \(index)</title><guid>id-\(index)</guid>"
                + "<description>Some text of item \(index), long enough to take some room.</description></item>"
        }.joined(separator: "\n")
        let path = folder.appendingPathComponent("feed.xml").path
        try Data(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>\(items)</channel></rss>"
                .utf8
        )
        .write(to: URL(fileURLWithPath: path))
        let sources = try SourceLoader.open(paths: [path]).sources
        let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var values: [Int] = []
        }
        let seen = Seen()
        indexer.start { [indexer] in
            let done = indexer.currentProgress.bytesDone
            seen.lock.withLock { seen.values.append(done) }
        }
        while !indexer.currentProgress.finished { usleep(1000) }
        let total = sources[0].bytes.count
        let values = seen.lock.withLock { seen.values }
        XCTAssertTrue(values.contains { $0 > 0 && $0 < total }, "progress between 0 and the end: \(values)")
        XCTAssertEqual(values, values.sorted(), "progress never goes back")
        XCTAssertEqual(indexer.take().batches.flatMap(\.summaries).count, 6000)
    }

    func testProgressCountsBothHalvesAndNeverGoesBack() throws {
        let text = (1...20000).map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index)", paragraphs: ["Body \(index)."])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("halves.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let sources = try SourceLoader.open(paths: [path]).sources
        let indexer = BackgroundIndexer(sources: sources, splitThreshold: 1 << 20) { _ in [:] }
        indexer.start()
        var seen: [Int] = []
        while true {
            let progress = indexer.currentProgress
            seen.append(progress.bytesDone)
            if progress.finished { break }
            usleep(200)
        }
        XCTAssertEqual(seen, seen.sorted(), "progress never goes back")
        XCTAssertEqual(seen.last, sources[0].bytes.count)
        XCTAssertEqual(indexer.take().batches.flatMap(\.summaries).count, 20000)
    }

    func testAnIndexedCatalogHoldsWhatTheFileHoldsInOrder() throws {
        let path = try dump(articles: 5000)
        let items = (1...300).map { "<item><title>Item \($0)</title><guid>g\($0)</guid></item>" }.joined()
        let feed = folder.appendingPathComponent("feed.xml").path
        try Data("<rss version=\"2.0\"><channel><title>F</title>\(items)</channel></rss>".utf8)
            .write(to: URL(fileURLWithPath: feed))
        let sources = try SourceLoader.open(paths: [path, feed]).sources
        let catalog = ArticleCatalog.indexed(sources)
        let expected = sources.enumerated().flatMap { index, source in
            source.indexAll().map { (index, $0) }
        }
        XCTAssertEqual(catalog.entries.count, 5300)
        XCTAssertEqual(catalog.entries.map(\.summary), expected.map(\.1))
        XCTAssertEqual(catalog.entries.map(\.sourceIndex), expected.map(\.0))
    }

    func testIndexingInTwoHalvesGivesTheSameStoriesInFileOrder() throws {
        for separator in ["\n\n\n", "\r\n\r\n\r\n", "\n \n\t\n\n"] {
            let text = (1...3000).map { index in
                DumpText.article(
                    title: "Story \(index)", caption: "Caption \(index)", paragraphs: ["Body \(index)."])
            }.joined(separator: separator)
            let path = folder.appendingPathComponent("split.txt").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let sources = try SourceLoader.open(paths: [path]).sources
            let whole = sources[0].indexAll()
            let indexer = BackgroundIndexer(sources: sources, splitThreshold: 1000) { _ in [:] }
            indexer.runToEnd()
            let (batches, progress) = indexer.take()
            XCTAssertEqual(progress.bytesDone, progress.bytesTotal)
            let split = batches.flatMap(\.summaries)
            XCTAssertEqual(split, whole)
            XCTAssertEqual(split.count, 3000)
        }
    }

    /// After its first batch the indexer leaves the CPU to the first screen: it goes on once
    /// the app has shown that screen, not before (here it would otherwise wait a minute).
    func testIndexingPausesAfterTheFirstBatchUntilTheAppHasShownTheFirstScreen() throws {
        let path = try dump(articles: 3000)
        let sources = try SourceLoader.open(paths: [path]).sources
        let reader = try emptyReader(over: sources)
        let indexer = BackgroundIndexer(sources: sources, firstScreenWait: 60) { _ in [:] }
        indexer.start()
        indexer.waitForFirstBatch(seconds: 30)
        let atFirstBatch = indexer.currentProgress
        usleep(100_000)
        XCTAssertFalse(indexer.currentProgress.finished)
        XCTAssertEqual(
            indexer.currentProgress.bytesDone, atFirstBatch.bytesDone, "held until the screen is out")
        reader.beginIndexing(indexer.currentProgress)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(
            reader: reader, terminal: terminal, indexer: indexer,
            failure: WaitingTurnPause.check(reader, terminal))
        let started = Date()
        app.run(stopWhenIdle: true)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "the first frame let indexing go on")
        XCTAssertNil(reader.indexing)
        XCTAssertEqual(reader.visible.count, 3000)
    }

    /// A dump's first batch brings the credits and reading times of the first screen's rows,
    /// worked out on the indexing thread, and the catalog keeps them.
    func testTheFirstBatchOfADumpBringsItsFirstRowsDetails() throws {
        let path = try dump(articles: 300)
        let sources = try SourceLoader.open(paths: [path]).sources
        let indexer = BackgroundIndexer(sources: sources, firstScreenRows: 10) { _ in [:] }
        indexer.runToEnd()
        let batches = indexer.take().batches
        let first = try XCTUnwrap(batches.first)
        XCTAssertEqual(first.details.count, 10)
        for summary in first.summaries.prefix(10) {
            XCTAssertEqual(first.details[summary.id], sources[0].details(summary))
            XCTAssertEqual(first.details[summary.id]?.credit, "AFP")
        }
        XCTAssertTrue(batches.dropFirst().allSatisfy { $0.details.isEmpty })
        let catalog = ArticleCatalog(sources: sources)
        catalog.append(first.summaries, fromSource: 0, details: first.details)
        XCTAssertEqual(catalog.details(at: 3), sources[0].details(first.summaries[3]))
        XCTAssertEqual(catalog.details(at: 30), sources[0].details(first.summaries[30]))
    }

    /// A feed's first batch brings its first rows' details too (HTML bodies counted on the
    /// indexing thread), equal to what the source works out itself.
    func testTheFirstBatchOfAFeedBringsItsFirstRowsDetails() throws {
        let path = folder.appendingPathComponent("feed.xml").path
        try Data(FeedText.rssWithHTMLBodies(items: 200).utf8).write(to: URL(fileURLWithPath: path))
        let sources = try SourceLoader.open(paths: [path]).sources
        let indexer = BackgroundIndexer(sources: sources, firstScreenRows: 10) { _ in [:] }
        indexer.runToEnd()
        let batches = indexer.take().batches
        let first = try XCTUnwrap(batches.first)
        XCTAssertEqual(first.details.count, 10)
        for (offset, summary) in first.summaries.prefix(10).enumerated() {
            XCTAssertEqual(first.details[summary.id], sources[0].details(summary))
            XCTAssertEqual(first.details[summary.id]?.credit, "Writer \(offset + 1)")
            XCTAssertEqual(first.details[summary.id]?.wordCount, 4 + offset + 1)
        }
        XCTAssertTrue(batches.dropFirst().allSatisfy { $0.details.isEmpty })
    }

    /// With no screen to wait for, indexing goes on by itself after `firstScreenWait`.
    func testIndexingGoesOnByItselfWhenNoScreenIsShown() throws {
        let path = try dump(articles: 3000)
        let sources = try SourceLoader.open(paths: [path]).sources
        let indexer = BackgroundIndexer(sources: sources, firstScreenWait: 0.05) { _ in [:] }
        indexer.start()
        let deadline = Date().addingTimeInterval(30)
        while !indexer.currentProgress.finished && Date() < deadline { usleep(1000) }
        XCTAssertTrue(indexer.currentProgress.finished)
        XCTAssertEqual(indexer.take().batches.flatMap(\.summaries).count, 3000)
    }

    func testAppShowsTheFirstScreenAndCountsFillIn() throws {
        let path = try dump(articles: 3000)
        let sources = try SourceLoader.open(paths: [path]).sources
        let store = InMemoryReadingStateStore()
        let tracker = try ReadingTracker(store: store, ids: [])
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(
            reader: reader, terminal: terminal, indexer: indexer,
            failure: WaitingTurnPause.check(reader, terminal))
        indexer.start()
        reader.beginIndexing(indexer.currentProgress)
        app.run(stopWhenIdle: true)
        terminal.send(keys: "jj\n")
        app.run(stopWhenIdle: true)
        XCTAssertNil(reader.indexing)
        XCTAssertEqual(reader.visible.count, 3000)
        XCTAssertTrue(
            terminal.screen.text(ofRow: 0).hasSuffix("2,999 unread of 3,000"), terminal.screen.text(ofRow: 0))
        XCTAssertTrue(terminal.screen.lines.joined().contains("Story 3"))
    }

    /// An app over a dump of `articles` stories (or the files at `paths`, `-` standing for
    /// `standardInput`), indexed, whose `R` reads the files again; states are kept in `store`
    /// (another reader's changes are written there).
    private func reloadingApp(
        articles: Int, wakeup: LoopWakeup? = nil, path given: String? = nil, paths: [String]? = nil,
        standardInput: FileBytes? = nil, failure: @escaping (MemoryTerminal) -> String? = { _ in nil },
        beforeReloadedStates: @escaping @Sendable () -> Void = {}, reloadedInPartsOf partSize: Int? = nil
    ) throws -> (Reader, ReaderApp, MemoryTerminal, InMemoryReadingStateStore) {
        let paths = try paths ?? [given ?? dump(articles: articles)]
        let sources = try SourceLoader.open(paths: paths, standardInput: standardInput).sources
        let store = InMemoryReadingStateStore()
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(
            reader: reader, terminal: terminal, indexer: indexer,
            failure: WaitingTurnPause.check(reader, terminal) { failure(terminal) },
            reload: {
                let again = try SourceLoader.open(paths: paths, standardInput: standardInput, rereading: true)
                    .sources
                return ReaderApp.Reloaded(
                    catalog: ArticleCatalog(sources: again),
                    indexer: BackgroundIndexer(
                        sources: again,
                        splitThreshold: partSize == nil ? BackgroundIndexer.defaultSplitThreshold : 1,
                        partSize: partSize ?? BackgroundIndexer.defaultPartSize
                    ) { ids in
                        beforeReloadedStates()
                        return store.states(for: ids)
                    })
            }, wakeup: wakeup)
        return (reader, app, terminal, store)
    }

    /// After `R`, the story selected shows where it was left, the first one too (selected
    /// already, it showed its top; found by QA).
    func testReloadShowsTheFirstStoryWhereItWasLeft() throws {
        let paragraphs = (1...40).map { "Paragraph \($0) of the first story." }
        let text = [
            DumpText.article(title: "First story", paragraphs: paragraphs),
            DumpText.article(title: "Second story", paragraphs: ["Short."]),
        ].joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("long.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let (_, app, terminal, _) = try reloadingApp(articles: 0, path: path)
        terminal.send(keys: "\r  q")
        app.run(stopWhenIdle: true)
        let place = app.reader.articleScroll
        XCTAssertGreaterThan(place, 0)
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(app.reader.selection, 0)
        XCTAssertEqual(app.reader.articleScroll, place, "the first story shows where it was left after R")
    }

    /// `R` while the files read again are still being indexed says "reloading N%…" until
    /// they are, then "reloaded" (it said "reloaded" at once while the list filled again from
    /// story 1; found by QA); the story selected before is selected again.
    func testReloadTellsItsProgressUntilTheFilesAreIndexedAgain() throws {
        /// Holds the reload's indexing at its second batch until opened.
        final class Gate: @unchecked Sendable {
            let lock = NSLock()
            var calls = 0
            let open = DispatchSemaphore(value: 0)
            /// Whether the indexing waits at the gate (or did).
            var reached: Bool { lock.withLock { calls >= 2 } }
            func pass() {
                let waits = lock.withLock {
                    defer { calls += 1 }
                    return calls == 1
                }
                if waits { open.wait() }
            }
        }
        let gate = Gate()
        var seenWhileHeld: [String] = []
        let (_, app, terminal, _) = try reloadingApp(
            articles: 3000,
            failure: { terminal in
                // Asked on every turn of the loop, after the frame before was drawn.
                if gate.reached && seenWhileHeld.count < 3 {
                    seenWhileHeld.append(terminal.screen.text(ofRow: 23))
                    if seenWhileHeld.count == 3 { gate.open.signal() }
                }
                return nil
            }, beforeReloadedStates: { gate.pass() })
        terminal.send(keys: "2000\rR")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(seenWhileHeld.count, 3)
        for status in seenWhileHeld {
            XCTAssertTrue(status.hasPrefix(" reloading ") && status.hasSuffix("%…"), status)
        }
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded")
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 2000")
    }

    /// `R` over standard input alone says it cannot be read again (it said "reloaded"); beside
    /// files, the files are read again and standard input is said to stay as it was read.
    func testReloadTellsThatStandardInputIsNotReadAgain() throws {
        let piped = FileBytes(
            bytes: Array(DumpText.article(title: "Piped story", paragraphs: ["Body."]).utf8))
        let alone = try reloadingApp(articles: 0, paths: ["-"], standardInput: piped)
        alone.2.send(keys: "R")
        alone.1.run(stopWhenIdle: true)
        XCTAssertEqual(
            alone.2.screen.text(ofRow: 23), " nothing to reload: standard input cannot be read again")
        let beside = try reloadingApp(articles: 0, paths: ["-", try dump(articles: 2)], standardInput: piped)
        beside.2.send(keys: "R")
        beside.1.run(stopWhenIdle: true)
        XCTAssertEqual(beside.2.screen.text(ofRow: 23), " reloaded; standard input as it was read")
        XCTAssertEqual(beside.0.catalog.sources.count, 2)
    }

    /// `R` says how many stories came and went ("reloaded" said nothing of them; found by QA).
    func testReloadSaysHowManyStoriesCameAndWent() throws {
        let (_, app, terminal, _) = try reloadingApp(articles: 3)
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded")
        _ = try dump(articles: 5)
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded: 2 new stories")
        let text = (4...5).map { DumpText.article(title: "Story \($0)", paragraphs: ["Body \($0)."]) }
        try Data(text.joined(separator: "\n\n\n").utf8).write(to: folder.appendingPathComponent("news.txt"))
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded: 2 new, 5 gone")
    }

    /// `R` counts a feed story whose text changed under the same title as changed: it said
    /// "reloaded" alone (found by QA).
    func testReloadCountsAStoryWhoseTextAloneChanged() throws {
        func feed(_ second: String) -> Data {
            let items = [("1", "One", "First text."), ("2", "Two", second)].map {
                "<item><guid>g\($0.0)</guid><title>\($0.1)</title><description>\($0.2)</description></item>"
            }
            return Data(
                "<rss version=\"2.0\"><channel><title>F</title>\(items.joined())</channel></rss>".utf8)
        }
        let url = folder.appendingPathComponent("news.rss")
        try feed("Second text.").write(to: url)
        let (_, app, terminal, _) = try reloadingApp(articles: 0, path: url.path)
        try feed("Second text, corrected.").write(to: url)
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded: 1 story changed")
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded")
    }

    /// A file gone from an opened folder is told on `R`; its stories went without a word
    /// (found by QA). A file told as skipped is not told again.
    func testAFileGoneFromAFolderIsToldOnReload() throws {
        let news = folder.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt"] {
            let text = DumpText.article(title: "Story of \(name)", paragraphs: ["Body of \(name)."])
            try Data(text.utf8).write(to: news.appendingPathComponent(name))
        }
        let (reader, app, terminal, _) = try reloadingApp(articles: 0, path: news.path)
        XCTAssertEqual(reader.catalog.sources.count, 2)
        try FileManager.default.removeItem(at: news.appendingPathComponent("b.txt"))
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded: 1 story gone; gone: b.txt")
        XCTAssertEqual(
            ReaderApp.goneMessage(before: ["/n/a", "/n/b", "/n/c"], after: ["/n/a"], skipped: []),
            "2 files gone; the first: b")
        XCTAssertNil(
            ReaderApp.goneMessage(
                before: ["/n/a", "/n/b"], after: ["/n/a"], skipped: ["skipped: cannot open '/n/b': gone"]))
    }

    /// `R` shows the states stored now: what another reader changed since, even for stories
    /// this one had changed itself (they kept this reader's old idea of them, and `A` then
    /// skipped a story it took for read).
    func testReadingAgainShowsTheStatesStoredNow() throws {
        let (reader, app, terminal, store) = try reloadingApp(articles: 30)
        terminal.send(keys: "NF")  // story 1 read and flagged here
        app.run(stopWhenIdle: true)
        let first = reader.catalog.entries[0].summary.id
        let second = reader.catalog.entries[1].summary.id
        // Another reader: story 1 unread and unflagged again, story 2 flagged.
        store.setStates([first: .unseen, second: ArticleState(isFlagged: true)])
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertFalse(app.reader.tracker.isRead(first))
        XCTAssertFalse(app.reader.tracker.isFlagged(first))
        XCTAssertTrue(app.reader.tracker.isFlagged(second))
        XCTAssertTrue(
            terminal.screen.text(ofRow: 0).hasSuffix("30 unread of 30"), terminal.screen.text(ofRow: 0))
        terminal.send(keys: "A")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(store.states(for: [first])[first]?.isRead, true, "A marks the story read")
        XCTAssertTrue(
            terminal.screen.text(ofRow: 0).hasSuffix("0 unread of 30"), terminal.screen.text(ofRow: 0))
    }

    /// `R` keeps the view and the search: the reader came back to every story, its search gone.
    func testReadingAgainKeepsTheViewAndTheSearch() throws {
        let (reader, app, terminal, _) = try reloadingApp(articles: 300)
        terminal.send(keys: "N")  // story 1 read
        terminal.send(keys: "L/\"story 1\"\n")
        app.run(stopWhenIdle: true)
        while app.reader.searchProgress != nil { app.run(stopWhenIdle: true) }
        let found = app.reader.visible.count
        XCTAssertEqual(found, 110, "stories 1, 10 to 19 and 100 to 199 hold 'story 1', and story 1 is read")
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        while app.reader.indexing != nil || app.reader.searchProgress != nil { app.run(stopWhenIdle: true) }
        XCTAssertTrue(app.reader !== reader, "the files were read again")
        XCTAssertEqual(app.reader.filter, .unread)
        XCTAssertEqual(app.reader.query?.text, "\"story 1\"")
        XCTAssertEqual(app.reader.visible.count, found)
    }

    /// Files read again (`R`) are indexed anew, and the end of that indexing wakes the
    /// terminal's wait, as the first indexing's does (a `G` waiting for it lands at once).
    func testTheEndOfIndexingFilesReadAgainWakesTheWait() throws {
        let wakeup = LoopWakeup()
        let (reader, app, terminal, _) = try reloadingApp(articles: 3000, wakeup: wakeup)
        XCTAssertFalse(wakeup.consume())
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(app.reader.catalog.entries.count, 3000)
        XCTAssertTrue(app.reader.catalog !== reader.catalog, "the files were read again")
        var watched = [pollfd(fd: wakeup.descriptor, events: Int16(POLLIN), revents: 0)]
        XCTAssertEqual(poll(&watched, 1, 60_000), 1, "woken")  // a bound for a lost wake-up
        XCTAssertTrue(wakeup.consume())
    }

    /// Runs `app` until no key is left and neither indexing nor a search is running.
    private func settle(_ app: ReaderApp) {
        repeat {
            app.run(stopWhenIdle: true)
        } while app.reader.indexing != nil || app.reader.searchProgress != nil
    }

    /// Writes `count` long stories ("Story n", twelve paragraphs each) to news.txt.
    private func longDump(_ count: Int, editing edited: Int? = nil, leaving left: Int? = nil) throws -> String
    {
        let text = (1...count).filter { $0 != left }.map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: (1...12).map {
                    "Paragraph \($0) of story \(index), long enough to take a line or two."
                }
                    + (index == edited ? ["(Corrected.)"] : []))
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("news.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `R` keeps the reader's place: the open story opens again at the same line (and zoom),
    /// and a story edited or deleted meanwhile leaves the selection where it was in the list
    /// (R closed the article, and went to the first story when the selected one had changed;
    /// found by QA).
    func testReadingAgainKeepsTheOpenStoryAndThePlaceInTheList() throws {
        let path = try longDump(7)
        let (_, app, terminal, _) = try reloadingApp(articles: 7, path: path)
        terminal.send(keys: "5\n\njjjz")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(app.reader.selection, 4)
        XCTAssertEqual(app.reader.focus, .article)
        let scroll = app.reader.articleScroll
        XCTAssertEqual(scroll, 3)
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        while app.reader.indexing != nil { app.run(stopWhenIdle: true) }
        XCTAssertEqual(app.reader.selection, 4)
        XCTAssertEqual(app.reader.focus, .article, "the story is open again")
        XCTAssertEqual(app.reader.articleScroll, scroll, "at the same line")
        XCTAssertTrue(app.reader.zoomed)

        _ = try longDump(7, editing: 5)
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        while app.reader.indexing != nil { app.run(stopWhenIdle: true) }
        XCTAssertEqual(app.reader.selection, 4, "the story edited: the one now in its place")
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 5")
        XCTAssertEqual(app.reader.focus, .list, "another story is not opened for the reader")
        XCTAssertFalse(app.reader.zoomed)

        _ = try longDump(7, editing: 5, leaving: 5)
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        while app.reader.indexing != nil { app.run(stopWhenIdle: true) }
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 6", "the story deleted: the next one")
    }

    /// `R` in the unread view keeps the stories read since the view was chosen, the open one
    /// included, open at its line; during a search, a story deleted gives way to the match now
    /// at its place, once the search has found it (R dropped the story read, and went to the
    /// first match; found by QA).
    func testReadingAgainKeepsTheViewsStoriesAndTheNeighbourInASearch() throws {
        let path = try longDump(7)
        let (_, app, terminal, _) = try reloadingApp(articles: 7, path: path)
        terminal.send(keys: "L3\n\njjj")
        settle(app)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 3")
        terminal.send(keys: "R")
        settle(app)
        XCTAssertEqual(app.reader.filter, .unread)
        XCTAssertEqual(app.reader.visible.count, 7, "the story read since the view was chosen is kept")
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 3")
        XCTAssertEqual(app.reader.focus, .article)
        XCTAssertEqual(app.reader.articleScroll, 3)

        terminal.send(keys: "qLL/paragraph\n5\n\n")
        settle(app)
        XCTAssertEqual(app.reader.filter, .all)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 5")
        _ = try longDump(7, leaving: 5)
        terminal.send(keys: "R")
        settle(app)
        XCTAssertEqual(app.reader.query?.text, "paragraph")
        XCTAssertEqual(app.reader.visible.count, 6)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 6", "the match now at its place")
    }

    /// `R` during a search shows the story previewed at its match at that match again (it
    /// showed it where it was left, its top; found by QA).
    func testReadingAgainDuringASearchKeepsAPreviewAtItsMatch() throws {
        let path = try longDump(7)
        let (_, app, terminal, _) = try reloadingApp(articles: 7, path: path)
        terminal.send(keys: "/\"paragraph 12 of story 5\"\n")
        settle(app)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 5")
        let preview = app.reader.articleScroll
        XCTAssertGreaterThan(preview, 0)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(
            contentsOf: Data(("\n\n\n" + DumpText.article(title: "Story 8", paragraphs: ["New."])).utf8))
        try handle.close()
        terminal.send(keys: "R")
        settle(app)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 5")
        XCTAssertEqual(app.reader.focus, .list)
        XCTAssertEqual(app.reader.articleScroll, preview)
    }

    /// `R` during a search keeps the place too, and the story read stays read: the line saved
    /// after the states were forgotten made up an unread state for it, and the place was given
    /// up before the search found the story (found by QA).
    func testReadingAgainDuringASearchKeepsThePlaceAndTheReadState() throws {
        let path = try longDump(7)
        let (_, app, terminal, store) = try reloadingApp(articles: 7, path: path)
        terminal.send(keys: "/\"story 5\"\n")
        settle(app)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 5")
        terminal.send(keys: "\njjj")
        settle(app)
        let id = try XCTUnwrap(app.reader.selectedEntry?.summary.id)
        XCTAssertTrue(app.reader.tracker.isRead(id))
        terminal.send(keys: "R")
        settle(app)
        XCTAssertEqual(app.reader.query?.text, "\"story 5\"")
        XCTAssertEqual(app.reader.selectedEntry?.summary.id, id)
        XCTAssertEqual(app.reader.focus, .article, "open again")
        XCTAssertEqual(app.reader.articleScroll, 3)
        XCTAssertTrue(app.reader.tracker.isRead(id), "still read")
        XCTAssertEqual(store.states(for: [id])[id]?.isRead, true)
        XCTAssertEqual(app.reader.visibleUnread, 0)
    }

    /// What the screen showed at one step of a reload, and the reader on screen then.
    private struct ReloadFrame {
        var status: String
        var list: [String]
        var pane: [String]
        var title: String?
        var focus: Focus
        var scroll: Int
        var titleBar: String
        var divider: String
        /// Whether the reader over the file read again was on screen.
        var tookOver: Bool

        init(_ app: ReaderApp, _ terminal: MemoryTerminal) {
            let reader = app.reader
            let layout = reader.layout
            let screen = terminal.screen
            status = screen.text(ofRow: layout.height - 1)
            titleBar = screen.text(ofRow: 0)
            divider = screen.text(ofRow: layout.dividerRow)
            tookOver = app.incoming == nil
            list = (layout.listTop..<layout.listTop + layout.listHeight).map { screen.text(ofRow: $0) }
            pane = (layout.paneTop..<layout.paneTop + layout.paneHeight).map { screen.text(ofRow: $0) }
            title = reader.selectedEntry?.summary.title
            focus = reader.focus
            scroll = reader.articleScroll
        }

        /// The percent of "reloading N%…" on the status line, if it says so.
        var percent: Int? {
            guard status.hasPrefix(" reloading "), status.hasSuffix("%…") else { return nil }
            return Int(status.dropFirst(" reloading ".count).dropLast(2))
        }

        /// The title bar's counts: unread, stories, and whether shown as still filling ("…").
        var counts: (unread: Int, stories: Int, filling: Bool)? {
            let words = titleBar.split(separator: " ")
            guard words.count >= 4, words[words.count - 3] == "unread", words[words.count - 2] == "of" else {
                return nil
            }
            func number(_ word: Substring) -> Int? { Int(word.filter { $0 != "," && $0 != "…" }) }
            guard let unread = number(words[words.count - 4]), let stories = number(words[words.count - 1])
            else { return nil }
            return (unread, stories, words[words.count - 1].hasSuffix("…"))
        }

        /// The list's row of story `number`, if it shows.
        func row(ofStory number: Int) -> String? {
            list.first { $0.dropFirst(3).trimmingCharacters(in: .whitespaces).hasPrefix("\(number) ") }
        }
    }

    /// Watches a reload step by step: its indexing is held at each batch after the first until a
    /// turn of the app's loop has looked at the screen, which it keeps, typing the keys given for
    /// that step then.
    /// An app over a dump of 1,500 stories whose reloads are cut in 32 KiB parts, each batch
    /// held by the watch until a loop turn has looked at the screen.
    private func watchedReloadingApp() throws -> (ReaderApp, MemoryTerminal, ReloadWatch) {
        let path = try longDump(1500)
        let watch = ReloadWatch()
        let (_, app, terminal, _) = try reloadingApp(
            articles: 0, path: path, failure: watch.look, beforeReloadedStates: { watch.pass() },
            reloadedInPartsOf: 32 << 10)
        watch.app = app
        return (app, terminal, watch)
    }

    private final class ReloadWatch: @unchecked Sendable {
        private let lock = NSLock()
        private var calls = 0
        private var held = 0
        private let permits = DispatchSemaphore(value: 0)
        weak var app: ReaderApp?
        var frames: [ReloadFrame] = []
        /// Keys typed once the frame of that number (from 0) is kept.
        var keys: [Int: String] = [:]

        /// In the reload's indexing, before each batch's states are loaded.
        func pass() {
            let holds = lock.withLock { () -> Bool in
                calls += 1
                if calls > 1 { held += 1 }
                return calls > 1
            }
            if holds { permits.wait() }
        }

        /// On every turn of the app's loop.
        func look(at terminal: MemoryTerminal) -> String? {
            guard lock.withLock({ held > 0 }), let app else { return nil }
            frames.append(ReloadFrame(app, terminal))
            if let typed = keys[frames.count - 1] { terminal.send(keys: typed) }
            lock.withLock { held -= 1 }
            permits.signal()
            return nil
        }

        /// Ready for another reload.
        func rearm() {
            lock.withLock { calls = 0 }
            frames = []
            keys = [:]
        }
    }

    /// `R` on a big file keeps the open story on screen at its line while the file is indexed
    /// again, its list row read, and keys act on it: the list and the pane showed story 1 (and
    /// its text) until indexing reached the story, then jumped back to it (found by QA). A
    /// story gone from the file stays shown until the end, then gives way to the one now at its
    /// place (the rule for a story gone).
    func testReloadKeepsTheOpenStoryOnScreenWhileTheFileIsIndexedAgain() throws {
        let (app, terminal, watch) = try watchedReloadingApp()
        terminal.send(keys: "1200\r\rjjjj")
        settle(app)
        let atFour = ReloadFrame(app, terminal)
        terminal.send(keys: "k")
        settle(app)
        let atThree = ReloadFrame(app, terminal)
        XCTAssertEqual(atThree.title, "Story 1200")
        XCTAssertEqual(atThree.scroll, 3)
        XCTAssertNotEqual(atThree.pane, atFour.pane)
        watch.keys = [8: "j"]
        terminal.send(keys: "R")
        settle(app)
        let frames = watch.frames
        XCTAssertGreaterThan(
            frames.filter { ($0.percent ?? 100) < 70 }.count, 8, "frames before indexing reached story 1,200")
        for (number, frame) in frames.enumerated() {
            let expected = number <= 8 ? atThree : atFour
            XCTAssertNotNil(frame.percent, "frame \(number): \(frame.status)")
            XCTAssertEqual(frame.title, "Story 1200", "frame \(number)")
            XCTAssertEqual(frame.focus, .article, "frame \(number)")
            XCTAssertEqual(frame.scroll, expected.scroll, "frame \(number)")
            XCTAssertEqual(frame.pane, expected.pane, "frame \(number)")
            let row = frame.row(ofStory: 1200)
            XCTAssertNotNil(row, "frame \(number): \(frame.list)")
            XCTAssertEqual(
                row?.hasPrefix(" N"), false, "frame \(number): story 1,200 shows read: \(row ?? "")")
        }
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded")
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 1200")
        XCTAssertEqual(app.reader.focus, .article)
        XCTAssertEqual(app.reader.articleScroll, 4, "the j typed during the reload")
        XCTAssertEqual(ReloadFrame(app, terminal).pane, atFour.pane)

        _ = try longDump(1500, leaving: 1200)
        watch.rearm()
        // `A` during the reload marks every story read, those indexed again already too.
        watch.keys = [4: "A"]
        terminal.send(keys: "R")
        settle(app)
        XCTAssertGreaterThan(watch.frames.count, 8)
        for (number, frame) in watch.frames.enumerated() {
            XCTAssertEqual(frame.title, "Story 1200", "frame \(number)")
            XCTAssertEqual(frame.pane, atFour.pane, "frame \(number)")
        }
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 1201", "the one now at its place")
        XCTAssertEqual(app.reader.focus, .list)
        XCTAssertEqual(app.reader.visibleUnread, 0)
        XCTAssertTrue(
            terminal.screen.text(ofRow: 0).hasSuffix(" 0 unread of 1,499"), terminal.screen.text(ofRow: 0))
    }

    /// The same in a search of the unread view, the list focused: the story selected stays
    /// selected while the file is indexed and searched again, and `k` typed meanwhile moves
    /// from it there, the reader over the file read again taking the story moved to.
    func testReloadKeepsTheSelectionInASearchOfTheUnreadView() throws {
        let (app, terminal, watch) = try watchedReloadingApp()
        terminal.send(keys: "L/\"story 120\"\n")
        settle(app)
        XCTAssertEqual(app.reader.visible.count, 11, "stories 120 and 1200 to 1209")
        terminal.send(keys: "1205\r")
        settle(app)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 1205")
        XCTAssertEqual(app.reader.focus, .list)
        watch.keys = [6: "k"]
        terminal.send(keys: "R")
        settle(app)
        let frames = watch.frames
        XCTAssertGreaterThan(
            frames.filter { ($0.percent ?? 100) < 70 }.count, 6, "frames before indexing reached story 1,205")
        for (number, frame) in frames.enumerated() {
            let selected = number <= 6 ? 1205 : 1204
            XCTAssertNotNil(frame.percent, "frame \(number): \(frame.status)")
            XCTAssertEqual(frame.title, "Story \(selected)", "frame \(number)")
            XCTAssertEqual(frame.focus, .list, "frame \(number)")
            XCTAssertNotNil(frame.row(ofStory: selected), "frame \(number): \(frame.list)")
        }
        XCTAssertEqual(app.reader.filter, .unread)
        XCTAssertEqual(app.reader.query?.text, "\"story 120\"")
        XCTAssertEqual(app.reader.visible.count, 11)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 1204", "the k typed during the reload")
    }

    /// `R` on a file that did not change: the title bar's counts stay as they were, shown as
    /// being confirmed ("…") until the file is indexed again, and the divider's total with them:
    /// once the reader over the file read again took the screen, they fell to the stories
    /// indexed again so far ("of 1,2xx…"), then rose again (found by QA).
    func testReloadNeverCountsFewerStoriesForAFileThatDidNotChange() throws {
        let (app, terminal, watch) = try watchedReloadingApp()
        terminal.send(keys: "1200\r\r")
        settle(app)
        XCTAssertTrue(terminal.screen.text(ofRow: 0).hasSuffix(" 1,499 unread of 1,500"))
        terminal.send(keys: "R")
        settle(app)
        let frames = watch.frames
        XCTAssertGreaterThan(
            frames.filter { !$0.tookOver }.count, 4, "frames before the reader over it took over")
        XCTAssertGreaterThan(frames.filter(\.tookOver).count, 2, "frames after")
        for (number, frame) in frames.enumerated() {
            XCTAssertNotNil(frame.percent, "frame \(number): \(frame.status)")
            XCTAssertTrue(
                frame.titleBar.hasSuffix(" 1,499 unread of 1,500…"), "frame \(number): \(frame.titleBar)")
            XCTAssertTrue(frame.divider.contains(" 1,200/1,500 "), "frame \(number): \(frame.divider)")
        }
        XCTAssertTrue(terminal.screen.text(ofRow: 0).hasSuffix(" 1,499 unread of 1,500"))
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded")
    }

    /// `R` on a file that grew counts never fewer stories than before while it is indexed again,
    /// more once more came; on a file that shrank, the count before stands until the end, then
    /// the true smaller one shows.
    func testReloadCountsAFileThatGrewOrShrankTrulyOnceIndexed() throws {
        let (app, terminal, watch) = try watchedReloadingApp()
        terminal.send(keys: "1200\r\r")
        settle(app)
        _ = try longDump(1600)
        terminal.send(keys: "R")
        settle(app)
        var shown = 1500
        for (number, frame) in watch.frames.enumerated() {
            let counts = try XCTUnwrap(frame.counts, frame.titleBar)
            XCTAssertGreaterThanOrEqual(counts.stories, shown, "frame \(number): \(frame.titleBar)")
            XCTAssertTrue(counts.filling, "frame \(number): \(frame.titleBar)")
            XCTAssertEqual(counts.stories - counts.unread, 1, "frame \(number): \(frame.titleBar)")
            shown = counts.stories
        }
        XCTAssertGreaterThan(
            watch.frames.filter(\.tookOver).count, 2, "frames after the reader over it took over")
        XCTAssertTrue(
            terminal.screen.text(ofRow: 0).hasSuffix(" 1,599 unread of 1,600"), terminal.screen.text(ofRow: 0)
        )

        _ = try longDump(1400)
        watch.rearm()
        terminal.send(keys: "R")
        settle(app)
        XCTAssertGreaterThan(
            watch.frames.filter(\.tookOver).count, 2, "frames after the reader over it took over")
        for (number, frame) in watch.frames.enumerated() {
            XCTAssertTrue(
                frame.titleBar.hasSuffix(" 1,599 unread of 1,600…"), "frame \(number): \(frame.titleBar)")
        }
        XCTAssertTrue(
            terminal.screen.text(ofRow: 0).hasSuffix(" 1,399 unread of 1,400"), terminal.screen.text(ofRow: 0)
        )
        XCTAssertTrue(ReloadFrame(app, terminal).divider.contains(" 1,200/1,400 "))
    }

    /// `R` while the first indexing still looks for the story left last time (showing story 1
    /// meanwhile) aims at that story, as the first indexing did: it aimed at story 1, and the
    /// place was lost (found by QA).
    func testReloadWhileTheFirstIndexingLooksForTheStoryLeftAimsAtIt() throws {
        let path = try longDump(1500)
        let sources = try SourceLoader.open(paths: [path]).sources
        let left = try XCTUnwrap(
            ArticleCatalog.indexed(sources).entries.first { $0.summary.title == "Story 1200" }?.summary.id)
        let store = InMemoryReadingStateStore()
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24, initial: left)
        /// Lets the first indexing's first batch through, then holds it until opened.
        final class Gate: @unchecked Sendable {
            private let lock = NSLock()
            private var calls = 0
            private let opened = DispatchSemaphore(value: 0)
            func pass() {
                if lock.withLock({ () -> Bool in
                    calls += 1
                    return calls > 1
                }) {
                    opened.wait()
                    opened.signal()
                }
            }
            func open() { opened.signal() }
        }
        let gate = Gate()
        defer { gate.open() }
        let first = BackgroundIndexer(sources: sources) { ids in
            gate.pass()
            return store.states(for: ids)
        }
        first.start()
        first.waitForFirstBatch(seconds: 10)
        reader.beginIndexing(first.currentProgress)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let watch = ReloadWatch()
        let app = ReaderApp(
            reader: reader, terminal: terminal, indexer: first, failure: { watch.look(at: terminal) },
            reload: {
                let again = try SourceLoader.open(paths: [path], rereading: true).sources
                return ReaderApp.Reloaded(
                    catalog: ArticleCatalog(sources: again),
                    indexer: BackgroundIndexer(sources: again, splitThreshold: 1, partSize: 32 << 10) { ids in
                        watch.pass()
                        return store.states(for: ids)
                    })
            })
        watch.app = app
        XCTAssertTrue(app.reader.isLookingForTheStoryLeft)
        terminal.send(keys: "R")
        settle(app)
        XCTAssertEqual(app.reader.selectedEntry?.summary.title, "Story 1200")
        XCTAssertEqual(app.reader.visible.count, 1500)
        // The reader over the file read again took the screen at once: its list filled in
        // while it looked for the story (the list shown stayed as the first indexing left it).
        let looking = watch.frames.filter { $0.tookOver && $0.title == "Story 1" }
        XCTAssertGreaterThan(looking.count, 4)
        var shown = 0
        for (number, frame) in watch.frames.enumerated() {
            let counts = try XCTUnwrap(frame.counts, frame.titleBar)
            XCTAssertGreaterThanOrEqual(counts.stories, shown, "frame \(number): \(frame.titleBar)")
            shown = counts.stories
        }
        XCTAssertGreaterThan(looking.last?.counts?.stories ?? 0, looking.first?.counts?.stories ?? 0)
    }
}
