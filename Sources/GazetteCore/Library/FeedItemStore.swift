import Foundation

/// The items of a feed as the background indexer finds them, readable from the screen's
/// thread meanwhile.
final class FeedItemStore: @unchecked Sendable {
    /// An item as kept: whole, or, in a big feed, without its body and with where in the file
    /// to parse it again from (``FeedItemRereader``).
    struct Kept: Sendable {
        var item: FeedItem
        /// An offset of the file at or after which the item surely starts; nil when the
        /// body is kept.
        var rereadFrom: Int?
        /// Credit and reading time, when worked out while indexing.
        var details: ArticleDetails?
        /// The dropped body's hash, that a body parsed again must have.
        var bodyHash: UInt64?
    }

    private let lock = NSLock()
    private var items: [Kept] = []
    private var part = 0..<0
    private var lateEnd: LatePartEnd?

    /// Forgets what an earlier pass found (a new index starts from the top) and notes the
    /// part of the file the items come from; with `lateEnd`, the part ends there instead once
    /// it is known. Returns whether an earlier pass had found items.
    @discardableResult
    func reset(part: Range<Int>, lateEnd: LatePartEnd? = nil) -> Bool {
        lock.withLock {
            let found = !items.isEmpty
            items.removeAll()
            self.part = part
            self.lateEnd = lateEnd
            return found
        }
    }

    /// The part of the file the items come from (as far as is known: a late end is known
    /// before the parse that finds the items gets near it).
    var range: Range<Int> {
        let (known, end) = lock.withLock { (self.part, self.lateEnd) }
        guard let found = end?.valueIfKnown, let cut = found else { return known }
        return known.lowerBound..<min(known.upperBound, cut)
    }

    /// Adds an item; returns its position.
    func append(_ item: Kept) -> Int {
        lock.withLock {
            items.append(item)
            return items.count - 1
        }
    }

    subscript(position: Int) -> Kept? {
        lock.withLock { items.indices.contains(position) ? items[position] : nil }
    }
}
