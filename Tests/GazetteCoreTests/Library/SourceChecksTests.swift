import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A folder the reader opens has only its first files checked before the first screen; the
/// rest are checked by the indexing. Once it ends, the sources, their order, the stories and
/// the files skipped (with their warnings) must be those of the folder checked all at once.
final class SourceChecksTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-source-checks" }

    @discardableResult
    private func write(_ text: String, as name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func story(_ index: Int) -> String {
        DumpText.article(title: "Story \(index)", paragraphs: ["Body of story \(index)."])
    }

    /// A folder of news files with files that are not news among them, after the first
    /// ``SourceLoader/firstChecked`` news files too.
    private func mixedFolder(stories: Int = 40) throws -> String {
        let root = folder.appendingPathComponent("news").path
        for index in 0..<stories {
            let sub = index % 3 == 0 ? "sub\(index % 4)/" : ""
            try write(story(index), as: "news/\(sub)story-\(String(format: "%03d", index)).txt")
        }
        try write(FeedText.rssWithHTMLBodies(items: 3), as: "news/sub1/feed.xml")
        try write("", as: "news/story-010-empty.txt")
        try write("\n\n\n", as: "news/sub2/story-020-blank.txt")
        try write("{\"not\": \"a feed\"}", as: "news/story-030.json")
        try Data((0..<1024).map { UInt8($0 % 256) }).write(
            to: folder.appendingPathComponent("news/sub3/story-035.bin"))
        try write("# notes\n", as: "news/README.md")
        // The same file twice (through a link): shown once, as when checked at once.
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("news/sub3/story-039-again.txt").path,
            withDestinationPath: folder.appendingPathComponent("news/story-001.txt").path)
        return root
    }

    /// What `paths` show once indexed: the sources in order, the stories' ids, and the warnings.
    private struct Shown: Equatable {
        var sources: [String]
        var ids: [String]
        var warnings: [String]
    }

    private func openedAtOnce(_ paths: [String], standardInput: FileBytes? = nil) throws -> Shown {
        let result = try SourceLoader.open(paths: paths, skippingFailures: true, standardInput: standardInput)
        XCTAssertNil(result.unchecked)
        let catalog = ArticleCatalog.indexed(result.sources)
        return Shown(
            sources: catalog.sources.map(\.source.path), ids: catalog.entries.map(\.summary.id.rawValue),
            warnings: result.warnings)
    }

    /// What `paths` show opened by the reader, `meanwhile` done after its first screen.
    private func openedCheckingLater(
        _ paths: [String], standardInput: FileBytes? = nil, meanwhile: () throws -> Void = {}
    ) throws -> (Shown, BackgroundIndexer.Progress) {
        let result = try SourceLoader.open(
            paths: paths, skippingFailures: true, standardInput: standardInput, deferringChecks: true)
        try meanwhile()
        XCTAssertEqual(result.sources.count, SourceLoader.firstChecked, "only the first files are opened")
        let checks = try XCTUnwrap(result.unchecked)
        XCTAssertLessThan(checks.filesChecked, checks.filesTotal)
        let catalog = ArticleCatalog(sources: result.sources)
        let indexer = BackgroundIndexer(sources: result.sources, checks: checks) { _ in [:] }
        XCTAssertTrue(indexer.currentProgress.isChecking)
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        for batch in batches {
            catalog.add(batch.openedSources)
            catalog.append(batch.summaries, fromSource: batch.sourceIndex)
        }
        let shown = Shown(
            sources: catalog.sources.map(\.source.path), ids: catalog.entries.map(\.summary.id.rawValue),
            warnings: result.warnings + indexer.skippedWhileChecking)
        return (shown, progress)
    }

    func testAFolderCheckedWhileIndexingShowsWhatItShowsCheckedAtOnce() throws {
        let path = try mixedFolder()
        let atOnce = try openedAtOnce([path])
        let (later, progress) = try openedCheckingLater([path])
        XCTAssertEqual(later, atOnce)
        XCTAssertEqual(atOnce.sources.count, 41, "40 stories and the feed; the link to story 1 once")
        XCTAssertEqual(atOnce.warnings.count, 4, atOnce.warnings.joined(separator: "\n"))
        XCTAssertTrue(progress.finished)
        XCTAssertFalse(progress.isChecking)
        XCTAssertEqual(progress.filesChecked, progress.filesToCheck)
        XCTAssertEqual(progress.filesToCheck, 46)
        XCTAssertEqual(progress.bytesDone, progress.bytesTotal)
    }

    func testAFileFoundNotToBeNewsIsSkippedWithItsWarning() throws {
        let path = try mixedFolder()
        let (later, _) = try openedCheckingLater([path])
        let binary = folder.appendingPathComponent("news/sub3/story-035.bin").path
        XCTAssertFalse(later.sources.contains(binary))
        XCTAssertEqual(
            later.warnings.filter { $0.contains("story-035.bin") },
            ["skipped: '\(binary)' is not a news file (it looks like a binary file)"])
    }

    /// Files removed while the reader still checks the folder's files are left out without a
    /// word, as the folder read again leaves them: they were "skipped: cannot open …: No such
    /// file or directory", as if something were wrong with them.
    func testFilesRemovedBeforeTheyAreCheckedAreLeftOutWithoutAWord() throws {
        let path = try mixedFolder()
        let removed = ["story-025.txt", "sub3/story-027.txt"].map { path + "/" + $0 }
        let (later, _) = try openedCheckingLater([path]) {
            for file in removed { try FileManager.default.removeItem(atPath: file) }
        }
        let atOnce = try openedAtOnce([path])
        XCTAssertEqual(later, atOnce)
        XCTAssertEqual(atOnce.sources.count, 39)
        XCTAssertFalse(
            later.warnings.contains { $0.contains("story-025") || $0.contains("story-027") },
            "\(later.warnings)")
    }

    /// Standard input among the paths (`… | gazette folder/ -`) leaves the folder's files after
    /// the first to the indexing too, its story still after them: every file was checked
    /// before the first screen.
    func testStandardInputAmongThePathsLeavesTheFolderToTheIndexing() throws {
        let path = try mixedFolder()
        let given = FileBytes(bytes: Array(story(100).utf8))
        let (later, _) = try openedCheckingLater([path, "-"], standardInput: given)
        let atOnce = try openedAtOnce([path, "-"], standardInput: given)
        XCTAssertEqual(later, atOnce)
        XCTAssertEqual(atOnce.sources.last, "-")
    }

    /// A folder after another holding no news at all is one warning, its files' reasons in it.
    func testSeveralPathsCheckedWhileIndexingSkipTheSameFiles() throws {
        let path = try mixedFolder()
        try write("", as: "none/a.txt")
        try write("{}", as: "none/b.json")
        let none = folder.appendingPathComponent("none").path
        let named = try write(story(99), as: "named.txt")
        let missing = folder.appendingPathComponent("missing.txt").path
        let paths = [path, none, missing, named, path + "/story-002.txt"]
        let atOnce = try openedAtOnce(paths)
        let (later, _) = try openedCheckingLater(paths)
        XCTAssertEqual(later, atOnce)
        XCTAssertTrue(atOnce.warnings.contains { $0.hasPrefix("skipped: '\(none)'") }, "\(atOnce.warnings)")
        XCTAssertEqual(atOnce.sources.last, named, "story 2 named again is shown once")
    }

    /// A folder of fewer files than are checked at first is checked at once.
    func testASmallFolderIsCheckedAtOnce() throws {
        for index in 0..<5 { try write(story(index), as: "few/\(index).txt") }
        let result = try SourceLoader.open(
            paths: [folder.appendingPathComponent("few").path], deferringChecks: true)
        XCTAssertEqual(result.sources.count, 5)
        XCTAssertNil(result.unchecked)
    }

    /// A search running while files are checked finds stories of the sources that join later.
    func testASearchWhileFilesAreCheckedSearchesTheSourcesThatJoin() throws {
        let path = try mixedFolder()
        let result = try SourceLoader.open(paths: [path], deferringChecks: true)
        let indexer = BackgroundIndexer(sources: result.sources, checks: result.unchecked) { _ in [:] }
        let reader = Reader(
            catalog: ArticleCatalog(sources: result.sources),
            tracker: try ReadingTracker(store: InMemoryReadingStateStore(), ids: []), width: 80, height: 24)
        reader.beginIndexing(indexer.currentProgress)
        reader.search(for: "story")
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        reader.absorb(batches, progress: progress)
        let deadline = Date().addingTimeInterval(30)
        while reader.searchProgress != nil && Date() < deadline {
            reader.absorbSearch()
            usleep(2000)
        }
        XCTAssertEqual(reader.catalog.sources.count, 41)
        XCTAssertEqual(
            reader.visible.count, 43, "every story, of the files checked later too (40 dumps, 3 items)")
    }

    /// The files are checked on a thread of their own, ahead of the indexing that takes them.
    func testFilesAreCheckedAheadOfTheIndexingInOrder() throws {
        let path = try mixedFolder()
        let result = try SourceLoader.open(paths: [path], deferringChecks: true)
        let checks = try XCTUnwrap(result.unchecked)
        let left = checks.filesTotal - checks.filesChecked + 1  // and the folder's end
        let ahead = CheckAhead(checks)
        defer { ahead.stop() }
        let deadline = Date().addingTimeInterval(30)
        while ahead.waiting < left && Date() < deadline { usleep(1000) }
        XCTAssertEqual(ahead.waiting, left, "every step checked before any is taken")
        var opened = result.sources.map(\.source.path)
        var warnings = result.warnings
        while let checked = ahead.next() {
            if let source = checked.opened { opened.append(source.source.path) }
            warnings += checked.warnings
        }
        let atOnce = try openedAtOnce([path])
        XCTAssertEqual(opened, atOnce.sources)
        XCTAssertEqual(warnings, atOnce.warnings)
    }
}
