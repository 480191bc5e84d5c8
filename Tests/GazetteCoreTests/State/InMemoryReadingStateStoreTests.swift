import Foundation
import GazetteCore
import XCTest

final class InMemoryReadingStateStoreTests: XCTestCase {
    func testStatesRoundTripAndUnknownIdsAreAbsent() {
        let store = InMemoryReadingStateStore()
        let state = ArticleState(
            isRead: true, readAt: Date(timeIntervalSince1970: 3), isFlagged: true, scrollLine: 8)
        store.setStates([ArticleID("a"): state])
        XCTAssertEqual(store.states(for: [ArticleID("a"), ArticleID("b")]), [ArticleID("a"): state])
        XCTAssertEqual(store.states(for: []), [:])
    }

    func testSetStatesReplacesOnlyTheGivenIds() {
        let store = InMemoryReadingStateStore(states: [
            ArticleID("a"): ArticleState(isFlagged: true), ArticleID("b"): ArticleState(isRead: true),
        ])
        store.setStates([ArticleID("a"): ArticleState(scrollLine: 2)])
        XCTAssertEqual(
            store.allStates(),
            [ArticleID("a"): ArticleState(scrollLine: 2), ArticleID("b"): ArticleState(isRead: true)])
    }

    func testScrollLineKeepsOtherFields() {
        let store = InMemoryReadingStateStore(states: [ArticleID("a"): ArticleState(isRead: true)])
        store.setScrollLine(5, for: ArticleID("a"))
        store.setScrollLine(6, for: ArticleID("b"))
        XCTAssertEqual(
            store.allStates(),
            [
                ArticleID("a"): ArticleState(isRead: true, scrollLine: 5),
                ArticleID("b"): ArticleState(scrollLine: 6),
            ])
    }

    func testLastSelectedIsPerSource() {
        let store = InMemoryReadingStateStore(lastSelected: ["s1": ArticleID("x")])
        store.setLastSelected(ArticleID("y"), inSource: "s2")
        XCTAssertEqual(store.lastSelected(inSource: "s1"), ArticleID("x"))
        XCTAssertEqual(store.lastSelected(inSource: "s2"), ArticleID("y"))
        XCTAssertNil(store.lastSelected(inSource: "s3"))
    }

    func testUsableThroughTheProtocol() throws {
        let store: any ReadingStateStoring = InMemoryReadingStateStore()
        try store.setStates([ArticleID("a"): ArticleState(isRead: true)])
        try store.setLastSelected(ArticleID("a"), inSource: "s")
        XCTAssertEqual(try store.states(for: [ArticleID("a")]), [ArticleID("a"): ArticleState(isRead: true)])
        XCTAssertEqual(try store.lastSelected(inSource: "s"), ArticleID("a"))
    }
}
