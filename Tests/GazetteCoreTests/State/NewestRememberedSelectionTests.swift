import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Sources opened together resume at the place selected last among them, whichever order they
/// are named in: they resumed at the first one's place that had one, which the reader may have
/// left long before (QA: a folder opened on a_rss.xml's story 1, the reader went to
/// c_feed.json's 3rd, and `a_rss.xml c_feed.json` resumed at story 1).
final class NewestRememberedSelectionTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-newest-selection" }
    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    private let a1 = ArticleID("https://a.example#1")
    private let a2 = ArticleID("https://a.example#2")
    private let c2 = ArticleID("https://c.example#2")
    private let c3 = ArticleID("https://c.example#3")
    private let c4 = ArticleID("https://c.example#4")
    private let session = "session:/news"

    /// A clock a second further on at each reading.
    private func steppingClock(from start: TimeInterval = 1_700_000_000) -> () -> Date {
        var seconds = start
        return {
            seconds += 1
            return Date(timeIntervalSince1970: seconds)
        }
    }

    func testTheSelectionMadeLastWinsWhicheverOrderTheSourcesComeIn() throws {
        do {
            let store = try ReadingStateStore(path: statePath)
            defer { store.close() }
            let tracker = try ReadingTracker(store: store, ids: [], clock: steppingClock())
            // The folder opened on a's first story (saved, as the reader saves the selection it
            // opens on), then the reader went to c's third: each in its source and the session.
            for (selection, source) in [
                (RememberedSelection(id: a1, neighbours: [a2]), "a"),
                (RememberedSelection(id: c3, neighbours: [c4, c2]), "c"),
            ] {
                try tracker.remember(selection, inSource: source)
                try tracker.remember(selection, inSource: session)
            }
        }
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        for keys in [["a", "c"], ["c", "a"], [session, "a", "c"], ["b", "a", "c"], ["a", "b", "c"]] {
            let newest = try XCTUnwrap(store.newestRememberedSelection(inSources: keys), "\(keys)")
            XCTAssertEqual(newest.id, c3, "\(keys)")
            XCTAssertEqual(newest.neighbours, [c4, c2], "\(keys): the neighbours come with it")
        }
        XCTAssertEqual(try store.newestRememberedSelection(inSources: ["a"])?.id, a1, "a's own place stays")
        XCTAssertNil(try store.newestRememberedSelection(inSources: ["b"]))
        XCTAssertNil(try store.newestRememberedSelection(inSources: []))
    }

    /// Written in another order than they were made (changes waiting for a lock are written
    /// sorted by source), or by two readers on one file: the time of the selection decides, not
    /// the order of the writes.
    func testTheTimeOfTheSelectionDecidesNotTheOrderOfTheWrites() throws {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store, retryInterval: 0)
        let tracker = try ReadingTracker(store: deferring, ids: [], clock: steppingClock())
        let lock = SQLiteTransactionLock(path: statePath, transaction: "IMMEDIATE")
        try tracker.remember(RememberedSelection(id: c3), inSource: "c")
        try tracker.remember(RememberedSelection(id: a1), inSource: "a")
        XCTAssertTrue(deferring.somethingWaits, "kept while locked")
        lock.release()
        XCTAssertTrue(try deferring.saveChangesWaiting())
        XCTAssertEqual(
            try store.newestRememberedSelection(inSources: ["c", "a"])?.id, a1, "a, written first")

        // Another reader on the same file, which selected later.
        let other = try ReadingStateStore(path: statePath)
        defer { other.close() }
        let otherTracker = try ReadingTracker(
            store: other, ids: [], clock: steppingClock(from: 1_700_000_100))
        try otherTracker.remember(RememberedSelection(id: c4), inSource: "c")
        try tracker.remember(
            RememberedSelection(id: a2, selectedAt: Date(timeIntervalSince1970: 1_700_000_050)), inSource: "a"
        )
        XCTAssertEqual(try store.newestRememberedSelection(inSources: ["a", "c"])?.id, c4)
        XCTAssertEqual(try other.newestRememberedSelection(inSources: ["a", "c"])?.id, c4)
    }

    /// An older Gazette reads the neighbours as it stored them, the time only after them; what
    /// it stores has no time, and is older than any place stored with one.
    func testPlacesOfAnOlderGazette() throws {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        let tracker = try ReadingTracker(store: store, ids: [], clock: steppingClock())
        try tracker.remember(RememberedSelection(id: c3, neighbours: [c4, c2]), inSource: "c")
        let stored = try XCTUnwrap(store.lastSelected(inSource: RememberedSelection.neighboursKey(of: "c")))
        let elements = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(stored.rawValue.utf8)) as? [String], "a list of texts")
        XCTAssertEqual(
            Array(elements.prefix(3)), [c3, c4, c2].map(\.rawValue), "the selection, then its neighbours")
        XCTAssertEqual(elements.count, 4)
        XCTAssertEqual(elements.last, "selected-at:1700000001.0")

        // Stored as an older Gazette stores it: the neighbours without a time.
        store.writeWait = 1
        try store.setLastSelected(a1, inSource: "a")
        try store.setLastSelected(
            ArticleID("[\"\(a1.rawValue)\",\"\(a2.rawValue)\"]"),
            inSource: RememberedSelection.neighboursKey(of: "a"))
        let old = try XCTUnwrap(store.rememberedSelection(inSource: "a"))
        XCTAssertEqual(old, RememberedSelection(id: a1, neighbours: [a2]))
        XCTAssertEqual(
            try store.newestRememberedSelection(inSources: ["a", "c"])?.id, c3, "stored with a time")
        try store.setLastSelected(a2, inSource: "b")
        XCTAssertEqual(
            try store.newestRememberedSelection(inSources: ["a", "b"])?.id, a1,
            "neither has a time: the first")
        XCTAssertEqual(try store.newestRememberedSelection(inSources: ["b", "a"])?.id, a2)

        // An older Gazette selects another story in c: the time stored for c3 is not c2's.
        try store.setLastSelected(c2, inSource: "c")
        XCTAssertEqual(try store.rememberedSelection(inSource: "c"), RememberedSelection(id: c2))
        XCTAssertEqual(try store.newestRememberedSelection(inSources: ["a", "c"])?.id, a1)
    }
}
