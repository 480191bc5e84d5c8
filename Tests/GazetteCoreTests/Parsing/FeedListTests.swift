import Foundation
import GazetteCore
import TestSupport
import XCTest

/// An OPML subscription list was "XML or HTML, but no RSS, RDF or Atom feed", with no word of
/// what to do (found by QA): it is called a subscription list, with a web address's advice.
final class FeedListTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-feed-list" }

    private static let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head><title>newsboat - Exported Feeds</title></head>
          <body>
            <outline type="rss" xmlUrl="https://lwn.net/headlines/rss" title="LWN.net"/>
          </body>
        </opml>
        """

    private func detect(_ text: String) -> Result<SourceFormat, FormatDetector.NotNewsReason> {
        Array(text.utf8).withUnsafeBytes { FormatDetector.detect($0) }
    }

    func testAnOPMLFileIsASubscriptionList() {
        let opml = FormatDetector.NotNewsReason.feedList(.opml)
        XCTAssertEqual(detect(Self.opml), .failure(opml))
        XCTAssertEqual(detect("<opml version=\"2.0\"><body/></opml>"), .failure(opml))
        XCTAssertEqual(
            detect("\u{FEFF}<!-- exported -->\n<!DOCTYPE opml>\n<opml>\n</opml>\n"), .failure(opml))
        // Other markup is still told as before.
        let other = FormatDetector.NotNewsReason.unsupported("XML or HTML, but no RSS, RDF or Atom feed")
        XCTAssertEqual(detect("<?xml version=\"1.0\"?>\n<opmlish/>\n"), .failure(other))
        XCTAssertEqual(detect("<html><body>opml</body></html>\n"), .failure(other))
    }

    func testTheMessageSaysWhatItIsAndWhatToDo() throws {
        let path = folder.appendingPathComponent("subscriptions.opml").path
        try Self.opml.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SourceLoader.open(paths: [path])) { error in
            XCTAssertEqual(error as? SourceError, .feedList(path: path, list: .opml))
            XCTAssertEqual(
                (error as? SourceError)?.message,
                "'\(path)' is a subscription list (OPML), not news: Gazette reads files, not web addresses; "
                    + "fetch each with curl -s ADDRESS > name.xml")
            XCTAssertEqual(
                (error as? SourceError)?.shortMessage,
                "'subscriptions.opml' is a subscription list (OPML), not news: Gazette reads files, "
                    + "not web addresses; fetch each with curl -s ADDRESS > name.xml")
        }
    }
}
