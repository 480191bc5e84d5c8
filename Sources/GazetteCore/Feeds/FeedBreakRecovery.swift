/// Reading on after a break in a UTF-8 XML feed, so that one damaged item does not cost
/// every story after it: the parse starts again at the next item after the text it broke in
/// (behind the feed's start, as a part after a cut is read), skips the items it had already
/// delivered from that text, and does the same after any later break.
final class FeedBreakRecovery {
    /// Restarts after one break at most, so that a feed broken everywhere still ends.
    static let maxRestarts = 100_000

    private let position: FeedParsePosition
    private let onItem: (FeedItem) -> Bool
    /// False once the consumer asked to stop.
    private var keepGoing = true
    /// The ids delivered from the text the parser is reading now, and where that text starts.
    private var chunk = -1
    private var chunkIDs = FeedItemIDSet()
    /// Ids already delivered that a restart reads again, skipped while the parse reads text
    /// that starts before `skipUntil` (where the text the parse broke in ended).
    private var skipping = FeedItemIDSet()
    private var skipUntil = 0
    /// Items handed on so far, and items parsed so far (skipped ones too).
    private var delivered = 0
    private var seen = 0

    /// Delivers items to `onItem`; `position` follows the parse.
    init(position: FeedParsePosition, onItem: @escaping (FeedItem) -> Bool) {
        self.position = position
        self.onItem = onItem
    }

    /// Hands an item on, unless a restart read it again.
    func deliver(_ item: FeedItem) -> Bool {
        seen += 1
        if position.chunkStart < skipUntil, skipping.contains(item.id) { return true }
        if position.chunkStart != chunk {
            chunk = position.chunkStart
            chunkIDs = FeedItemIDSet()
        }
        chunkIDs.insert(item.id)
        delivered += 1
        keepGoing = onItem(item)
        return keepGoing
    }

    /// A break met while reading on: its line in the file, what it is, and whether items were
    /// read after it.
    struct Break {
        var line: Int
        var reason: String
        var readAfter: Bool
    }

    /// After a parse of `bytes` broke before `end`: reads on from the next item, again after
    /// each break, up to `end`; returns how many items it delivered and the breaks it met.
    /// `lines` counts the file's lines for the breaks' messages.
    func readOn(
        _ bytes: UnsafeRawBufferPointer, plan: FeedTextDecoder.Plan, format: SourceFormat, end: Int,
        lines: FeedLineCounter
    ) -> (delivered: Int, breaks: [Break], fileEnd: String?) {
        guard keepGoing, let first = FeedItemBoundary.firstCuttableItem(in: bytes, format: format) else {
            return (0, [], nil)
        }
        // What the last reading said of the file's end (cut short inside an item), when it
        // reached the file's end.
        var fileEnd: String?
        let deliveredBefore = delivered
        // Each break with the items delivered when its reading ended.
        var met: [(found: Break, deliveredThen: Int)] = []
        func result() -> (delivered: Int, breaks: [Break], fileEnd: String?) {
            let breaks = met.map { entry in
                var found = entry.found
                if delivered > entry.deliveredThen { found.readAfter = true }
                return found
            }
            return (delivered - deliveredBefore, breaks, fileEnd)
        }
        var after = position.chunkStart
        var restarts = 0
        while keepGoing, restarts < FeedBreakRecovery.maxRestarts,
            let cut = FeedItemBoundary.nextCut(in: bytes, format: format, after: max(after, first + 1)),
            cut < end
        {
            restarts += 1
            // What was delivered from the text it broke in is read again from the cut on.
            if position.chunkStart >= skipUntil { skipping = FeedItemIDSet() }
            skipping.formUnion(chunkIDs)
            skipUntil = max(skipUntil, position.bytes)
            let source = XMLTextSource(
                bytes: bytes, plan: plan, segments: [0..<first, cut..<end], reached: position)
            let reader = FeedParser.reader(for: format, onItem: deliver)
            reader.lineInFile = { lines.lineInFile($0, first: first, cut: cut) }
            let seenBefore = seen
            _ = reader.run(source)
            fileEnd = end >= bytes.count ? reader.warnings.last : nil
            guard reader.broke(before: end, reached: position) else { break }
            for found in reader.breaksInside where !met.contains(where: { $0.found.line == found.line }) {
                met.append((found, delivered))
            }
            // Broken again: on from the cut after the items it read (they started at the
            // cuts from this one on), or from the next cut when it read none, so that each
            // stretch is read about once.
            var next = cut
            for _ in 0..<max(1, seen - seenBefore) {
                guard let later = FeedItemBoundary.nextCut(in: bytes, format: format, after: next + 1),
                    later < end
                else { return result() }
                next = later
            }
            after = next
        }
        return result()
    }
}
