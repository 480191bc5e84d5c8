/// The positions of ids in a list that holds them (a catalog's entries), found by id: a table
/// of 8-byte slots, each a position and 32 bits of its id's hash, by open addressing. The ids
/// stay in the list (none is copied here); a lookup compares the id at a position only where
/// those 32 bits match. Positions are added, never removed.
struct IDPositionTable {
    /// Empty (0), or the hash's 32 bits over the position plus one.
    private var slots: [UInt64] = []
    /// How many positions are held.
    private(set) var count = 0

    /// How many positions it holds before it must grow: three quarters of its slots.
    var capacity: Int { slots.count / 4 * 3 }

    /// The most positions a table holds: its slots are at most 2^32.
    static let maxCount = 3 << 30

    /// Makes room for `count` positions in all, when there is less.
    mutating func reserveCapacity(_ count: Int) {
        guard count > capacity else { return }
        var slotCount = 16
        while slotCount / 4 * 3 < count { slotCount *= 2 }
        rehash(slotCount: slotCount)
    }

    /// The position of `id`, where `idAt` gives the id at a position held.
    func position(of id: ArticleID, idAt: (Int) -> ArticleID) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = IDPositionTable.hash32(id)
        let mask = slots.count - 1
        var index = home(hash)
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let position = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: slot)) - 1
                if idAt(position) == id { return position }
            }
            index = (index + 1) & mask
        }
    }

    /// Adds `position` as `id`'s, unless `id` has a position already: then returns that one
    /// and adds nothing. `idAt` gives the id at a position held.
    mutating func insert(_ id: ArticleID, at position: Int, idAt: (Int) -> ArticleID) -> Int? {
        precondition(position >= 0 && position < IDPositionTable.maxCount, "more ids than a table holds")
        if count >= capacity { reserveCapacity(max(16, count * 2)) }
        let hash = IDPositionTable.hash32(id)
        let mask = slots.count - 1
        var index = home(hash)
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let held = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: slot)) - 1
                if idAt(held) == id { return held }
            }
            index = (index + 1) & mask
        }
        slots[index] = UInt64(hash) << 32 | UInt64(position + 1)
        count += 1
        return nil
    }

    /// How many slots a lookup of `id` looks at, up to the one holding it or an empty one
    /// (for tests: ids must be spread over the table).
    func slotsLookedAt(for id: ArticleID) -> Int {
        guard !slots.isEmpty else { return 0 }
        let hash = IDPositionTable.hash32(id)
        var index = home(hash)
        var looked = 1
        while slots[index] != 0 && UInt32(truncatingIfNeeded: slots[index] >> 32) != hash {
            index = (index + 1) & (slots.count - 1)
            looked += 1
        }
        return looked
    }

    /// 32 bits of the id's hash, spread over all of them.
    private static func hash32(_ id: ArticleID) -> UInt32 {
        UInt32(truncatingIfNeeded: (id.hash64 &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// The first slot looked at for `hash`: its top bits (the slots are a power of two, at
    /// most 2^32), so that growing moves each slot by its own bits, no id looked at.
    private func home(_ hash: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) * UInt64(slots.count)) >> 32)
    }

    /// Moves every slot to a table of `slotCount` slots.
    private mutating func rehash(slotCount: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for slot in old where slot != 0 {
            var index = home(UInt32(truncatingIfNeeded: slot >> 32))
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
