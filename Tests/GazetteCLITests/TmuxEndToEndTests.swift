import Foundation
import GazetteCore
import TestSupport
import XCTest

/// The built `gazette` driven in a real terminal: each test starts its own private tmux
/// server, types keys into the pane and reads the screen back with `capture-pane`.
///
/// Every wait polls the screen (50 ms) with a generous timeout, so a loaded machine only makes
/// the tests slower, never flaky. Reading state always lives in a fresh temporary folder.
final class TmuxEndToEndTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-e2e" }

    private static let firstTitle = "Iran Pays Millions in Ransom to End Cyberattack on Banks"
    private static let secondTitle = "Dutch Tighten Controls on Military and Dual Use Exports to Israel"

    // MARK: - 1. First screen

    func testFirstScreenOfTheBundledSample() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { rows in
            rows.first?.hasSuffix("2 unread of 2") == true && Screen.dividerPosition(rows) == "1/2"
                && Screen.contains(rows, "A massive cyberattack")
        }
        let rows = tmux.capture()
        XCTAssertEqual(rows.count, 30, tmux.screenText)
        XCTAssertTrue(rows[0].hasPrefix(" Gazette — 000_b85e378bc3d894c4.txt"), tmux.screenText)
        XCTAssertTrue(rows[1].hasPrefix(" N   1  \(Self.firstTitle)"), tmux.screenText)
        XCTAssertTrue(rows[2].hasPrefix(" N   2  \(Self.secondTitle)"), tmux.screenText)
        XCTAssertTrue(rows[1].hasSuffix("IRNA   2 min"), tmux.screenText)
        let divider = try XCTUnwrap(Screen.divider(rows), tmux.screenText)
        XCTAssertTrue(divider.hasPrefix("─── 1/2 ─ \(Self.firstTitle) ─"), divider)
        XCTAssertTrue(divider.hasSuffix(" 0% ──"), divider)
        XCTAssertEqual(Screen.width(divider), 100, divider)
        XCTAssertEqual(rows[4].trimmingCharacters(in: .whitespaces), Self.firstTitle)
        XCTAssertEqual(
            rows[5].trimmingCharacters(in: .whitespaces), "Iranians at a bank branch in Tehran (IRNA)")
        XCTAssertTrue(
            Screen.contains(rows, "A massive cyberattack that hit Iran last month threatened the stability"),
            tmux.screenText)
        let status = try XCTUnwrap(rows.last)
        for hint in ["?:help", "q:quit", "Enter:open", "J/K:next/prev story", "n:next unread"] {
            XCTAssertTrue(status.contains(hint), "status line lacks \(hint): \(status)")
        }
        for row in rows { XCTAssertLessThanOrEqual(Screen.width(row), 100, row) }
        XCTAssertFalse(tmux.isPaneDead)
    }

    // MARK: - 2. Moving between stories

    func testJKAndNPMoveBetweenStoriesAndOpenThem() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }

        try tmux.sendKeys("J")
        try expect(tmux, "J opens story 2") { Screen.isReader($0, position: "2/2", unread: 1) }
        XCTAssertTrue(tmux.lastCapture.last?.contains("q:back") == true, tmux.screenText)
        XCTAssertFalse(Screen.isMarkedUnread(tmux.lastCapture, number: 2), tmux.screenText)

        try tmux.sendKeys("K")
        try expect(tmux, "K opens story 1") { Screen.isReader($0, position: "1/2", unread: 0) }

        try tmux.sendKeys("K")
        try expect(tmux, "K at the first story says so") { rows in
            Screen.isReader(rows, position: "1/2", unread: 0)
                && rows.last?.contains("no previous story") == true
        }

        // Story 1 unread again, then p from story 2 goes back to it and opens it.
        try tmux.sendKeys("N")
        try expect(tmux, "N marks story 1 unread") { rows in
            Screen.isReader(rows, position: "1/2", unread: 1) && Screen.isMarkedUnread(rows, number: 1)
        }
        try tmux.sendKeys("J")
        try expect(tmux, "J to story 2") { Screen.isReader($0, position: "2/2", unread: 1) }
        try tmux.sendKeys("p")
        try expect(tmux, "p opens the previous unread story") {
            Screen.isReader($0, position: "1/2", unread: 0)
        }
        try tmux.sendKeys("p")
        try expect(tmux, "p with nothing unread says so") { rows in
            Screen.isReader(rows, position: "1/2", unread: 0) && rows.last?.contains("no more unread") == true
        }

        // Story 2 unread again, then n from story 1 goes forward to it and opens it.
        try tmux.sendKeys("J")
        try expect(tmux, "J to story 2") { Screen.isReader($0, position: "2/2", unread: 0) }
        try tmux.sendKeys("N")
        try expect(tmux, "N marks story 2 unread") { rows in
            Screen.isReader(rows, position: "2/2", unread: 1) && Screen.isMarkedUnread(rows, number: 2)
        }
        try tmux.sendKeys("K")
        try expect(tmux, "K to story 1") { Screen.isReader($0, position: "1/2", unread: 1) }
        try tmux.sendKeys("n")
        try expect(tmux, "n opens the next unread story") { rows in
            Screen.isReader(rows, position: "2/2", unread: 0) && !Screen.isMarkedUnread(rows, number: 2)
        }

        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    // MARK: - 3. Reading through with Space

    func testSpacePagesToTheEndThenOpensTheNextUnreadStory() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("Enter")
        try expect(tmux, "Enter opens story 1") { rows in
            Screen.isReader(rows, position: "1/2", unread: 1) && rows.last?.contains("q:back") == true
        }

        var progress: [String] = [Screen.dividerProgress(tmux.lastCapture) ?? "?"]
        var presses = 0
        while Screen.dividerPosition(tmux.lastCapture) == "1/2" {
            presses += 1
            XCTAssertLessThanOrEqual(presses, 20, "Space never left story 1; progress \(progress)")
            if presses > 20 { return }
            let before = Screen.divider(tmux.lastCapture)
            try tmux.sendKeys("Space")
            try expect(tmux, "Space moves on (press \(presses))") { Screen.divider($0) != before }
            if let percent = Screen.dividerProgress(tmux.lastCapture),
                Screen.dividerPosition(tmux.lastCapture) == "1/2"
            {
                progress.append(percent)
            }
        }
        XCTAssertEqual(progress.last, "100%", "story 1 was not shown to its end: \(progress)")
        try expect(tmux, "story 2 opened by Space") { rows in
            Screen.isReader(rows, position: "2/2", unread: 0)
                && Screen.hasLine(rows, Self.secondTitle) && Screen.dividerProgress(rows) == "0%"
        }

        try tmux.sendKeys("q")
        try expect(tmux, "q goes back to the list") { rows in
            Screen.isReader(rows, position: "2/2", unread: 0) && rows.last?.contains("q:quit") == true
        }
        try tmux.sendKeys("q")
        try expect(tmux, "q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    // MARK: - 4. Resizing

    /// `LINES` and `COLUMNS` exported in the shell do not fix the screen's size: the terminal's
    /// is used, and a resize reflows (a 40x10 screen stayed in the corner; found by QA).
    func testExportedLinesAndColumnsDoNotFixTheSize() throws {
        let tmux = try startGazette(environment: ["LINES": "10", "COLUMNS": "40"])
        try expect(tmux, "the 100x30 layout") { rows in
            Screen.fills(rows, width: 100, height: 30) && Screen.isReader(rows, position: "1/2", unread: 2)
        }
        try tmux.resize(width: 60, height: 20)
        try expect(tmux, "the 60x20 layout") { rows in
            Screen.fills(rows, width: 60, height: 20) && rows.first?.hasSuffix("2 unread of 2") == true
        }
        try tmux.sendKeys("q")
        try expect(tmux, "q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    func testResizeReflowsAndTooSmallSaysSo() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }

        try tmux.resize(width: 60, height: 20)
        try expect(tmux, "the 60x20 layout") { rows in
            // The whole frame, not just its first row: tmux may be captured mid-redraw.
            Screen.fills(rows, width: 60, height: 20) && rows.first?.hasSuffix("2 unread of 2") == true
                && rows.count > 2 && rows[1].hasSuffix("2 min") && rows[2].hasSuffix("1 min")
                && rows.last?.hasPrefix(" ?:help") == true
        }
        var rows = tmux.lastCapture
        XCTAssertTrue(rows[1].hasPrefix(" N   1  Iran Pays Millions"), tmux.screenText)
        XCTAssertTrue(rows[1].contains("…") && rows[1].hasSuffix("2 min"), tmux.screenText)
        XCTAssertTrue(rows[2].contains("…") && rows[2].hasSuffix("1 min"), tmux.screenText)
        XCTAssertTrue(
            Screen.contains(rows, "A massive cyberattack that hit Iran last month"), tmux.screenText)
        XCTAssertTrue(rows.last?.hasPrefix(" ?:help") == true, tmux.screenText)

        try tmux.resize(width: 20, height: 6)
        try expect(tmux, "the 20x6 layout") { rows in
            Screen.fills(rows, width: 20, height: 6) && rows.first?.contains("2 unread of 2") == true
        }

        try tmux.resize(width: 15, height: 5)
        try expect(tmux, "the too-small message") { rows in
            (try? tmux.paneSize()).map { $0 == (15, 5) } == true && Screen.contains(rows, "terminal too")
                && Screen.divider(rows) == nil
        }
        rows = tmux.lastCapture
        for row in rows { XCTAssertLessThanOrEqual(Screen.width(row), 15, row) }
        XCTAssertFalse(tmux.isPaneDead, "gazette died below the minimum size")

        try tmux.resize(width: 100, height: 30)
        try expect(tmux, "the 100x30 layout again") { rows in
            Screen.fills(rows, width: 100, height: 30) && Screen.isReader(rows, position: "1/2", unread: 2)
                && Screen.contains(rows, " N   1  \(Self.firstTitle)")
                && Screen.contains(rows, " N   2  \(Self.secondTitle)")
        }
        XCTAssertTrue(tmux.lastCapture[0].hasPrefix(" Gazette — 000_b85e378bc3d894c4.txt"), tmux.screenText)

        try tmux.sendKeys("q")
        try expect(tmux, "q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    func testQuittingAfterThePaneGrewLeavesNoStoryBehind() throws {
        // tmux keeps the rows below the pane's old height when it leaves the alternate screen
        // of a pane that grew: the last frame showed there under the shell's next line.
        let tmux = try startGazette([Fixtures.realNews.path], width: 34, height: 9)
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/15", unread: 15) }
        try tmux.sendKeys("G", "Enter")
        try expect(tmux, "the last story opened") { Screen.isReader($0, position: "15/15", unread: 14) }
        try tmux.resize(width: 80, height: 24)
        try expect(tmux, "the 80x24 layout") { rows in
            Screen.fills(rows, width: 80, height: 24) && Screen.contains(rows, "Ont voté contre")
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.contains($0, "EXITED:0") }
        let left = tmux.lastCapture.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertEqual(left, ["EXITED:0"], tmux.screenText)
    }

    // MARK: - 5. Help

    func testHelpListsTheKeysAndClosesOnAKey() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }

        try tmux.sendKeys("?")
        try expect(tmux, "the help screen") { rows in
            rows.first?.contains("Gazette — help") == true && Screen.contains(rows, "toggle read")
        }
        var help = tmux.lastCapture
        // The rest of the keys are further down: scroll to the end and look again.
        for _ in 0..<30 { try tmux.sendKeys("j") }
        try expect(tmux, "the end of help") { Screen.contains($0, "this help") }
        help += tmux.lastCapture
        for summary in [
            "toggle read", "next unread story, opened", "quit at once", "open the selected story",
            "next story, opened", "zoom", "this help",
        ] {
            XCTAssertTrue(Screen.contains(help, summary), "help lacks \(summary):\(tmux.screenText)")
        }
        XCTAssertNil(Screen.divider(help), tmux.screenText)
        for row in help { XCTAssertLessThanOrEqual(Screen.width(row), 100, row) }

        try tmux.sendKeys("Escape")
        try expect(tmux, "Esc closes help") { Screen.isReader($0, position: "1/2", unread: 2) }

        try tmux.sendKeys("?")
        try expect(tmux, "the help screen again") { Screen.contains($0, "toggle read") }
        try tmux.sendKeys("Enter")
        try expect(tmux, "Enter closes help without opening the story") { rows in
            Screen.isReader(rows, position: "1/2", unread: 2) && rows.last?.contains("q:quit") == true
        }

        try tmux.sendKeys("q")
        try expect(tmux, "q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    // MARK: - 6. Mouse

    func testMouseClickSelectsAndDoubleClickOpens() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        // The second headline is on row 2 (0-based); click on its title.
        let click = Self.x10(button: 0, column: 12, row: 2) + Self.x10(button: 3, column: 12, row: 2)

        try tmux.sendLiteral(click)
        try expect(tmux, "a click selects story 2") { rows in
            Screen.isReader(rows, position: "2/2", unread: 2) && rows.last?.contains("q:quit") == true
                && Screen.hasLine(rows, Self.secondTitle)
        }

        try tmux.sendLiteral(click + click)
        try expect(tmux, "a double click opens story 2") { rows in
            Screen.isReader(rows, position: "2/2", unread: 1) && rows.last?.contains("q:back") == true
                && !Screen.isMarkedUnread(rows, number: 2) && Screen.isMarkedUnread(rows, number: 1)
        }

        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// A double click is two clicks on the same row: quick clicks on two headlines opened the
    /// second, and a double click slower than 150 ms did nothing (found by QA).
    func testADoubleClickIsTwoClicksOnOneRow() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        func click(row: Int) -> String {
            Self.x10(button: 0, column: 12, row: row) + Self.x10(button: 3, column: 12, row: row)
        }
        try tmux.sendLiteral(click(row: 2) + click(row: 5))
        try expect(tmux, "story 5 selected, not opened") { rows in
            Screen.dividerPosition(rows) == "5/15" && rows.last?.contains("q:quit") == true
                && Screen.isMarkedUnread(rows, number: 5)
        }
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.sendLiteral(click(row: 3))
        Thread.sleep(forTimeInterval: 0.25)
        try tmux.sendLiteral(click(row: 3))
        try expect(tmux, "a double click of 250 ms opens story 3") { rows in
            Screen.dividerPosition(rows) == "3/15" && rows.last?.contains("q:back") == true
                && !Screen.isMarkedUnread(rows, number: 3)
        }
    }

    // MARK: - 7. The terminal after quitting

    func testQuittingRestoresTheTerminal() throws {
        let (tmux, before) = try readerInShell()
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "1", "gazette does not use the alternate screen")
        try tmux.sendKeys("q")
        try expect(tmux, "q quits to the shell") { Screen.hasLine($0, "EXITED:0") }

        try assertTerminalRestored(tmux, comparedWith: before)
    }

    /// Ctrl-\ gives the terminal back before gazette quits by the signal: it was left on the
    /// alternate screen with mouse reporting on and the cursor hidden (found by QA).
    func testCtrlBackslashGivesTheTerminalBack() throws {
        let (tmux, before) = try readerInShell()
        try tmux.sendKeys("C-\\")
        try expect(tmux, "Ctrl-\\ quits by SIGQUIT") { Screen.hasLine($0, "EXITED:131") }
        XCTAssertEqual(try tmux.display("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"), "0 0 1")
        try assertTerminalRestored(tmux, comparedWith: before)
    }

    /// A crash gives the terminal back before the process dies: it was left on the alternate
    /// screen with mouse reporting on and the cursor hidden (found by QA, with SIGSEGV and
    /// SIGABRT sent from outside).
    func testACrashGivesTheTerminalBack() throws {
        let tmux = try startShell()
        try tmux.typeLine(gazetteLine() + "; echo EXITED:$?")
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        XCTAssertEqual(try tmux.display("#{alternate_on} #{mouse_any_flag}"), "1 1")
        kill(try gazettePID(), SIGSEGV)
        let deadline = Date().addingTimeInterval(10)
        while try tmux.display("#{alternate_on}") != "0" && Date() < deadline { usleep(50_000) }
        XCTAssertEqual(try tmux.display("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"), "0 0 1")
        // A debug build's Swift runtime may ask for a key before it ends the process.
        try tmux.sendKeys("q")
        try expect(tmux, "the process ends by the signal") { Screen.hasLine($0, "EXITED:139") }
    }

    /// SIGTRAP (a Swift runtime error on arm64) gives the terminal back as a crash does, and
    /// SIGUSR1 and SIGPROF end the reader as SIGTERM does (both left it on the alternate screen with mouse
    /// reporting on and the cursor hidden; found by QA).
    func testOtherEndingSignalsGiveTheTerminalBack() throws {
        for (sent, status) in [(SIGTRAP, 133), (SIGUSR1, 138), (SIGPROF, 155)] {
            let tmux = try startShell()
            try tmux.typeLine(gazetteLine() + "; echo EXITED:$?")
            try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
            kill(try gazettePID(), sent)
            let deadline = Date().addingTimeInterval(10)
            while try tmux.display("#{alternate_on}") != "0" && Date() < deadline { usleep(50_000) }
            XCTAssertEqual(
                try tmux.display("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"), "0 0 1",
                "signal \(sent)")
            // A debug build's Swift runtime may ask for a key before it ends the process.
            if sent == SIGTRAP { try tmux.sendKeys("q") }
            try expect(tmux, "the process ends by signal \(sent)") { Screen.hasLine($0, "EXITED:\(status)") }
            tmux.kill()
        }
    }

    /// SIGBUS sent from outside gives the terminal back and ends the reader as a crash does:
    /// the guard of mapped files took it for its own, and the reader went on, then died by the
    /// next one with the shell left raw on the alternate screen.
    func testASentBusErrorGivesTheTerminalBack() throws {
        let tmux = try startShell()
        try tmux.typeLine(gazetteLine([Fixtures.realNews.path]) + "; echo EXITED:$?")
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        XCTAssertEqual(try tmux.display("#{alternate_on} #{mouse_any_flag}"), "1 1")
        kill(try gazettePID(), SIGBUS)
        let deadline = Date().addingTimeInterval(10)
        while try tmux.display("#{alternate_on}") != "0" && Date() < deadline { usleep(50_000) }
        XCTAssertEqual(try tmux.display("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"), "0 0 1")
        // A debug build's Swift runtime may ask for a key before it ends the process.
        try tmux.sendKeys("q")
        try expect(tmux, "the process ends by the signal") { Screen.hasLine($0, "EXITED:135") }
    }

    /// Ctrl-S does not stop the screen: it froze while keys still acted, unseen (found by QA).
    func testCtrlSDoesNotFreezeTheScreen() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("C-s", "j")
        try expect(tmux, "j is seen") { Screen.isReader($0, position: "2/2", unread: 2) }
        try tmux.sendKeys("C-q", "Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// Ctrl-L writes the whole screen again after another program wrote over it, as in less and
    /// mutt (it did nothing).
    func testCtrlLWritesTheScreenAgain() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        let before = tmux.capture()
        let tty = try tmux.display("#{pane_tty}")
        try "\u{1B}[2J\u{1B}[Hscribbled over".write(toFile: tty, atomically: false, encoding: .utf8)
        try expect(tmux, "the scribble is seen") { Screen.hasLine($0, "scribbled over") }
        try tmux.sendKeys("C-l")
        try expect(tmux, "the screen as it was") { $0 == before }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// While the prompt is open the terminal marks pastes, and a pasted line break is a space
    /// in the search (the rest of the paste ran as keys and quit the reader; found by QA).
    func testAPasteIntoThePromptIsText() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendKeys("/")
        try expect(tmux, "the prompt") { $0.last == " /" }
        let pasted = folder.appendingPathComponent("paste.txt").path
        try "whale\nAh q\n".write(toFile: pasted, atomically: true, encoding: .utf8)
        _ = try tmux.tmux(["load-buffer", "-b", "gazette-test", pasted])
        _ = try tmux.tmux(["paste-buffer", "-p", "-b", "gazette-test", "-t", tmux.target])
        try expect(tmux, "the paste in the prompt") { $0.last == " /whale Ah q" }
        XCTAssertFalse(tmux.isPaneDead)
        // A paste that comes in pieces (a slow link) is still one paste (found by QA).
        try tmux.sendKeys("C-u")
        try expect(tmux, "the prompt emptied") { $0.last == " /" }
        try tmux.sendLiteral("\u{1B}[200~the")
        usleep(300_000)
        try tmux.sendLiteral("\rA \u{1B}[201~")
        try expect(tmux, "the pieces in the prompt") { $0.last == " /the A" }
        try tmux.sendKeys("Escape", "Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// A reader suspended with Ctrl-Z ends when its job is killed: continued in the
    /// background, it set the terminal up again, was stopped by SIGTTOU and stayed, holding
    /// the state file (found by QA).
    func testASuspendedReaderEndsWhenItsJobIsKilled() throws {
        let tmux = try startShell()
        try tmux.typeLine(gazetteLine())
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("C-z")
        try expect(tmux, "suspended, the shell's prompt") { $0.contains { $0.hasPrefix("$") } }
        // As bash's `kill %1` does: the signal, then SIGCONT (dash sends only the first).
        try runInShell(tmux, "kill %1; kill -CONT %1")
        try runInShell(
            tmux, "sleep 1; jobs > \(TmuxSession.shellQuote(folder.appendingPathComponent("jobs").path))")
        let jobs = try String(contentsOf: folder.appendingPathComponent("jobs"), encoding: .utf8)
        XCTAssertFalse(jobs.contains("Stopped"), jobs)
        XCTAssertEqual(Self.output(of: ["pgrep", "-f", "--", statePath]), "", "no gazette left")
    }

    /// Every Ctrl-Z gives the terminal back, not only the first: from the second on, the shell
    /// was left on the alternate screen with mouse reporting on (found by QA).
    func testEveryCtrlZGivesTheTerminalBack() throws {
        let tmux = try startShell()
        try tmux.typeLine(gazetteLine())
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        for round in 1...3 {
            try tmux.sendKeys("C-z")
            try expect(tmux, "suspended \(round), the shell's prompt") { $0.contains { $0.hasPrefix("$") } }
            XCTAssertEqual(
                try tmux.display("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"), "0 0 1",
                "suspend \(round)")
            try tmux.typeLine("fg")
            try expect(tmux, "resumed \(round)") { Screen.isReader($0, position: "1/2", unread: 2) }
        }
        try tmux.sendKeys("q")
        try expect(tmux, "q quits to the shell") { rows in
            !Screen.isReader(rows, position: "1/2", unread: 2) && rows.contains { $0.hasPrefix("$") }
        }
    }

    /// Ctrl-Z while the screen is still being written (the terminal slow to take it, as over a
    /// slow link) stops the reader once the terminal has taken it. ncurses ignored SIGTSTP while
    /// it wrote each update, and such a Ctrl-Z was lost: the reader stayed, no prompt (so was,
    /// now and then, a Ctrl-Z pressed as the screen came back after `fg`).
    func testCtrlZWhileTheScreenIsBeingWrittenIsNotLost() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/proc/self/io"), "needs /proc/<pid>/io")
        let tmux = try startShell(width: 200, height: 60)
        try tmux.typeLine(gazetteLine())
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        let reader = try gazettePID()
        let server = try XCTUnwrap(
            pid_t(try tmux.display("#{pid}").trimmingCharacters(in: .whitespacesAndNewlines)))
        // tmux stops reading the pane, and each repaint (SIGCONT asks for one) fills the
        // terminal's buffer, until the reader's write blocks in the middle of an update.
        kill(server, SIGSTOP)
        defer { kill(server, SIGCONT) }
        var written = -1
        var steady = 0
        var repaints = 0
        while steady < 3, repaints < 200 {
            repaints += 1
            kill(reader, SIGCONT)
            usleep(20_000)
            let now = Self.bytesWritten(by: reader)
            steady = now == written ? steady + 1 : 0
            written = now
        }
        XCTAssertEqual(steady, 3, "the reader's writes never blocked")
        // Ctrl-Z: SIGTSTP to the terminal's foreground process group, as the terminal sends it.
        kill(-getpgid(reader), SIGTSTP)
        usleep(100_000)
        kill(server, SIGCONT)
        try expect(tmux, "suspended, the shell's prompt") { $0.contains { $0.hasPrefix("$") } }
        XCTAssertEqual(try tmux.display("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"), "0 0 1")
        try tmux.typeLine("fg")
        try expect(tmux, "resumed") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("q")
        try expect(tmux, "q quits to the shell") { rows in
            !Screen.isReader(rows, position: "1/2", unread: 2) && rows.contains { $0.hasPrefix("$") }
        }
    }

    /// The bytes process `pid` has written so far (`wchar` of /proc/<pid>/io), or -1.
    private static func bytesWritten(by pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return -1 }
        let line = text.split(separator: "\n").first { $0.hasPrefix("wchar:") }
        return line.flatMap { Int($0.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) } ?? -1
    }

    /// Ctrl-Z while a browser the reader started has the terminal (`o`), then `fg`: the
    /// browser still has it, in its own modes, and reads its line; the reader comes back when
    /// it ends. The reader's screen came back over the browser instead, the terminal raw, and
    /// the browser never got its Enter (found by QA).
    func testCtrlZWhileTheBrowserRunsLeavesTheTerminalToTheBrowser() throws {
        let record = folder.appendingPathComponent("typed.txt").path
        let browser = folder.appendingPathComponent("browser.sh").path
        try """
        #!/bin/sh
        echo "BROWSER OPENS $1"
        printf 'press enter> '
        read answer
        echo "$answer" > '\(record)'

        """.write(toFile: browser, atomically: true, encoding: .utf8)
        chmod(browser, 0o755)
        let feed = Fixtures.feeds.appendingPathComponent("feedjira/HuffPostCanada.xml").path
        let tmux = try startShell()
        try tmux.typeLine(
            gazetteLine([feed], environment: ["BROWSER": browser, "DISPLAY": "", "WAYLAND_DISPLAY": ""]))
        XCTAssertTrue(tmux.waitForText("Winnipeg High School Orders Custom Hijabs"), tmux.screenText)
        try tmux.sendKeys("o")
        try expect(tmux, "the browser's question") { Screen.contains($0, "press enter>") }
        try tmux.sendKeys("C-z")
        let jobs = folder.appendingPathComponent("jobs").path
        try runInShell(tmux, "jobs > \(TmuxSession.shellQuote(jobs))")
        XCTAssertTrue(try String(contentsOfFile: jobs, encoding: .utf8).contains("Stopped"))
        // The line after `fg` is the browser's: typed at once, it waits in the terminal for it.
        try tmux.typeLine("fg")
        try tmux.typeLine("typed")
        try expect(tmux, "the reader back once the browser ends") {
            Screen.contains($0, "opened http://www.huffingtonpost.ca/2017/10/17/")
        }
        XCTAssertEqual(try String(contentsOfFile: record, encoding: .utf8), "typed\n")
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits to the shell") { rows in
            rows.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.hasPrefix("$") == true
        }
        // `fg` gives the job's status.
        try runInShell(tmux, "echo STATUS:$?")
        XCTAssertTrue(Screen.hasLine(tmux.lastCapture, "STATUS:0"), tmux.screenText)
    }

    // MARK: - 8. Reading state across runs

    func testReadingStateAndSelectionPersistAcrossRuns() throws {
        var tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 opened") { Screen.isReader($0, position: "1/2", unread: 1) }
        try tmux.sendKeys("q")
        try expect(tmux, "back to the list") { $0.last?.contains("q:quit") == true }
        try tmux.sendKeys("j")
        try expect(tmux, "story 2 selected") { Screen.isReader($0, position: "2/2", unread: 1) }
        try tmux.sendKeys("q")
        try expect(tmux, "q quits") { Screen.hasLine($0, "EXITED:0") }
        tmux.kill()

        tmux = try startGazette()
        try expect(tmux, "the second run's first screen") { Screen.isReader($0, position: "2/2", unread: 1) }
        let rows = tmux.lastCapture
        XCTAssertTrue(
            rows[1].hasPrefix("     1  \(Self.firstTitle)"), "story 1 not shown read:\(tmux.screenText)")
        XCTAssertTrue(Screen.isMarkedUnread(rows, number: 2), tmux.screenText)
        XCTAssertTrue(rows[0].hasSuffix("1 unread of 2"), tmux.screenText)
        XCTAssertTrue(Screen.hasLine(rows, Self.secondTitle), "pane does not show story 2:\(tmux.screenText)")
        try tmux.sendKeys("q")
        try expect(tmux, "q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// With several files open, the story last selected is resumed even when it came from a
    /// file other than the first (each file's own place is kept too).
    func testSeveralFilesResumeAtTheStoryLastSelected() throws {
        let sample = Fixtures.sample.path
        let news = Fixtures.realNews.path
        var tmux = try startGazette([sample, news])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/17" }
        try tmux.sendLiteral("10")
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 10, from the second file") { Screen.dividerPosition($0) == "10/17" }
        let title = try XCTUnwrap(Screen.divider(tmux.lastCapture)).split(separator: "─")[2]
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
        tmux.kill()

        tmux = try startGazette([sample, news])
        try expect(tmux, "the second run resumes at story 10") { Screen.dividerPosition($0) == "10/17" }
        XCTAssertEqual(try XCTUnwrap(Screen.divider(tmux.lastCapture)).split(separator: "─")[2], title)
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
        tmux.kill()

        // The files in another order are another set of paths: the place selected last, in
        // the news file.
        tmux = try startGazette([news, sample])
        try expect(tmux, "the news file resumes at its own story") { rows in
            Screen.divider(rows)?.split(separator: "─")[2] == title
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
        tmux.kill()

        // A new set whose first file has no place of its own: the next file's (it started at
        // the top; found by QA).
        let other = folder.appendingPathComponent("other.txt").path
        try
            (String(contentsOfFile: sample, encoding: .utf8)
            + "\n\n\nA story of its own\n\nWith a line of text.\n")
            .write(toFile: other, atomically: true, encoding: .utf8)
        tmux = try startGazette([other, news])
        try expect(tmux, "the news file's own story (its 8th), after the other file's 3") { rows in
            Screen.dividerPosition(rows) == "11/18" && Screen.divider(rows)?.split(separator: "─")[2] == title
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// Of several files, one that is not news is skipped and said so on the status line and,
    /// once the reader ends, on standard error; the others are read.
    func testAFileThatIsNotNewsAmongSeveralIsSkippedAndSaidSo() throws {
        let empty = folder.appendingPathComponent("empty.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        let tmux = try startGazette([empty, Fixtures.sample.path])
        try expect(tmux, "the sample, and the empty file skipped") { rows in
            Screen.isReader(rows, position: "1/2", unread: 2)
                && rows.last?.contains("skipped: 'empty.txt' is empty") == true
        }
        try tmux.sendKeys("j")
        try expect(tmux, "the message gives way to the key hints") { $0.last?.contains("q:quit") == true }
        try tmux.sendKeys("q")
        try expect(tmux, "q quits with status 0, the warning left on the terminal") { rows in
            Screen.hasLine(rows, "EXITED:0") && rows.contains { $0.hasPrefix("gazette: skipped: '\(empty)'") }
        }
    }

    /// A link in a folder that leads to no file is told on the status line as a file that is
    /// not news is (it was skipped without a word; found by QA).
    func testABrokenLinkInAFolderIsSaidOnTheStatusLine() throws {
        let news = folder.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try Data(Fixtures.bytes(Fixtures.sample)).write(to: news.appendingPathComponent("01.txt"))
        XCTAssertEqual(symlink("nowhere", news.appendingPathComponent("09broken.txt").path), 0)
        let tmux = try startGazette([news.path])
        try expect(tmux, "the sample, and the link skipped with why") { rows in
            Screen.isReader(rows, position: "1/2", unread: 2)
                && rows.last?.contains("skipped '09broken.txt': a link to 'nowhere', which does not exist")
                    == true
        }
        try tmux.sendKeys("q")
        try expect(tmux, "q quits with status 0") { Screen.hasLine($0, "EXITED:0") }
    }

    // MARK: - 9. SIGKILL

    func testSIGKILLLosesNoReadMark() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 shown read") { rows in
            Screen.isReader(rows, position: "1/2", unread: 1) && !Screen.isMarkedUnread(rows, number: 1)
        }
        let pid = try gazettePID()
        XCTAssertEqual(kill(pid, SIGKILL), 0)
        try expect(tmux, "the wrapper shell sees the kill") { Screen.contains($0, "EXITED:137") }

        let reads = try readMarks()
        XCTAssertEqual(reads, [true, false])
    }

    // MARK: - 10. SIGTERM and SIGHUP

    func testSIGTERMQuitsCleanlyAndKeepsMarks() throws {
        try checkSignalQuitsCleanly(SIGTERM)
    }

    func testSIGHUPQuitsCleanlyAndKeepsMarks() throws {
        try checkSignalQuitsCleanly(SIGHUP)
    }

    /// A reader whose terminal closes without a SIGHUP reaching it (started with `setsid`, so
    /// the terminal is not its controlling one) ends as if hung up and keeps its marks; every
    /// read failed at once and it spun at 80 % of a CPU, for ever (found by QA).
    func testAReaderWhoseTerminalClosesWithoutASignalEnds() throws {
        let tmux = track(try TmuxSession(command: "setsid " + gazetteLine() + "; sleep 30"))
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 opened") { Screen.isReader($0, position: "1/2", unread: 1) }
        let pid = try gazettePID()
        tmux.kill()
        let deadline = Date().addingTimeInterval(10)
        while Self.processExists(pid), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let running = Self.processExists(pid)
        if running { Foundation.kill(pid, SIGKILL) }
        XCTAssertFalse(running, "gazette \(pid) still runs after its terminal closed")
        XCTAssertEqual(try readMarks(), [true, false])
    }

    private func checkSignalQuitsCleanly(_ signal: Int32) throws {
        let tmux = try startShell()
        let before = folder.appendingPathComponent("stty-before").path
        try runInShell(tmux, "stty -g > \(TmuxSession.shellQuote(before))")
        try tmux.typeLine(gazetteLine() + "; echo EXITED:$?")
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 opened") { Screen.isReader($0, position: "1/2", unread: 1) }

        let pid = try gazettePID()
        XCTAssertEqual(kill(pid, signal), 0)
        try expect(tmux, "gazette exits on signal \(signal)") { rows in
            rows.contains { $0.hasPrefix("EXITED:") }
        }
        let exited = tmux.lastCapture.first { $0.hasPrefix("EXITED:") } ?? ""
        XCTAssertEqual(exited, "EXITED:\(128 + signal)", "it dies of the signal, after cleaning up")
        XCTAssertFalse(
            Self.processExists(pid), "gazette \(pid) still runs after signal \(signal) (\(exited))")

        try assertTerminalRestored(tmux, comparedWith: before)
        XCTAssertEqual(try readMarks(), [true, false])
    }

    // MARK: - 10a. A state file that cannot be written

    /// A state file the user may read but not write opens the reader, read only: its marks
    /// are shown, the status line says changes are not saved, and a mark says it was not
    /// saved. The reader refused to open at all, while `list` read the file (found by QA).
    func testAStateFileThatCannotBeWrittenIsReadOnly() throws {
        let marked = try CommandRunner.run([
            "mark", Fixtures.sample.path, "2", "--read", "--state", statePath,
        ])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        // Made immutable where this machine allows it (root passes permission checks).
        _ = Self.output(of: ["chattr", "+i", statePath])
        guard Self.isImmutable(statePath) else {
            throw XCTSkip("chattr +i is not allowed here")
        }
        defer { _ = Self.output(of: ["chattr", "-i", statePath]) }
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        let tmux = try startGazette()
        try expect(tmux, "the reader, read only, with the file's marks") { rows in
            Screen.isReader(rows, position: "1/2", unread: 1) && Screen.isMarkedUnread(rows, number: 1)
                && !Screen.isMarkedUnread(rows, number: 2)
                && rows.last?.contains("changes are not saved: the file is read-only ('state.sqlite')")
                    == true
        }
        try tmux.sendKeys("N")
        try expect(tmux, "a mark says it is not saved, and is not shown as made") { rows in
            rows.last?.contains("not saved: the file is read-only ('state.sqlite')") == true
                && Screen.isMarkedUnread(rows, number: 1)
        }
        try tmux.sendKeys("1", "N")
        try expect(tmux, "a numbered mark too, in its own words") {
            $0.last?.hasPrefix(" not saved: the file is read-only ('state.sqlite')") == true
        }
        try tmux.sendKeys("j")
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits without a failure") { Screen.hasLine($0, "EXITED:0") }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before)
    }

    /// A state file in a folder that cannot be written (and without the log files SQLite would
    /// make there) is read only too: the reader ended at the first write, and its stories all
    /// showed unread before that (found by QA).
    func testAStateFileInAFolderThatCannotBeWrittenIsReadOnly() throws {
        let marked = try CommandRunner.run([
            "mark", Fixtures.sample.path, "2", "--read", "--state", statePath,
        ])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        for log in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: statePath + log) }
        _ = Self.output(of: ["chattr", "+i", folder.path])
        guard Self.isImmutable(folder.path) else { throw XCTSkip("chattr +i is not allowed here") }
        defer { _ = Self.output(of: ["chattr", "-i", folder.path]) }
        let tmux = try startGazette()
        try expect(tmux, "the reader, read only, with the file's marks") { rows in
            Screen.isReader(rows, position: "1/2", unread: 1) && !Screen.isMarkedUnread(rows, number: 2)
                && rows.last?.contains("changes are not saved: its folder is not writable ('state.sqlite')")
                    == true
        }
        try tmux.sendKeys("N")
        try expect(tmux, "a mark is not saved") {
            $0.last?.contains("not saved: its folder is not writable ('state.sqlite')") == true
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits without a failure") { Screen.hasLine($0, "EXITED:0") }
    }

    /// `gazette mark` run while the reader is open shows in it within a moment, without `R`
    /// (the rows and counts stayed as they were until `R`; found by QA).
    func testAMarkMadeByAnotherProcessShowsWithoutReloading() throws {
        let tmux = try startGazette()
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        let marked = try CommandRunner.run([
            "mark", Fixtures.sample.path, "2", "--read", "--state", statePath,
        ])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        try expect(tmux, "story 2 shown read, the count one less") { rows in
            Screen.isReader(rows, position: "1/2", unread: 1) && !Screen.isMarkedUnread(rows, number: 2)
                && Screen.isMarkedUnread(rows, number: 1)
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// Whether `chattr` made `path` immutable (`lsattr` shows an `i`).
    private static func isImmutable(_ path: String) -> Bool {
        output(of: ["lsattr", "-d", path]).split(separator: " ").first?.contains("i") == true
    }

    // MARK: - 10b. SIGINT before a feed's first story is found

    /// With a state file there already, a feed's first story is looked for while curses is
    /// set up, writing nothing: SIGINT (Ctrl-C) then ends gazette by the signal, nothing drawn,
    /// and the terminal as it was (curses had changed its modes).
    func testSIGINTBeforeAFeedsFirstStoryLeavesTheTerminalAsItWas() throws {
        let marked = try CommandRunner.run([
            "mark", Fixtures.sample.path, "1", "--read", "--state", statePath,
        ])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        // A channel description of many MiB before the first item keeps the first story
        // some seconds away.
        let feed = folder.appendingPathComponent("slow.xml")
        var text = Data(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow</title><description>".utf8)
        let line = Data((String(repeating: "words &amp; words ", count: 1000) + "\n").utf8)
        for _ in 0..<(48 << 20) / line.count { text.append(line) }
        text.append(Data("</description><item><title>Late story</title></item></channel></rss>\n".utf8))
        try text.write(to: feed)

        let tmux = try startShell()
        let before = folder.appendingPathComponent("stty-before").path
        try runInShell(tmux, "stty -g > \(TmuxSession.shellQuote(before))")
        // (An interactive sh drops the rest of a command line whose command died of SIGINT:
        // the status is asked for on its own line.)
        try tmux.typeLine(gazetteLine([feed.path]))
        let pid = try gazettePID()
        // Sent once the reader catches SIGINT (its terminal is set up, silently), not after a
        // fixed pause: a fast build reaches the first story within a fraction of a second.
        XCTAssertTrue(Self.waitUntilCatching(SIGINT, pid: pid), "gazette never caught SIGINT")
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "the screen started: \(tmux.screenText)")
        XCTAssertTrue(Self.processExists(pid))
        // Sent to gazette alone, as Ctrl-C's would be: the shell then tells how it ended.
        XCTAssertEqual(kill(pid, SIGINT), 0)
        let deadline = Date().addingTimeInterval(10)
        while Self.processExists(pid) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(Self.processExists(pid), "gazette still runs after SIGINT")
        try runInShell(tmux, "echo EXITED:$?")
        let exited = tmux.lastCapture.first { $0.hasPrefix("EXITED:") } ?? ""
        XCTAssertEqual(exited, "EXITED:\(128 + SIGINT)", "it dies of the signal")
        XCTAssertFalse(Screen.contains(tmux.lastCapture, "Late story"), tmux.screenText)
        try assertTerminalRestored(tmux, comparedWith: before)
    }

    // MARK: - 11. Real news at 60 columns

    func testRealNewsRowsFitAndAlignAt60Columns() throws {
        let titles = try listJSON([Fixtures.realNews.path]).compactMap { $0["title"] as? String }
        XCTAssertEqual(titles.count, 15)
        let tmux = try startGazette([Fixtures.realNews.path], width: 60, height: 20)
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/15", unread: 15) }

        var seen: [Int: String] = [:]
        func collect(_ rows: [String]) {
            for row in Screen.listRows(rows) {
                if let number = Screen.headlineNumber(row) { seen[number] = row }
            }
        }
        collect(tmux.lastCapture)
        for index in 2...15 {
            try tmux.sendKeys("j")
            try expect(tmux, "story \(index) selected") { rows in
                Screen.isReader(rows, position: "\(index)/15", unread: 15)
                    && Screen.listRows(rows).contains { Screen.headlineNumber($0) == index }
            }
            let rows = tmux.lastCapture
            for row in rows { XCTAssertLessThanOrEqual(Screen.width(row), 60, row) }
            XCTAssertEqual(Screen.width(try XCTUnwrap(Screen.divider(rows))), 60, tmux.screenText)
            collect(rows)
        }

        XCTAssertEqual(Set(seen.keys), Set(1...15), "rows seen: \(seen.keys.sorted())")
        var ends: Set<Int> = []
        for (number, row) in seen.sorted(by: { $0.key < $1.key }) {
            XCTAssertNotNil(
                row.range(of: #"\d+ min$"#, options: .regularExpression), "no reading time: \(row)")
            ends.insert(Screen.width(row))
            guard number <= titles.count else { continue }
            let title = titles[number - 1]
            XCTAssertTrue(Screen.showsTitle(row, title), "row \(number) garbles its title:\n\(row)\n\(title)")
        }
        XCTAssertEqual(ends.count, 1, "reading times end at different columns: \(ends.sorted())")
        XCTAssertTrue(Screen.showsTitle(seen[4] ?? "", "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"))
        XCTAssertTrue(Screen.showsTitle(seen[12] ?? "", "海外留学生看两会：出国前后关注点大不同"))

        try tmux.sendKeys("q")
        try expect(tmux, "q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    // MARK: - 11b. News piped in

    func testNewsPipedInIsReadWithKeysFromTheTerminal() throws {
        // As with `less`: standard input is the news, the keys come from the terminal.
        let line = "cat \(TmuxSession.shellQuote(Fixtures.sample.path)) | " + gazetteLine(["-"])
        let tmux = try startPane(running: line)
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        XCTAssertTrue(tmux.lastCapture[0].contains("standard input"), tmux.screenText)
        try tmux.sendKeys("j")
        try expect(tmux, "story 2 selected") { Screen.isReader($0, position: "2/2", unread: 2) }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 2 opened") { Screen.isReader($0, position: "2/2", unread: 1) }
        try tmux.sendKeys("q", "q")
        try expect(tmux, "q q quits") { Screen.hasLine($0, "EXITED:0") }
        // The state is kept by story, whichever way the file came in.
        let read = try listJSON([Fixtures.sample.path]).map { $0["read"] as? Bool }
        XCTAssertEqual(read, [false, true])
    }

    /// News piped in with no PATH is read, as `less` reads it (the bundled sample was shown
    /// instead; found by QA).
    func testNewsPipedInWithoutADashIsRead() throws {
        let line = "cat \(TmuxSession.shellQuote(Fixtures.realNews.path)) | " + gazetteLine()
        let tmux = try startPane(running: line)
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        XCTAssertTrue(tmux.lastCapture[0].contains("standard input"), tmux.screenText)
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// News piped in slowly: a line says it is being read, typed keys are neither echoed nor
    /// acted on once the reader starts (a blank screen echoed them, and the `q` among them quit
    /// the reader as it started; found by QA).
    func testNewsPipedInSlowlyIsToldAndKeysTypedMeanwhileAreDropped() throws {
        let line = "(sleep 2; cat \(TmuxSession.shellQuote(Fixtures.sample.path))) | " + gazetteLine(["-"])
        let tmux = try startPane(running: line)
        try expect(tmux, "the wait is told") {
            $0.first?.hasPrefix("gazette: reading standard input…") == true
        }
        try tmux.sendLiteral("jjq")
        try expect(tmux, "the first screen, story 1 selected") {
            Screen.isReader($0, position: "1/2", unread: 2)
        }
        XCTAssertFalse(tmux.screenText.contains("jjq"), tmux.screenText)
        usleep(300_000)
        try expect(tmux, "still running") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// A named pipe with no writer yet is waited on with the same word as standard input (the
    /// screen stayed blank without one; found by QA), and read once news comes.
    func testANamedPipeIsWaitedOnAndToldThenRead() throws {
        let pipe = folder.appendingPathComponent("news.fifo").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        let tmux = try startGazette([pipe])
        try expect(tmux, "the wait is told") { $0.first?.hasPrefix("gazette: reading 'news.fifo'…") == true }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", Fixtures.sample.path, pipe]
        try writer.run()
        writer.waitUntilExit()
        try expect(tmux, "the stories") { Screen.isReader($0, position: "1/2", unread: 2) }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// On a narrow terminal the line that tells the wait is cut to its width: wrapped, it was
    /// not written over, and a copy was left every second (found by QA).
    func testTheWaitForStandardInputIsToldWithinTheWidth() throws {
        let line = "(sleep 3; cat \(TmuxSession.shellQuote(Fixtures.sample.path))) | " + gazetteLine(["-"])
        let tmux = track(try TmuxSession(command: line + "; sleep 30", width: 30, height: 10))
        try expect(tmux, "the wait is told, cut") { $0.first == "gazette: reading standard in…" }
        usleep(1_500_000)
        try expect(tmux, "written over, not wrapped") { rows in
            rows.first == "gazette: reading standard in…" && rows.dropFirst().allSatisfy(\.isEmpty)
        }
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/2" }
    }

    /// Escape sequences ncurses does not know (a key of another terminal, a mouse report in
    /// another encoding) are dropped whole: their digits were typed into the story number.
    func testUnknownEscapeSequencesAreNotTakenForKeys() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendKeys("j")
        try tmux.sendLiteral("\u{1B}[99~")
        try tmux.sendLiteral("\u{1B}[<0;10;5M\u{1B}[<0;10;5m")
        try tmux.sendKeys("Enter")
        try expect(tmux, "Enter opens story 2, not a story numbered by the sequences' digits") { rows in
            Screen.dividerPosition(rows) == "2/15" && rows.last?.contains("q:back") == true
        }
        XCTAssertFalse(tmux.lastCapture.last?.contains("no story") ?? true, tmux.screenText)
    }

    /// A movement key held with Ctrl, Alt or Shift is named as a key that does nothing: Ctrl-↓
    /// said nothing (found by QA). Esc and a key typed ahead in one write stay Esc and the key
    /// (a script's `send-keys Escape q`), so Alt with a letter is that letter after Esc.
    func testModifiedMovementKeysAreNamed() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendKeys("C-Down")
        try expect(tmux, "Ctrl-↓ is named") { $0.last?.contains("Ctrl-↓ does nothing here") == true }
        try tmux.sendKeys("S-Up")
        try expect(tmux, "Shift-↑ is named") { $0.last?.contains("Shift-↑ does nothing here") == true }
        try tmux.sendKeys("M-Left")
        try expect(tmux, "Alt-← is named") { $0.last?.contains("Alt-← does nothing here") == true }
        try tmux.sendKeys("Enter")
        try expect(tmux, "story 1 open") { $0.last?.contains("q:back") == true }
        try tmux.sendKeys("Escape", "j")
        try expect(tmux, "Esc then j in one write: the story closed, the next selected") { rows in
            Screen.dividerPosition(rows) == "2/15" && rows.last?.contains("q:quit") == true
        }
        XCTAssertFalse(tmux.isPaneDead)
        // Under an entry that names no such keys, tmux sends them all the same (found by QA).
        let screen = try startGazette([Fixtures.realNews.path], environment: ["TERM": "screen"])
        // (At the story the first reader left selected, which it may have saved by now.)
        try expect(screen, "the first screen under TERM=screen") { rows in
            Screen.dividerPosition(rows) != nil && rows.last?.contains("q:quit") == true
        }
        try screen.sendKeys("C-Down")
        try expect(screen, "Ctrl-↓ is named there too") {
            $0.last?.contains("Ctrl-↓ does nothing here") == true
        }
    }

    /// The numeric keypad in the application mode the reader turns on: its digits and Enter
    /// jump to a story, its `/` opens the search and its digits type into it, under xterm's
    /// entry and under tmux's, which names no keypad key. Keypad digits did nothing and its
    /// Enter opened story 1 (marking it read); under tmux-256color its Enter did nothing (QA).
    func testTheNumericKeypadTypesDigitsAndEnter() throws {
        for (term, digits, position) in [
            ("xterm-256color", ["KP1", "KP2"], "12/15"), ("tmux-256color", ["KP3"], "3/15"),
        ] {
            let tmux = try startGazette([Fixtures.realNews.path], environment: ["TERM": term])
            try expect(tmux, "the first screen under \(term)") { Screen.dividerPosition($0) != nil }
            XCTAssertEqual(try tmux.display("#{keypad_flag}"), "1", "the keypad in application mode")
            try tmux.tmux(["send-keys", "-t", tmux.target] + digits)
            let number = position.prefix { $0 != "/" }
            try expect(tmux, "the number typed on the keypad, \(term)") {
                $0.last?.contains("go to story: \(number)") == true
            }
            try tmux.sendKeys("KPEnter")
            try expect(tmux, "keypad Enter jumps, \(term)") { Screen.dividerPosition($0) == position }
            try tmux.sendKeys("KP/", "KP2", "KP0", "KP.")
            try expect(tmux, "the keypad types into the search prompt, \(term)") {
                $0.last?.contains("/20.") == true
            }
            try tmux.sendKeys("Escape")
        }
    }

    /// Text pasted while the list has focus is not keys: a stray paste of "A Fz q" marked every
    /// story read, flagged one and quit (found by QA). In the prompt it is the search's text.
    func testAPasteOutsideThePromptIsNotKeys() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.tmux(["set-buffer", "-b", "gazette-test", "A Fz jjj q"])
        try tmux.tmux(["paste-buffer", "-p", "-b", "gazette-test", "-t", tmux.target])
        try expect(tmux, "the paste ignored, said so") { $0.last?.contains("paste") == true }
        let rows = tmux.lastCapture
        XCTAssertTrue(rows.first?.hasSuffix("15 unread of 15") == true, tmux.screenText)
        XCTAssertEqual(Screen.dividerPosition(rows), "1/15", tmux.screenText)
        XCTAssertFalse(tmux.isPaneDead)
        try tmux.sendKeys("/")
        try tmux.tmux(["paste-buffer", "-p", "-b", "gazette-test", "-t", tmux.target])
        try expect(tmux, "the paste typed into the prompt") { $0.last?.contains("/A Fz jjj q") == true }
    }

    /// A key's escape sequence split by a slow link (Esc, then `[B` 50 ms later, past ncurses'
    /// wait) is that key: it was Esc, `[` and `B`, and Up's `A` marked every story read (QA).
    func testAMovementKeySplitAfterItsEscIsThatKey() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        for _ in 0..<2 {
            try tmux.sendSplitKey("[B")
        }
        try tmux.sendSplitKey("[A")
        try expect(tmux, "two Downs and an Up: story 2") { Screen.dividerPosition($0) == "2/15" }
        try tmux.sendKeys("j")
        try expect(tmux, "then j: story 3") { Screen.dividerPosition($0) == "3/15" }
        XCTAssertTrue(tmux.lastCapture.first?.hasSuffix("15 unread of 15") == true, tmux.screenText)
        XCTAssertFalse(tmux.lastCapture.last?.contains("does nothing") ?? true, tmux.screenText)
    }

    /// A split sequence of no movement key is read whole and dropped, as one read at once is: a
    /// Linux console function key (`ESC [ [ A`) read late ended at its second `[`, and its `A`
    /// marked every story read.
    func testASplitSequenceOfNoMovementKeyIsDroppedWhole() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        for rest in ["[[A", "[99~", "[1;5A"] {
            try tmux.sendSplitKey(rest)
            usleep(60_000)
        }
        try tmux.sendKeys("j")
        try expect(tmux, "then j: story 2") { Screen.dividerPosition($0) == "2/15" }
        XCTAssertTrue(tmux.lastCapture.first?.hasSuffix("15 unread of 15") == true, tmux.screenText)
    }

    /// The same split inside the `/` prompt (Esc, `[` and the final byte each sent alone) is
    /// that key for the prompt: the lone Esc ended the search being typed (QA's leftover).
    func testAMovementKeySplitInsideTheSearchPromptKeepsTheSearch() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendLiteral("/wle")
        try expect(tmux, "the prompt") { $0.last?.hasPrefix(" /wle") == true }
        // ↑ (no earlier search: the line stays), then ← twice: the cursor after the "w".
        for final in ["A", "D", "D"] {
            try tmux.sendSplitKey("[")
            try tmux.sendLiteral(final)
            usleep(60_000)
        }
        try tmux.sendLiteral("ha")
        try expect(tmux, "the search typed on, whale found") { rows in
            rows.last?.hasPrefix(" /whale") == true && rows.first?.contains("— /whale") == true
                && rows.first?.hasSuffix("1 unread of 1 found") == true
        }
        XCTAssertFalse(tmux.isPaneDead)
    }

    /// A paste whose start marker a slow link split (Esc, then `[200~` and the text 60 ms later,
    /// past ncurses' wait) is a paste: the late reader dropped `[200~`, and "Quick news" ran as
    /// keys (`Q` quit, `k` moved, `n` jumped). In the list it is ignored with its message; the
    /// Esc may come right behind a key (`j`); the end marker may come late too.
    func testAPasteWhoseStartMarkerIsSplitIsAPaste() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendSplitKey("[200~Quick news A\u{1B}[201~")
        try expect(tmux, "the paste ignored, said so") { $0.last?.contains("paste") == true }
        try tmux.sendSplitKey("[200~Quick news F\u{1B}[201~j")
        try expect(tmux, "j right after the paste's end: story 2") { Screen.dividerPosition($0) == "2/15" }
        try tmux.sendLiteral("j\u{1B}")
        usleep(60_000)
        try tmux.sendLiteral("[200~Quick news F")
        try tmux.sendSplitKey("[201~j")
        try expect(tmux, "j, the paste, then j: story 4") { Screen.dividerPosition($0) == "4/15" }
        XCTAssertTrue(tmux.lastCapture.first?.hasSuffix("15 unread of 15") == true, tmux.screenText)
        let flagged = tmux.lastCapture.filter { $0.wholeMatch(of: /^ [N ]! *\d+  .*/) != nil }
        XCTAssertEqual(flagged, [], "F flagged no story")
        XCTAssertFalse(tmux.isPaneDead)
        // In the prompt the text is typed, the Esc that ended the search taken back.
        try tmux.sendLiteral("/wh")
        try expect(tmux, "the prompt") { $0.last?.hasPrefix(" /wh") == true }
        try tmux.sendSplitKey("[200~ale Quick\u{1B}[201~ n")
        try expect(tmux, "the paste typed into the prompt") { $0.last?.hasPrefix(" /whale Quick n") == true }
        XCTAssertFalse(tmux.isPaneDead)
    }

    /// A paste holding a byte that is not UTF-8 (a Latin-1 "é", a raw 0x9B, a character cut
    /// short) took the paste's end and every key after it: the search line stayed ` /` and no
    /// key acted (found by QA). The bad bytes are U+FFFD, the paste ends at its marker, in the
    /// list it is ignored; a bad byte typed (not pasted) is U+FFFD too, and the keys after act.
    func testAPasteHoldingABadByteEndsAndTheKeysAfterAct() throws {
        let tmux = try startGazette([Fixtures.realNews.path])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        func paste(_ bytes: [UInt8], marked: Bool = true) throws {
            let file = folder.appendingPathComponent("bytes-\(UUID().uuidString)")
            try Data(bytes).write(to: file)
            _ = try tmux.tmux(["load-buffer", "-b", "gazette-test", file.path])
            _ = try tmux.tmux(
                ["paste-buffer"] + (marked ? ["-p"] : []) + ["-b", "gazette-test", "-t", tmux.target])
        }
        for bad: [UInt8] in [[0xE9], [0x9B], [0xE2, 0x82]] {
            try tmux.sendKeys("/")
            try expect(tmux, "the prompt") { $0.last == " /" }
            try paste(Array("caf".utf8) + bad)
            try expect(tmux, "the paste in the prompt: \(bad)") { $0.last == " /caf\u{FFFD}" }
            try tmux.sendLiteral("x")
            try expect(tmux, "x typed after it") { $0.last == " /caf\u{FFFD}x" }
            try tmux.sendKeys("Escape")
            try expect(tmux, "Esc closed the prompt") { $0.last?.hasPrefix(" /") == false }
        }
        try paste(Array("abc".utf8) + [0x9B])
        try expect(tmux, "the paste in the list ignored, said so") { $0.last?.contains("paste") == true }
        try tmux.sendKeys("j")
        try expect(tmux, "j right after it: story 2") { Screen.dividerPosition($0) == "2/15" }
        for bad: [UInt8] in [[0xFF], [0xC0], [0x1B, 0xE9]] {
            try paste(bad + Array("j".utf8), marked: false)
            usleep(100_000)
        }
        try tmux.sendKeys("j")
        try expect(tmux, "each j after a typed bad byte moved: story 6") {
            Screen.dividerPosition($0) == "6/15"
        }
        try tmux.sendKeys("/")
        try expect(tmux, "the prompt") { $0.last == " /" }
        try paste([0xFF] + Array("x".utf8), marked: false)
        try expect(tmux, "a typed bad byte in the prompt") { $0.last == " /\u{FFFD}x" }
        try tmux.sendKeys("Escape", "Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    /// `list` on a terminal fits each row to its width: rows went on at the left edge of the
    /// next line (found by QA).
    func testListOnATerminalFitsItsWidth() throws {
        let tmux = try startGazette(["list", Fixtures.realNews.path], width: 40, height: 30)
        try expect(tmux, "the list") { Screen.hasLine($0, "EXITED:0") }
        let rows = tmux.lastCapture.prefix { !$0.hasPrefix("EXITED") }
        XCTAssertEqual(rows.count, 15, tmux.screenText)
        for (index, row) in rows.enumerated() {
            XCTAssertTrue(row.hasPrefix(String(format: "%2d ", index + 1)), row)
            XCTAssertLessThanOrEqual(DisplayWidth.of(row), 40, row)
        }
        XCTAssertTrue(rows.contains { $0.hasSuffix("…  — AFP") }, tmux.screenText)
    }

    /// Home and End work when the terminal's entry names other sequences than the terminal
    /// sends: tmux sends `ESC [ 1 ~` and `ESC [ 4 ~`, xterm's entry names `ESC O H` and `ESC O F`.
    func testHomeAndEndWorkUnderAnEntryThatNamesOtherSequences() throws {
        let tmux = try startGazette([Fixtures.realNews.path], environment: ["TERM": "xterm-256color"])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendKeys("End")
        try expect(tmux, "End selects the last story") { Screen.dividerPosition($0) == "15/15" }
        try tmux.sendKeys("Home")
        try expect(tmux, "Home selects the first story") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendLiteral("\u{1B}[8~")
        try expect(tmux, "rxvt's End selects the last story") { Screen.dividerPosition($0) == "15/15" }
        try tmux.sendKeys("Up")
        try expect(tmux, "the arrows work as before") { Screen.dividerPosition($0) == "14/15" }
    }

    /// A VT220 entry names `ESC [ 1 ~` and `ESC [ 4 ~` Find and Select, which sit where Home
    /// and End are: they move as Home and End (they did nothing under vt220, xterm-mono and
    /// rxvt-unicode; found by QA).
    func testHomeAndEndWorkWhereTheEntryNamesThemFindAndSelect() throws {
        let tmux = try startGazette([Fixtures.realNews.path], environment: ["TERM": "vt220"])
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendLiteral("\u{1B}[4~")
        try expect(tmux, "Select (End) selects the last story") { Screen.dividerPosition($0) == "15/15" }
        try tmux.sendLiteral("\u{1B}[1~")
        try expect(tmux, "Find (Home) selects the first story") { Screen.dividerPosition($0) == "1/15" }
    }

    /// Ctrl-C in the `/` prompt cancels the search and the reader goes on; Ctrl-C again ends
    /// it by the signal, the terminal as it was.
    func testCtrlCCancelsTheSearchPromptThenEnds() throws {
        // gazette alone in the pane (no shell around it to get the SIGINT too).
        let tmux = track(
            try TmuxSession(
                command: gazetteLine([Fixtures.realNews.path]), width: 100, height: 30))
        try expect(tmux, "the first screen") { Screen.dividerPosition($0) == "1/15" }
        try tmux.sendKeys("/")
        try tmux.sendLiteral("whal")
        try expect(tmux, "the search narrows the list") { $0.first?.contains("found") == true }
        try tmux.sendKeys("C-c")
        try expect(tmux, "the prompt gone, every story back, still running") { rows in
            rows.first?.hasSuffix("15 unread of 15") == true && rows.last?.contains("q:quit") == true
        }
        XCTAssertFalse(tmux.isPaneDead)
        // (The search may have selected the story it found: it stays selected.)
        try tmux.sendKeys("g", "j")
        try expect(tmux, "keys still work") { Screen.dividerPosition($0) == "2/15" }
        try tmux.sendKeys("C-c")
        let deadline = Date().addingTimeInterval(10)
        while !tmux.isPaneDead && Date() < deadline { usleep(50_000) }
        XCTAssertTrue(tmux.isPaneDead, "Ctrl-C outside the prompt ends gazette")
    }

    /// `-` with standard input the terminal says to pipe news in, instead of waiting for an
    /// end of file typed at it, and not that `-` is no command either (found by QA); a usage
    /// error, status 2 and where the help is (it ended with status 1; found by QA).
    func testDashFromTheTerminalSaysToPipeNewsIn() throws {
        let tmux = try startGazette(["-"])
        try expect(tmux, "the message and status 2") { rows in
            rows.contains {
                $0.hasPrefix("gazette: cannot open standard input: it is the terminal; pipe news in")
            } && rows.contains { $0.contains("'gazette --help'") } && Screen.hasLine(rows, "EXITED:2")
        }
        XCTAssertFalse(tmux.capture().joined().contains("nor is it a command"), tmux.screenText)
    }

    /// `list` given `-` among its PATHs with standard input the terminal: a usage error with its
    /// own usage (it listed the other file and ended with status 1; the usage was the top-level
    /// one; found by QA).
    func testDashFromTheTerminalIsAUsageErrorOfList() throws {
        let tmux = try startGazette(["list", Fixtures.sample.path, "-"])
        try expect(tmux, "the message, list's usage and status 2") { rows in
            rows.contains { $0.hasPrefix("gazette: cannot open standard input: it is the terminal") }
                && rows.contains { $0.contains("See 'gazette list --help'") }
                && Screen.hasLine(rows, "EXITED:2")
        }
        XCTAssertFalse(tmux.screenText.contains("Iran Pays"), tmux.screenText)
    }

    func testWithoutATerminalForTheKeysTheReaderSaysSo() throws {
        // No controlling terminal (setsid) and standard input not one: nothing to read keys from.
        let line = "setsid " + gazetteLine([Fixtures.sample.path]) + " < /dev/null"
        let tmux = try startPane(running: line)
        try expect(tmux, "the exit status") { Screen.hasLine($0, "EXITED:1") }
        XCTAssertTrue(
            tmux.lastCapture.contains { $0.hasPrefix("gazette: the screen needs a terminal") },
            tmux.screenText)
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0")
    }

    // MARK: - 12. A terminal that cannot do it

    func testDumbTerminalIsAnErrorWithStatusOne() throws {
        let tmux = try startGazette(environment: ["TERM": "dumb"])
        try expect(tmux, "the exit status") { Screen.hasLine($0, "EXITED:1") }
        let rows = tmux.lastCapture
        XCTAssertTrue(rows.contains { $0.hasPrefix("gazette: ") }, tmux.screenText)
        XCTAssertFalse(Screen.contains(rows, "unread of"), tmux.screenText)
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0")
    }

    /// `R` on a big file keeps the open story on screen, at its line, until the file is indexed
    /// again: the list and the pane showed story 1 meanwhile, then jumped back (found by QA).
    func testReloadKeepsTheOpenStoryOnScreenWhileTheFileIsIndexedAgain() throws {
        let body = (1...12).map { "Paragraph \($0), long enough to take a line or two of the pane's width." }
        let text = (1...15_000).map { DumpText.article(title: "Story \($0)", paragraphs: body) }
        let path = folder.appendingPathComponent("big.txt").path
        try text.joined(separator: "\n\n\n").write(toFile: path, atomically: false, encoding: .utf8)
        let tmux = try startGazette([path])
        try expect(tmux, "the file indexed", timeout: 30) { $0.first?.hasSuffix(" of 15,000") == true }
        try tmux.sendLiteral("14500")
        try tmux.sendKeys("Enter", "Enter", "j", "j")
        try expect(tmux, "story 14,500 open, scrolled") { rows in
            Screen.dividerPosition(rows) == "14,500/15,000" && Screen.dividerProgress(rows) != "0%"
        }
        let pane = Array(tmux.lastCapture.drop { !$0.hasPrefix("─── ") }.dropFirst().dropLast())
        try tmux.sendKeys("R")
        var reloading = 0
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let rows = tmux.capture()
            guard rows.last?.hasPrefix(" reloaded") != true else { break }
            if rows.last?.hasPrefix(" reloading ") == true { reloading += 1 }
            XCTAssertEqual(Screen.dividerPosition(rows)?.hasPrefix("14,500/"), true, tmux.screenText)
            XCTAssertEqual(
                Array(rows.drop { !$0.hasPrefix("─── ") }.dropFirst().dropLast()), pane, tmux.screenText)
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertGreaterThan(reloading, 0, "the reload was seen")
        try expect(tmux, "reloaded, story 14,500 still open") { rows in
            rows.last?.hasPrefix(" reloaded") == true && Screen.dividerPosition(rows) == "14,500/15,000"
                && Array(rows.drop { !$0.hasPrefix("─── ") }.dropFirst().dropLast()) == pane
        }
        try tmux.sendKeys("Q")
        try expect(tmux, "Q quits") { Screen.hasLine($0, "EXITED:0") }
    }

    // MARK: - Running gazette

    /// A shell that saved its terminal's modes (in the file returned) and runs gazette on the
    /// sample, at its first screen; `EXITED:<status>` is printed when it ends.
    private func readerInShell() throws -> (TmuxSession, String) {
        let tmux = try startShell()
        let before = folder.appendingPathComponent("stty-before").path
        try runInShell(tmux, "stty -g > \(TmuxSession.shellQuote(before))")
        try tmux.typeLine(gazetteLine() + "; echo EXITED:$?")
        try expect(tmux, "the first screen") { Screen.isReader($0, position: "1/2", unread: 2) }
        return (tmux, before)
    }

    /// A pane running an interactive `sh`, ready for command lines.
    private func startShell(width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let session = try TmuxSession(
            command: TmuxSession.commandLine(["sh"], environment: ["PS1": "$ ", "ENV": ""]), width: width,
            height: height)
        _ = track(session)
        try runInShell(session, "true")
        return session
    }

    /// Runs a command line in the pane's shell and waits until it has finished.
    private func runInShell(
        _ tmux: TmuxSession, _ line: String, file: StaticString = #filePath, line number: UInt = #line
    )
        throws
    {
        let marker = "DONE-\(UUID().uuidString.prefix(8))"
        try tmux.typeLine("\(line); echo \(marker)")
        // A line typed before the shell is ready is echoed by the terminal first, and the shell's
        // prompt then comes before the marker, on its line.
        try expect(tmux, "`\(line)` to finish", file: file, line: number) { rows in
            Screen.hasLine(rows, marker) || Screen.hasLine(rows, "$ " + marker)
        }
    }

    /// The one running gazette process that uses this test's state file.
    private func gazettePID(file: StaticString = #filePath, line: UInt = #line) throws -> pid_t {
        var found: [pid_t] = []
        let deadline = Date().addingTimeInterval(10)
        repeat {
            let candidates = Self.output(of: ["pgrep", "-f", "--", statePath]).split(separator: "\n")
                .compactMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
            found = candidates.filter {
                Self.output(of: ["ps", "-o", "comm=", "-p", String($0)])
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "gazette"
            }
            if found.count == 1 { return found[0] }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        XCTFail("expected one gazette process for \(statePath), found \(found)", file: file, line: line)
        throw ScreenTimeout(what: "the gazette process")
    }

    /// `read` of the sample's two stories, from `gazette list --json` on this test's state.
    private func readMarks() throws -> [Bool] {
        try listJSON([]).map { ($0["read"] as? Bool) ?? false }
    }

    private func listJSON(_ paths: [String]) throws -> [[String: Any]] {
        let outcome = try CommandRunner.run(["list", "--json", "--state", statePath] + paths)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]], outcome.stdout)
    }

    /// The terminal is as it was before gazette ran: same tty modes (canonical input and echo
    /// on), primary screen, cursor shown, no mouse reporting, keypad back in normal mode.
    private func assertTerminalRestored(
        _ tmux: TmuxSession, comparedWith beforePath: String, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let after = folder.appendingPathComponent("stty-after").path
        let modes = folder.appendingPathComponent("stty-modes").path
        try runInShell(
            tmux, "stty -g > \(TmuxSession.shellQuote(after)); stty -a > \(TmuxSession.shellQuote(modes))",
            file: file, line: line)
        let saved = try String(contentsOfFile: beforePath, encoding: .utf8)
        XCTAssertEqual(
            try String(contentsOfFile: after, encoding: .utf8), saved, "tty modes differ", file: file,
            line: line)
        let words = Set(
            try String(contentsOfFile: modes, encoding: .utf8).components(
                separatedBy: CharacterSet(charactersIn: " ;\n"))
        )
        for mode in ["icanon", "echo", "isig", "icrnl", "onlcr"] {
            XCTAssertTrue(words.contains(mode), "\(mode) is off after gazette", file: file, line: line)
        }
        let flags = try tmux.display(
            "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_standard_flag} #{keypad_cursor_flag}")
        XCTAssertEqual(
            flags, "0 1 0 0 0",
            "alternate screen / cursor / mouse / keypad flags not restored:\(tmux.screenText)", file: file,
            line: line)
        // The shell still takes commands and echoes them.
        try runInShell(tmux, "echo still-here", file: file, line: line)
        XCTAssertTrue(Screen.hasLine(tmux.lastCapture, "still-here"), tmux.screenText, file: file, line: line)
    }

    // MARK: - Processes

    /// An X10 mouse report: ESC [ M, then button, column and row, each plus 32 (1-based).
    private static func x10(button: Int, column: Int, row: Int) -> String {
        var text = "\u{1b}[M"
        for value in [32 + button, 33 + column, 33 + row] {
            text.unicodeScalars.append(Unicode.Scalar(UInt8(value)))
        }
        return text
    }

    /// Waits up to 10 s until `pid` has a handler for `signal` (`SigCgt` in /proc); false if it
    /// never has, or the process ended.
    private static func waitUntilCatching(_ signal: Int32, pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        repeat {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
                return false
            }
            let line = status.split(separator: "\n").first { $0.hasPrefix("SigCgt:") }
            let caught = line.flatMap {
                UInt64($0.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
            }
            if let caught, caught & (1 << UInt64(signal - 1)) != 0 { return true }
            Thread.sleep(forTimeInterval: 0.005)
        } while Date() < deadline
        return false
    }

    private static func processExists(_ pid: pid_t) -> Bool {
        let state = output(of: ["ps", "-o", "stat=", "-p", String(pid)]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return !state.isEmpty && !state.hasPrefix("Z")
    }

    /// Standard output of a short command found on `PATH`; empty when it fails.
    private static func output(of arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reading the reader's screen from captured rows.
private enum Screen {
    static func contains(_ rows: [String], _ text: String) -> Bool {
        rows.contains { $0.contains(text) }
    }

    /// Some row is `line`, apart from blanks around it.
    static func hasLine(_ rows: [String], _ line: String) -> Bool {
        rows.contains { $0.trimmingCharacters(in: .whitespaces) == line }
    }

    /// The divider row: `─── 1/2 ─ title ── 0% ──`.
    static func divider(_ rows: [String]) -> String? {
        rows.first { $0.hasPrefix("─── ") }
    }

    /// `1/2` from the divider.
    static func dividerPosition(_ rows: [String]) -> String? {
        guard let divider = divider(rows) else { return nil }
        return divider.dropFirst(4).split(separator: " ").first.map(String.init)
    }

    /// `37%` from the divider.
    static func dividerProgress(_ rows: [String]) -> String? {
        guard let divider = divider(rows) else { return nil }
        return divider.split(separator: " ").last { $0.hasSuffix("%") }.map(String.init)
    }

    /// The reader's normal screen at `position` with `unread` stories unread in the title bar.
    static func isReader(_ rows: [String], position: String, unread: Int) -> Bool {
        guard let title = rows.first,
            title.range(of: #"\b\#(unread) unread of \d+$"#, options: .regularExpression) != nil
        else { return false }
        return dividerPosition(rows) == position
    }

    /// The headline rows: between the title bar and the divider.
    static func listRows(_ rows: [String]) -> [String] {
        guard let end = rows.firstIndex(where: { $0.hasPrefix("─── ") }), end > 1 else { return [] }
        return Array(rows[1..<end])
    }

    /// The story number a headline row shows.
    static func headlineNumber(_ row: String) -> Int? {
        let words = row.dropFirst(2).split(separator: " ", maxSplits: 1)
        return words.first.flatMap { Int($0) }
    }

    /// Whether the headline row of story `number` carries the unread marker.
    static func isMarkedUnread(_ rows: [String], number: Int) -> Bool {
        listRows(rows).contains { headlineNumber($0) == number && $0.hasPrefix(" N ") }
    }

    /// The row shows `title` whole, or a prefix of it cut with `…`.
    static func showsTitle(_ row: String, _ title: String) -> Bool {
        if row.contains(title) { return true }
        var prefix = title
        while !prefix.isEmpty {
            prefix.removeLast()
            let trimmed = prefix.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && row.contains(trimmed + "…") { return true }
        }
        return false
    }

    /// The rows fill a `width`x`height` pane the way the reader draws it: the right number of
    /// rows, a divider exactly `width` columns wide, nothing wider.
    static func fills(_ rows: [String], width: Int, height: Int) -> Bool {
        guard rows.count == height, let divider = divider(rows) else { return false }
        return Screen.width(divider) == width && rows.allSatisfy { Screen.width($0) <= width }
    }

    /// Terminal columns of `text`, as wcwidth counts them: wide East Asian characters two,
    /// combining marks and format characters none.
    static func width(_ text: String) -> Int {
        var columns = 0
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            columns += isWide(scalar.value) ? 2 : 1
        }
        return columns
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
