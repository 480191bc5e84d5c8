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

        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { try states.states(for: ids) }
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
                " 'state.sqlite' is locked by another program: 1 change waits to be saved"),
            terminal.screen.text(ofRow: 29))
        terminal.send(keys: "u")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(terminal.screen.text(ofRow: 29).hasPrefix(" undone: "), terminal.screen.text(ofRow: 29))
    }
}
