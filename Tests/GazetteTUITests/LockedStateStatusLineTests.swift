import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// What the status line says while another program's lock keeps changes waiting.
final class LockedStateStatusLineTests: XCTestCase {
    /// A store another program keeps locked: every write is refused.
    private final class LockedStore: ReadingStateStoring {
        let states = InMemoryReadingStateStore()
        private let busy = StateStoreError.busy(path: "/tmp/state.sqlite")

        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { states.states(for: ids) }
        func setStates(_ changed: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
            throw busy
        }
        func setScrollLine(_ line: Int, for id: ArticleID) throws { throw busy }
        func lastSelected(inSource source: String) throws -> ArticleID? { nil }
        func setLastSelected(_ id: ArticleID, inSource source: String) throws { throw busy }
    }

    /// One `N` is one change waiting, though the story selected waits too (it said "2 changes
    /// wait"); an undo says what it undid (the lock's word hid it). Found by QA.
    func testOneMarkIsOneChangeAndAnUndoSaysSo() throws {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.realNews.path]).sources)
        let deferring = DeferringStateStore(LockedStore())
        let tracker = try ReadingTracker(store: deferring, ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: 100, height: 30)
        let terminal = MemoryTerminal(width: 100, height: 30)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        terminal.send(keys: "jN")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(deferring.somethingWaits)
        XCTAssertEqual(deferring.changesWaiting, 1)
        XCTAssertTrue(
            terminal.screen.text(ofRow: 29).hasPrefix(
                " 'state.sqlite' is locked by another program: 1 story's change waits"),
            terminal.screen.text(ofRow: 29))
        terminal.send(keys: "u")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(terminal.screen.text(ofRow: 29).hasPrefix(" undone: "), terminal.screen.text(ofRow: 29))
    }

    /// `A` over every story is one change of each: the count says stories, not changes ("12
    /// changes wait" read as twelve edits; found by QA), at 80 and 40 columns.
    func testTheCountOfChangesWaitingIsOfStories() throws {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.realNews.path]).sources)
        let stories = GroupedCount.text(catalog.entries.count)
        XCTAssertGreaterThan(catalog.entries.count, 1)
        for width in [80, 40] {
            let deferring = DeferringStateStore(LockedStore())
            let tracker = try ReadingTracker(store: deferring, ids: catalog.entries.map(\.summary.id))
            let reader = Reader(catalog: catalog, tracker: tracker, width: width, height: 24)
            let terminal = MemoryTerminal(width: width, height: 24)
            let app = ReaderApp(reader: reader, terminal: terminal)
            app.run(stopWhenIdle: true)
            terminal.send(keys: "A")
            app.run(stopWhenIdle: true)
            XCTAssertEqual(deferring.changesWaiting, catalog.entries.count)
            XCTAssertEqual(
                terminal.screen.text(ofRow: 23).trimmingCharacters(in: .whitespaces),
                width == 80
                    ? "'state.sqlite' is locked by another program: \(stories) stories' changes wait"
                    : "locked: \(stories) stories' changes wait", "at \(width) columns")
        }
        XCTAssertEqual(
            StatusMessage.changesWaiting(1, behind: .busy(path: "/tmp/state.sqlite")).text,
            "'state.sqlite' is locked by another program: 1 story's change waits")
        XCTAssertEqual(
            StatusMessage.changesWaiting(300, behind: .removed(path: "/tmp/state.sqlite")).short,
            "gone: 300 stories' changes kept")
        XCTAssertEqual(
            StatusMessage.savedLate(300).text, "the state file is free again: 300 stories' changes saved")
    }
}
