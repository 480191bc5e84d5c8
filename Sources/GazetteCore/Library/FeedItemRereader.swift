import Foundation

/// Parses items of a big feed again from the file, for the bodies that indexing did not keep.
///
/// An item is read from the cut just before where it surely starts (``FeedItemBoundary``),
/// behind the feed's own start, to the end of the text it is found in, and recognised by its
/// id, title and link. Its neighbours parsed on the way are kept in a cache shared by the
/// feeds of the load (``RereadCache``), so showing the rows around a story or moving to the
/// next one parses that stretch once.
/// When an item is not where it was expected (a damaged stretch the parser read differently
/// from a cut), its whole part is parsed again and the item taken by its place in it.
///
/// Reads run on any thread (the screen's, a search's, an indexing thread's for the first
/// screen) while another indexes the file again (``reset()``): a read the reset overtook keeps
/// nothing and tells nothing of the file, and is read once more against the new index.
final class FeedItemRereader: @unchecked Sendable {
    /// How far before the place an item surely starts at the cut is looked for: the text the
    /// parser had been handed, not the item itself, is what is known.
    static let margin = 4096
    /// How much text past its cut a parse reads while looking for an item before giving up.
    static let searchLimit = 4 << 20
    /// Items parsed past the one asked for when the one before it was asked for just before.
    static let aheadWhenForwards = 192
    /// Items kept on each side of one read from the start of its part.
    static let aroundAFallback = 128

    private let bytes: FileBytes
    private let format: SourceFormat
    private let firstItem: Int
    private let lock = NSLock()
    /// The items parsed again, kept with those of the other feeds of the load, under `feed`.
    private let cache: RereadCache
    private let feed: Int
    private var fallbackCount = 0
    private var cutParseCount = 0
    /// Set when an item was not found even from the start of its part: no body is read again
    /// until the file is indexed again.
    private var stale = false
    /// How many times the file was indexed again (``reset()``), with `lock`.
    private var resets = 0
    /// Called once a read has parsed, before it keeps what it found (tests: a reset meanwhile).
    var afterParse: (@Sendable () -> Void)?

    /// A rereader for a feed whose first item is at `firstItem` and that can be cut, keeping
    /// the items it parses in `cache`.
    init(bytes: FileBytes, format: SourceFormat, firstItem: Int, cache: RereadCache) {
        self.bytes = bytes
        self.format = format
        self.firstItem = firstItem
        self.cache = cache
        feed = cache.newFeed()
    }

    /// The bytes of this feed's items kept in the cache (tests).
    var cachedBytes: Int { cache.bytes(ofFeed: feed) }

    /// How many items were read from the start of their part (tests).
    var fallbacks: Int {
        lock.withLock { fallbackCount }
    }

    /// How many parses from a cut looked for an item (tests).
    var cutParses: Int {
        lock.withLock { cutParseCount }
    }

    /// Whether the file was found not to be what was indexed (written over in place, or cut).
    var isStale: Bool {
        lock.withLock { stale }
    }

    /// Forgets every cached item and whether the file was found changed (it is indexed again).
    func reset() {
        lock.withLock {
            resets += 1
            stale = false
            cache.forget(feed: feed)
        }
    }

    /// The whole item at `position`, the `ordinal`-th of its part `store`, parsed again.
    /// `position - ordinal` is the position of the part's first item.
    func item(at position: Int, ordinal: Int, in store: FeedItemStore) -> FeedItem? {
        // Overtaken twice, the index is being made again and again: nothing is known.
        for _ in 0..<2 {
            if case .done(let item) = read(at: position, ordinal: ordinal, in: store) { return item }
        }
        return nil
    }

    /// What a read found: the item (nil when the file does not hold it as indexed), or that
    /// the file was indexed again meanwhile (what it found may be the index before's).
    private enum Read {
        case done(FeedItem?)
        case overtaken
    }

    /// The item as ``item(at:ordinal:in:)`` reads it, once.
    private func read(at position: Int, ordinal: Int, in store: FeedItemStore) -> Read {
        // Once the file is known not to be what was indexed, no body is read again until it is
        // indexed again: a parse from a cut read up to ``searchLimit`` to find nothing, for each
        // story a search looked at.
        let (index, known) = lock.withLock { (resets, stale) }
        if let cached = cache.item(ofFeed: feed, at: position) { return .done(cached) }
        let forwards = cache.contains(feed: feed, position: position - 1)
        guard !known, let kept = store[ordinal] else { return .done(nil) }
        let part = store.range
        if let from = kept.rereadFrom,
            let found = nearby(from, ordinal: ordinal, in: store, part: part, forwards: forwards)
        {
            afterParse?()
            guard
                remember(
                    found.items, target: found.target, position: position, store: store, ordinal: ordinal,
                    index: index)
            else { return .overtaken }
            return .done(found.items[found.target])
        }
        guard !lock.withLock({ stale }) else { return .done(nil) }
        lock.withLock { fallbackCount += 1 }
        // The items around it too: a damaged stretch's neighbours are likely to need it.
        let around = FeedItemRereader.aroundAFallback
        var seen = 0
        var items: [FeedItem] = []
        _ = try? FeedParser.parse(bytes.buffer, format: format, part: part) { item in
            defer { seen += 1 }
            if seen >= ordinal - around { items.append(item) }
            return seen < ordinal + around
        }
        let target = ordinal - max(0, ordinal - around)
        afterParse?()
        guard target < items.count, Self.same(items[target], kept) else {
            // The file is not what was indexed (changed on disk): no more whole-part parses,
            // each of which would cost seconds to find nothing. Unless it was indexed again
            // meanwhile: the new index may be what it holds (every body read again was blank).
            let current = lock.withLock {
                guard resets == index else { return false }
                stale = true
                return true
            }
            return current ? .done(nil) : .overtaken
        }
        guard
            remember(items, target: target, position: position, store: store, ordinal: ordinal, index: index)
        else { return .overtaken }
        return .done(items[target])
    }

