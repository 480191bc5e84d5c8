import Foundation

/// The items of a feed as the background indexer finds them, readable from the screen's
/// thread meanwhile.
final class FeedItemStore: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [FeedItem] = []

    /// Forgets what an earlier pass found (a new index starts from the top).
    func reset() {
        lock.withLock { items.removeAll() }
    }

    /// Adds an item; returns its position.
    func append(_ item: FeedItem) -> Int {
        lock.withLock {
            items.append(item)
            return items.count - 1
        }
    }

    subscript(position: Int) -> FeedItem? {
        lock.withLock { items.indices.contains(position) ? items[position] : nil }
    }
}
