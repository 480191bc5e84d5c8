import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Gazettes before 426d7d1 gave a feed item with a short guid (`1`, `post-42`) the guid alone as
/// its id; since, it is scoped by its feed. The marks and the place such a Gazette stored under
/// the guid alone are the story's (they were lost on upgrade; found by QA), taken only when
/// the story has no state under a newer id, and never by a story the rules told apart.
final class FeedGuidAloneStatesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-feed-guid-alone" }

    /// Feed A (JSON, its link already in its normal form): guids 1, 2, 3 and a global id.
    private let feedA = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "A", "home_page_url": "https://a.example/",
         "items": [{"id": "1", "title": "A one", "content_text": "a"},
                   {"id": "2", "title": "A two", "content_text": "b"},
                   {"id": "3", "title": "A three", "content_text": "c"},
                   {"id": "https://a.example/#4", "title": "A four", "content_text": "d"}]}
        """
    /// Feed B (RSS, its link not in its normal form): guid 1 as A's, guid 7, and guid `same`
    /// under two titles (the second told apart by its title).
    private let feedB = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>B</title><link>http://www.B.example</link>
        <item><title>B one</title><guid isPermaLink="false">1</guid><description>e</description></item>
        <item><title>B seven</title><guid isPermaLink="false">7</guid><description>f</description></item>
        <item><title>B same</title><guid isPermaLink="false">same</guid><description>g</description></item>
        <item><title>B other</title><guid isPermaLink="false">same</guid><description>h</description></item>
        </channel></rss>
        """

    private func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A state file as a Gazette before 426d7d1 left it: marks under guids alone (1 read, 2
    /// read and flagged, 3 read, 4 and 7 read, `same` flagged), A's place on its story 2; and
    /// one mark by today's Gazette, A's story 3 unread and flagged under its id now.
    private func oldStateFile(placeIn source: OpenedSource) throws -> ReadingStateStore {
        let store = try ReadingStateStore(path: folder.appendingPathComponent("state.sqlite").path)
        try store.setStates([
            ArticleID("1"): ArticleState(isRead: true),
            ArticleID("2"): ArticleState(isRead: true, isFlagged: true),
            ArticleID("3"): ArticleState(isRead: true), ArticleID("4"): ArticleState(isRead: true),
            ArticleID("7"): ArticleState(isRead: true), ArticleID("same"): ArticleState(isFlagged: true),
            ArticleID("https://a.example/#3"): ArticleState(isFlagged: true),
        ])
        try store.setLastSelected(ArticleID("2"), inSource: source.source.stateKey)
        return store
    }

    /// Each story's title with its marks as `tracker` holds them: "R" read, "F" flagged.
    private func marks(_ catalog: ArticleCatalog, _ tracker: ReadingTracker) -> [String] {
        catalog.entries.map { entry in
            let id = entry.summary.id
            return entry.summary.title + " " + (tracker.isRead(id) ? "R" : "")
                + (tracker.isFlagged(id) ? "F" : "")
        }
    }

    private let expected = [
        "A one R", "A two RF", "A three F", "A four ", "B one R", "B seven R", "B same F", "B other ",
    ]

    /// The guid alone is the end of the id: only short guids carry it, not a global id nor one
    /// told apart by its title.
    func testOnlyShortGuidsCarryTheGuidAlone() throws {
        let sources = try SourceLoader.open(paths: [write(feedA, to: "a.json"), write(feedB, to: "b.xml")])
            .sources
        let summaries = ArticleCatalog.indexed(sources).entries.map(\.summary)
        XCTAssertEqual(
            summaries.map { $0.earlierIDs.guidAlone?.rawValue },
            ["1", "2", "3", nil, "1", "7", "same", nil])
        XCTAssertEqual(summaries[4].id, Self.id(feed: "B", link: "https://b.example/#", guid: "1"))
        XCTAssertEqual(summaries[4].previousID?.rawValue, "https://b.example/#1")
    }

    /// The reader, over the files as `gazette` opens them, shows the marks (two feeds' stories
    /// with one guid both take its state, as the old build showed both), stores them under the
    /// ids now, and goes back to A's story 2.
    func testTheReaderShowsTheMarksAndGoesBackToThePlace() throws {
        let paths = [try write(feedA, to: "a.json"), try write(feedB, to: "b.xml")]
        let sources = try SourceLoader.open(paths: paths).sources
        let store = try oldStateFile(placeIn: sources[0])
        let tracker = try ReadingTracker(store: store, ids: [])
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: tracker, width: 80, height: 24,
            resuming: try store.newestRememberedSelection(
                inSources: SessionKey.placesToResume(session: nil, sources: [sources[0]])))
        let indexer = BackgroundIndexer(sources: sources) { ids in (try? store.states(for: ids)) ?? [:] }
        reader.beginIndexing(indexer.currentProgress)
        indexer.runToEnd()
        let (batches, progress) = indexer.take()
        reader.absorb(batches, progress: progress)
        XCTAssertEqual(marks(reader.catalog, tracker), expected)
        XCTAssertEqual(reader.selectedEntry?.summary.title, "A two")
        XCTAssertEqual(reader.visibleUnread, 4)
        let a2 = Self.id(feed: "A", link: "https://a.example/#", guid: "2")
        let b1 = Self.id(feed: "B", link: "https://b.example/#", guid: "1")
        let stored = try store.states(for: [a2, b1])
        XCTAssertEqual(stored[a2]?.isFlagged, true)
        XCTAssertEqual(stored[b1]?.isRead, true)
    }

    /// A command's tracker (`list`, `mark`, `export`) shows the same marks; a state stored
    /// under the id the link as written gave comes before the guid's.
    func testACommandsTrackerShowsTheMarks() throws {
        let sources = try SourceLoader.open(paths: [write(feedA, to: "a.json"), write(feedB, to: "b.xml")])
            .sources
        let store = try oldStateFile(placeIn: sources[0])
        try store.setStates([ArticleID("http://www.B.example#7"): ArticleState(isFlagged: true)])
        let catalog = ArticleCatalog.indexed(sources)
        let tracker = try ReadingTracker(store: store, summaries: catalog.entries.map(\.summary))
        var marked = expected
        marked[5] = "B seven F"
        XCTAssertEqual(marks(catalog, tracker), marked)
    }

    /// The id a short guid of the feed titled `feed` has now: its link's scope and its title's tag.
    private static func id(feed: String, link: String, guid: String) -> ArticleID {
        ArticleID(link + (FeedIDScope.titleTag(feed) ?? "") + "#" + guid)
    }
}
