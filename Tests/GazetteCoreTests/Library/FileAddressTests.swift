import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `gazette list file:///path/feed.xml` said "No such file or directory" of a file that is
/// there (found by QA): a `file:` address opens the file it names.
final class FileAddressTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-file-address" }

    func testAFileAddressIsThePathItNames() {
        XCTAssertEqual(FileAddress.path(of: "file:///tmp/feed.xml"), "/tmp/feed.xml")
        XCTAssertEqual(FileAddress.path(of: "file://localhost/tmp/feed.xml"), "/tmp/feed.xml")
        XCTAssertEqual(FileAddress.path(of: "FILE://LocalHost/tmp/feed.xml"), "/tmp/feed.xml")
        XCTAssertEqual(FileAddress.path(of: "file:/tmp/feed.xml"), "/tmp/feed.xml")
        XCTAssertEqual(FileAddress.path(of: "file:///tmp/my%20news/caf%C3%A9.txt"), "/tmp/my news/café.txt")
        XCTAssertEqual(FileAddress.path(of: "file:///tmp/a%23b.xml#part"), "/tmp/a#b.xml")
        for other in [
            "file://server/share/feed.xml", "file:feed.xml", "file:", "/tmp/feed.xml", "feed.xml",
            "https://example.com/feed.xml", "file:///tmp/%zz.xml", "file:///tmp/a%00b.xml",
        ] {
            XCTAssertNil(FileAddress.path(of: other), other)
        }
    }

    func testAFileAddressOpensItsFile() throws {
        let path = folder.appendingPathComponent("my news.txt").path
        try DumpText.article(title: "Story", paragraphs: ["Text."]).write(
            toFile: path, atomically: true, encoding: .utf8)
        let address = "file://" + path.replacingOccurrences(of: " ", with: "%20")
        for named in [address, "file://localhost" + path.replacingOccurrences(of: " ", with: "%20")] {
            let result = try SourceLoader.open(paths: [named])
            XCTAssertEqual(result.sources.map(\.source.path), [path], named)
            XCTAssertEqual(result.sources.first?.indexAll().count, 1)
        }
        // A missing one is told by its path.
        let missing = folder.appendingPathComponent("gone.xml").path
        XCTAssertThrowsError(try SourceLoader.open(paths: ["file://" + missing])) { error in
            XCTAssertEqual(
                error as? SourceError, .cannotOpen(path: missing, reason: "No such file or directory"))
        }
    }

    /// A feed's address in a feed reader's form is a web address, told how to read it.
    func testAFeedAddressIsAWebAddress() {
        for address in ["feed://example.com/rss", "feed:https://example.com/rss", "FEED://example.com/rss"] {
            XCTAssertThrowsError(try SourceLoader.open(paths: [address])) { error in
                XCTAssertEqual(
                    (error as? SourceError)?.message,
                    "cannot open '\(address)': Gazette reads files, not web addresses; "
                        + "pipe it in: curl -s ADDRESS | gazette -")
            }
        }
    }
}
