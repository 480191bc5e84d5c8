import Foundation

/// A news file opened for reading: what it is, its bytes, and how to index and decode it.
public final class OpenedSource: @unchecked Sendable {
    /// What the file is; a feed checked later is named by its title once the check ends.
    public var source: Source {
        headerLock.withLock { sourceValue }
    }
    private var sourceValue: Source
    /// The file's format (fixed: only a checked-later feed's name changes), read without the lock.
    private let format: SourceFormat
    public let bytes: FileBytes
    /// Whether the file is a feed not yet checked for an item nor named (see
    /// ``finishFeedCheck(firstItemFound:)``).
    public let isCheckedLater: Bool
    private let headerLock = NSLock()
    /// The feed's header when indexing reached its first item (a feed checked later).
    private var headerAtFirstItem: FeedHeader?
    /// What scopes the feed's item ids that are not global (see ``articleIDs(of:identifyingTitle:)``).
    private var idScopeValue: FeedIDScope?
    /// What the last indexing of each part could not read, by where the part starts.
    private var readWarningsByPart: [Int: [String]] = [:]
    private let items = FeedItemStore()
    /// The items of each later part of a feed cut in parts, each in a store of its own, and
    /// the store of each part by where the part starts (with `storesLock`).
    private var laterStores: [FeedItemStore] = []
    private var laterStoreOfPart: [Int: Int] = [:]
    private let storesLock = NSLock()
    /// UTF-8 XML feeds at least this big, or opened in a load at least this big, keep what
    /// the list needs of each item, not its body.
    private let bodiesOnDemandFrom: Int
    /// The bytes of the files opened together with this one, itself included (0: alone).
    private let loadBytes: Int
    private let rereaderLock = NSLock()
    private var rereaderChecked = false
    private var rereaderValue: FeedItemRereader?
    /// Where the items parsed again are kept, with those of the other feeds of the load.
    private let rereadCache: RereadCache

    /// A source over `bytes`; a UTF-8 RSS, RDF or Atom feed of `bodiesOnDemandFrom` bytes or
    /// more, or opened with other files of `loadBytes` bytes in all (itself included) or more
    /// (``SourceLoad``), keeps only what the list needs of its items after the first
    /// `keepingBodiesOfFirst` (the first screen's), and parses a body again when it is shown,
    /// searched or counted.
    /// With `detailsWhileIndexing`, a feed item's credit and reading time are worked out as
    /// it is indexed (on the indexing threads), for a caller that will ask for every item's.
    /// `checkedLater`: see ``SourceLoader/openFile(_:detailsWhileIndexing:checkingFeedLater:)``.
    /// The bodies parsed again are kept in `rereadCache`, shared by the files of a load.
    public init(
        source: Source, bytes: FileBytes, bodiesOnDemandFrom: Int = OpenedSource.bodiesOnDemandSize,
        loadBytes: Int = 0, keepingBodiesOfFirst: Int = OpenedSource.bodiesKeptAtStart,
        detailsWhileIndexing: Bool = false, checkedLater: Bool = false,
        rereadCache: RereadCache = RereadCache()
    ) {
        self.rereadCache = rereadCache
        sourceValue = source
        format = source.format
        isCheckedLater = checkedLater
        self.bytes = bytes
        self.bodiesOnDemandFrom = bodiesOnDemandFrom
        self.loadBytes = loadBytes
        self.bodiesKeptAtStart = keepingBodiesOfFirst
        self.detailsWhileIndexing = detailsWhileIndexing
    }

    private let detailsWhileIndexing: Bool

