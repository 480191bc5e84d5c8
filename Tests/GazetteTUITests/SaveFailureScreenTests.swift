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

        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { try states.states(for: ids) }
        func setStates(_ changed: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
            try states.setStates(changed, fields: fields)
        }
        func setScrollLine(_ line: Int, for id: ArticleID) throws { try states.setScrollLine(line, for: id) }
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
}
