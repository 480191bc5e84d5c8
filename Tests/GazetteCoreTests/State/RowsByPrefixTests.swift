import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The stored rows a moved feed file's title tag is looked for among (``MovedFeedTitleTag``):
/// the states under the ids a scope starts, and the title tags stored for sources, the same
/// from the state file, from memory and through a store that defers writes.
final class RowsByPrefixTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-rows-by-prefix" }

    private let ids = [
        "https://a.example/#feed:1#1", "https://a.example/#feed:1#é", "https://a.example/#feed:10#1",
        "https://a.example/#1", "https://a.example/$1", "https://a.example/", "https://a.example0",
    ]

    private let rows = [
        "scope:/p.xml": "feed:1", "scope:previous:/p.xml": "feed:0", "scope:-": "feed:2", "scopf": "x",
        "/p.xml": "https://a.example/#feed:1#1",
    ]

    private func check(_ store: ReadingStateStoring, _ name: String) throws {
        try store.setStates(
            Dictionary(uniqueKeysWithValues: ids.map { (ArticleID($0), ArticleState(isRead: true)) }))
        try store.setLastSelected(inSources: rows.mapValues(ArticleID.init))
        XCTAssertEqual(try store.stateCount(ofIDsStartingWith: "https://a.example/#feed:1#"), 2, name)
        XCTAssertEqual(try store.stateCount(ofIDsStartingWith: "https://a.example/#"), 4, name)
        XCTAssertEqual(try store.stateCount(ofIDsStartingWith: "https://b.example/#"), 0, name)
        XCTAssertEqual(try store.storedTitleTags(), ["/p.xml": "feed:1", "-": "feed:2"], name)
    }

    func testStatesAndTitleTagsByPrefixAreTheSameInEveryStore() throws {
        let file = try ReadingStateStore(path: folder.appendingPathComponent("a.sqlite").path)
        defer { file.close() }
        try check(file, "file")
        try check(InMemoryReadingStateStore(), "memory")
        let inner = try ReadingStateStore(path: folder.appendingPathComponent("b.sqlite").path)
        defer { inner.close() }
        try check(DeferringStateStore(inner), "deferring")
    }
}