    /// Ends the check of a feed opened with `checkedLater`, once indexing has reached its first
    /// item (`firstItemFound`) or ended without one: names the feed by its title, or throws as
    /// opening it would have. Where indexing did not see the header before the first item (a
    /// feed that breaks before it), the start is read again here, as opening it would have.
    public func finishFeedCheck(firstItemFound: Bool) throws(SourceError) {
        guard isCheckedLater else { return }
        let path = source.path
        let header = headerLock.withLock { headerAtFirstItem }
        var name = SourceLoader.fileName(path)
        if firstItemFound, let header {
            if let title = header.shownTitle, !title.isEmpty { name = title }
        } else {
            let (hasArticle, title) = try SourceLoader.checkFeed(bytes, format: format, path: path)
            if !hasArticle { throw .noArticles(path: path) }
            name = title
        }
        headerLock.withLock { sourceValue.displayName = name }
    }

    /// The feed size (or the size of the files opened together) from which bodies are parsed
    /// again when needed instead of kept.
    public static let bodiesOnDemandSize = 8 << 20
    /// Items at the start of a feed that keep their bodies all the same (by default).
    public static let bodiesKeptAtStart = 64
    private let bodiesKeptAtStart: Int

    /// The rereader of a feed whose bodies are not kept; nil when they are. (Worked out
    /// before a parse, never inside one: FoundationXML cannot run a parser within another's
    /// callback on the same thread.)
    private var rereader: FeedItemRereader? {
        rereaderLock.withLock {
            if !rereaderChecked {
                rereaderChecked = true
                if max(bytes.count, loadBytes) >= bodiesOnDemandFrom, let first = firstCuttableItemLocked() {
                    rereaderValue = FeedItemRereader(
                        bytes: bytes, format: format, firstItem: first, cache: rereadCache)
                }
            }
            return rereaderValue
        }
    }

    private var cuttableChecked = false
    private var cuttableFirstItem: Int?

    /// Where the first item of a feed that can be cut starts (``FeedItemBoundary``), worked
    /// out once; call with `rereaderLock` held.
    private func firstCuttableItemLocked() -> Int? {
        if !cuttableChecked {
            cuttableChecked = true
            if format != .plainTextDump && format != .jsonFeed {
                cuttableFirstItem = FeedItemBoundary.firstCuttableItem(
                    in: bytes.buffer, format: format)
            }
        }
        return cuttableFirstItem
    }

    /// Items parsed again from the start of their part because they were not found near
    /// where indexing saw them (tests, benchmarks).
    public var rereadFallbacks: Int { rereader?.fallbacks ?? 0 }

    /// The bytes of this feed's items parsed again and kept (tests).
    var rereadItemsBytes: Int { rereader?.cachedBytes ?? 0 }

    /// Parses of a stretch of the feed from a cut, each looking for an item whose body was not
    /// kept (tests, benchmarks).
    public var rereadsFromACut: Int { rereader?.cutParses ?? 0 }

    /// What indexing the file to its end could not read, for the user: a break in a feed's XML
    /// (and what was read after it), an encoding declared wrongly, the file ending inside an
    /// item. Empty for a dump, and until the indexing of each part has ended.
    public var readWarnings: [String] {
        headerLock.withLock { readWarningsByPart.sorted { $0.key < $1.key }.flatMap(\.value) }
    }

    /// Indexes the file (or the part of it in `range`, which must start where an article
    /// does), calling `body` with each summary and the byte offset reached, until it returns false.
    public func index(in range: Range<Int>? = nil, _ body: (ArticleSummary, Int) -> Bool) {
        index(in: range, endingAt: nil, body)
    }

    /// Indexes as ``index(in:_:)``; `lateEnd` (from ``lateArticleBoundary(after:)``, with the
    /// whole file as `range`): the part indexed ends there instead.
    func index(in range: Range<Int>?, endingAt lateEnd: LatePartEnd?, _ body: (ArticleSummary, Int) -> Bool) {
        index(in: range, endingAt: lateEnd, repeats: StoryIDRepeats()) { summary, _, offset in
            body(summary, offset)
        }
    }

