import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// Golden screens: a `ReaderApp` over a `MemoryTerminal` driven by keys, compared with text files
/// under `Tests/GazetteTUITests/Snapshots/`. `GAZETTE_RECORD_SNAPSHOTS=1` writes the files instead.
final class ScreenSnapshotTests: XCTestCase {
    private static let recording = ProcessInfo.processInfo.environment["GAZETTE_RECORD_SNAPSHOTS"] == "1"

    /// Snapshots written in this run: a second screen for the same name is compared, not written.
    private final class Recorded: @unchecked Sendable {
        private let lock = NSLock()
        private var names: Set<String> = []

        /// Whether `name` was not recorded before (and now is).
        func insert(_ name: String) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            return names.insert(name).inserted
        }
    }

    private static let recorded = Recorded()

    private func session(_ path: URL = Fixtures.sample, width: Int = 80, height: Int = 24) throws
        -> ReaderSession
    {
        try ReaderSession(path, width: width, height: height)
    }

    /// Compares the session's screen with the snapshot `name`, or records it.
    private func assertSnapshot(
        _ session: ReaderSession, _ name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/GazetteTUITests/Snapshots/\(name).txt")
        let actual = session.screen
        if ScreenSnapshotTests.recording && ScreenSnapshotTests.recorded.insert(name) {
            do {
                try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
                XCTFail(
                    "recorded snapshot \(name); run again without GAZETTE_RECORD_SNAPSHOTS", file: file,
                    line: line)
            } catch {
                XCTFail("could not record snapshot \(name): \(error)", file: file, line: line)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            XCTFail("no snapshot \(name); record it with GAZETTE_RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        var expected = String(decoding: data, as: UTF8.self)
        if expected.hasSuffix("\n") { expected.removeLast() }
        guard actual != expected else { return }
        let actualLines = actual.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        var report = ["screen differs from snapshot \(name):"]
        for row in 0..<max(actualLines.count, expectedLines.count) {
            let have = row < actualLines.count ? actualLines[row] : "<none>"
            let want = row < expectedLines.count ? expectedLines[row] : "<none>"
            if have != want { report += ["row \(row) expected: \(want)", "row \(row)   actual: \(have)"] }
        }
        XCTFail(report.joined(separator: "\n"), file: file, line: line)
    }

    /// Opens `path` at a size, sends keys and compares with a snapshot.
    private func check(
        _ name: String, _ path: URL = Fixtures.sample, width: Int = 80, height: Int = 24, keys: String = "",
        events: [InputEvent] = [], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let session = try session(path, width: width, height: height)
        if !keys.isEmpty { session.send(keys: keys) }
        if !events.isEmpty { session.send(events) }
        assertSnapshot(session, name, file: file, line: line)
    }

    private func key(_ key: Key) -> InputEvent { .key(key) }

    private func mouse(_ action: MouseAction, row: Int) -> InputEvent {
        .mouse(MouseEvent(action: action, column: 10, row: row))
    }

    // MARK: the sample at 80x24, every key

    func testSampleStartScreen() throws {
        try check("sample-80x24-start")
    }

    func testSampleMovingTheSelection() throws {
        try check("sample-80x24-j", keys: "j")
        try check("sample-80x24-j", events: [key(.down)])
        try check("sample-80x24-start", keys: "jk")
        try check("sample-80x24-start", events: [key(.down), key(.up)])
    }

    func testSampleOpeningAndLeaving() throws {
        try check("sample-80x24-enter", keys: "\n")
        try check("sample-80x24-enter", events: [key(.right)])
        try check("sample-80x24-enter", keys: "l")
        try check("sample-80x24-enter-j", keys: "\njj")
        try check("sample-80x24-enter-j-k", keys: "\njjk")
        try check("sample-80x24-enter-q", keys: "\nq")
        try check("sample-80x24-enter-q", events: [key(.enter), key(.left)])
        try check("sample-80x24-enter-q", keys: "\nh")
        try check("sample-80x24-enter-q", keys: "\n\u{1B}")
    }

    func testSamplePaging() throws {
        try check("sample-80x24-space", keys: " ")
        try check("sample-80x24-space-space", keys: "  ")
        try check("sample-80x24-space-space-b", keys: "  b")
        try check("sample-80x24-space-to-next-unread", keys: "    ")
        try check("sample-80x24-j", events: [key(.pageDown)])
        try check("sample-80x24-start", events: [key(.pageDown), key(.pageUp)])
        try check("sample-80x24-start", events: [key(.ctrl("f")), key(.ctrl("b"))])
        try check("sample-80x24-enter-pgdn", events: [key(.enter), key(.pageDown)])
        try check("sample-80x24-enter-pgdn", events: [key(.enter), key(.ctrl("f"))])
        try check("sample-80x24-enter", events: [key(.enter), key(.ctrl("f")), key(.ctrl("b"))])
        try check("sample-80x24-enter", events: [key(.enter), key(.pageDown), key(.pageUp)])
    }

    func testSampleFirstAndLast() throws {
        try check("sample-80x24-G", keys: "G")
        try check("sample-80x24-start", keys: "Gg")
        try check("sample-80x24-G", events: [key(.end)])
        try check("sample-80x24-start", events: [key(.end), key(.home)])
        try check("sample-80x24-enter-G", keys: "\nG")
        try check("sample-80x24-enter-G", events: [key(.enter), key(.end)])
        try check("sample-80x24-enter", keys: "\nGg")
        try check("sample-80x24-enter", events: [key(.enter), key(.end), key(.home)])
    }

    func testSampleStoryJumps() throws {
        try check("sample-80x24-J", keys: "J")
        try check("sample-80x24-J-J", keys: "JJ")
        try check("sample-80x24-K", keys: "K")
        try check("sample-80x24-J-K", keys: "JK")
        try check("sample-80x24-n", keys: "n")
        try check("sample-80x24-n-n", keys: "nn")
        try check("sample-80x24-n-n-n", keys: "nnn")
        try check("sample-80x24-p", keys: "p")
    }

    func testSampleReadingState() throws {
        try check("sample-80x24-N", keys: "N")
        try check("sample-80x24-N-N", keys: "NN")
        try check("sample-80x24-A", keys: "A")
        try check("sample-80x24-A-u", keys: "Au")
        try check("sample-80x24-u-nothing", keys: "u")
        try check("sample-80x24-F", keys: "F")
        try check("sample-80x24-F-u", keys: "Fu")
    }

    func testSampleViews() throws {
        try check("sample-80x24-L", keys: "L")
        try check("sample-80x24-enter-q-L", keys: "\nqjL")
        try check("sample-80x24-L-L", keys: "LL")
        try check("sample-80x24-F-L-L", keys: "jFLL")
        try check("sample-80x24-L-L-L", keys: "LLL")
    }

    func testSampleEmptyUnreadViewAfterMarkingAllRead() throws {
        try check("sample-80x24-A-L", keys: "AL")
    }

    func testSampleJumpByNumber() throws {
        try check("sample-80x24-digit", keys: "2")
        try check("sample-80x24-digit-enter", keys: "2\n")
        try check("sample-80x24-digit-out-of-range", keys: "9\n")
        try check("sample-80x24-digit-backspace", keys: "21\u{7F}")
        try check("sample-80x24-digit-esc", keys: "2\u{1B}")
    }

    func testSampleZoom() throws {
        try check("sample-80x24-z", keys: "z")
        try check("sample-80x24-z-z", keys: "zz")
        try check("sample-80x24-z-q", keys: "zq")
    }

    func testHelpShowsEveryKeyAndScrolls() throws {
        try check("sample-100x30-help", width: 100, height: 30, keys: "?")
        try check("sample-100x30-help-j", width: 100, height: 30, keys: "?j")
        try check(
            "sample-100x30-help-end", width: 100, height: 30, keys: "?" + String(repeating: "j", count: 80))
        try check(
            "sample-100x30-help-end", width: 100, height: 30,
            events: [key(.char("?")), key(.pageDown), key(.pageDown)])
        // g and G go to the top and the end (G closed help; found by QA).
        try check("sample-100x30-help-end", width: 100, height: 30, keys: "?G")
        try check("sample-100x30-help", width: 100, height: 30, keys: "?Gg")
    }

    /// The last load's notes come after the keys, counted above them (found by QA: 21 skipped
    /// files filled the first page).
    func testHelpShowsTheKeysBeforeTheLastLoadsNotes() throws {
        for (name, keys) in [("sample-80x24-help-notes", "?"), ("sample-80x24-help-notes-end", "?G")] {
            let session = try session()
            session.reader.addLoadNotes(
                (1...16).map { "skipped: 'feeds/broken-\($0).xml' holds no articles" })
            session.send(keys: keys)
            assertSnapshot(session, name)
        }
    }

    func testAKeyClosesHelpWithoutActing() throws {
        try check("sample-80x24-start", keys: "?N")
        try check("sample-80x24-start", keys: "?\n")
        try check("sample-80x24-start", keys: "?q")
        try check("sample-80x24-start", events: [key(.char("?")), mouse(.click, row: 2)])
    }

    func testSampleMouse() throws {
        try check("sample-80x24-click-row-2", events: [mouse(.click, row: 2)])
        try check(
            "sample-80x24-double-click-row-2", events: [mouse(.click, row: 2), mouse(.doubleClick, row: 2)])
        try check("sample-80x24-wheel-list", events: [mouse(.wheelDown, row: 1)])
        try check("sample-80x24-enter-wheel-pane", events: [key(.enter), mouse(.wheelDown, row: 10)])
        try check(
            "sample-80x24-enter-wheel-pane-up",
            events: [
                key(.enter), mouse(.wheelDown, row: 10), mouse(.wheelDown, row: 10), mouse(.wheelUp, row: 10),
            ])
    }

    /// Keys that ask for nothing change nothing but the status line, which says so (they did
    /// nothing and said nothing; found by QA).
    func testSampleUnboundKeysChangeNothingButSaySo() throws {
        let session = try session()
        let before = session.screen.split(separator: "\n").dropLast()
        session.send(keys: "xyZ\t%w")
        XCTAssertEqual(session.screen.split(separator: "\n").dropLast(), before)
        XCTAssertEqual(
            session.screen.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces),
            "w does nothing here: ? lists the keys")
        XCTAssertFalse(session.reader.isFinished)
    }

    func testQuitKeysEndTheLoopAndLeaveTheRestUnread() throws {
        let quit = try session()
        quit.send(keys: "\nQjjj")
        XCTAssertTrue(quit.reader.isFinished)
        XCTAssertEqual(quit.terminal.pendingEvents.count, 3, "Q quits at once, from an open article")

        let back = try session()
        back.send(keys: "\nqqj")
        XCTAssertTrue(back.reader.isFinished)
        XCTAssertEqual(back.terminal.pendingEvents.count, 1)

        let terminated = try session()
        terminated.send([.terminate, key(.char("j"))])
        XCTAssertTrue(terminated.reader.isFinished)
    }

    // MARK: realnews at 80x24

    func testRealNewsScreens() throws {
        let news = Fixtures.realNews
        try check("realnews-80x24-start", news)
        try check("realnews-80x24-enter", news, keys: "\n")
        try check("realnews-80x24-enter-space-space", news, keys: "\n  ")
        try check("realnews-80x24-enter-space-space-b", news, keys: "\n  b")
        try check("realnews-80x24-enter-G", news, keys: "\nG")
        try check("realnews-80x24-G", news, keys: "G")
        try check("realnews-80x24-pgdn", news, events: [key(.pageDown)])
        try check(
            "realnews-80x24-pgdn-pgdn-pgup", news, events: [key(.pageDown), key(.pageDown), key(.pageUp)])
        try check("realnews-80x24-J-J-J", news, keys: "JJJ")
        try check("realnews-80x24-arabic", news, keys: "4\n\n")
        try check("realnews-80x24-arabic-j", news, keys: "4\n\njjj")
        try check("realnews-80x24-chinese", news, keys: "12\n\n")
        try check("realnews-80x24-chinese-space", news, keys: "12\n\n ")
        try check("realnews-80x24-chinese-list", news, keys: "12\n")
        try check("realnews-80x24-p-wraps", news, keys: "p")
        try check(
            "realnews-80x24-wheel-list", news, events: [mouse(.wheelDown, row: 3), mouse(.wheelDown, row: 3)])
        try check("realnews-80x24-A", news, keys: "A")
        try check("realnews-80x24-A-L", news, keys: "AL")
        try check("realnews-80x24-z", news, keys: "z")
        try check("realnews-80x24-z-G", news, keys: "zG")
    }

    // MARK: 40x12

    func testNarrowScreens() throws {
        let news = Fixtures.realNews
        try check("sample-40x12-start", width: 40, height: 12)
        try check("sample-40x12-enter", width: 40, height: 12, keys: "\n")
        try check("sample-40x12-enter-space", width: 40, height: 12, keys: "\n ")
        try check("sample-40x12-j-N", width: 40, height: 12, keys: "jN")
        try check("sample-40x12-z", width: 40, height: 12, keys: "z")
        try check("realnews-40x12-start", news, width: 40, height: 12)
        try check("realnews-40x12-G", news, width: 40, height: 12, keys: "G")
        try check("realnews-40x12-arabic", news, width: 40, height: 12, keys: "4\n\n")
        try check("realnews-40x12-chinese", news, width: 40, height: 12, keys: "12\n\n")
        try check("realnews-40x12-chinese-j", news, width: 40, height: 12, keys: "12\n\njjjj")
        try check("realnews-40x12-J-J", news, width: 40, height: 12, keys: "JJ")
        try check("realnews-40x12-digit", news, width: 40, height: 12, keys: "1")
    }

    // MARK: sizes

    func testTooSmallSaysSo() throws {
        try check("sample-19x5-too-small", width: 19, height: 5)
        try check("sample-20x5-too-small", width: 20, height: 5)
        try check("sample-20x6-smallest", width: 20, height: 6)
    }

    func testOneByOneDoesNotCrash() throws {
        let session = try session(width: 1, height: 1)
        session.send(keys: "jj\nGq?zL  AuF")
        XCTAssertEqual(session.terminal.screen.lines.count, 1)
        assertSnapshot(session, "sample-1x1")
        let empty = try self.session(width: 0, height: 0)
        empty.send(keys: "j\n")
        XCTAssertEqual(empty.terminal.screen.lines, [])
    }

    func testResizeMidSessionReflows() throws {
        let session = try session(Fixtures.realNews)
        session.send(keys: "12\n\njj")
        assertSnapshot(session, "realnews-resize-before")
        session.terminal.resize(width: 40, height: 12)
        session.app.run(stopWhenIdle: true)
        assertSnapshot(session, "realnews-resize-40x12")
        session.send(keys: "q")
        assertSnapshot(session, "realnews-resize-40x12-q")
        session.terminal.resize(width: 80, height: 24)
        session.app.run(stopWhenIdle: true)
        assertSnapshot(session, "realnews-resize-back-80x24")
    }

    /// However small the terminal, the size needed and, where a few rows fit it, how to quit are
    /// shown whole: the text is shortened rather than cut (it lost its end below about 12x4).
    func testTheTooSmallTextIsShortenedToFit() throws {
        let session = try session()
        for (width, height, shown) in [
            (19, 5, "terminal too small (19x5); need 20x6 (Q quits)"),
            (12, 4, "too small; need 20x6 (Q quits)"),
            (10, 3, "too small; need 20x6 (Q quits)"), (9, 2, "need 20x6 (Q quits)"), (9, 1, "need 20x6"),
        ] {
            session.terminal.resize(width: width, height: height)
            session.app.run(stopWhenIdle: true)
            let text = session.terminal.screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            XCTAssertEqual(text, shown, "at \(width)x\(height)")
        }
    }

    func testResizeBelowTheMinimumAndBack() throws {
        let session = try session()
        session.send(keys: "j")
        let before = session.screen
        session.terminal.resize(width: 19, height: 5)
        session.app.run(stopWhenIdle: true)
        XCTAssertTrue(session.screen.contains("too small"))
        // Keys would act unseen: they are ignored, but Q.
        session.send(keys: "jjqGA")
        XCTAssertFalse(session.app.reader.isFinished, "q does not quit a screen that shows nothing")
        session.terminal.resize(width: 80, height: 24)
        session.app.run(stopWhenIdle: true)
        XCTAssertEqual(session.screen, before, "nothing moved while the screen was too small")
        session.terminal.resize(width: 19, height: 5)
        session.app.run(stopWhenIdle: true)
        session.send(keys: "Q")
        XCTAssertTrue(session.app.reader.isFinished)
    }

    // MARK: styles

    func testUnreadRowsAreBoldTheSelectedRowReversedAndTheCaptionDim() throws {
        let session = try session()
        let canvas = { session.terminal.screen }
        let layout = session.reader.layout
        XCTAssertEqual(layout.listTop, 1)
        for column in 0..<80 {
            XCTAssertEqual(
                canvas()[1, column].style, [.bold, .reverse], "selected unread row, column \(column)")
            XCTAssertEqual(canvas()[2, column].style, [.bold], "unread row, column \(column)")
        }
        XCTAssertTrue(canvas()[0, 0].style.contains(.bold))
        XCTAssertTrue(canvas()[0, 0].style.contains(.accent))
        XCTAssertTrue(canvas()[layout.dividerRow, 0].style.contains(.accent))
        XCTAssertEqual(canvas()[layout.paneTop, 1].style, .bold, "the article title is bold")
        XCTAssertEqual(
            canvas().text(ofRow: layout.paneTop + 1).trimmingCharacters(in: .whitespaces).prefix(9),
            "Iranians ")
        XCTAssertEqual(canvas()[layout.paneTop + 1, 1].style, .dim, "the caption is dim")
        XCTAssertEqual(canvas()[layout.paneTop + 3, 1].style, [], "the body is plain")
        XCTAssertEqual(canvas()[layout.statusRow, 1].style, .dim, "key hints are dim")

        session.send(keys: "N")
        for column in 0..<80 {
            XCTAssertEqual(canvas()[1, column].style, .reverse, "selected read row, column \(column)")
            XCTAssertEqual(canvas()[2, column].style, .bold)
        }
        XCTAssertEqual(canvas()[layout.statusRow, 1].style, [], "a message is not dim")

        session.send(keys: "j")
        for column in 0..<80 {
            XCTAssertEqual(canvas()[1, column].style, [], "read row, column \(column)")
            XCTAssertEqual(canvas()[2, column].style, [.bold, .reverse])
        }
    }
}
