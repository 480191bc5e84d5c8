import Foundation
import XCTest

@testable import GazetteCore

/// A story's changes waiting keep only the fields changed from where they started: one put
/// back (`A` then `u`) no longer waits, and writes nothing over another Gazette's change.
final class WaitingStoryChangeTests: XCTestCase {
    private let readNow = ArticleState(isRead: true, readAt: Date(timeIntervalSince1970: 2000))

    func testAFieldPutBackWhereItStartedNoLongerWaits() {
        var change = WaitingStoryChange(readNow, fields: .read, from: .unseen)
        XCTAssertEqual(change.fields, .read)
        change.add(ArticleState(isFlagged: true), fields: .flag, from: .unseen)
        change.add(.unseen, fields: .read, from: nil)
        XCTAssertEqual(change.fields, .flag, "the read mark is back where it started")
        XCTAssertFalse(change.isEmpty)
        change.add(.unseen, fields: .flag, from: nil)
        XCTAssertTrue(change.isEmpty)
    }

    /// The start is the stored state before the first change of a field: a second change of it
    /// does not move it.
    func testTheStartIsTheStateBeforeTheFirstChange() {
        let started = ArticleState(isRead: true, readAt: Date(timeIntervalSince1970: 1000), scrollLine: 3)
        var change = WaitingStoryChange(ArticleState(scrollLine: 9), fields: .scroll, from: started)
        change.add(ArticleState(scrollLine: 12), fields: .scroll, from: ArticleState(scrollLine: 9))
        XCTAssertEqual(change.fields, .scroll)
        change.add(ArticleState(scrollLine: 3), fields: .scroll, from: ArticleState(scrollLine: 12))
        XCTAssertTrue(change.isEmpty)
        // Read again later: another time than the start's is a change.
        change.add(readNow, fields: .read, from: started)
        XCTAssertEqual(change.fields, .read)
        XCTAssertEqual(change.state.readAt, readNow.readAt)
    }

    /// A change made when the stored state could not be read is written whatever it comes to.
    func testAFieldWhoseStartIsUnknownStaysWaiting() {
        var change = WaitingStoryChange(readNow, fields: .read, from: nil)
        change.add(.unseen, fields: .read, from: nil)
        XCTAssertEqual(change.fields, .read)
        XCTAssertFalse(change.state.isRead)
    }
}
