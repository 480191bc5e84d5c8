import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// Files of a folder named again, alone or in another set, resume at the story selected last
/// among them, whichever order they come in: they resumed at the first file's place, stored
/// only because the folder opened on it or `G` passed by it (QA, a folder of feeds and dumps).
final class ResumeAtLastPlaceScreenTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-resume-last-place" }

    private var news: URL { folder.appendingPathComponent("news") }
    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }
    /// One clock for every run, a second further on at each reading.
    private var seconds: TimeInterval = 1_700_000_000

    override func setUpWithError() throws {
        try super.setUpWithError()
        let sub = news.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let rss = (1...4).map { "<item><guid>a\($0)</guid><title>A story \($0)</title></item>" }
        try write(
            "<rss version=\"2.0\"><channel><title>A</title>\(rss.joined())</channel></rss>", to: "a_rss.xml")
        try write(atom("B", count: 3), to: "b_atom.xml")
        let items = (1...5).map {
            "{\"id\": \"c\($0)\", \"title\": \"C story \($0)\", \"content_text\": \"Text.\"}"
        }
        try write(
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"C\", \"items\": [\(items.joined(separator: ","))]}",
            to: "c_feed.json")
        try write(atom("K", count: 3), to: "sub/k_atom.xml")
    }

    private func atom(_ name: String, count: Int) -> String {
        let entries = (1...count).map {
            "<entry><id>urn:\(name.lowercased()):\($0)</id><title>\(name) story \($0)</title></entry>"
        }
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>\(name)</title>\(entries.joined())</feed>"
    }

    private func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: news.appendingPathComponent(name))
    }

    /// A reader over `names` (in `news`; "" is the folder) as `gazette` opens one, on an in-memory
    /// terminal at 80x24: its first screen drawn, then `keys` typed, then quit.
    @discardableResult
    private func run(_ names: [String], keys: [String] = []) throws -> (position: String?, title: String?) {
        try run(
            paths: names.map { $0.isEmpty ? news.path : news.appendingPathComponent($0).path }, keys: keys)
    }

    /// A reader over `paths` as named (see ``run(_:keys:)``).
    @discardableResult
    private func run(paths: [String], keys: [String] = []) throws -> (position: String?, title: String?) {
        let sources = try SourceLoader.open(paths: paths, skippingFailures: true).sources
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        let session = sources.count > 1 ? SessionKey.of(paths: paths) : nil
        let tracker = try ReadingTracker(store: store, ids: []) { [unowned self] in
            seconds += 1
            return Date(timeIntervalSince1970: seconds)
        }
        let reader = Reader(
            catalog: ArticleCatalog.indexed(sources), tracker: tracker, width: 80, height: 24,
            resuming: try store.newestRememberedSelection(
                inSources: SessionKey.placesToResume(session: session, sources: sources)),
            sessionKey: session)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        let first = (Self.position(terminal.screen.lines), reader.selectedEntry?.summary.title)
        for typed in keys {
            terminal.send(keys: typed)
            app.run(stopWhenIdle: true)
        }
        terminal.send(keys: "q")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(reader.isFinished)
        return first
    }

    /// The divider's "N/M".
    private static func position(_ rows: [String]) -> String? {
        for row in rows where row.hasPrefix("─") {
            return row.split(separator: " ").first { $0.contains("/") }.map(String.init)
        }
        return nil
    }

    func testTwoFilesResumeAtTheStoryLastSelectedInEitherOrder() throws {
        XCTAssertEqual(try run([""], keys: ["10\r"]).position, "1/15")
        XCTAssertEqual(try run([""]).title, "C story 3", "the folder goes back to its place")
        // a_rss.xml's place is story 1, stored because the folder opened on it.
        XCTAssertEqual(try run(["a_rss.xml", "c_feed.json"]).position, "7/9")
        XCTAssertEqual(try run(["c_feed.json", "a_rss.xml"]).position, "3/9")
        XCTAssertEqual(try run(["a_rss.xml", "c_feed.json"]).title, "C story 3")
    }

    func testAStoryOnlyPassedByGoingToTheEndIsNotResumedOverTheOneSelectedAfter() throws {
        try run([""], keys: ["G", "10\r"])
        let resumed = try run(["sub", "c_feed.json", "b_atom.xml"])
        XCTAssertEqual(resumed.position, "6/11", "sub's 3 stories, then c_feed.json's")
        XCTAssertEqual(resumed.title, "C story 3")

        // Once the reader moves in another set, that place is the last.
        try run(["a_rss.xml"], keys: ["j"])
        XCTAssertEqual(try run(["c_feed.json", "a_rss.xml"]).title, "A story 2")
        XCTAssertEqual(try run(["", "b_atom.xml"]).title, "A story 2", "named with the folder too")
    }

    /// A folder named as a `file:` address resumes where it was left named by its path, and
    /// back: its session's key took the address for a path in the current folder, and a place
    /// in a file past the first eight (whose own keys are looked at too) was lost.
    func testAFileAddressResumesWhereItsPathWasLeft() throws {
        let many = folder.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
        for index in 1...10 {
            try Data(atom("F\(index)", count: 1).utf8).write(
                to: many.appendingPathComponent(String(format: "f%02d.xml", index)))
        }
        let address = "file://" + many.path
        try run(paths: [many.path], keys: ["10\r"])
        XCTAssertEqual(try run(paths: [address]).title, "F10 story 1")
        try run(paths: [address], keys: ["9\r"])
        XCTAssertEqual(try run(paths: [many.path]).title, "F9 story 1")
        XCTAssertEqual(try run(paths: ["file://localhost" + many.path + "/"]).title, "F9 story 1")
        XCTAssertEqual(try run(paths: [many.path + "/./../many"]).title, "F9 story 1")
    }
}
