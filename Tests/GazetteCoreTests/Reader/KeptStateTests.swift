import Foundation
import XCTest

@testable import GazetteCore

/// The reader keeps a story's state in 16 bytes, and gives it back as it was.
final class KeptStateTests: XCTestCase {
    func testAStateTakesSixteenBytes() {
        XCTAssertEqual(MemoryLayout<KeptState>.stride, 16)
        XCTAssertLessThan(MemoryLayout<KeptState>.stride, MemoryLayout<ArticleState>.stride)
    }

    func testEveryPartComesBackAsItWas() {
        let times = [
            nil, Date(timeIntervalSince1970: 1_796_556_633.1376), Date(timeIntervalSinceReferenceDate: -1e9),
            Date(),
        ]
        for readAt in times {
            for isRead in [false, true] {
                for isFlagged in [false, true] {
                    for scrollLine in [0, 1, 4095, Int(Int32.max) + 7, KeptState.maxScrollLine] {
                        let state = ArticleState(
                            isRead: isRead, readAt: readAt, isFlagged: isFlagged, scrollLine: scrollLine)
                        let kept = KeptState(state)
                        XCTAssertEqual(kept.state, state)
                        XCTAssertEqual(kept.isRead, isRead)
                        XCTAssertEqual(kept.isFlagged, isFlagged)
                        XCTAssertEqual(kept.scrolled(to: 12).state.scrollLine, 12)
                        XCTAssertEqual(kept.scrolled(to: 12).state.readAt, readAt)
                    }
                }
            }
        }
        // A line past any story's (a damaged file's) is kept as the highest.
        XCTAssertEqual(
            KeptState(ArticleState(isRead: true, scrollLine: .max)).state.scrollLine, KeptState.maxScrollLine)
        XCTAssertEqual(KeptState(.unseen).state, .unseen)
    }
}
