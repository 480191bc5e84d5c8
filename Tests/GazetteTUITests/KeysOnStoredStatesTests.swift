import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// Keys that read or change reading state act on the states as they stand in the state file
/// when the key is handled, another Gazette (a reader, `gazette mark`) having changed them a
/// moment before. They acted on the states of the reader's last look, which is at most once a
/// second while idle: `n` opened a story a script had just marked read, `A` counted it among
/// those it marked, and the unread view showed it (found by QA).
final class KeysOnStoredStatesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-stored-states" }

    /// A reader over stories "Story 1"… on a state file, opened as `gazette` opens one, and
    /// another store on that file, standing for another Gazette.
    private struct Session {
        let app: ReaderApp
        let terminal: MemoryTerminal
        let deferring: DeferringStateStore
        let other: ReadingStateStore

        var reader: Reader { app.reader }
        var titleBar: String { terminal.screen.text(ofRow: 0) }
        var statusLine: String { terminal.screen.text(ofRow: terminal.screen.height - 1) }
        var screenText: String { "\n" + terminal.screen.lines.joined(separator: "\n") + "\n" }

        /// The id of story `number`.
        func id(_ number: Int) -> ArticleID { reader.catalog.entries[number - 1].summary.id }

        /// The story selected, by its number.
        var selectedNumber: Int { reader.visible[reader.selection] + 1 }

        /// Sends keys and runs the loop until they are used up.
        func keys(_ text: String) {
            terminal.send(keys: text)
            app.run(stopWhenIdle: true)
        }

        /// Another Gazette marks stories read or unread, as `gazette mark N --read` does.
        func markElsewhere(_ numbers: [Int], read: Bool) throws {
            let state = ArticleState(
                isRead: read, readAt: read ? Date(timeIntervalSince1970: 1_700_000_500) : nil)
            try other.setStates(
                Dictionary(uniqueKeysWithValues: numbers.map { (id($0), state) }), fields: .read)
        }

        /// Whether story `number` is read in the state file, as another Gazette reads it.
        func storedRead(_ number: Int) throws -> Bool {
            try other.states(for: [id(number)])[id(number)]?.isRead ?? false
        }
    }

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// `count` stories in news.txt, shown 100x14 on a state file that waits for another
    /// program's lock as the reader's does, the first screen drawn.
    private func session(stories count: Int = 6) throws -> Session {
        let text = (1...count).map {
            DumpText.article(title: "Story \($0)", paragraphs: ["Paragraph of story \($0)."])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("news.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        XCTAssertEqual(catalog.entries.count, count)
        let store = try ReadingStateStore(path: statePath)
        store.writeWait = DeferringStateStore.readerWait
        let deferring = DeferringStateStore(store)
        let tracker = try ReadingTracker(store: deferring, ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: 100, height: 14)
        let terminal = MemoryTerminal(width: 100, height: 14)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        let other = try ReadingStateStore(path: statePath)
        addTeardownBlock {
            other.close()
            store.close()
        }
        return Session(app: app, terminal: terminal, deferring: deferring, other: other)
    }

    /// `n` right after a script marked stories 2 and 3 read opens story 4, the next unread one
    /// (it opened story 2, and the title bar said "4 unread of 6" over it).
    func testNextUnreadRightAfterAScriptMarkedStoriesReadSkipsThem() throws {
        let s = try session()
        XCTAssertTrue(s.titleBar.hasSuffix("6 unread of 6"), s.titleBar)
        try s.markElsewhere([2, 3], read: true)
        s.keys("n")
        XCTAssertEqual(s.reader.focus, .article, s.screenText)
        XCTAssertEqual(s.selectedNumber, 4, s.screenText)
        XCTAssertTrue(s.titleBar.hasSuffix("3 unread of 6"), s.screenText)
        XCTAssertTrue(try s.storedRead(4))
    }

    /// `A` right after a script marked story 5 read says it marked the 5 others, and its `u`
    /// puts back only what it changed: story 5 stays read, and a story another Gazette marked
    /// unread after the `A` stays as that one left it (the `A` said "marked 6 read").
    func testMarkAllCountsOnlyWhatItChangedAndItsUndoOnlyThat() throws {
        let s = try session()
        try s.markElsewhere([5], read: true)
        s.keys("A")
        XCTAssertEqual(s.statusLine, " marked 5 read (u undoes)", s.screenText)
        XCTAssertTrue(s.titleBar.hasSuffix("0 unread of 6"), s.screenText)
        try s.markElsewhere([3], read: false)
        s.keys("u")
        XCTAssertEqual(s.statusLine, " undone: mark all read (4 stories)", s.screenText)
        XCTAssertTrue(s.titleBar.hasSuffix("5 unread of 6"), s.screenText)
        XCTAssertEqual(try (1...6).map(s.storedRead), [false, false, false, false, true, false])
    }

    /// `N` on a story another reader marked read a moment before marks it unread, as its row
    /// then shows it read, and `u` takes that back ("marked read" changed nothing, and `u` then
    /// had nothing to undo).
    func testToggleAndUndoActOnTheStateStoredJustBefore() throws {
        let s = try session()
        s.keys("j")
        try s.markElsewhere([2], read: true)
        s.keys("N")
        XCTAssertEqual(s.statusLine, " marked unread", s.screenText)
        XCTAssertFalse(try s.storedRead(2))
        XCTAssertTrue(s.titleBar.hasSuffix("6 unread of 6"), s.screenText)
        s.keys("u")
        XCTAssertEqual(s.statusLine, " undone: mark unread (story 2)", s.screenText)
        XCTAssertTrue(try s.storedRead(2), "read again, as the other reader left it")
        XCTAssertTrue(s.titleBar.hasSuffix("5 unread of 6"), s.screenText)
    }

    /// The unread view (`L`) chosen right after a script marked stories 2 and 3 read leaves them
    /// out (it showed them).
    func testTheUnreadViewLeavesOutStoriesMarkedReadJustBefore() throws {
        let s = try session()
        try s.markElsewhere([2, 3], read: true)
        s.keys("L")
        XCTAssertEqual(s.reader.filter, .unread)
        XCTAssertEqual(s.reader.visible.map { $0 + 1 }, [1, 4, 5, 6], s.screenText)
        XCTAssertTrue(s.titleBar.hasSuffix("4 unread of 4"), s.screenText)
    }

    /// A change waiting for another program's lock is neither lost nor shown undone when a key
    /// takes in what another Gazette stored after the lock went: `n` skips the story marked read
    /// there, the story marked here stays read, and it is saved.
    func testAChangeWaitingForALockStaysWhenAKeyTakesInAnotherGazettesMarks() throws {
        let s = try session()
        guard let locker = StateFileLocker(path: statePath) else {
            throw XCTSkip("no sqlite3 to hold the state file's lock")
        }
        s.keys("jN")
        XCTAssertEqual(s.deferring.changesWaiting, 1, s.screenText)
        locker.release()
        try s.markElsewhere([3], read: true)
        s.keys("n")
        XCTAssertEqual(s.selectedNumber, 4, s.screenText)
        XCTAssertTrue(s.reader.tracker.isRead(s.id(2)), "the change waiting still shows")
        XCTAssertTrue(s.titleBar.hasSuffix("3 unread of 6"), s.screenText)
        XCTAssertTrue(try s.deferring.saveChangesWaiting())
        XCTAssertEqual(try (1...6).map(s.storedRead), [false, true, true, true, false, false])
    }
}