    /// Indexes as ``index(in:endingAt:_:)``, a feed's items that share an id told apart by
    /// `repeats`, which goes on from the items before `range`. With `repeats` nil (a later
    /// part of a feed cut in parts, whose items before it are not through the rules yet), each
    /// summary keeps its id before the rules and comes with what they need of its item, to be
    /// told apart in file order later (``StoryIDRepeats/settle(_:_:)``); nil for a dump's.
    func index(
        in range: Range<Int>?, endingAt lateEnd: LatePartEnd?, repeats: StoryIDRepeats?,
        _ body: (ArticleSummary, StoryIDRepeats.Story?, Int) -> Bool
    ) {
        guard format != .plainTextDump else {
            PlainTextDumpParser.index(bytes.buffer, range: range, lateEnd: lateEnd) { summary, offset in
                body(summary, nil, offset)
            }
            return
        }
        // A feed is parsed from its start (a part after a cut, behind the file's start);
        // its items are kept for decoding later, each later part's in a store of its own.
        let isLaterPart = (range?.lowerBound ?? 0) > 0
        let (store, base) = isLaterPart ? laterStore(startingAt: range?.lowerBound ?? 0) : (items, 0)
        let whole = range.map { $0.lowerBound == 0 && $0.upperBound >= bytes.count } ?? true
        let part = whole ? 0..<bytes.count : range ?? 0..<bytes.count
        let late = whole ? lateEnd : nil
        let indexedBefore = store.reset(part: part, lateEnd: late)
        rereaderLock.withLock {
            // Indexed again, the bodies read again are forgotten; a later part indexed for the
            // first time leaves those the screen reads meanwhile (each part forgot them all, and
            // that the file was found changed).
            if !isLaterPart || indexedBefore { rereaderValue?.reset() }
            // Looking for the late end parses nothing then (it runs between the parser's chunks).
            if late != nil { _ = firstCuttableItemLocked() }
        }
        let reached = FeedParsePosition()
        // The next item starts after the text the parser works on when an item ends.
        var nextFrom = part.lowerBound
        var count = 0
        let rereader = rereader
        // A parse from a cut finds the first of two items with the same id: a repeated one
        // keeps its body.
        var ids = FeedItemIDSet()
        let recordHeader: ((FeedHeader) -> Void)? =
            isLaterPart
            ? nil
            : { [self] header in
                headerLock.withLock {
                    if isCheckedLater { headerAtFirstItem = header }
                    if idScopeValue == nil { idScopeValue = FeedIDScope(header: header) }
                }
            }
        // A later part does not read the header: the scope of its ids is known before it starts
        // (from the first part, or read now rather than in the middle of this parse).
        if isLaterPart { _ = idScope() }
        var stopped = false
        func onItem(_ item: FeedItem) -> Bool {
            var kept = FeedItemStore.Kept(item: item)
            if detailsWhileIndexing { kept.details = FeedArticle.details(of: item) }
            // The first screen's stories keep their bodies: it shows them at once.
            if rereader != nil, ids.insert(item.id), isLaterPart || count >= bodiesKeptAtStart {
                kept.bodyHash = FeedItemRereader.bodyHash(item.content)
                kept.item.content = ""
                kept.rereadFrom = nextFrom
            }
            nextFrom = max(nextFrom, reached.chunkStart)
            count += 1
            let position = base + store.append(kept)
            // Ids are made of the title as it was before a title from text was cut to a width.
            let (title, identifying) = FeedArticle.titles(of: item)
            let ids = articleIDs(of: item, identifyingTitle: identifying)
            let story = StoryIDRepeats.Story(
                id: ids.id, earlierIDs: ids.earlier, title: identifying,
                isContentID: item.id.hasPrefix(OpenedSource.contentIDPrefix), date: item.date)
            let (id, earlierIDs) = repeats?.ids(of: story) ?? (story.id, story.earlierIDs)
            let summary = ArticleSummary(
                id: id, title: title, location: .item(position), earlierIDs: earlierIDs)
            // The offset is how far the parser has read: the indexer's progress through the file.
            if !body(summary, repeats == nil ? story : nil, reached.bytes) { stopped = true }
            return !stopped
        }
        let parsed = Result { () throws(FeedError) in
            try FeedParser.parse(
                bytes.buffer, format: format, part: whole ? nil : range, reached: reached, lateEnd: late,
                onFirstItem: recordHeader, onItem: onItem)
        }
        // A stopped indexing (cancelled, or a first screen's worth) did not see the whole part.
        guard !stopped else { return }
        let warnings: [String]
        switch parsed {
        case .success(let result): warnings = result.warnings
        case .failure(let error): warnings = [error.message]
        }
        headerLock.withLock {
            // An indexing of the whole file replaces what parts of an earlier one found (the
            // first part of a file cut in parts reads "the whole file" up to its late end).
            if whole && late == nil { readWarningsByPart.removeAll() }
            readWarningsByPart[part.lowerBound] = warnings
        }
    }

