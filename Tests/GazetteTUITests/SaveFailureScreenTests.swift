import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// A failure to save what is saved when keys pause (the story selected, the place in it) shows
/// on the status line at once: it was set but not drawn until the next key (found by QA, with a
/// state file whose table of last-selected stories another tool had dropped).
final class SaveFailureScreenTests: XCTestCase {
    /// A store that keeps states in memory and cannot save the story last selected.
    private final class NoSelectionStore: ReadingStateStoring {
        let states = InMemoryReadingStateStore()

        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { states.states(for: ids) }
        func setStates(_ changed: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
            states.setStates(changed, fields: fields)
        }
        func setScrollLine(_ line: Int, for id: ArticleID) throws { states.setScrollLine(line, for: id) }
        func lastSelected(inSource source: String) throws -> ArticleID? { nil }
        func setLastSelected(_ id: ArticleID, inSource source: String) throws {
            throw StateStoreError.corrupt(path: "/tmp/state.sqlite")
        }
    }

    func testAFailedSaveWhileIdleIsShownAtOnce() throws {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.realNews.path]).sources)
        let tracker = try ReadingTracker(store: NoSelectionStore(), ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: 100, height: 30)
        let terminal = MemoryTerminal(width: 100, height: 30)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        terminal.send(keys: "j")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(
            terminal.screen.text(ofRow: 29).hasPrefix(" state file '/tmp/state.sqlite' is damaged"),
            terminal.screen.text(ofRow: 29))
    }

    /// A store whose changes wait for another program's lock, as ``DeferringStateStore`` keeps them.
    private final class WaitingStore: ReadingStateStoring {
        let states = InMemoryReadingStateStore()
        var waiting = 0

        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { states.states(for: ids) }
        func setStates(_ changed: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
            states.setStates(changed, fields: fields)
            waiting += changed.count
        }
        func setScrollLine(_ line: Int, for id: ArticleID) throws { states.setScrollLine(line, for: id) }
        func lastSelected(inSource source: String) throws -> ArticleID? { nil }
        func setLastSelected(_ id: ArticleID, inSource source: String) throws {}
        var changesWaiting: Int { waiting }
        var waitingReason: StateStoreError? { waiting > 0 ? .busy(path: "/tmp/state.sqlite") : nil }
    }

    /// Changes that wait for another program's lock stay told on the status line when a key
    /// moves on: the hints came back and the word was gone (found by QA). Counts are grouped.
    func testChangesWaitingForALockStayToldAfterTheNextKey() throws {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.realNews.path]).sources)
        let store = WaitingStore()
        let tracker = try ReadingTracker(store: store, ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: 100, height: 30)
        let terminal = MemoryTerminal(width: 100, height: 30)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        terminal.send(keys: "Njjjk")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(
            terminal.screen.text(ofRow: 29).hasPrefix(
                " 'state.sqlite' is locked by another program: 1 story's change waits"),
            terminal.screen.text(ofRow: 29))
        store.waiting = 1200
        terminal.send(keys: "j")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(
            terminal.screen.text(ofRow: 29).contains("1,200 stories' changes wait"),
            terminal.screen.text(ofRow: 29))
    }
}
