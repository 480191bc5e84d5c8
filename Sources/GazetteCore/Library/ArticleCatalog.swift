import Foundation

/// One article of a catalog: which source it is in, and its summary.
public struct CatalogEntry: Sendable, Equatable {
    public let sourceIndex: Int
    public let summary: ArticleSummary
}

/// The articles of every opened source in order, each id once: the first copy's place, title
/// and text, carrying the previous ids of every copy (``furtherPreviousIDs``).
///
/// Entries can arrive in batches while sources are still being indexed; positions of
/// entries already there never change.
public final class ArticleCatalog: @unchecked Sendable {
    /// The sources in order; more join while files are checked (``BackgroundIndexer/Batch/openedSources``).
    public private(set) var sources: [OpenedSource]
    public private(set) var entries: [CatalogEntry] = []
    /// The position of each id in `entries` (in about 11 to 21 bytes an id: none is copied).
    private var positions = IDPositionTable()
    /// By id, not position: every dictionary type costs the run-time a search of all its
    /// conformances the first time, and the first screen already pays it for `ArticleID`.
    private var detailsCache: [ArticleID: ArticleDetails] = [:]

    /// The sources of each name, to tell apart those that share one (``shownName(of:)``).
    private var namesShared = SharedSourceNames()
    /// The previous ids later copies of stories brought.
    private var copies = CopiesPreviousIDs()
    /// Whether each source has a story of its own in `entries` (not only copies of earlier ones).
    private var listsStories: [Bool] = []
    /// A story of each source whose first batch listed none of its own (every story a copy of
    /// one in an earlier source), by source: the feed of such a source has no story in
    /// `entries`, and its title tag is looked up by one (``FeedTitleChanges/look(at:in:)``).
    public private(set) var copiedStories: [Int: ArticleSummary] = [:]
    /// The last source articles were appended from: those before it are indexed whole.
    private var lastSourceAppended = -1

    /// How many sources have a story of their own in the catalog: a source whose every story
    /// is a copy of one in an earlier source lists none.
    public private(set) var sourcesListed = 0
    /// How many sources are indexed whole without a story of their own (sources are indexed
    /// in order: those before the last one articles came from). While indexing,
    /// `sources.count - sourcesPassedUnlisted` counts the sources that list stories or may yet.
    public private(set) var sourcesPassedUnlisted = 0

    /// The previous ids of stories beyond the one their summary carries, by id, in the copies'
    /// order (``CopiesPreviousIDs``): nearly always empty.
    public var furtherPreviousIDs: [ArticleID: [ArticleID]] { copies.further }

    /// Whether ``indexed(_:)`` or ``indexed(_:until:)`` indexed every source whole (false for
    /// a catalog filled otherwise, or one whose indexing stopped once it held enough before the
    /// end of its files).
    public private(set) var indexedWhole = false

    /// An empty catalog over `sources`, to be filled with `append`.
    public init(sources: [OpenedSource]) {
        self.sources = sources
        listsStories = Array(repeating: false, count: sources.count)
        for opened in sources { namesShared.add(opened.source) }
    }

    /// A catalog with every source fully indexed now.
    public static func indexed(_ sources: [OpenedSource]) -> ArticleCatalog {
        let catalog = ArticleCatalog(sources: sources)
        // The reader's own indexing (a big file in parts, on two or more threads): the commands
        // list exactly the stories the reader shows, even from a damaged big feed, as fast.
        let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
        indexer.runToEnd()
        for batch in indexer.take().batches {
            catalog.add(batch.openedSources)
            catalog.append(batch.summaries, fromSource: batch.sourceIndex)
        }
        catalog.indexedWhole = true
        return catalog
    }

    /// A catalog of `sources` indexed only until it holds `count` articles (whole when they
    /// hold fewer): its articles are the first `count` or more of ``indexed(_:)``'s, numbered
    /// alike, each whole. `gazette show N` reads no further than story N needs.
    public static func indexed(_ sources: [OpenedSource], upTo count: Int) -> ArticleCatalog {
        indexed(sources, until: { $0.entries.count >= count })
    }

