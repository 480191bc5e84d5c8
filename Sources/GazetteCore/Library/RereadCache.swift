import Foundation

/// The items parsed again from the files of one load's feeds (``FeedItemRereader``), kept
/// while their text fits in one budget of bytes for the whole load, the first kept let go
/// first: a search through a folder of 300 feeds kept up to 512 items of each feed.
public final class RereadCache: @unchecked Sendable {
    /// The bytes of items kept at most by default, every feed of a load together: the 192 items
    /// a search parses ahead in a big feed (about 8 KiB each), twice over.
    public static let defaultBudget = 4 << 20

    /// Bytes an item costs besides its text: the item, its strings' headers, a table's slot.
    static let itemOverhead = 256

    private struct Key: Hashable {
        var feed: Int
        var position: Int
    }

    private struct Entry {
        var item: FeedItem
        var bytes: Int
        var stamp: Int
    }

    /// The bytes kept at most.
    let budget: Int
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    /// Keys in the order they were kept, each with the stamp it was kept with (a key kept again
    /// later has a newer one, and its older place is passed over); those before `head` are gone.
    private var order: [(key: Key, stamp: Int)] = []
    private var head = 0
    private var stamps = 0
    private var feeds = 0
    private var keptBytes = 0

    /// A cache keeping `budget` bytes of items at most.
    public init(budget: Int = RereadCache.defaultBudget) {
        self.budget = budget
    }

    /// A number for a feed's items, unique in this cache.
    func newFeed() -> Int {
        lock.withLock {
            feeds += 1
            return feeds
        }
    }

    /// The bytes of the items kept now (see ``size(of:)``).
    public var bytes: Int {
        lock.withLock { keptBytes }
    }

    /// How many places the order of keeping holds, those of items gone included (tests).
    var placesKept: Int {
        lock.withLock { order.count - head }
    }

    /// The bytes of the items of `feed` kept now.
    func bytes(ofFeed feed: Int) -> Int {
        lock.withLock { entries.reduce(0) { $0 + ($1.key.feed == feed ? $1.value.bytes : 0) } }
    }

    /// The item of `feed` at `position`, when kept.
    func item(ofFeed feed: Int, at position: Int) -> FeedItem? {
        lock.withLock { entries[Key(feed: feed, position: position)]?.item }
    }

    /// Whether the item of `feed` at `position` is kept.
    func contains(feed: Int, position: Int) -> Bool {
        lock.withLock { entries[Key(feed: feed, position: position)] != nil }
    }

    /// Keeps `items` of `feed` (position, item), the last given the last to go; then lets go of
    /// the first kept (of any feed of the load) until the rest fit in the budget.
    func keep(_ items: [(position: Int, item: FeedItem)], ofFeed feed: Int) {
        lock.withLock {
            for (position, item) in items {
                let key = Key(feed: feed, position: position)
                let size = Self.size(of: item)
                stamps += 1
                if let old = entries.updateValue(Entry(item: item, bytes: size, stamp: stamps), forKey: key) {
                    keptBytes -= old.bytes
                }
                keptBytes += size
                order.append((key, stamps))
            }
            while keptBytes > budget && head < order.count {
                let (key, stamp) = order[head]
                head += 1
                guard let entry = entries[key], entry.stamp == stamp else { continue }
                entries.removeValue(forKey: key)
                keptBytes -= entry.bytes
            }
            compactOrder()
        }
    }

    /// Lets go of every item of `feed` (its file is indexed again).
    func forget(feed: Int) {
        lock.withLock {
            let before = entries.count
            entries = entries.filter { $0.key.feed != feed }
            guard entries.count != before else { return }
            keptBytes = entries.values.reduce(0) { $0 + $1.bytes }
            compactOrder()
        }
    }

    /// Drops the places in `order` of items gone or kept again since, once they are most of it;
    /// with the lock held.
    private func compactOrder() {
        guard order.count > 2 * entries.count + 1024 else { return }
        order = order[head...].filter { entries[$0.key]?.stamp == $0.stamp }
        head = 0
    }

    /// What an item is reckoned to cost kept: its text's bytes and ``itemOverhead``.
    static func size(of item: FeedItem) -> Int {
        var bytes = itemOverhead + item.id.utf8.count + item.title.utf8.count + item.content.utf8.count
        bytes +=
            (item.link?.utf8.count ?? 0) + (item.author?.utf8.count ?? 0) + (item.shownTitle?.utf8.count ?? 0)
            + (item.linkInID?.utf8.count ?? 0) + (item.contentIDBefore?.utf8.count ?? 0)
        for text in item.enclosures { bytes += text.utf8.count }
        for text in item.pictureCaptions { bytes += text.utf8.count }
        for (caption, addresses) in item.captionedPictures {
            bytes += caption.utf8.count + addresses.reduce(0) { $0 + $1.utf8.count }
        }
        for (address, label) in item.enclosureLabels { bytes += address.utf8.count + label.utf8.count }
        for (address, label) in item.mediaFiles.labels { bytes += address.utf8.count + label.utf8.count }
        for file in item.mediaFiles.described { bytes += file.text.utf8.count }
        return bytes
    }
}
