import Foundation
import GazetteCore
import TestSupport
import XCTest

/// newsboat's `urls` file opened as a dump whose stories were its lines (found by QA): a file of
/// feed addresses is refused as one, and a dump that lists addresses still opens.
final class FeedAddressLinesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-feed-addresses" }

    private func detect(_ text: String) -> Result<SourceFormat, FormatDetector.NotNewsReason> {
        Array(text.utf8).withUnsafeBytes { FormatDetector.detect($0) }
    }

    private let list = FormatDetector.NotNewsReason.feedList(.addresses)

    /// newsboat's `urls` as QA had it: tags after addresses, a query feed, a comment.
    private static let urls = """
        https://lwn.net/headlines/rss linux "~LWN"
        https://hnrss.org/frontpage tech
        https://www.debian.org/News/news linux
        "query:Unread Articles:unread = \\"yes\\""
        # a comment

        """

    func testNewsboatsURLsFileIsAListOfFeedAddresses() {
        XCTAssertEqual(detect(Self.urls), .failure(list))
        // Blank lines, comments first, CRLF, a byte-order mark, indentation, capitals, commands.
        let variants = [
            "# my feeds\n\n" + Self.urls,
            Self.urls.replacingOccurrences(of: "\n", with: "\r\n"),
            "\u{FEFF}" + Self.urls,
            "  HTTPS://Example.com/feed.xml\n\thttp://example.org/rss \"!\"\n",
            "exec:~/bin/my-feed.sh\nfilter:~/bin/clean.py:https://example.com/rss news\n",
            "file:///home/me/feed.xml",
            "https://example.com/rss",
        ]
        for text in variants { XCTAssertEqual(detect(text), .failure(list), text) }
    }

    /// A long list is judged by its head, the line cut at its end not judged.
    func testALongListIsJudgedByItsHead() {
        let text = (1...500).map { "https://example.com/feeds/\($0).xml tag\($0)" }.joined(separator: "\n")
        XCTAssertGreaterThan(text.utf8.count, FormatDetector.sniffLength)
        XCTAssertEqual(detect(text), .failure(list))
    }

    /// One line in twenty may be something else (a typo); more than that is text.
    func testNearlyAllLinesMustBeAddresses() {
        let addresses = (1...20).map { "https://example.com/\($0).xml" }
        let typo = addresses.prefix(10) + ["example.com/missing-scheme.xml"] + addresses.suffix(10)
        XCTAssertEqual(detect(typo.joined(separator: "\n")), .failure(list))
        let prose = addresses.prefix(5) + ["These are the feeds I read."] + addresses.suffix(5)
        XCTAssertEqual(detect(prose.joined(separator: "\n")), .success(.plainTextDump))
    }

    /// A dump begins with a title: stories that list addresses, or a title that is one, are news.
    func testADumpWhoseStoriesHoldAddressesIsNews() throws {
        let links = (1...30).map { "https://example.com/story/\($0)" }
        let dumps = [
            DumpText.article(title: "Links of the week", paragraphs: links),
            DumpText.article(
                title: "https://example.com/story", paragraphs: ["What the page said, in prose."]),
            "# Hashtag news\n\nA story about a tag.\n",
            "Exec: the new chief\n\nShe starts on Monday.\n",
            "https://example.com/a\n\nhttps://example.com/b\n\nA paragraph of text that says what the links are.\n",
        ]
        for dump in dumps {
            XCTAssertEqual(detect(dump), .success(.plainTextDump), dump)
            let path = folder.appendingPathComponent("dump.txt").path
            try dump.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertFalse(try SourceLoader.open(paths: [path]).sources[0].indexAll().isEmpty, dump)
        }
    }

    /// Named alone it is refused with what to do; in a folder it is skipped and told.
    func testAListIsRefusedAloneAndSkippedInAFolder() throws {
        let urls = folder.appendingPathComponent("subscriptions.txt").path
        try Self.urls.write(toFile: urls, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SourceLoader.open(paths: [urls])) { error in
            XCTAssertEqual(error as? SourceError, .feedList(path: urls, list: .addresses))
            XCTAssertEqual(
                (error as? SourceError)?.message,
                "'\(urls)' is a list of feed addresses, not news: Gazette reads files, not web addresses; "
                    + "fetch each with curl -s ADDRESS > name.xml")
        }
        try DumpText.article(title: "Story", paragraphs: ["Text."]).write(
            toFile: folder.appendingPathComponent("news.txt").path, atomically: true, encoding: .utf8)
        let result = try SourceLoader.open(paths: [folder.path])
        XCTAssertEqual(result.sources.map(\.source.displayName), ["news.txt"])
        XCTAssertEqual(
            result.warnings, ["skipped: " + SourceError.feedList(path: urls, list: .addresses).message])
    }

    /// Every real file still opens as what it is.
    func testNoRealFileIsAList() throws {
        let files =
            Fixtures.feedFiles().map { Fixtures.feeds.appendingPathComponent($0) } + [
                Fixtures.sample, Fixtures.realNews,
            ]
        for file in files {
            XCTAssertNotEqual(
                Fixtures.bytes(file).withUnsafeBytes { FormatDetector.detect($0) }, .failure(list), file.path)
        }
    }
}
