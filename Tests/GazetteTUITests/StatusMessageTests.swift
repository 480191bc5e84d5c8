import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import GazetteTUI

/// Every message the reader shows keeps its essential part whole on a 40- or 50-column status
/// line: the whole message when it fits, else its short form, which fits 38 columns (a cut at
/// 40 columns left "12 matching lines in this story (] goe…"; found by QA). The essential part
/// is the short form (or the message, when it has none) without a file's name at its end,
/// "('state.sqlite')", which the status line may cut.
final class StatusMessageTests: TemporaryFolderTestCase {
    /// Every message of the reader and its status line, with numbers as long as a big file's.
    private var messages: [StatusMessage] {
        let busy = StateStoreError.busy(path: "/home/reader/.local/state/gazette/state.sqlite")
        let removed = StateStoreError.removed(path: "/tmp/state.sqlite")
        let waits: [StatusMessage] = [
            .markAllWaiting, .lastWaiting, .storyWaiting(12_345), .nextUnreadWaiting,
        ]
        let literal = [
            "no more unread", "reloading…", "no story selected", "this story has no numbered links",
            "no link [12] (there are 3)", "this story has no link", "already on the first story",
            "already on the last story", "no story to open", "1 matching line in this story",
            "no next story", "no previous story", "wrapped to the first unread story",
            "wrapped to the last unread story", "no text to go to", "line 1,234 of 5,678", "search cleared",
            "story 12,345 marked unread", "nothing unread here", "marked 12,345 read (u undoes)",
            "nothing to undo", "undone: mark unread (story 12,345)", "undone: mark all read (12,345 stories)",
            "flagged", "unflagged", "no story to zoom", "no search (press / to search)",
            "no more matches above", "no more matches below", "matching line 1,234 of 5,678",
            "go to story: 12345", "no story 12,345 (there are 50,000)", "marking 12,345 stories read…",
            "undoing the change of 12,345 stories…", "already at the top of the story",
            "already at the end of the story", "marked read", "indexing 45%…", "searching 45%…",
            "nothing to reload", "view: flagged only — no stories",
        ].map { StatusMessage($0) }
        let built: [StatusMessage] = [
            .goingBack, .numberInArticle("123"), .numberDropped("123"),
            .doesNothing("Ctrl-↓", dropped: nil), .doesNothing("Ctrl-↓", dropped: "12"),
            .emptyForNow(searching: true), .emptyForNow(searching: false), .endsForNow(searching: true),
            .endsForNow(searching: false), .noMatch, .emptyView, .matchingLines(1_234),
            .movedForNow(12, of: 345, filling: "the search goes on"),
            .notInListYet(12_345, filling: "indexing"), .notInView(12_345, label: ViewFilter.flagged.label),
            .notMatching(12_345), .view(ViewFilter.flagged.label, empty: true, cancelled: .lastWaiting),
            .view(ViewFilter.unread.label, empty: false, cancelled: .nextUnreadWaiting),
            .changesWaiting(12_345, behind: busy), .changesWaiting(1, behind: removed),
            .changesWaiting(12_345, behind: removed), .savedLate(12_345),
            .changesWaiting(12_345, behind: .full(path: "/tmp/state.sqlite")),
            .savedLate(12_345, after: .full(path: "/tmp/state.sqlite")),
            .openedWhileLocked(path: "/tmp/state.sqlite"), .standardInputNotReloaded, .lastMatchesOnScreen,
            .matchesLeftOut, .onlyMatchesLeftOut, .keysWaitForSearch, .topOfStoryUnderList, .storyOpen,
        ]
        let failures: [StateStoreError] = [
            .unwritable(path: "/tmp/state.sqlite", reason: "the file is read-only"),
            .unwritableLog(path: "/tmp/state.sqlite", files: ["-wal"]), .replaced(path: "/tmp/state.sqlite"),
            .emptied(path: "/tmp/state.sqlite"), removed, busy, .full(path: "/tmp/state.sqlite"),
            .newerSchema(path: "/tmp/state.sqlite", version: "v9"),
        ]
        var all: [StatusMessage] = literal + built
        all += waits
        all += waits.map { $0.wrapped("cancelled: ") }
        all += waits.map { $0.wrapped("given up: ") }
        all += failures.map(StatusMessage.notSaved)
        return all
    }

    func testEveryMessageKeepsItsEssentialPartWholeAtFortyAndFiftyColumns() {
        for message in messages {
            let short = message.short ?? message.text
            XCTAssertLessThanOrEqual(
                DisplayWidth.of(StatusMessage.withoutName(short)), StatusMessage.shortWidth,
                "short form too long: \(short)")
            for width in [40, 50] {
                var canvas = Canvas(width: width, height: 1)
                StatusLineView.render(message: message, focus: .list, row: 0, into: &canvas)
                let shown = String(canvas.text(ofRow: 0).dropFirst()).trimmingTrailingSpaces()
                if DisplayWidth.of(message.text) <= width - 2 {
                    XCTAssertEqual(shown, message.text, "fits \(width) columns whole")
                    continue
                }
                // The wide form when all but its file's name fits, else the short form.
                let form = [message.text, short].first {
                    DisplayWidth.of(StatusMessage.withoutName($0)) <= width - 2
                }
                let said = StatusMessage.withoutName(form ?? short)
                XCTAssertTrue(
                    shown == said || shown.hasPrefix(said + " ('"),
                    "at \(width) columns: \(shown) for \(message.text)")
            }
        }
    }

    /// A reader over 3 stories that each say "river" on 4 lines.
    private func app(width: Int) throws -> (ReaderApp, MemoryTerminal) {
        let text = (1...3).map { number in
            DumpText.article(
                title: "Story \(number)",
                paragraphs: (1...4).map { "Paragraph \($0) of story \(number) is about the river." })
        }.joined(separator: "\n\n\n")
        let reader = try DumpText.reader(text, in: folder, width: width, height: 24)
        let terminal = MemoryTerminal(width: width, height: 24)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        return (app, terminal)
    }

    /// The keys that gave the messages QA found cut, at 40 columns.
    func testKeysAtFortyColumnsSayTheirMessagesWhole() throws {
        for (keys, said) in [
            ("/river\r\r", " 4 matching lines (]: next)"),
            ("b", " already at the top of the story"),
            ("12z", " 12 dropped: the key takes no number"),
        ] {
            let (app, terminal) = try app(width: 40)
            terminal.send(keys: keys)
            app.run(stopWhenIdle: true)
            XCTAssertEqual(terminal.screen.text(ofRow: 23).trimmingTrailingSpaces(), said, keys)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
