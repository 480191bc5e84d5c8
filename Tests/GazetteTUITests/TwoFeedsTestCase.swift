import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A test case whose folder holds two feeds: "Avian’s Blog" with 3 stories (`a.xml`), then "F"
/// with 2 (`b.xml`).
class TwoFeedsTestCase: TemporaryFolderTestCase {
    /// The folder, its two feeds written.
    func twoFeeds() throws -> URL {
        try FeedText.writeTwoFeeds(in: folder)
        return folder
    }

    /// Whether the story at `position` of the session's list is read.
    func isRead(_ s: ReaderSession, _ position: Int) -> Bool {
        s.reader.tracker.isRead(s.catalog.entries[position].summary.id)
    }
}
