import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import GazetteTUI

/// A search across `R`: the `/` prompt's ↑ brings back the searches typed before it (the reader
/// over the files read again started with none), and `R` during a search says what it did as
/// it does without one (found by QA).
final class SearchAcrossReloadScreenTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-search-reload" }

    /// An 80x24 app over the sample copied into the folder (or `text` written there), `R`
    /// reading it again.
    private func app(_ text: String? = nil) throws -> (ReaderApp, MemoryTerminal) {
        let url = folder.appendingPathComponent("news.txt")
        if let text {
            try Data(text.utf8).write(to: url)
        } else {
            try FileManager.default.copyItem(at: Fixtures.sample, to: url)
        }
        let opened = try SourceLoader.open(paths: [url.path])
        let store = InMemoryReadingStateStore()
        let reader = Reader(
            catalog: ArticleCatalog(sources: opened.sources),
            tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: opened.sources) { ids in store.states(for: ids) }
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(
            reader: reader, terminal: terminal, indexer: indexer,
            reload: {
                let again = try SourceLoader.open(paths: [url.path], rereading: true)
                return ReaderApp.Reloaded(
                    catalog: ArticleCatalog(sources: again.sources),
                    indexer: BackgroundIndexer(sources: again.sources) { ids in store.states(for: ids) })
            })
        app.run(stopWhenIdle: true)
        return (app, terminal)
    }

    /// Runs the loop until the events sent are used up and no search or indexing runs.
    private func settle(_ app: ReaderApp) {
        repeat {
            app.run(stopWhenIdle: true)
        } while app.reader.searchProgress != nil || app.reader.indexing != nil
    }

    func testUpBringsBackTheSearchesTypedBeforeReload() throws {
        let (app, terminal) = try app()
        for search in ["ransom", "exports"] {
            terminal.send(keys: "/" + search + "\r")
            settle(app)
            terminal.send(keys: "\u{1B}")
            settle(app)
        }
        XCTAssertNil(app.reader.query)
        terminal.send(keys: "R")
        settle(app)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded")
        terminal.send(keys: "/")
        terminal.send([.key(.up)])
        settle(app)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " /exports")
        terminal.send([.key(.up)])
        settle(app)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " /ransom")
    }

    /// `R` during a search says "reloaded" as it does without one: the reader over the files
    /// read again took the screen once its search found the story, after indexing ended, and
    /// nothing was said. The story searched for is the last of many, for the search to end last.
    func testReloadDuringASearchSaysSo() throws {
        let text = (1...3_000).map { number in
            DumpText.article(
                title: "Story \(number)",
                paragraphs: [
                    "The river ran on past the town \(number) " + (number == 3_000 ? "and the otters." : ".")
                ])
        }.joined(separator: "\n\n\n")
        let (app, terminal) = try app(text)
        terminal.send(keys: "/otters\r")
        settle(app)
        XCTAssertEqual(app.reader.visible.count, 1)
        terminal.send(keys: "R")
        settle(app)
        XCTAssertEqual(app.reader.query?.text, "otters")
        XCTAssertEqual(app.reader.visible.count, 1)
        XCTAssertEqual(terminal.screen.text(ofRow: 23), " reloaded")
    }
}