    /// The id of the item whose feed id is `id`. A global id (a URI: `http:`, `tag:`, `urn:`,
    /// or the content hash `sha:`) is the article's id as it is; another (`1`, `post-42`) is
    /// unique only in its feed, and is scoped by the feed's link (in its normal form) and title,
    /// else its link or title, so that the stories of two feeds never share an id (and a reading
    /// state), even two feeds that share a link: see ``FeedIDScope``. With it, the ids the item
    /// had when scoped by the link alone and by the link as written, where they differ (its
    /// reading state may be kept under them).
    ///
    /// An id that is the feed's own link (items without a guid that all link to the site's home
    /// page) names no story: the item's title is added to it, so that each is a story of its
    /// own (all but the first were dropped as copies of it, without a word; found by QA).
    /// `identifyingTitle`, when known, is the item's title an id is made of
    /// (``FeedArticle/titles(of:)``).
    func articleIDs(of item: FeedItem, identifyingTitle: String? = nil) -> (
        id: ArticleID, earlier: EarlierIDs
    ) {
        let id = item.id
        let scope = idScope()
        if id.utf8.contains(UInt8(ascii: ":")) {
            // An item known by its text before its `atom:link` was read keeps that id as an earlier one.
            let earlier = item.contentIDBefore.map { EarlierIDs(contentID: ArticleID($0)) } ?? EarlierIDs()
            guard id == scope.written else { return (ArticleID(id), earlier) }
            let titled = StoryIDRepeats.titled(
                ArticleID(id), identifyingTitle ?? FeedArticle.titles(of: item).identifying)
            return (titled, earlier)
        }
        return scope.ids(of: id)
    }

    /// The start of an id made of an item's title and text (``FeedItem/id``).
    static let contentIDPrefix = "sha:"

    /// The feed's link and title, else its link, else its title, else nothing (``FeedIDScope``): from its header as
    /// indexing saw it at the first item, or read now (a feed that broke before it, or a part
    /// indexed first).
    private func idScope() -> FeedIDScope {
        if let scope = headerLock.withLock({ idScopeValue }) { return scope }
        let header = try? FeedParser.parse(bytes.buffer, format: format, stoppingEarly: true) { _ in false }
            .header
        let scope = FeedIDScope(header: header)
        return headerLock.withLock {
            if idScopeValue == nil { idScopeValue = scope }
            return idScopeValue ?? scope
        }
    }

    /// The first offset after `offset` where an article surely starts (after two blank
    /// lines in a dump, at an item's start tag in a UTF-8 XML feed), looking at most a few
    /// MiB ahead; nil when there is none.
    public func articleBoundary(after offset: Int) -> Int? {
        switch format {
        case .plainTextDump: return PlainTextDumpParser.articleBoundary(in: bytes.buffer, after: offset)
        case .jsonFeed: return nil
        case .rss, .rdf, .atom:
            // Whether the feed may be cut at all first (its header, parsed once): the search
            // for the cut reads the file's middle.
            guard let first = rereaderLock.withLock({ firstCuttableItemLocked() }), offset > first else {
                return nil
            }
            return FeedItemBoundary.nextCut(in: bytes.buffer, format: format, after: offset)
        }
    }

