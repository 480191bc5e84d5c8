import Foundation
import GazetteCore
import TestSupport
import XCTest

/// `A` over the unread stories of more than one source asks on the status line first: `y` or
/// Enter marks them, another key marks nothing and says so (a newsboat user pressed `A` for
/// "this feed" and marked 611 stories of 39 feeds read; found by QA). One source's stories
/// are marked at once.
final class MarkAllQuestionTests: XCTestCase {
    /// Every folder this test made (some make a reader per answer).
    private var folders: [URL] = []

    override func tearDown() {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        folders = []
        super.tearDown()
    }

    /// A reader over feeds of 3 and 2 stories ("Avian’s Blog" and "F"), or the first alone.
    private func reader(bothFeeds: Bool = true) throws -> (Reader, ReadingTracker, ArticleCatalog) {
        let folder = try TemporaryFolder.make("gazette-mark-all-question")
        folders.append(folder)
        let paths = try FeedText.writeTwoFeeds(in: folder, both: bothFeeds)
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: paths).sources)
        let tracker = try ReadingTracker(
            store: InMemoryReadingStateStore(states: [:]), ids: catalog.entries.map(\.summary.id))
        return (Reader(catalog: catalog, tracker: tracker, width: 80, height: 24), tracker, catalog)
    }

    private func readCount(_ tracker: ReadingTracker, _ catalog: ArticleCatalog) -> Int {
        catalog.entries.filter { tracker.isRead($0.summary.id) }.count
    }

    func testOneSourceIsMarkedAtOnce() throws {
        let (reader, tracker, catalog) = try reader(bothFeeds: false)
        reader.apply(.markAllRead)
        XCTAssertNil(reader.markAllQuestion)
        XCTAssertEqual(reader.message, "marked 3 read (u undoes)")
        XCTAssertEqual(readCount(tracker, catalog), 3)
    }

    func testSeveralSourcesAskAndYOrEnterMarks() throws {
        for answer: Command in [.unbound(.char("y")), .unbound(.char("Y")), .open] {
            let (reader, tracker, catalog) = try reader()
            reader.apply(.markAllRead)
            XCTAssertEqual(reader.markAllQuestion?.stories, 5)
            XCTAssertEqual(reader.markAllQuestion?.sources, 2)
            XCTAssertEqual(reader.status?.text, "mark 5 stories of 2 sources read? (y/n)")
            XCTAssertEqual(readCount(tracker, catalog), 0, "nothing marked before the answer")
            reader.apply(answer)
            XCTAssertNil(reader.markAllQuestion)
            XCTAssertEqual(reader.message, "marked 5 read (u undoes)", "\(answer)")
            XCTAssertEqual(readCount(tracker, catalog), 5)
            XCTAssertEqual(reader.focus, .list, "Enter answers, and opens no story")
            reader.apply(.undo)
            XCTAssertEqual(readCount(tracker, catalog), 0, "u undoes it as before")
        }
    }

    func testAnotherKeyMarksNothingAndDoesNothingElse() throws {
        for answer: Command in [.unbound(.char("n")), .cancel, .down, .quit, .markAllRead, .nextUnread] {
            let (reader, tracker, catalog) = try reader()
            reader.apply(.markAllRead)
            XCTAssertNotNil(reader.markAllQuestion)
            reader.apply(answer)
            XCTAssertNil(reader.markAllQuestion)
            XCTAssertEqual(reader.message, "cancelled: nothing marked read", "\(answer)")
            XCTAssertEqual(readCount(tracker, catalog), 0, "\(answer)")
            XCTAssertEqual(reader.selection, 0, "\(answer) does not move")
            XCTAssertEqual(reader.focus, .list, "\(answer) opens nothing")
            XCTAssertFalse(reader.isFinished, "\(answer) does not quit")
            reader.apply(.down)
            XCTAssertEqual(reader.selection, 1, "the next key acts again")
        }
    }

    /// The question counts the unread stories: those of one source left unread are marked at once.
    func testUnreadStoriesOfOneSourceAreMarkedAtOnce() throws {
        let (reader, tracker, catalog) = try reader()
        // Story 4 and 5 are the second feed's: read them.
        reader.apply(.last, .toggleRead, .up, .toggleRead)
        XCTAssertEqual(readCount(tracker, catalog), 2)
        reader.apply(.markAllRead)
        XCTAssertNil(reader.markAllQuestion)
        XCTAssertEqual(reader.message, "marked 3 read (u undoes)")
        XCTAssertEqual(readCount(tracker, catalog), 5)
    }
}

extension Reader {
    /// Applies commands in order.
    fileprivate func apply(_ commands: Command...) {
        for command in commands { apply(command) }
    }
}