    /// A catalog of `sources` indexed only until `done` says it holds enough (whole when it
    /// never does): its articles are the first of ``indexed(_:)``'s, numbered alike, each
    /// whole. `done` is asked after each batch handed over; `gazette mark` stops once the
    /// stories it names are known (``settles(_:)``).
    public static func indexed(
        _ sources: [OpenedSource], until done: @escaping @Sendable (ArticleCatalog) -> Bool
    )
        -> ArticleCatalog
    {
        indexed(sources, until: done, splitThreshold: BackgroundIndexer.defaultSplitThreshold)
    }

    /// ``indexed(_:upTo:)``, a file of `splitThreshold` bytes or more cut in parts of
    /// `partSize` (tests cut small ones).
    static func indexed(
        _ sources: [OpenedSource], upTo count: Int, splitThreshold: Int,
        partSize: Int = BackgroundIndexer.defaultPartSize
    ) -> ArticleCatalog {
        indexed(
            sources, until: { $0.entries.count >= count }, splitThreshold: splitThreshold, partSize: partSize)
    }

    /// ``indexed(_:until:)``, a file of `splitThreshold` bytes or more cut in parts of
    /// `partSize`.
    static func indexed(
        _ sources: [OpenedSource], until done: @escaping @Sendable (ArticleCatalog) -> Bool,
        splitThreshold: Int,
        partSize: Int = BackgroundIndexer.defaultPartSize
    ) -> ArticleCatalog {
        let catalog = ArticleCatalog(sources: sources)
        // The indexing `indexed` runs, stopped once the batches handed over (in file order,
        // each story in them whole) hold enough: later stories change no earlier one's place.
        let indexer = BackgroundIndexer(
            sources: sources, splitThreshold: splitThreshold, partSize: partSize, loadStates: { _ in [:] })
        let lock = NSLock()
        let takeBatches: @Sendable () -> Void = {
            lock.withLock {
                for batch in indexer.take().batches {
                    catalog.add(batch.openedSources)
                    catalog.append(batch.summaries, fromSource: batch.sourceIndex)
                }
                if done(catalog) { indexer.cancel() }
            }
        }
        indexer.runToEnd(onBatch: takeBatches)
        takeBatches()
        catalog.indexedWhole = !indexer.stoppedEarly
        return catalog
    }

    /// Makes room for `count` articles in all, when there is less: growing the table of
    /// positions one doubling at a time moves every id again, and a fuller table costs each
    /// lookup more comparisons (most of the screen thread's work while a big file is indexed).
    /// At most 32 times the articles there are, so that a wrong reckoning stays cheap; enough
    /// that a big file's table is moved a few times. Nothing before the first articles: the
    /// first screen's batch would scatter its few ids over a table for thousands, each into a
    /// page of its own (a hundred page faults on the first screen's path).
    public func expect(_ count: Int) {
        let room = min(count + count / 2, 32 * entries.count)
        guard room > positions.capacity else { return }
        positions.reserveCapacity(room)
        entries.reserveCapacity(room)
    }

    /// How many articles' details are kept (for tests).
    var keptDetailsCount: Int { detailsCache.count }

    /// How many ids the table of positions holds before it must grow (for tests).
    var positionsCapacity: Int { positions.capacity }

    /// Adds summaries of one source, with the `details` already worked out for some of them;
    /// returns how many were new (not already present by id). A copy of a story there adds
    /// only the previous id it carries (``CopiesPreviousIDs``).
    @discardableResult
    public func append(
        _ summaries: [ArticleSummary], fromSource sourceIndex: Int, details: [ArticleID: ArticleDetails] = [:]
    ) -> Int {
        let before = entries.count
        expect(before + summaries.count)
        passSources(before: sourceIndex)
        for summary in summaries {
            // One lookup for a new id (nearly every one); a repeated id keeps its first place.
            let known = entries.withUnsafeBufferPointer { entries in
                positions.insert(summary.id, at: entries.count) { entries[$0].summary.id }
            }
            if let known {
                if !summary.earlierIDs.isEmpty {
                    var kept = entries[known].summary
                    if copies.take(summary, into: &kept) {
                        entries[known] = CatalogEntry(sourceIndex: entries[known].sourceIndex, summary: kept)
                    }
                }
                continue
            }
            if !details.isEmpty, let known = details[summary.id] { detailsCache[summary.id] = known }
            entries.append(CatalogEntry(sourceIndex: sourceIndex, summary: summary))
        }
        if entries.count == before, listsStories.indices.contains(sourceIndex), !listsStories[sourceIndex],
            copiedStories[sourceIndex] == nil,
            let copy = summaries.first(where: { $0.earlierIDs.feedScopes != nil })
        {
            copiedStories[sourceIndex] = copy
        }
        if entries.count > before, listsStories.indices.contains(sourceIndex), !listsStories[sourceIndex] {
            listsStories[sourceIndex] = true
            sourcesListed += 1
        }
        return entries.count - before
    }

