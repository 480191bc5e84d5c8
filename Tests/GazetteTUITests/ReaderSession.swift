import Foundation
import GazetteCore
import GazetteTUI
import TestSupport

/// A reader on an in-memory terminal for screen tests: keys and events in, the grid's rows out.
class ReaderSession {
    let app: ReaderApp
    let terminal: MemoryTerminal
    let store: InMemoryReadingStateStore

    init(app: ReaderApp, terminal: MemoryTerminal, store: InMemoryReadingStateStore) {
        self.app = app
        self.terminal = terminal
        self.store = store
    }

    /// The file at `path` indexed whole, shown at `width`x`height` with the clock fixed, its first
    /// screen drawn.
    convenience init(
        _ path: URL, width: Int, height: Int, states: [ArticleID: ArticleState] = [:]
    ) throws {
        try self.init(paths: [path], width: width, height: height, states: states)
    }

    /// The files at `paths` indexed whole, as ``init(_:width:height:states:)`` shows one.
    convenience init(
        paths: [URL], width: Int, height: Int, states: [ArticleID: ArticleState] = [:]
    ) throws {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: paths.map(\.path)).sources)
        let store = InMemoryReadingStateStore(states: states)
        let tracker = try ReadingTracker(store: store, ids: catalog.entries.map(\.summary.id)) {
            Date(timeIntervalSince1970: 1_700_000_000)
        }
        let reader = Reader(catalog: catalog, tracker: tracker, width: width, height: height)
        let terminal = MemoryTerminal(width: width, height: height)
        let app = ReaderApp(
            reader: reader, terminal: terminal, failure: WaitingTurnPause.check(reader, terminal))
        app.run(stopWhenIdle: true)
        self.init(app: app, terminal: terminal, store: store)
    }

    var reader: Reader { app.reader }
    var catalog: ArticleCatalog { app.reader.catalog }

    /// Sends events and runs the loop until they are used up.
    func send(_ events: [InputEvent]) {
        terminal.send(events)
        app.run(stopWhenIdle: true)
    }

    /// Sends keys typed as text and runs the loop until they are used up.
    func send(keys: String) {
        terminal.send(keys: keys)
        app.run(stopWhenIdle: true)
    }

    /// Sends keys typed as text and runs the loop until they are used up and searching is done.
    func keys(_ text: String) {
        terminal.send(keys: text)
        settle()
    }

    /// Runs the loop until no event is left and no search or indexing is running.
    func settle() {
        repeat {
            app.run(stopWhenIdle: true)
        } while reader.searchProgress != nil || reader.indexing != nil
    }

    /// The screen's rows.
    var rows: [String] { terminal.screen.lines }
    /// The screen as the snapshot files hold it.
    var screen: String { terminal.screen.lines.joined(separator: "\n") }
    /// The screen framed by line breaks, for failure messages.
    var screenText: String { "\n" + screen + "\n" }
    /// The title bar.
    var titleBar: String { terminal.screen.text(ofRow: 0) }
    /// The status line (or the prompt).
    var statusLine: String { terminal.screen.text(ofRow: terminal.screen.height - 1) }

    /// Catalog positions whose whole article matches `text`, as `SearchQuery` decides (with
    /// its source's name, when several sources are open and the rows show it).
    func expectedMatches(_ text: String) -> [Int] {
        let query = SearchQuery(text)
        let catalog = catalog
        return catalog.entries.indices.filter { position in
            let name =
                catalog.sources.count > 1 ? catalog.source(of: catalog.entries[position]).displayName : nil
            return catalog.article(at: position).map { query.matches($0, sourceName: name) } ?? false
        }
    }
}
