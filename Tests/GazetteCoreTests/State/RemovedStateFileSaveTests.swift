import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Two readers on one state file, deleted while both run: the first to quit saves its changes
/// in a new file at the path, and the second merges its own into that file, as readers of one
/// file merge their changes. The second's were told "another file is there now; not saved" and
/// lost. A file put there otherwise (another state file, another program's) is never written.
final class RemovedStateFileSaveTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-removed-save" }
    private let first = ArticleID("0123456789abcdef")
    private let second = ArticleID("fedcba9876543210")

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// A reader's store on the state file as the reader opens it, and its tracker.
    private func reader() throws -> (ReadingStateStore, DeferringStateStore, ReadingTracker) {
        let store = try ReadingStateStore(path: statePath)
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store, retryInterval: 0)
        return (store, deferring, try ReadingTracker(store: deferring, ids: [first, second]))
    }

    /// Two readers on the state file, deleted; the first marked the first story read since, the
    /// second the second story.
    private func twoReadersMarkingAfterTheDeletion() throws -> (
        (ReadingStateStore, DeferringStateStore), (ReadingStateStore, DeferringStateStore)
    ) {
        let (storeA, deferringA, trackerA) = try reader()
        let (storeB, deferringB, trackerB) = try reader()
        XCTAssertEqual(unlink(statePath), 0)
        try trackerA.setRead([first], true, label: "mark read")
        try trackerB.setRead([second], true, label: "mark read")
        XCTAssertEqual(deferringA.changesWaiting, 1)
        XCTAssertEqual(deferringB.changesWaiting, 1)
        return ((storeA, deferringA), (storeB, deferringB))
    }

    /// The stored states of the file at the state path, read through a store of its own.
    private func stored() throws -> [ArticleID: ArticleState] {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        return try store.allStates()
    }

    func testTheSecondReaderMergesItsChangesIntoTheFileTheFirstMade() throws {
        let ((storeA, deferringA), (storeB, deferringB)) = try twoReadersMarkingAfterTheDeletion()
        XCTAssertEqual(RemovedStateFileSave.save(deferringA, removed: storeA), .madeAnew)
        let outcome = RemovedStateFileSave.save(deferringB, removed: storeB)
        if case .notSaved(let reason) = outcome { XCTFail("not saved: \(reason)") }
        XCTAssertEqual(deferringB.changesWaiting, 0)
        let states = try stored()
        XCTAssertEqual(states[first]?.isRead, true, "the first reader's change")
        XCTAssertEqual(states[second]?.isRead, true, "the second reader's change, merged")
    }

    func testAnotherStateFilePutThereIsNotWritten() throws {
        let ((storeA, _), (storeB, deferringB)) = try twoReadersMarkingAfterTheDeletion()
        storeA.close()
        // Another state file, not made for these changes (a copy of another one).
        let other = try ReadingStateStore(path: statePath)
        other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        guard case .notSaved(let reason) = RemovedStateFileSave.save(deferringB, removed: storeB) else {
            return XCTFail("saved into another file")
        }
        XCTAssertTrue(reason.hasSuffix("and another file is there now"), reason)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before)
    }

    func testAFileNotGazettesIsNotWritten() throws {
        let ((storeA, deferringA), (storeB, deferringB)) = try twoReadersMarkingAfterTheDeletion()
        XCTAssertEqual(RemovedStateFileSave.save(deferringA, removed: storeA), .madeAnew)
        // The file the first reader made, replaced by another program's.
        XCTAssertEqual(unlink(statePath), 0)
        let bytes = Data("not a state file\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: statePath))
        guard case .notSaved = RemovedStateFileSave.save(deferringB, removed: storeB) else {
            return XCTFail("saved into a file not Gazette's")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), bytes)
    }
}