    /// Counts the sources from the last one appended from up to `sourceIndex` (not included)
    /// that list no story of their own: they are indexed whole once a later source's articles come.
    private func passSources(before sourceIndex: Int) {
        guard sourceIndex > lastSourceAppended else { return }
        for passed in max(lastSourceAppended, 0)..<min(sourceIndex, listsStories.count)
        where !listsStories[passed] {
            sourcesPassedUnlisted += 1
        }
        lastSourceAppended = sourceIndex
    }

    /// Adds sources after those there, for the articles of theirs appended next.
    public func add(_ opened: [OpenedSource]) {
        sources += opened
        listsStories += repeatElement(false, count: opened.count)
        for each in opened { namesShared.add(each.source) }
    }

    /// The name an entry's source is shown by: its own, and what tells it apart when another
    /// source open has the same name.
    public func shownName(of entry: CatalogEntry) -> SharedSourceNames.Name {
        namesShared.name(of: sources[entry.sourceIndex].source)
    }

    /// The position of an article in `entries`.
    public func position(of id: ArticleID) -> Int? {
        entries.withUnsafeBufferPointer { entries in positions.position(of: id) { entries[$0].summary.id } }
    }

    /// The position of the first article that had the id `earlier` in an older Gazette
    /// (``ArticleSummary/earlierIDs``, ``furtherPreviousIDs``): where a place it stored is now.
    /// Goes through every article: for a place not found by its id once indexing has ended.
    public func position(ofEarlier earlier: ArticleID) -> Int? {
        let found = entries.firstIndex { entry in
            let ids = entry.summary.earlierIDs
            guard !ids.isEmpty else { return false }
            return ids.newest == earlier || ids.older == earlier || ids.oldest == earlier
                || ids.guidAlone == earlier
        }
        let copies = furtherPreviousIDs.compactMap { $0.value.contains(earlier) ? position(of: $0.key) : nil }
        return ([found].compactMap { $0 } + copies).min()
    }

    /// The source an entry comes from.
    public func source(of entry: CatalogEntry) -> Source {
        sources[entry.sourceIndex].source
    }

    /// A hash of the text of the story at `position` as its source's index kept it (see
    /// ``OpenedSource/keptTextHash(_:)``); nil for a dump's story.
    public func keptTextHash(at position: Int) -> UInt64? {
        let entry = entries[position]
        return sources[entry.sourceIndex].keptTextHash(entry.summary)
    }

    /// The whole article at `position`, decoded now; with `maxParagraphs`, a dump story's
    /// first paragraphs only (see ``Article/leftOutParagraphs``).
    public func article(at position: Int, maxParagraphs: Int? = nil) -> Article? {
        guard entries.indices.contains(position) else { return nil }
        let entry = entries[position]
        return sources[entry.sourceIndex].article(entry.summary, maxParagraphs: maxParagraphs)
    }

    /// Credit and reading time of the article at `position` (worked out once, then kept; with
    /// `keeping` false, as kept or worked out now and not kept: a command that goes through a
    /// whole archive once holds none of them).
    public func details(at position: Int, keeping: Bool = true) -> ArticleDetails {
        let entry = entries[position]
        if let cached = detailsCache[entry.summary.id] { return cached }
        let details = sources[entry.sourceIndex].details(entry.summary)
        if keeping { detailsCache[entry.summary.id] = details }
        return details
    }

    /// Whom the article at `position` credits, without its reading time: what a list of every
    /// headline needs, worked out without counting words (kept details are used when there).
    public func credits(at position: Int) -> ArticleCredits {
        let entry = entries[position]
        if let cached = detailsCache[entry.summary.id] { return cached.credited }
        return sources[entry.sourceIndex].credits(entry.summary)
    }
}
