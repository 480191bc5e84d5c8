import XCTest

@testable import GazetteCore

/// The catalog's table of positions by id: every id added is found at its first position,
/// through collisions and growth, and an id never added is not.
final class IDPositionTableTests: XCTestCase {
    /// Ids as a list keeps them, the table holding their positions.
    private struct Listed {
        var ids: [ArticleID] = []
        var table = IDPositionTable()

        /// Adds `id` at the end unless it is there; its position either way.
        @discardableResult
        mutating func add(_ id: ArticleID) -> Int {
            let ids = self.ids
            if let known = table.insert(id, at: ids.count, idAt: { ids[$0] }) { return known }
            self.ids.append(id)
            return ids.count
        }

        func position(of id: ArticleID) -> Int? {
            table.position(of: id) { ids[$0] }
        }
    }

    func testEveryIdIsFoundAtItsPositionThroughGrowth() {
        var listed = Listed()
        XCTAssertNil(listed.position(of: ArticleID("absent")), "an empty table finds nothing")
        for number in 0..<20_000 {
            XCTAssertEqual(listed.add(ArticleID(hex: UInt64(number) &* 0x9E37_79B9_7F4A_7C15)), number)
        }
        XCTAssertEqual(listed.table.count, 20_000)
        XCTAssertGreaterThanOrEqual(listed.table.capacity, 20_000)
        for number in 0..<20_000 {
            XCTAssertEqual(
                listed.position(of: ArticleID(hex: UInt64(number) &* 0x9E37_79B9_7F4A_7C15)), number)
        }
        for number in 20_000..<21_000 {
            XCTAssertNil(listed.position(of: ArticleID(hex: UInt64(number) &* 0x9E37_79B9_7F4A_7C15)))
        }
    }

    func testARepeatedIdKeepsItsFirstPosition() {
        var listed = Listed()
        for number in 0..<300 { listed.add(ArticleID("id\(number % 100)")) }
        XCTAssertEqual(listed.ids.count, 100)
        XCTAssertEqual(listed.table.count, 100)
        XCTAssertEqual(listed.position(of: ArticleID("id42")), 42)
        XCTAssertEqual(listed.add(ArticleID("id7")), 7)
        XCTAssertNil(listed.position(of: ArticleID("id100")))
    }

    /// Ids whose 32 bits of hash kept in the table are the same are told apart by the ids
    /// themselves, one after the other in the slots; a matching hash alone finds nothing.
    func testIdsOfTheSameKeptHashAreToldApart() {
        // The table's hash is the top half of the id's number times an odd constant: numbers
        // `(base + k) / constant` (mod 2^64) share it for small k.
        var inverse: UInt64 = 1
        for _ in 0..<6 { inverse = inverse &* (2 &- 0x9E37_79B9_7F4A_7C15 &* inverse) }
        XCTAssertEqual(inverse &* 0x9E37_79B9_7F4A_7C15, 1)
        let base: UInt64 = 0x0123_4567_0000_0000
        let ids = (0..<50).map { ArticleID(hex: (base + UInt64($0)) &* inverse) }
        var listed = Listed()
        for (position, id) in ids.enumerated() { XCTAssertEqual(listed.add(id), position) }
        for (position, id) in ids.enumerated() { XCTAssertEqual(listed.position(of: id), position) }
        XCTAssertNil(listed.position(of: ArticleID(hex: (base + 50) &* inverse)))
        let table = listed.table
        let others = ids.map { ArticleID($0.rawValue + "!") }
        for id in ids {
            XCTAssertNil(table.position(of: id) { others[$0] }, "a matching hash alone finds nothing")
        }
    }

    /// Slots crowded at one end wrap to the start, and growth keeps them all.
    func testCrowdedSlotsWrapAroundAndSurviveGrowth() {
        var listed = Listed()
        // Hashes whose table hash has the top bits set all start in the last slots.
        var crowded: [ArticleID] = []
        var candidate: UInt64 = 0
        while crowded.count < 40 {
            candidate += 1
            let id = ArticleID(hex: candidate)
            if (id.hash64 &* 0x9E37_79B9_7F4A_7C15) >> 60 == 0xF { crowded.append(id) }
        }
        for (position, id) in crowded.enumerated() { XCTAssertEqual(listed.add(id), position) }
        for (position, id) in crowded.enumerated() { XCTAssertEqual(listed.position(of: id), position) }
        listed.table.reserveCapacity(10_000)
        XCTAssertGreaterThanOrEqual(listed.table.capacity, 10_000)
        for (position, id) in crowded.enumerated() { XCTAssertEqual(listed.position(of: id), position) }
    }

    func testRoomIsMadeOnlyWhenAskedOrFull() {
        var table = IDPositionTable()
        XCTAssertEqual(table.capacity, 0)
        table.reserveCapacity(100)
        XCTAssertGreaterThanOrEqual(table.capacity, 100)
        XCTAssertLessThan(table.capacity, 200)
        let before = table.capacity
        table.reserveCapacity(50)
        XCTAssertEqual(table.capacity, before, "never shrinks")
    }
}

/// Ids are spread over the whole table: each is found within a few slots of where it is
/// looked for first (all started at the first slot once, and a catalog of 10,000 stories took
/// seconds to fill).
final class IDPositionTableSpreadTests: XCTestCase {
    func testIdsAreFoundNearWhereTheyAreLookedForFirst() {
        var ids: [ArticleID] = []
        var table = IDPositionTable()
        for number in 0..<20_000 {
            let id = ArticleID(hex: UInt64(number) &* 0xD6E8_FEB8_6659_FD93 ^ 0x5555)
            XCTAssertNil(table.insert(id, at: ids.count) { ids[$0] })
            ids.append(id)
        }
        let looked = ids.map { table.slotsLookedAt(for: $0) }
        let mean = Double(looked.reduce(0, +)) / Double(looked.count)
        XCTAssertLessThan(mean, 4, "slots looked at per id found, on average")
        XCTAssertLessThan(looked.max() ?? 0, 200)
    }
}
