import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A feed the reader opens alone is checked and named by its indexing (which reads its title
/// and first item anyway), not by a parse of its start on the screen's thread first: the name
/// and the errors must be those the check at opening gives.
final class SourceCheckedLaterTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-checked-later" }

    /// Opening `path` as the reader does: checked by its indexing, then finished.
    private func openCheckedLater(_ path: String) -> Result<String, SourceError> {
        Result { () throws(SourceError) -> String in
            let opened = try SourceLoader.openFile(path, checkingFeedLater: true)
            let indexer = BackgroundIndexer(sources: [opened], firstScreenRows: 12) { _ in [:] }
            indexer.start()
            defer { indexer.cancel() }
            let found = opened.isCheckedLater ? indexer.waitForFirstStory(seconds: 60) == true : true
            try opened.finishFeedCheck(firstItemFound: found)
            return opened.source.displayName
        }
    }

    private func openChecked(_ path: String) -> Result<String, SourceError> {
        Result { () throws(SourceError) -> String in
            try SourceLoader.openFile(path).source.displayName
        }
    }

    private func write(_ text: String, as name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testOnlyXMLFeedsAreCheckedLater() throws {
        let rss = try write(FeedText.rssWithHTMLBodies(items: 2), as: "a.xml")
        XCTAssertTrue(try SourceLoader.openFile(rss, checkingFeedLater: true).isCheckedLater)
        XCTAssertFalse(try SourceLoader.openFile(rss).isCheckedLater)
        let dump = try write(DumpText.article(title: "T", paragraphs: ["P."]), as: "d.txt")
        XCTAssertFalse(try SourceLoader.openFile(dump, checkingFeedLater: true).isCheckedLater)
        let json = Fixtures.feeds.appendingPathComponent("feedparser/example.json").path
        XCTAssertFalse(try SourceLoader.openFile(json, checkingFeedLater: true).isCheckedLater)
    }

    func testAFeedIsNamedByItsTitleOnceChecked() throws {
        let text = FeedText.rssWithHTMLBodies(items: 30).replacingOccurrences(
            of: "<title>F</title>", with: "<title>Morning &amp; Evening</title>")
        let path = try write(text, as: "feed.xml")
        let opened = try SourceLoader.openFile(path, checkingFeedLater: true)
        XCTAssertEqual(opened.source.displayName, "feed.xml", "named by the file until checked")
        XCTAssertEqual(openCheckedLater(path), .success("Morning & Evening"))
        let atom = try write(FeedText.atom(entries: 3, title: "Atom news"), as: "atom.xml")
        XCTAssertEqual(openCheckedLater(atom), .success("Atom news"))
    }

    func testAFeedWithoutItemsOrBrokenBeforeThemFailsAsAtOpening() throws {
        let cases = [
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Empty</title></channel></rss>",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>x</ti",
            "<rss><channel><item><title>Titled after its items</title></item><title>Late</title></channel></rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>No entries</title></feed>",
            "<rss><channel><title>Bad &undefined; entity</title><item><title>a</title></item></channel></rss>",
        ]
        for (index, text) in cases.enumerated() {
            let path = try write(text, as: "case\(index).xml")
            XCTAssertEqual(openCheckedLater(path), openChecked(path), text)
        }
        let empty = try write(cases[0], as: "empty.xml")
        XCTAssertEqual(openCheckedLater(empty), .failure(.noArticles(path: empty)))
    }

    /// A feed cut short inside its only item says why it holds nothing (it said only "holds no
    /// articles"), opened either way.
    func testAFeedWhoseOnlyItemIsCutShortSaysSo() throws {
        let path = try write(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Cut</title>\n<item><title>Only o",
            as: "cut.xml")
        for result in [openCheckedLater(path), openChecked(path)] {
            guard case .failure(let error) = result else { return XCTFail("\(result)") }
            XCTAssertEqual(
                error.message,
                "'\(path)' holds no articles: the file ends inside an item at line 3; that item is lost")
        }
    }

    func testEveryRealWorldFeedIsNamedAsAtOpening() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.feeds.path)
            .filter { !$0.hasSuffix(".md") }.sorted()
        XCTAssertGreaterThan(files.count, 40)
        for file in files + (try FileManager.default.contentsOfDirectory(atPath: Fixtures.fuzzFindings.path))
        {
            let path =
                files.contains(file)
                ? Fixtures.feeds.appendingPathComponent(file).path
                : Fixtures.fuzzFindings.appendingPathComponent(file).path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            XCTAssertEqual(openCheckedLater(path), openChecked(path), file)
        }
    }
}
