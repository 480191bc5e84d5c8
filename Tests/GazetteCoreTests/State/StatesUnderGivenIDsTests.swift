import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The states a reader loads for its stories come under the ids it asked with: a row's id is
/// not kept, so that a story's id text is held once (a full state on 200,000 stories held each
/// id twice, 64 bytes a story).
final class StatesUnderGivenIDsTests: TemporaryFolderTestCase {
    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// Ids kept as text past what a string holds without a buffer (a feed's; a dump's 16 hex
    /// digits are kept as their number, with no text at all).
    private func ids(_ count: Int) -> [ArticleID] {
        (0..<count).map { ArticleID(String(format: "guid:%016llx", UInt64($0) &* 0x9E37_79B9_7F4A_7C15)) }
    }

    /// Where the text of `id` is kept.
    private func textAddress(_ id: ArticleID) -> UnsafeRawPointer? {
        id.rawValue.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    func testEachStateComesUnderTheIDAskedWith() throws {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        let all = ids(4_000)
        var stored: [ArticleID: ArticleState] = [:]
        for (offset, id) in all.enumerated() where offset % 2 == 0 {
            stored[id] = ArticleState(isRead: true, scrollLine: offset)
        }
        try store.setStates(stored)
        // Many ids (a scan of the table) and a few (looked up in lists).
        for asked in [all, Array(all.prefix(40))] {
            // The same texts in buffers of their own, as a catalog's ids are.
            let given = asked.map { ArticleID(String(decoding: Array($0.rawValue.utf8), as: UTF8.self)) }
            let loaded = try store.states(for: given)
            XCTAssertEqual(loaded.count, asked.count / 2)
            let addresses = Set(given.compactMap(textAddress))
            XCTAssertEqual(addresses.count, given.count, "each id's text has a buffer")
            for (id, state) in loaded {
                XCTAssertEqual(state, stored[id])
                XCTAssertTrue(textAddress(id).map(addresses.contains) ?? false, "\(id) is the id given")
            }
        }
    }
}

/// A lookup of many ids in a table with no row asks whether there is one, not for each id: a
/// big file's later parts (a thousand stories each) sought every id in an empty table.
final class StatesOfAnEmptyTableTests: TemporaryFolderTestCase {
    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    private func ids(_ range: Range<Int>) -> [ArticleID] {
        range.map { ArticleID(hex: UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
    }

    func testAnEmptyTableIsNotSoughtIdByIdButAFullOneIs() throws {
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        let part = ids(0..<1_000)
        XCTAssertEqual(try store.states(for: part), [:])
        XCTAssertEqual(store.idsSought, 0, "no row stored: no id sought")
        let first = ids(0..<40)
        XCTAssertEqual(try store.states(for: first), [:])
        XCTAssertEqual(store.idsSought, 40, "a first screen's ids are sought without asking first")
        try store.setStates([part[500]: ArticleState(isRead: true)])
        let loaded = try store.states(for: part)
        XCTAssertEqual(loaded.count, 1)
        XCTAssertEqual(loaded[part[500]]?.isRead, true)
        XCTAssertEqual(store.idsSought, 1_040, "with a row stored, the ids are sought")
    }
}