    /// The items parsed from the cut before `from` up to the end of the text the item at
    /// `ordinal` of `store` is found in (or, going `forwards` through the feed,
    /// ``aheadWhenForwards`` items past it), and which of them it is; nil when it was not
    /// found. The items parsed before it must be the ones the index has before it, so that a
    /// story repeated nearby (same id, title and link) is not taken for it.
    private func nearby(_ from: Int, ordinal: Int, in store: FeedItemStore, part: Range<Int>, forwards: Bool)
        -> (items: [FeedItem], target: Int)?
    {
        guard let wanted = store[ordinal] else { return nil }
        let start: Int
        if from - FeedItemRereader.margin <= firstItem {
            start = part.lowerBound
        } else {
            guard
                let cut = FeedItemBoundary.nextCut(
                    in: bytes.buffer, format: format,
                    after: max(part.lowerBound, from - FeedItemRereader.margin)),
                cut < part.upperBound
            else { return nil }
            start = cut
        }
        lock.withLock { cutParseCount += 1 }
        var items: [FeedItem] = []
        var target: Int?
        var reachedAtTarget = 0
        let reached = FeedParsePosition()
        // Small pieces first: the item is near the start (the items found are checked
        // against the index, so a fault read otherwise here only sends it to the fallback).
        _ = try? FeedParser.parse(
            bytes.buffer, format: format, part: start..<part.upperBound, reached: reached, stoppingEarly: true
        ) { item in
            if let target {
                // The rest of the text the parser was handed with the item is parsed for
                // free; reading on through the feed (a search), so are the items after it:
                // the next parse would start before them again.
                let enough =
                    forwards
                    ? items.count - target > FeedItemRereader.aheadWhenForwards
                    : reached.bytes != reachedAtTarget || items.count - target > 64
                if enough { return false }
                items.append(item)
                return true
            }
            items.append(item)
            let candidate = items.count - 1
            if Self.same(item, wanted), candidate <= ordinal,
                (0..<candidate).allSatisfy({ index in
                    store[ordinal - candidate + index].map { Self.same(items[index], $0) } ?? false
                })
            {
                target = candidate
                reachedAtTarget = reached.bytes
            }
            return reached.bytes - start <= FeedItemRereader.searchLimit
        }
        // Read through once, the pages need not stay in this process (as when indexing).
        if forwards { bytes.release(start..<min(reached.bytes, part.upperBound)) }
        return target.map { (items, $0) }
    }

    /// Whether a parsed item is the one the index kept, body and all (the body by its hash
    /// when the index dropped it): near a damaged stretch, a parse from a cut can read an
    /// item's fields differently from the index's parse.
    private static func same(_ item: FeedItem, _ kept: FeedItemStore.Kept) -> Bool {
        guard item.id == kept.item.id, item.title == kept.item.title, item.link == kept.item.link else {
            return false
        }
        var withoutBody = item
        withoutBody.content = kept.item.content
        guard withoutBody == kept.item else { return false }
        return kept.bodyHash.map { $0 == bodyHash(item.content) } ?? (item.content == kept.item.content)
    }

    /// The hash a dropped body is recognised by.
    static func bodyHash(_ body: String) -> UInt64 {
        var fingerprint = ContentFingerprint()
        fingerprint.add(body)
        return fingerprint.value
    }

    /// Caches the items found around the target, each only when the index kept the same
    /// item at that place (a neighbour the cut read differently is left out): the farthest
    /// from the target first, the target last, so that those nearest it are the last to go.
    /// Nothing is kept, and false returned, when the file was indexed again since the `index`-th
    /// reset the items were read after (they may be the old index's at those positions).
    private func remember(
        _ items: [FeedItem], target: Int, position: Int, store: FeedItemStore, ordinal: Int, index: Int
    ) -> Bool {
        var verified: [(position: Int, item: FeedItem)] = []
        for (offset, item) in items.enumerated() where offset != target {
            let neighbour = ordinal + offset - target
            guard neighbour >= 0, let kept = store[neighbour], Self.same(item, kept) else { continue }
            verified.append((position + offset - target, item))
        }
        verified.sort { abs($0.position - position) > abs($1.position - position) }
        verified.append((position, items[target]))
        return lock.withLock {
            guard resets == index else { return false }
            cache.keep(verified, ofFeed: feed)
            return true
        }
    }
}
