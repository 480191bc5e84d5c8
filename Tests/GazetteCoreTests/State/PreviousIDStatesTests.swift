import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A story whose id changed when ids came to be made of paragraphs as shown (one hard-wrapped)
/// keeps the marks a state file holds under the id earlier versions gave it.
final class PreviousIDStatesTests: TemporaryFolderTestCase {
    private let wrapped = [
        "The storm reached the northern islands late on Tuesday, cutting power",
        "to thousands of homes and closing the main harbour for the night.",
    ]
    private var text: String {
        DumpText.article(
            title: "Storm hits the coast",
            paragraphs: [wrapped.joined(separator: "\n"), "Rescue teams worked through the night."])
            + "\n\n\n" + DumpText.article(title: "Markets calm", paragraphs: ["Shares rose."])
    }

    /// The id earlier versions gave the wrapped story: each line hashed alone.
    private var earlierID: ArticleID {
        var fingerprint = ContentFingerprint()
        for part in [["Storm hits the coast"], wrapped, ["Rescue teams worked through the night."]] {
            for line in part { fingerprint.add(line) }
            fingerprint.endPart()
        }
        return ArticleID(fingerprint.hexDigest)
    }

    /// A state file whose only story, read and flagged, is the wrapped one by its earlier id.
    private func stateFile(_ name: String) throws -> ReadingStateStore {
        let store = try ReadingStateStore(path: folder.appendingPathComponent(name).path)
        try store.setStates([earlierID: ArticleState(isRead: true, isFlagged: true)])
        return store
    }

    func testOnlyAStoryWhoseIdChangedNamesItsEarlierId() {
        let summaries = DumpText.index(text)
        XCTAssertEqual(summaries.map(\.title), ["Storm hits the coast", "Markets calm"])
        XCTAssertNotEqual(summaries[0].id, earlierID)
        XCTAssertEqual(summaries.map(\.previousID), [earlierID, nil])
    }

    /// A command's tracker shows the marks, and stores them under the id now.
    func testACommandsTrackerTakesTheMarksOver() throws {
        let store = try stateFile("state.sqlite")
        let summaries = DumpText.index(text)
        let tracker = try ReadingTracker(store: store, summaries: summaries)
        XCTAssertTrue(tracker.isRead(summaries[0].id))
        XCTAssertTrue(tracker.isFlagged(summaries[0].id))
        XCTAssertFalse(tracker.isRead(summaries[1].id))
        XCTAssertEqual(try store.states(for: [summaries[0].id])[summaries[0].id]?.isFlagged, true)
        // Marked unread under its id now, it stays so: the earlier id is not asked again.
        try tracker.setRead([summaries[0].id], false, label: "mark unread")
        let again = try ReadingTracker(store: store, summaries: summaries)
        XCTAssertFalse(again.isRead(summaries[0].id))
        XCTAssertTrue(again.isFlagged(summaries[0].id))
    }

    /// The reader's stories come with the marks, in the batches the indexer hands over.
    func testTheReaderShowsTheMarks() throws {
        let store = try stateFile("reader.sqlite")
        let url = folder.appendingPathComponent("news.txt")
        try Data(text.utf8).write(to: url)
        let sources = try SourceLoader.open(paths: [url.path]).sources
        let tracker = try ReadingTracker(store: store, ids: [])
        let reader = IndexedReader.make(sources: sources, tracker: tracker, store: store).reader
        XCTAssertEqual(reader.visible.count, 2)
        XCTAssertEqual(reader.visibleUnread, 1)
        let id = DumpText.index(text)[0].id
        XCTAssertTrue(tracker.isFlagged(id))
        XCTAssertEqual(try store.states(for: [id])[id]?.isRead, true)
    }

    /// A mark made by an earlier Gazette on a story whose wrapped title is now joined is
    /// carried over, and the copy with the title on one line shows it.
    func testAMarkOnAWrappedTitlesEarlierIdIsCarried() throws {
        let store = try ReadingStateStore(path: folder.appendingPathComponent("state.sqlite").path)
        try store.setStates([ArticleID("ceaddc37cb87ddb6"): ArticleState(isRead: true, isFlagged: true)])
        let title = "Floods cut the coast road as the river breaks its banks for the\nsecond time this week"
        let body =
            "\n\nThe river rose two metres in the night and flooded the harbour district.\n\n"
            + "Residents were moved to schools on the hill, officials said."
        let whole = title.replacingOccurrences(of: "\n", with: " ")
        let wrapped = DumpText.index("\(title)\n\nTT\n20\n\n\(title)" + body)
        XCTAssertTrue(try ReadingTracker(store: store, summaries: wrapped).isRead(wrapped[0].id))
        let oneLine = DumpText.index("\(whole)\n\nTT\n20\n\n\(whole)" + body)
        let tracker = try ReadingTracker(store: store, summaries: oneLine)
        XCTAssertTrue(tracker.isRead(oneLine[0].id))
        XCTAssertTrue(tracker.isFlagged(oneLine[0].id))
    }
}