    /// A cut of a big file into parts, looked for only when first needed
    /// (``articleBoundary(after:)`` after `offset`): the first screen does not wait for the
    /// reads of the file's middle that it takes. Nil for JSON feeds, which are not cut.
    func lateArticleBoundary(after offset: Int) -> LatePartEnd? {
        format == .jsonFeed ? nil : LatePartEnd(atLeast: offset) { [self] in articleBoundary(after: offset) }
    }

    /// How many parts the file may be indexed in at once: any number (a feed's later parts
    /// each keep their items in a store of their own; a JSON feed is not cut).
    var maxParts: Int { Int.max }

    /// Item positions of a feed's later parts: those of the `k`-th later part's store start at
    /// `(k + 1) * laterPartBase`.
    static let laterPartBase = 1 << 40

    /// The store of the later part that starts at `start`, made when first asked for, and
    /// the position of its first item.
    private func laterStore(startingAt start: Int) -> (FeedItemStore, Int) {
        storesLock.withLock {
            let ordinal: Int
            if let known = laterStoreOfPart[start] {
                ordinal = known
            } else {
                ordinal = laterStores.count
                laterStores.append(FeedItemStore())
                laterStoreOfPart[start] = ordinal
            }
            return (laterStores[ordinal], (ordinal + 1) * OpenedSource.laterPartBase)
        }
    }

    /// The whole item at `position`: as kept, or parsed again from the file.
    private func item(at position: Int) -> FeedItem? {
        let (store, ordinal) = place(of: position)
        guard let kept = store[ordinal] else { return nil }
        guard kept.rereadFrom != nil, let rereader else { return kept.item }
        return rereader.item(at: position, ordinal: ordinal, in: store)
    }

    /// The store of the part an item position belongs to, and the item's place in it.
    private func place(of position: Int) -> (FeedItemStore, Int) {
        let part = position / OpenedSource.laterPartBase
        guard part > 0 else { return (items, position) }
        let store = storesLock.withLock {
            laterStores.indices.contains(part - 1) ? laterStores[part - 1] : nil
        }
        // A position no store has (none is made by then) finds no item.
        return (store ?? FeedItemStore(), position - part * OpenedSource.laterPartBase)
    }

    /// The body of a feed item as the index kept it ("" when it is parsed again when
    /// needed); nil for a dump's article (tests).
    func keptBody(_ summary: ArticleSummary) -> String? {
        guard case .item(let position) = summary.location else { return nil }
        let (store, ordinal) = place(of: position)
        return store[ordinal]?.item.content
    }

    /// A hash of the text a feed's story shows, from what the index kept (the body, or the
    /// hash kept of a body dropped): a story whose text changed under the same id is told by it
    /// without the file being parsed again. Nil for a dump's story, whose id is its text's.
    public func keptTextHash(_ summary: ArticleSummary) -> UInt64? {
        guard case .item(let position) = summary.location else { return nil }
        let (store, ordinal) = place(of: position)
        guard let kept = store[ordinal] else { return nil }
        return kept.bodyHash ?? FeedItemRereader.bodyHash(kept.item.content)
    }

    /// Every summary of the file.
    public func indexAll() -> [ArticleSummary] {
        var summaries: [ArticleSummary] = []
        index { summary, _ in
            summaries.append(summary)
            return true
        }
        return summaries
    }

    /// Tells the system that these bytes will not be needed soon, so that an index scan
    /// does not keep a whole archive resident.
    public func release(_ range: Range<Int>) {
        bytes.release(range)
    }

