import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A big batch (`A`, its `u`) is read and written as arrays in the view's order: the states
/// come back at the ids' offsets, and no table of ids is built for the write.
final class StatesInOrderTests: TemporaryFolderTestCase {
    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    private func ids(_ count: Int) -> [ArticleID] {
        (0..<count).map { ArticleID(String(format: "%08x", ($0 &* 2_654_435_761) & 0xFFFF_FFFF)) }
    }

    /// Every third id stored, read or flagged by its offset.
    private func storeEveryThird(of all: [ArticleID], in store: ReadingStateStoring) throws {
        var states: [ArticleID: ArticleState] = [:]
        for (offset, id) in all.enumerated() where offset % 3 == 0 {
            states[id] = ArticleState(isRead: offset % 2 == 0, isFlagged: offset % 5 == 0, scrollLine: offset)
        }
        try store.setStates(states)
    }

    /// Both ways of reading (a scan of the table for many ids, `IN` lists for a few) give the
    /// states at the ids' offsets, nil for an id never stored, and a repeated id's at each place.
    func testStatesComeBackAtTheOffsetsOfTheirIds() throws {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        let all = ids(5_000)
        try storeEveryThird(of: all, in: store)
        for asked in [all, Array(all.prefix(10)) + [all[3], all[0]], Array(all.reversed())] {
            let inOrder = try store.states(inOrderOf: asked)
            let table = try store.states(for: asked)
            XCTAssertEqual(inOrder.count, asked.count)
            for (offset, id) in asked.enumerated() {
                XCTAssertEqual(inOrder[offset], table[id], "\(offset) \(id)")
            }
        }
        XCTAssertEqual(try store.states(inOrderOf: [all[0], all[1]]).map { $0?.scrollLine }, [0, nil])
    }

    /// An array write stores only its fields, as the table's does, for stored and new ids.
    func testArraysWriteOnlyTheirFields() throws {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        let all = ids(3_000)
        try storeEveryThird(of: all, in: store)
        let readAt = Date(timeIntervalSince1970: 1_700_000_000)
        let written = all.map { _ in
            ArticleState(isRead: true, readAt: readAt, isFlagged: true, scrollLine: 99)
        }
        try store.setStates(of: all, to: written, fields: .read)
        let stored = try store.states(inOrderOf: all)
        for (offset, state) in stored.enumerated() {
            let old = offset % 3 == 0 ? ArticleState(isFlagged: offset % 5 == 0, scrollLine: offset) : nil
            XCTAssertEqual(state?.isRead, true)
            XCTAssertEqual(state?.readAt, readAt)
            XCTAssertEqual(state?.isFlagged, old.map(\.isFlagged) ?? true, "\(offset)")
            XCTAssertEqual(state?.scrollLine, old.map(\.scrollLine) ?? 99, "\(offset)")
        }
    }

    /// Changes waiting for a lock show over the stored states read in order, as in a table.
    func testChangesWaitingShowInOrder() throws {
        let memory = InMemoryReadingStateStore()
        let all = ids(10)
        try storeEveryThird(of: all, in: memory)
        let store = DeferringStateStore(memory)
        XCTAssertEqual(try store.states(inOrderOf: all), all.map { memory.allStates()[$0] })
        try store.setStates(
            of: [all[0], all[1]], to: [ArticleState(isRead: false), ArticleState(isRead: true)], fields: .read
        )
        let read = try store.states(inOrderOf: all)
        XCTAssertEqual(read[0]?.isRead, false)
        XCTAssertEqual(read[0]?.isFlagged, true)
        XCTAssertEqual(read[1]?.isRead, true)
    }
}
