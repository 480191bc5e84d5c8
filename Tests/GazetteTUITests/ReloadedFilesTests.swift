import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import GazetteTUI

/// What `R` says of the files of a folder that went, broke or were skipped. A file skipped at
/// the opening was told again at every `R`, which pushed the message to its short form,
/// "R: 2 stories gone", naming no file (found by QA in a folder of a dump, a feed and an empty
/// file).
final class ReloadedFilesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-reloaded-files" }

    /// The sizes the status line is checked at, with the row it is on.
    private let sizes = [(width: 80, height: 24), (width: 40, height: 12), (width: 120, height: 40)]

    /// QA's folder: the sample dump (2 stories), a real Atom feed (20 stories), and an empty
    /// file, skipped from the start.
    private func qaFolder() throws -> URL {
        let news = folder.appendingPathComponent("r-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.sample, to: news.appendingPathComponent("f_sample.txt"))
        try FileManager.default.copyItem(
            at: Fixtures.feeds.appendingPathComponent("miniflux/small_atom.xml"),
            to: news.appendingPathComponent("b_atom.xml"))
        try Data().write(to: news.appendingPathComponent("j_empty.txt"))
        return news
    }

    /// An app over the folder `news` on a memory terminal of `width`x`height`, opened and read
    /// again as the reader does: a file that is not news is skipped with a warning, told on the
    /// status line at the opening.
    private func app(over news: URL, width: Int, height: Int) throws -> (ReaderApp, MemoryTerminal) {
        let (app, terminal) = try app(
            overNamed: [news.path], width: width, height: height, tellingSkipped: true)
        XCTAssertEqual(
            terminal.screen.text(ofRow: height - 1),
            TextTruncation.truncate(
                " skipped: 'j_empty.txt' is empty: there are no articles to show", width: width - 1),
            "the empty file is told at the opening")
        return (app, terminal)
    }

    /// The status row after `R`.
    private func statusAfterReload(_ app: ReaderApp, _ terminal: MemoryTerminal) -> String {
        terminal.send(keys: "R")
        app.run(stopWhenIdle: true)
        return terminal.screen.text(ofRow: terminal.size.height - 1)
    }

    /// A file deleted is named; the empty file, skipped at the opening, is not told again.
    func testAFileGoneIsNamedAndTheFileSkippedFromTheStartIsNotToldAgain() throws {
        let expected = [
            " reloaded: 2 stories gone; gone: f_sample.txt", " R: 2 stories gone; gone: f_sample.txt",
            " reloaded: 2 stories gone; gone: f_sample.txt",
        ]
        for (size, status) in zip(sizes, expected) {
            let news = try qaFolder()
            let (app, terminal) = try app(over: news, width: size.width, height: size.height)
            try FileManager.default.removeItem(at: news.appendingPathComponent("f_sample.txt"))
            XCTAssertEqual(statusAfterReload(app, terminal), status, "\(size)")
            XCTAssertEqual(statusAfterReload(app, terminal), " reloaded", "\(size): nothing changed")
            // Help still lists the file skipped.
            XCTAssertTrue(app.reader.loadNotes.contains { $0.contains("j_empty.txt") }, "\(size)")
        }
    }

    /// A file named alone and deleted is gone, as a folder's file is: it was "skipped: cannot
    /// open 'b.txt': No such file or directory", which pushed the message to its short form at
    /// 80 columns, "R: 3 stories gone; skipped: b.txt" (found by QA).
    func testANamedFileDeletedIsGoneNotSkipped() throws {
        let expected = [
            " reloaded: 3 stories gone; gone: b.txt", " reloaded: 3 stories gone; gone: b.txt",
            " reloaded: 3 stories gone; gone: b.txt",
        ]
        for (size, status) in zip(sizes, expected) {
            let news = folder.appendingPathComponent("n-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
            let paths = [
                news.appendingPathComponent("a.txt").path, news.appendingPathComponent("b.txt").path,
            ]
            try FileManager.default.copyItem(at: Fixtures.sample, to: URL(fileURLWithPath: paths[0]))
            let stories = (1...3).map { DumpText.article(title: "Story \($0)", paragraphs: ["Told \($0)."]) }
            try Data(stories.joined(separator: "\n\n\n").utf8).write(to: URL(fileURLWithPath: paths[1]))
            let (app, terminal) = try app(overNamed: paths, width: size.width, height: size.height)
            try FileManager.default.removeItem(atPath: paths[1])
            XCTAssertEqual(statusAfterReload(app, terminal), status, "\(size)")
            XCTAssertFalse(app.reader.loadNotes.contains { $0.contains("b.txt") }, "\(app.reader.loadNotes)")
        }
    }

    /// An app over the files `paths`, named alone, on a memory terminal, read again as the
    /// reader does; with `tellingSkipped`, the files skipped at the opening are told on the
    /// status line, as the reader tells them.
    private func app(overNamed paths: [String], width: Int, height: Int, tellingSkipped: Bool = false) throws
        -> (ReaderApp, MemoryTerminal)
    {
        let opened = try SourceLoader.open(paths: paths, skippingFailures: true)
        let store = InMemoryReadingStateStore()
        let reader = Reader(
            catalog: ArticleCatalog(sources: opened.sources),
            tracker: try ReadingTracker(store: store, ids: []),
            width: width, height: height)
        let indexer = BackgroundIndexer(sources: opened.sources) { ids in store.states(for: ids) }
        indexer.runToEnd()
        reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
        if tellingSkipped {
            if let message = ReaderApp.skippedMessage(opened.warnings) { reader.report(message: message) }
            reader.addLoadNotes(opened.warnings)
        }
        let terminal = MemoryTerminal(width: width, height: height)
        let app = ReaderApp(
            reader: reader, terminal: terminal, indexer: indexer,
            reload: {
                let again = try SourceLoader.open(paths: paths, skippingFailures: true, rereading: true)
                return ReaderApp.Reloaded(
                    catalog: ArticleCatalog(sources: again.sources),
                    indexer: BackgroundIndexer(sources: again.sources) { ids in store.states(for: ids) },
                    skipped: again.warnings)
            })
        if tellingSkipped { app.skippedAtOpening = opened.warnings }
        app.run(stopWhenIdle: true)
        return (app, terminal)
    }

    /// A feed replaced by a broken one is named in the short form (its reason is too long to
    /// fit), cut with "…" where it must be; skipped again at the next `R`, it is not told again.
    func testAFeedThatBrokeIsNamedInTheShortForm() throws {
        let expected = [
            " R: 20 stories gone; skipped: b_atom.xml", " R: 20 stories gone; skipped: b_atom.x…",
            " R: 20 stories gone; skipped: b_atom.xml",
        ]
        for (size, status) in zip(sizes, expected) {
            let news = try qaFolder()
            let (app, terminal) = try app(over: news, width: size.width, height: size.height)
            try Data("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Broken".utf8)
                .write(to: news.appendingPathComponent("b_atom.xml"))
            XCTAssertEqual(statusAfterReload(app, terminal), status, "\(size)")
            XCTAssertEqual(statusAfterReload(app, terminal), " reloaded", "\(size): skipped again, not told")
        }
    }

    /// A file emptied is newly skipped: told whole where it fits, else named in the short form.
    func testAFileEmptiedIsNamed() throws {
        let expected = [
            " R: 2 stories gone; skipped: f_sample.txt", " R: 2 stories gone; skipped: f_sample.…",
            " reloaded: 2 stories gone; skipped: 'f_sample.txt' is empty: there are no articles to show",
        ]
        for (size, status) in zip(sizes, expected) {
            let news = try qaFolder()
            let (app, terminal) = try app(over: news, width: size.width, height: size.height)
            try Data().write(to: news.appendingPathComponent("f_sample.txt"))
            XCTAssertEqual(statusAfterReload(app, terminal), status, "\(size)")
        }
    }

    /// A file skipped before for one reason and now for another is told; one skipped for the
    /// same reason is not; one skipped by an `R` and readable since, skipped again, is told.
    func testAFileIsToldAgainOnlyWhenSkippedForAnotherReason() {
        let empty = "skipped: '/r/j.txt' is empty: there are no articles to show"
        let broken = "skipped: '/r/j.txt' is not a news file (unreadable feed)"
        let same = ReloadedFiles(before: [], after: [], skipped: [empty], skippedBefore: [empty])
        XCTAssertEqual(same.notes(after: nil), [])
        XCTAssertNil(same.shortNote)
        let other = ReloadedFiles(before: [], after: [], skipped: [broken], skippedBefore: [empty])
        XCTAssertEqual(other.notes(after: nil), ["skipped: 'j.txt' is not a news file (unreadable feed)"])
        XCTAssertEqual(other.shortNote, "skipped: j.txt")
        var later = ReloadedFiles(
            before: ["/r/a.txt", "/r/b.txt"], after: [], skipped: [], skippedBefore: [empty])
        later.addSkipped([empty, broken])
        XCTAssertEqual(later.shortNote, "2 files gone; the first: a.txt", "the files gone come first")
        XCTAssertEqual(
            later.notes(after: "a story lost"),
            [
                "a story lost", "2 files gone; the first: a.txt",
                "skipped: 'j.txt' is not a news file (unreadable feed)",
            ])
    }

    /// Counts too long to leave room for a name show whole, without it ("…; gone: …" cut
    /// them); a name shows cut once its label and a few letters fit.
    func testTheCountsComeBeforeTheName() {
        let status = ReaderApp.reloadedStatus(
            "reloaded; gone: a-long-file-name.txt", changed: ": 1 new, 1 back, 1 changed, 1 gone",
            shortNote: "gone: a-long-file-name.txt")
        XCTAssertEqual(status.fitting(StatusMessage.shortWidth), "R: 1 new, 1 back, 1 changed, 1 gone")
        XCTAssertEqual(status.fitting(47), "R: 1 new, 1 back, 1 changed, 1 gone; gone: a-l…")
        XCTAssertEqual(status.fitting(46), "R: 1 new, 1 back, 1 changed, 1 gone")
        XCTAssertEqual(
            status.fitting(69), "R: 1 new, 1 back, 1 changed, 1 gone; gone: a-long-file-name.txt")
        XCTAssertEqual(
            status.fitting(80), "reloaded: 1 new, 1 back, 1 changed, 1 gone; gone: a-long-file-name.txt")
    }
}
