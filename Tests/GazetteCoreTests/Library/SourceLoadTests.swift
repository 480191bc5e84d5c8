import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Memory follows the bytes opened together, not each file's size: many small feeds that
/// are as big as one big feed are kept as it is (mapped, bodies parsed again when needed),
/// and read the same as each file opened alone.
final class SourceLoadTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-source-load" }

    /// A folder `name` of `count` Atom feeds of `entries` entries of about 2.7 KiB each.
    private func feeds(_ count: Int, entries: Int, in name: String) throws -> String {
        let root = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for index in 1...count {
            let text = FeedText.atom(entries: entries, title: "Feed \(index)", authors: true) {
                400 + ($0 * 37 + index) % 200
            }
            try Data(text.utf8).write(to: root.appendingPathComponent("feed-\(index).atom"))
        }
        return root.path
    }

    /// How many of a source's items the index kept with their bodies, and its summaries.
    private func keptBodies(_ source: OpenedSource) -> (kept: Int, summaries: [ArticleSummary]) {
        let summaries = source.indexAll()
        return (summaries.compactMap(source.keptBody).filter { !$0.isEmpty }.count, summaries)
    }

    func testManySmallFeedsAsBigAsABigFeedKeepNoBodies() throws {
        let path = try feeds(10, entries: 340, in: "big")
        let sources = try SourceLoader.open(paths: [path]).sources
        XCTAssertEqual(sources.count, 10)
        let total = sources.reduce(0) { $0 + $1.bytes.count }
        XCTAssertGreaterThanOrEqual(total, OpenedSource.bodiesOnDemandSize, "the load is big")
        for (index, source) in sources.enumerated() {
            let name = source.source.path
            XCTAssertLessThan(source.bytes.count, FileBytes.mappingThreshold, name)
            XCTAssertTrue(source.bytes.isMapped, "its pages can be given back: \(name)")
            let (kept, summaries) = keptBodies(source)
            XCTAssertEqual(summaries.count, 340, name)
            // Only the first file's first screen keeps its bodies.
            XCTAssertEqual(kept, index == 0 ? OpenedSource.bodiesKeptAtStart : 0, name)
            // Opened alone, the same file keeps them all; its stories are the same, ids and all.
            let alone = try SourceLoader.openFile(name)
            XCTAssertFalse(alone.bytes.isMapped, name)
            let (keptAlone, summariesAlone) = keptBodies(alone)
            XCTAssertEqual(keptAlone, 340, name)
            XCTAssertEqual(summaries, summariesAlone, name)
            for position in [0, 100, 200, 339, 150] {
                XCTAssertEqual(
                    source.article(summaries[position]), alone.article(summariesAlone[position]),
                    "\(name) \(position)")
            }
        }
    }

    func testAFewSmallFeedsKeepTheirBodiesAndAreRead() throws {
        let path = try feeds(3, entries: 40, in: "small")
        let sources = try SourceLoader.open(paths: [path]).sources
        XCTAssertEqual(sources.count, 3)
        for source in sources {
            XCTAssertFalse(source.bytes.isMapped, "read whole, as before")
            XCTAssertEqual(keptBodies(source).kept, 40, "every body kept: shown at once")
        }
    }

    func testASearchThroughTheLoadKeepsOneBudgetOfBodies() throws {
        // 10 feeds of 0.9 MB: each kept up to 512 items parsed again, 9 MB in all.
        let path = try feeds(10, entries: 340, in: "searched")
        let sources = try SourceLoader.open(paths: [path]).sources
        XCTAssertEqual(sources.count, 10)
        var summaries: [[ArticleSummary]] = []
        var work: [SearchJob.Work] = []
        for (index, source) in sources.enumerated() {
            summaries.append(source.indexAll())
            for summary in summaries[index] {
                work.append((work.count, CatalogEntry(sourceIndex: index, summary: summary)))
            }
        }
        XCTAssertEqual(work.count, 3400)
        // No story has the word: every body is parsed again and looked through.
        let job = SearchJob(query: SearchQuery("zqxjv"), sources: sources)
        job.enqueue(work)
        XCTAssertEqual(job.waitForAll(), [])
        let kept = sources.map(\.rereadItemsBytes)
        XCTAssertGreaterThan(kept.reduce(0, +), 0, "what was parsed last is kept")
        XCTAssertLessThanOrEqual(kept.reduce(0, +), RereadCache.defaultBudget, "\(kept)")
        // A story is read the same, from the cache or parsed again.
        let alone = try SourceLoader.openFile(sources[9].source.path)
        let aloneSummaries = alone.indexAll()
        for position in [339, 338, 0] {
            XCTAssertEqual(
                sources[9].article(summaries[9][position]), alone.article(aloneSummaries[position]),
                "\(position)")
        }
    }

    func testNamedFilesCountInTheLoad() throws {
        // The same files named one by one, not as a folder: the load is theirs all the same.
        let path = try feeds(10, entries: 340, in: "named")
        let files = (1...10).map { "\(path)/feed-\($0).atom" }
        let sources = try SourceLoader.open(paths: files).sources
        XCTAssertEqual(sources.count, 10)
        XCTAssertTrue(sources.allSatisfy(\.bytes.isMapped))
        XCTAssertEqual(keptBodies(sources[9]).kept, 0)
    }
}
