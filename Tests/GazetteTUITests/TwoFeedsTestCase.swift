import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A test case whose folder holds two feeds: "Avian’s Blog" with 3 stories (`a.xml`), then "F"
/// with 2 (`b.xml`).
class TwoFeedsTestCase: TemporaryFolderTestCase {
    /// The folder, its two feeds written.
    func twoFeeds() throws -> URL {
        try Data(
            FeedText.rssWithHTMLBodies(items: 3).replacingOccurrences(
                of: "<title>F</title>", with: "<title>Avian’s Blog</title>"
            ).utf8
        ).write(to: folder.appendingPathComponent("a.xml"))
        try Data(FeedText.rssWithHTMLBodies(items: 2).utf8).write(to: folder.appendingPathComponent("b.xml"))
        return folder
    }

    /// Whether the story at `position` of the session's list is read.
    func isRead(_ s: ReaderSession, _ position: Int) -> Bool {
        s.reader.tracker.isRead(s.catalog.entries[position].summary.id)
    }
}
