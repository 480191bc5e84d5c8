import Foundation
import GazetteTUI
import TestSupport
import XCTest

@testable import GazetteCore

/// `A` over many stories, and its `u`, say on the status line that they are working before the
/// change is written: the reader froze for seconds with no word (found by QA at 100,000 stories).
final class LongChangeNoticeTests: XCTestCase {
    /// A store that keeps states in memory and tells each batch written.
    private final class WatchedStore: ReadingStateStoring {
        let states = InMemoryReadingStateStore()
        var onWrite: (Int) -> Void = { _ in }

        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { states.states(for: ids) }
        func setStates(_ changed: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
            onWrite(changed.count)
            states.setStates(changed, fields: fields)
        }
        func setScrollLine(_ line: Int, for id: ArticleID) throws { states.setScrollLine(line, for: id) }
        func lastSelected(inSource source: String) throws -> ArticleID? { nil }
        func setLastSelected(_ id: ArticleID, inSource source: String) throws {}
    }

    override func tearDown() {
        Reader.longChangeStories = 50_000
        super.tearDown()
    }

    func testMarkingAllAndUndoingManyStoriesSayTheyAreWorkingFirst() throws {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.realNews.path]).sources)
        let count = catalog.entries.count
        XCTAssertGreaterThan(count, 2)
        Reader.longChangeStories = count
        let store = WatchedStore()
        let tracker = try ReadingTracker(store: store, ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: 100, height: 30)
        let terminal = MemoryTerminal(width: 100, height: 30)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        var shownWhileWriting: [String] = []
        store.onWrite = { written in
            if written == count { shownWhileWriting.append(terminal.screen.text(ofRow: 29)) }
        }

        terminal.send(keys: "A")
        app.run(stopWhenIdle: true)
        terminal.send(keys: "u")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(shownWhileWriting.count, 2)
        XCTAssertTrue(
            shownWhileWriting.first?.hasPrefix(" marking \(count) stories read…") ?? false,
            "\(shownWhileWriting)")
        XCTAssertTrue(
            shownWhileWriting.last?.hasPrefix(" undoing the change of \(count) stories…") ?? false,
            "\(shownWhileWriting)")
        XCTAssertTrue(
            terminal.screen.text(ofRow: 29).hasPrefix(" undone: mark all read"),
            terminal.screen.text(ofRow: 29))

        // Below the number, nothing is said before the change.
        Reader.longChangeStories = count + 1
        shownWhileWriting = []
        terminal.send(keys: "A")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(shownWhileWriting.count, 1)
        XCTAssertFalse(shownWhileWriting[0].contains("marking"), shownWhileWriting[0])
    }
}