    /// The whole article behind a summary, decoded now; with `maxParagraphs`, a dump story's
    /// first paragraphs only (see ``Article/leftOutParagraphs``).
    public func article(_ summary: ArticleSummary, maxParagraphs: Int? = nil) -> Article? {
        switch summary.location {
        case .bytes(let range, _):
            let article = PlainTextDumpParser.article(
                in: bytes.buffer, range: range, source: source.displayName, maxParagraphs: maxParagraphs)
            // Another story's bytes, or none, where this one was indexed: the file was written
            // over since it was opened (its id is its text's).
            guard let article, article.id == summary.id else { return changedOnDisk(summary) }
            return article
        case .item(let position):
            guard let item = item(at: position) else {
                // A big feed's body is read again from the file: one cut short or written over
                // since has it no more (the pane stayed blank, title and all; found by QA), also
                // written over in place at the same size (a small feed in a big load too).
                return bytes.changedOnDisk || rereader?.isStale == true ? changedOnDisk(summary) : nil
            }
            return FeedArticle.article(of: item, id: summary.id, source: source.displayName)
        }
    }

    /// What a story shows when the file no longer holds it where it was indexed.
    private func changedOnDisk(_ summary: ArticleSummary) -> Article {
        var notice = Article(
            id: summary.id, title: summary.title,
            paragraphs: [
                "\(source.displayName) changed on disk since it was opened, and this story is no longer "
                    + "where it was: R reads the file again."
            ],
            wordCount: 0, readingMinutes: 0, source: source.displayName)
        notice.changedOnDisk = true
        return notice
    }

    /// Matches a story's searchable text — title, caption and paragraphs (not the page
    /// furniture), as UTF-8 — with `matches`: the text as it was indexed, else (its file changed
    /// on disk since: another story's bytes, or none, are where it was) its title alone, as the
    /// list shows it, and never the bytes now there.
    public func searchText(_ summary: ArticleSummary, matching matches: (UnsafeRawBufferPointer) -> Bool)
        -> SearchedText
    {
        switch summary.location {
        case .bytes(let range, _):
            // Its id is its text's: made in the same pass, it tells whether the text is the story's.
            if let matched = PlainTextDumpParser.withText(
                in: bytes.buffer, range: range, expecting: summary.id, matches)
            {
                return .text(matched: matched)
            }
        case .item(let position):
            // A big feed's body read again from the file is recognised by its hash; one not found
            // so (the file written over or cut short) is not read.
            if let item = item(at: position) {
                var text = FeedArticle.searchText(of: item, title: summary.title)
                return .text(matched: text.withUTF8 { matches(UnsafeRawBufferPointer($0)) })
            }
        }
        var title = summary.title
        return .titleOnly(matched: title.withUTF8 { matches(UnsafeRawBufferPointer($0)) })
    }

    /// Whom a summary's story credits, worked out now without counting its words.
    public func credits(_ summary: ArticleSummary) -> ArticleCredits {
        switch summary.location {
        case .bytes(let range, _):
            return PlainTextDumpParser.credits(in: bytes.buffer, range: range) ?? ArticleCredits([])
        case .item(let position):
            let (store, ordinal) = place(of: position)
            // The author is kept with the item when its body is let go.
            if let kept = store[ordinal] {
                return kept.details?.credited ?? FeedArticle.credits(of: kept.item)
            }
            return item(at: position).map(FeedArticle.credits) ?? ArticleCredits([])
        }
    }

    /// Credit and reading time of a summary, worked out now.
    public func details(_ summary: ArticleSummary) -> ArticleDetails {
        switch summary.location {
        case .bytes(let range, _):
            return PlainTextDumpParser.details(in: bytes.buffer, range: range)
                ?? ArticleDetails(credit: nil, wordCount: 0)
        case .item(let position):
            let (store, ordinal) = place(of: position)
            if let details = store[ordinal]?.details { return details }
            return item(at: position).map(FeedArticle.details) ?? ArticleDetails(credit: nil, wordCount: 0)
        }
    }
}
