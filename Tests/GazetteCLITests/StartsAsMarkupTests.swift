import XCTest

@testable import gazette

/// The guess, from a file's first bytes, of whether it is an XML feed, which decides on which
/// thread the reader opens an existing state file (on the screen's, for a feed named alone).
final class StartsAsMarkupTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("starts-as-markup-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func file(_ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent("f\(UUID())")
        try Data(bytes).write(to: url)
        return url.path
    }

    func testAFeedStartsAsMarkupAfterAByteOrderMarkAndWhiteSpace() throws {
        XCTAssertTrue(Open.startsAsMarkup(try file(Array("<?xml version=\"1.0\"?><rss/>".utf8))))
        XCTAssertTrue(Open.startsAsMarkup(try file([0xEF, 0xBB, 0xBF] + Array(" \r\n\t<rss>".utf8))))
    }

    func testADumpAJSONFeedAndWhatCannotBeReadDoNot() throws {
        XCTAssertFalse(Open.startsAsMarkup(try file(Array("Headline\n\nBody <b>text</b>\n".utf8))))
        XCTAssertFalse(Open.startsAsMarkup(try file(Array("{\"version\": \"https://jsonfeed.org\"}".utf8))))
        XCTAssertFalse(Open.startsAsMarkup(try file([])))
        XCTAssertFalse(Open.startsAsMarkup(try file(Array("   \n\n".utf8))))
        XCTAssertFalse(Open.startsAsMarkup(folder.appendingPathComponent("missing.xml").path))
        XCTAssertFalse(Open.startsAsMarkup(folder.path))
        XCTAssertFalse(Open.startsAsMarkup("-"))
    }

    /// A named pipe is not opened: with no writer the opening would wait, and a writer waiting
    /// for a reader would be let go to write to none once the look is over.
    func testANamedPipeIsNotOpened() throws {
        let pipe = folder.appendingPathComponent("feed.fifo").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        let started = Date()
        XCTAssertFalse(Open.startsAsMarkup(pipe))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}
