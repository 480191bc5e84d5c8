import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A feed's short guids are scoped by its link and its title's tag, so two feeds that share a
/// link are two feeds; a feed renamed under the same link (sites rename their feeds) keeps the
/// marks made under its old title: each file's last tag is kept in the state, and the ids the
/// old tag gave are looked up as earlier ones.
final class FeedTitleChangesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-feed-title-changes" }

    private let link = "https://news.example/"

    /// The feed `title` (no title element for nil) at ``link`` with the stories guid 1, 2, 3… up
    /// to `count`, written to `name`: its path.
    @discardableResult
    private func feed(_ title: String?, name: String = "world.xml", count: Int = 3) throws -> String {
        let items = (1...count).map {
            "<item><title>Story \($0)</title><guid isPermaLink=\"false\">\($0)</guid></item>"
        }
        let text = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel>\(title.map { "<title>\($0)</title>" } ?? "")<link>\(link)</link>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A reader over `paths` with its state in `store`, indexed to the end as the program's
    /// reader indexes (the title tags stored read by its indexing), and its tracker; resuming
    /// at the story `left` when given. `quitBeforeTheEnd`: the batches that store the title
    /// tags are left out, as by a reader quit while a big feed was indexed.
    private func open(
        _ paths: [String], _ store: some ReadingStateStoring & Sendable, resuming left: ArticleID? = nil,
        quitBeforeTheEnd: Bool = false
    ) throws -> (Reader, ReadingTracker) {
        let sources = try SourceLoader.open(paths: paths).sources
        let tracker = try ReadingTracker(store: store, ids: [])
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24, initial: left)
        let indexer = BackgroundIndexer(
            sources: sources, loadTitleTag: { try? store.storedTitleTag(ofSource: $0) },
            findMovedTitleTag: { scopes, stories in
                try? MovedFeedTitleTag.find(for: scopes, stories: { stories }, in: store)
            },
            loadStates: { (try? store.states(for: $0)) ?? [:] })
        reader.beginIndexing(indexer.currentProgress)
        indexer.runToEnd()
        let batches = indexer.take().batches
        reader.absorb(
            quitBeforeTheEnd ? batches.filter(\.titleTagsToStore.isEmpty) : batches,
            progress: indexer.currentProgress)
        return (reader, tracker)
    }

    /// The stories' ids and read marks, in order.
    private func stories(_ reader: Reader, _ tracker: ReadingTracker) -> [(id: ArticleID, read: Bool)] {
        reader.catalog.entries.map { ($0.summary.id, tracker.isRead($0.summary.id)) }
    }

    private func storePath() -> String { folder.appendingPathComponent("state.sqlite").path }

    /// The feed titled "World" opened with a state file of its own (`state<stateNumber>`), the
    /// stories at `reading` marked read: its path, the store, its stories then and its file's key.
    private func worldFeed(stateNumber: Int, reading: [Int]) throws -> (
        path: String, store: ReadingStateStore, before: [(id: ArticleID, read: Bool)], key: String
    ) {
        let path = try feed("World")
        let store = try ReadingStateStore(
            path: folder.appendingPathComponent("state\(stateNumber).sqlite").path)
        let (first, tracker) = try open([path], store)
        let before = stories(first, tracker)
        try tracker.setRead(reading.map { before[$0].id }, true, label: "N")
        return (path, store, before, first.catalog.sources[0].source.stateKey)
    }

    func testMarksStayWhenTheFeedIsRenamedAndRenamedAgain() throws {
        let path = try feed("World")
        let store = try ReadingStateStore(path: storePath())
        defer { store.close() }
        let (first, tracker) = try open([path], store)
        let before = stories(first, tracker)
        try tracker.setRead([before[1].id], true, label: "N")
        let key = first.catalog.sources[0].source.stateKey
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World"))

        // Renamed: new ids, the mark found under the old one, taken over, the new tag stored.
        try feed("World News")
        let (second, secondTracker) = try open([path], store)
        let renamed = stories(second, secondTracker)
        XCTAssertEqual(renamed.map(\.read), [false, true, false])
        XCTAssertNotEqual(renamed.map(\.id), before.map(\.id))
        XCTAssertEqual(try store.states(for: [renamed[1].id])[renamed[1].id]?.isRead, true)
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World News"))
        try secondTracker.setRead([renamed[2].id], true, label: "N")

        // Renamed again: the marks made under both titles stay.
        try feed("Headlines")
        let (third, thirdTracker) = try open([path], store)
        XCTAssertEqual(stories(third, thirdTracker).map(\.read), [false, true, true])
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("Headlines"))

        // And back: the first title's ids are its ids again, the marks found under the last.
        try feed("World")
        let (fourth, fourthTracker) = try open([path], store)
        XCTAssertEqual(stories(fourth, fourthTracker).map(\.id), before.map(\.id))
        XCTAssertEqual(stories(fourth, fourthTracker).map(\.read), [false, true, true])
    }

    /// A feed whose title is made blank, or taken out, keeps the marks made under its title (its
    /// stories' ids go back to those its link alone gives): the ids the file's stored tag gave
    /// are looked up as a renamed feed's are, and once they are taken over the file keeps that it
    /// was read untitled. Its title back, the marks made without it stay too.
    func testMarksStayWhenTheTitleIsMadeBlankOrTakenOutAndBack() throws {
        for (index, untitled) in [" ", "", nil].enumerated() {
            let (path, store, before, key) = try worldFeed(stateNumber: index, reading: [1])
            defer { store.close() }

            try feed(untitled)
            let (second, secondTracker) = try open([path], store)
            let blank = stories(second, secondTracker)
            XCTAssertEqual(
                blank.map(\.id), (1...3).map { ArticleID(link + "#\($0)") }, "\(untitled ?? "nil")")
            XCTAssertEqual(blank.map(\.read), [false, true, false], "\(untitled ?? "nil")")
            XCTAssertEqual(try store.states(for: [blank[1].id])[blank[1].id]?.isRead, true)
            XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedEarlierScopes.untitledTag)
            try secondTracker.setRead([blank[2].id], true, label: "N")

            // Opened again untitled, and with its title back: every mark stays.
            let (third, thirdTracker) = try open([path], store)
            XCTAssertEqual(stories(third, thirdTracker).map(\.read), [false, true, true])
            try feed("World")
            let (fourth, fourthTracker) = try open([path], store)
            XCTAssertEqual(stories(fourth, fourthTracker).map(\.id), before.map(\.id))
            XCTAssertEqual(stories(fourth, fourthTracker).map(\.read), [false, true, true])
        }
    }

    /// A mark changed while the feed had another title, or none, is the one shown once its first
    /// title is back, though the ids it has again kept the marks made under that title before:
    /// the file was read under the other ids since, so their marks are the newer (they were
    /// shown read, found by QA).
    func testAMarkChangedUnderAnotherTitleOrNoneWinsOnceTheTitleIsBack() throws {
        for (index, other) in ["World News", nil].enumerated() {
            let (path, store, before, key) = try worldFeed(stateNumber: index, reading: [1, 2])
            defer { store.close() }

            try feed(other)
            let (second, secondTracker) = try open([path], store)
            let changed = stories(second, secondTracker)
            XCTAssertEqual(changed.map(\.read), [false, true, true], "\(other ?? "nil")")
            try secondTracker.setRead([changed[1].id], false, label: "N")
            try secondTracker.setFlagged([changed[0].id], true)

            try feed("World")
            for _ in 0..<2 {
                let (back, backTracker) = try open([path], store)
                XCTAssertEqual(stories(back, backTracker).map(\.id), before.map(\.id))
                XCTAssertEqual(
                    stories(back, backTracker).map(\.read), [false, false, true], "\(other ?? "nil")")
                XCTAssertEqual(before.map { backTracker.isFlagged($0.id) }, [true, false, false])
            }
            XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World"))
        }
    }

    /// A mark made on a renamed feed before its indexing ended (a big feed quit meanwhile, its
    /// new tag not stored) holds at the next opening, its undo and the place in the story too:
    /// until the new tag is stored, the states under the old tag's ids are taken over those under
    /// the ids now (the mark was lost to the older state there).
    func testAMarkMadeBeforeARenamedFeedsIndexingEndedHolds() throws {
        let (path, store, _, key) = try worldFeed(stateNumber: 0, reading: [1, 2])
        defer { store.close() }
        try feed("World News")
        let (second, secondTracker) = try open([path], store, quitBeforeTheEnd: true)
        let renamed = stories(second, secondTracker)
        XCTAssertEqual(renamed.map(\.read), [false, true, true])
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World"))
        try secondTracker.setRead([renamed[0].id], true, label: "N")
        try secondTracker.setRead([renamed[1].id], false, label: "N")
        try secondTracker.setFlagged([renamed[2].id], true)
        try secondTracker.setRead([renamed[2].id], false, label: "N")
        XCTAssertEqual(try secondTracker.undo()?.label, "N")
        try secondTracker.setScrollLine(7, for: renamed[2].id)

        for quitting in [true, false, false] {
            let (again, againTracker) = try open([path], store, quitBeforeTheEnd: quitting)
            XCTAssertEqual(stories(again, againTracker).map(\.read), [true, false, true], "\(quitting)")
            XCTAssertEqual(renamed.map { againTracker.isFlagged($0.id) }, [false, false, true])
            XCTAssertEqual(againTracker.state(of: renamed[2].id).scrollLine, 7)
        }
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World News"))
    }

    /// One feed kept in two files read under its title, one of them renamed and read again (its
    /// new tag stored), then the other renamed too: the marks changed in the first since are
    /// the ones shown, not the older ones the second's stored tag leads to (taken over them, in
    /// both files: the first kept them only under the ids now). Each file keeps the tag it had
    /// before, and the changes are stored under the ids it gave too.
    func testMarksChangedInOneCopyOfARenamedFeedHoldOnceTheOtherIsRenamed() throws {
        let one = try feed("World", name: "one.xml")
        let other = try feed("World", name: "other.xml")
        let store = try ReadingStateStore(path: storePath())
        defer { store.close() }
        let (first, tracker) = try open([one, other], store)
        let before = stories(first, tracker)
        try tracker.setRead([before[1].id, before[2].id], true, label: "N")

        try feed("World News", name: "other.xml")
        _ = try open([other], store)
        let (again, againTracker) = try open([other], store)
        let renamed = stories(again, againTracker)
        XCTAssertEqual(renamed.map(\.read), [false, true, true])
        try againTracker.setRead([renamed[1].id], false, label: "N")
        try againTracker.setFlagged([renamed[0].id], true)

        try feed("World News", name: "one.xml")
        for paths in [[one], [other], [one, other]] {
            let (reader, readerTracker) = try open(paths, store)
            XCTAssertEqual(stories(reader, readerTracker).map(\.read), [false, false, true], "\(paths)")
            XCTAssertEqual(renamed.map { readerTracker.isFlagged($0.id) }, [true, false, false], "\(paths)")
        }
    }

    /// A feed's file moved and renamed at once keeps the marks and the place left under its
    /// old title at its old path: its stories are found under the tag stored for that path, gone
    /// now; the new title is stored for the new path, with the old one before it.
    func testMarksAndPlaceStayWhenTheFileIsMovedAndRenamedAtOnce() throws {
        let (path, store, before, _) = try worldFeed(stateNumber: 0, reading: [1])
        defer { store.close() }
        try FileManager.default.removeItem(atPath: path)
        let moved = try feed("World, again", name: "moved.xml")
        let (reader, tracker) = try open([moved], store, resuming: before[2].id)
        let now = stories(reader, tracker)
        XCTAssertEqual(now.map(\.read), [false, true, false])
        XCTAssertNotEqual(now.map(\.id), before.map(\.id))
        XCTAssertEqual(reader.selectedEntry?.summary.title, "Story 3")
        let key = reader.catalog.sources[0].source.stateKey
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World, again"))
        XCTAssertEqual(
            try store.storedTitleTag(ofSource: StoredTitleTag.previousKey(of: key)),
            FeedIDScope.titleTag("World"))
    }

    /// Two files of one feed read under two titles, then both renamed: the reader shows the
    /// marks both files' stored titles lead to, as `list` now does (its test is the command's).
    func testTwoFilesReadUnderTwoTitlesShowBothMarksOnceRenamed() throws {
        let store = try ReadingStateStore(path: storePath())
        defer { store.close() }
        for (name, title, story) in [("one.xml", "World", 0), ("other.xml", "World News", 1)] {
            let (reader, tracker) = try open([try feed(title, name: name)], store)
            try tracker.setRead([reader.catalog.entries[story].summary.id], true, label: "N")
        }
        let paths = [try feed("Headlines", name: "one.xml"), try feed("Headlines", name: "other.xml")]
        let (reader, tracker) = try open(paths, store)
        XCTAssertEqual(stories(reader, tracker).map(\.read), [true, true, false])
    }

    /// The story left selected is selected again once its feed is renamed, made untitled, and
    /// given its first title back, though its id changed each time (the first story was).
    func testThePlaceLeftIsFoundAfterARenameOrABlankedTitle() throws {
        let path = try feed("World", count: 5)
        let store = try ReadingStateStore(path: storePath())
        defer { store.close() }
        let (first, _) = try open([path], store)
        var left = first.catalog.entries[3].summary.id
        for title in ["World News", nil, "World", nil] {
            try feed(title, count: 5)
            let (reader, _) = try open([path], store, resuming: left)
            let selected = try XCTUnwrap(reader.selectedEntry?.summary)
            XCTAssertEqual(selected.title, "Story 4", "\(title ?? "nil")")
            XCTAssertNotEqual(selected.id, left)
            left = selected.id
        }
    }

    func testTwoFeedsSharingALinkOpenTogetherKeepTheirOwnMarks() throws {
        let world = try feed("World", name: "world.xml")
        let sport = try feed("Sport", name: "sport.xml")
        let store = try ReadingStateStore(path: storePath())
        defer { store.close() }
        let (first, tracker) = try open([world, sport], store)
        let both = stories(first, tracker)
        XCTAssertEqual(Set(both.map(\.id)).count, 6, "\(both.map(\.id))")
        try tracker.setRead([both[0].id], true, label: "N")
        try tracker.setRead([both[4].id], true, label: "N")
        let keys = first.catalog.sources.map(\.source.stateKey)
        XCTAssertEqual(
            try keys.map { try store.storedTitleTag(ofSource: $0) },
            [FeedIDScope.titleTag("World"), FeedIDScope.titleTag("Sport")])
        // Each file's tag is its own: neither takes the other's marks, together or alone.
        let (again, againTracker) = try open([world, sport], store)
        XCTAssertEqual(stories(again, againTracker).map(\.read), [true, false, false, false, true, false])
        let (alone, aloneTracker) = try open([sport], store)
        XCTAssertEqual(stories(alone, aloneTracker).map(\.read), [false, true, false])
    }

    /// A state file from before the tags were kept has none: it opens, marks kept under the id
    /// the link alone gave are found, and the tag is stored for the next change.
    func testAStateWithoutTheTagOpensAndGetsIt() throws {
        let path = try feed("World")
        let store = try ReadingStateStore(path: storePath())
        defer { store.close() }
        try store.setStates([ArticleID(link + "#2"): ArticleState(isRead: true)])
        let (first, tracker) = try open([path], store)
        XCTAssertEqual(stories(first, tracker).map(\.read), [false, true, false])
        let key = first.catalog.sources[0].source.stateKey
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World"))
        // The tag's row is no source: no selection is remembered, and none waits as one.
        XCTAssertNil(try store.rememberedSelection(inSource: key))
        try feed("World News")
        let (second, secondTracker) = try open([path], store)
        XCTAssertEqual(stories(second, secondTracker).map(\.read), [false, true, false])
    }

    /// A store that refuses to store states (a file that cannot be written) and writes its
    /// other rows through.
    private final class StatesRefused: ReadingStateStoring, @unchecked Sendable {
        let store: ReadingStateStore
        init(_ store: ReadingStateStore) { self.store = store }
        func states(for ids: [ArticleID]) throws -> [ArticleID: ArticleState] { try store.states(for: ids) }
        func setStates(_ states: [ArticleID: ArticleState], fields: ArticleState.Fields) throws {
            throw StateStoreError.failed(path: store.path, reason: "refused")
        }
        func setScrollLine(_ line: Int, for id: ArticleID) throws {}
        func lastSelected(inSource source: String) throws -> ArticleID? {
            try store.lastSelected(inSource: source)
        }
        func setLastSelected(_ id: ArticleID, inSource source: String) throws {
            try store.setLastSelected(id, inSource: source)
        }
        func setLastSelected(inSources ids: [String: ArticleID]) throws {
            try store.setLastSelected(inSources: ids)
        }
    }

    /// A reader that cannot store the marks it found under the old tag keeps the old tag stored:
    /// the next reader finds them there still.
    func testTheOldTagStaysWhileTheMarksFoundCannotBeStored() throws {
        let path = try feed("World")
        let store = try ReadingStateStore(path: storePath())
        defer { store.close() }
        let (first, tracker) = try open([path], store)
        try tracker.setRead([stories(first, tracker)[0].id], true, label: "N")
        try feed("World News")
        let (second, secondTracker) = try open([path], StatesRefused(store))
        XCTAssertEqual(stories(second, secondTracker).map(\.read), [true, false, false])
        let key = second.catalog.sources[0].source.stateKey
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World"))
        let (third, thirdTracker) = try open([path], store)
        XCTAssertEqual(stories(third, thirdTracker).map(\.read), [true, false, false])
        XCTAssertEqual(try store.storedTitleTag(ofSource: key), FeedIDScope.titleTag("World News"))
    }

    /// Each file's tag is read once, at its first story with a short guid; a dump's, or a
    /// feed's with global ids only, never.
    func testATagIsReadOncePerFileAndOnlyForShortGuids() throws {
        let world = try feed("World", name: "world.xml")
        let global = folder.appendingPathComponent("global.xml").path
        try Data(
            """
            <rss version="2.0"><channel><title>G</title><link>\(link)</link>
            <item><title>One</title><guid>https://news.example/1</guid></item></channel></rss>
            """.utf8
        ).write(to: URL(fileURLWithPath: global))
        let dump = folder.appendingPathComponent("dump.txt").path
        try Data("Title\n\nA paragraph.\n".utf8).write(to: URL(fileURLWithPath: dump))
        let sources = try SourceLoader.open(paths: [world, global, dump]).sources
        let catalog = ArticleCatalog.indexed(sources)
        var read: [String] = []
        var changes = FeedTitleChanges()
        for _ in 0..<2 {
            for entry in catalog.entries {
                changes.look(
                    at: entry.summary, ofSource: entry.sourceIndex,
                    key: { catalog.source(of: entry).stateKey },
                    stored: {
                        read.append($0)
                        return "feed:00000000"
                    })
            }
        }
        let key = sources[0].source.stateKey
        XCTAssertEqual(read, [key, StoredTitleTag.previousKey(of: key)])
        let stored = [
            key: FeedIDScope.titleTag("World") ?? "", StoredTitleTag.previousKey(of: key): "feed:00000000",
        ]
        XCTAssertEqual(changes.tagsToStore(indexedWhole: true), stored)
        XCTAssertEqual(changes.tagsToStore(indexedWhole: false), [:], "a tag stored is replaced once whole")
        let renamed = changes.earlierIDs(of: catalog.entries[0].summary)
        XCTAssertEqual(renamed, [ArticleID(link + "#feed:00000000#1")])
        XCTAssertEqual(changes.earlierIDs(of: catalog.entries[3].summary), [])
    }

    /// A catalog stopped once it held enough is not indexed whole: its stories after those
    /// indexed have not had their states taken over, so `mark` stores no tag then. One that
    /// held enough only as its last batch came is whole.
    func testACatalogStoppedEarlyIsNotIndexedWhole() throws {
        let first = try feed("World", name: "world.xml", count: 100)
        let second = try feed("Sport", name: "sport.xml")
        let sources = { try SourceLoader.open(paths: [first, second]).sources }
        let stopped = ArticleCatalog.indexed(try sources(), until: { $0.entries.count >= 3 })
        XCTAssertLessThan(stopped.entries.count, 103)
        XCTAssertFalse(stopped.indexedWhole)
        XCTAssertTrue(ArticleCatalog.indexed(try sources(), until: { $0.entries.count >= 103 }).indexedWhole)
        XCTAssertTrue(ArticleCatalog.indexed(try sources(), until: { _ in false }).indexedWhole)
        XCTAssertTrue(ArticleCatalog.indexed(try sources()).indexedWhole)
    }
}
