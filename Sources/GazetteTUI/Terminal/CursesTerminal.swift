import CNcursesw
import Foundation
import GazetteCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, through ncursesw. The only file that imports `CNcursesw`.
///
/// Takes the terminal over in `init` (set up first, silently, by a ``Setup``) and gives it back
/// in `shutdown()` (or on deinit). SIGINT, SIGTERM and SIGHUP only set a flag, which `nextEvent`
/// reports as `.terminate`; Ctrl-Z (SIGTSTP) is acted on by `nextEvent`, which gives the terminal
/// back, stops the process and, once continued, takes the terminal again; after a resume the next
/// event is a `.resize` and the next `present` repaints.
public final class CursesTerminal: Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// Where ncurses writes: a descriptor of its own for standard output.
    private let output: UnsafeMutablePointer<FILE>
    /// Where keys come from: standard input, or the terminal itself after a pipe.
    private let keyboard: Keyboard
    private let palette: Palette
    /// The canvas on the screen now; nil forces the next `present` to repaint everything.
    private var lastPresented: Canvas?
    /// The last press of the first button: a second on the same row soon after is a double click.
    private var lastPress: (row: Int, time: ContinuousClock.Instant)?
    /// A `.resize` owed to the caller after a resume or a suspension.
    private var owesResize = false
    private var isShutDown = false
    /// Whether the terminal was asked to mark pastes (`\e[?2004h`).
    private var marksPastes = false
    /// When the last Esc read alone came, for the `[` or `O` after it (``lateSequence(isCSI:)``).
    private var loneEscape = LoneEscapeWindow()
    /// The keyboard's bytes as characters (``InputCharacterDecoder``).
    private var decoder = InputCharacterDecoder()
    private var lastSize: (width: Int, height: Int)
    /// Ends a wait for a key from another thread (``nextEvent(timeoutMilliseconds:)`` returns nil).
    private let wakeup: LoopWakeup?

    /// Takes over the terminal named by `environment["TERM"]` on standard input and output.
    /// `NO_COLOR` (set and not empty) turns colours off.
    public convenience init(environment: EnvironmentVariables) throws(TerminalError) {
        try self.init(Setup(environment: environment))
    }

    /// Takes over the terminal `setup` was made for; the setup is then this terminal's.
    /// `wakeup`, when given, ends a wait for a key early, as a timeout would.
    public init(_ setup: Setup, wakeup: LoopWakeup? = nil) throws(TerminalError) {
        guard let (screen, window, output, keyboard) = setup.take() else {
            throw .initFailed("the terminal's setup was given up or taken before")
        }
        self.screen = screen
        self.window = window
        self.output = output
        self.keyboard = keyboard
        self.wakeup = wakeup.flatMap { $0.descriptor >= 0 ? $0 : nil }
        // From here a Ctrl-Z waits for the event loop (``suspendAsAsked()``).
        gz_take_tstp()
        // Until the screen has once been left and restored, ncurses flushes its output at
        // every cursor move (for programs that mix it with raw terminfo calls), so a frame
        // would leave in one write per line. Nothing is drawn yet: the round trip is unseen.
        endwin()
        doupdate()

        cbreak()
        noecho()
        nonl()
        // Ctrl-S is no key to stop the output with: the screen froze while keys still acted,
        // unseen (found by QA). The shell's modes, kept by ncurses since set-up, come back at the end.
        var modes = termios()
        let input = fileno(keyboard.file)
        if tcgetattr(input, &modes) == 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            tcsetattr(input, TCSANOW, &modes)
            def_prog_mode()
        }
        keypad(window, true)
        Self.defineAlternateKeys()
        KeypadKeys.define()
        scrollok(window, false)
        // Esc is told from a key's sequence within 25 ms, unless the user set ESCDELAY (which
        // ncurses has read): a slow link can need more (``lateSequence(isCSI:)`` covers the rest).
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        curs_set(0)
        let mouseEvents =
            gz_BUTTON1_CLICKED | gz_BUTTON1_PRESSED | gz_BUTTON1_DOUBLE_CLICKED | gz_BUTTON4_PRESSED
            | gz_BUTTON5_PRESSED
        mousemask(mmask_t(truncatingIfNeeded: mouseEvents), nil)
        // Presses are reported at once, and double clicks told here (`mouseEvent`): ncurses'
        // own took two quick clicks on different rows for one, and gave 150 ms for it.
        mouseinterval(0)

        palette = Palette(colors: has_colors() && !setup.noColor)
        lastSize = (Int(getmaxx(window)), Int(getmaxy(window)))
        // A crash gives the terminal back too (it was left on the alternate screen with mouse
        // reporting on and the cursor hidden; found by QA).
        var undo = "\u{1B}[?2004l\u{1B}[?1006;1000l"
        for name in ["cnorm", "rmkx", "rmcup"] {
            if let capability = tigetstr(name), Int(bitPattern: capability) > 0 {
                undo += String(cString: capability)
            }
        }
        var shellModes = setup.foundModes
        undo.withCString { bytes in
            gz_install_crash_handlers(fileno(output), bytes, strlen(bytes), &shellModes)
        }
        // A SIGBUS not on a mapped news file (sent, or a fault elsewhere) too.
        MappedFileGuard.setForeignBusErrorHook { gz_crash_restore_terminal() }
    }

    deinit {
        shutdown()
    }

    /// Makes the screen's size the terminal's, as `less` takes it, whenever the terminal tells
    /// it: `LINES` and `COLUMNS` exported in the shell fixed the screen at their size through
    /// every resize (found by QA). They are dropped from the environment, so call it before
    /// other threads start.
    public static func takeSizeFromTheTerminal() {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0
        else { return }
        unsetenv("LINES")
        unsetenv("COLUMNS")
    }

    public var size: (width: Int, height: Int) {
        if !isShutDown {
            lastSize = (Int(getmaxx(window)), Int(getmaxy(window)))
        }
        return lastSize
    }

    public func present(_ canvas: Canvas) {
        guard !isShutDown else { return }
        let columns = Int(getmaxx(window))
        let rows = Int(getmaxy(window))
        let hasPrevious =
            lastPresented.map { $0.width == canvas.width && $0.height == canvas.height } ?? false
        if !hasPrevious {
            werase(window)
        }
        for row in 0..<min(canvas.height, rows) {
            let cells = canvas.cells(ofRow: row)
            if hasPrevious {
                if lastPresented?.cells(ofRow: row) == cells { continue }
                // A changed row is cleared first: ASCII runs are stored cell by cell, with none
                // of ncurses' care for a wide character they cover half of, and the half left
                // behind made ncurses blank the next character written beside it.
                wmove(window, Int32(row), 0)
                wclrtoeol(window)
                // What is shown is kept row by row, apart from the canvas (see `copyRow`).
                lastPresented?.copyRow(row, from: canvas)
            }
            // A cleared row is blank already: its blank cells need no writing. ncurses sends
            // the terminal only what differs from what it shows.
            draw(cells, row: row, columns: min(canvas.width, columns))
        }
        if hasPrevious {
            for row in min(canvas.height, rows)..<canvas.height { lastPresented?.copyRow(row, from: canvas) }
        } else {
            lastPresented = canvas
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        guard !isShutDown else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now + .milliseconds(max(0, $0)) }
        while true {
            if let event = signalEvent() { return event }
            // Wait in short slices so a signal that did not interrupt the read is still noticed.
            var slice = 100
            if let deadline {
                slice = max(0, min(slice, CursesTerminal.milliseconds(deadline - clock.now)))
            }
            if let wakeup {
                if wakeup.consume() { return nil }
                // Keys ncurses holds already come first (it waits for the rest of a key's
                // sequence itself); then the wait is for input or a wake-up.
                if let event = readEvent(waiting: 0) { return event }
                var watched = [
                    pollfd(fd: keyboard.descriptor, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: wakeup.descriptor, events: Int16(POLLIN), revents: 0),
                ]
                _ = poll(&watched, 2, Int32(slice))
                if CursesTerminal.hungUp(watched[0].revents) { gz_note_terminal_lost() }
            } else if let event = readEvent(waiting: slice) {
                return event
            } else if keyboardHungUp() {
                gz_note_terminal_lost()
            }
            if let deadline, clock.now >= deadline { return signalEvent() }
        }
    }

    /// Whether the keyboard's terminal is gone (closed or hung up): every read then fails at
    /// once, and the loop would spin instead of waiting.
    private func keyboardHungUp() -> Bool {
        var watched = pollfd(fd: keyboard.descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&watched, 1, 0) == 1 && CursesTerminal.hungUp(watched.revents)
    }

    private static func hungUp(_ revents: Int16) -> Bool {
        revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The next key, mouse or resize event ncurses reads within `milliseconds`.
    private func readEvent(waiting milliseconds: Int) -> InputEvent? {
        switch readInput(waiting: Int32(clamping: milliseconds)) {
        case .character(let character)?: return keyEvent(wint_t(character))
        case .keyCode(let code)?: return specialEvent(code)
        case nil: return nil
        }
    }

    /// The next character or key ncurses reads within `milliseconds`, its bytes UTF-8 decoded
    /// by ``decoder`` (ncurses' `wget_wch` took every byte after one that is not UTF-8 into one
    /// character, and the reader froze; found by QA).
    private func readInput(waiting milliseconds: Int32) -> TerminalInput? {
        let window = window
        return decoder.next(waiting: milliseconds) { wait in
            wtimeout(window, wait)
            let code = wgetch(window)
            if code == ERR { return nil }
            if let byte = UInt8(exactly: code) { return .byte(byte) }
            return .keyCode(code)
        }
    }

    public func markPastes(_ on: Bool) {
        guard !isShutDown, on != marksPastes else { return }
        marksPastes = on
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", output)
        fflush(output)
    }

    public func suspend(while body: () -> Void) {
        guard !isShutDown else {
            body()
            return
        }
        markPastes(false)
        def_prog_mode()
        endwin()
        let signalBefore = gz_terminate_signal()
        CursesTerminal.whileAChildHasTheTerminal(body)
        // Ctrl-C meant for the child reaches our process group too; it does not end the reader.
        if signalBefore == 0, gz_terminate_signal() == SIGINT {
            gz_clear_terminate_signal()
        }
        reset_prog_mode()
        repaintNextTime()
        wrefresh(window)
        owesResize = true
    }

    /// Runs `body`, a program started in the foreground with the terminal, with Ctrl-Z
    /// (SIGTSTP) stopping the reader by its default action: no handler of the reader's or
    /// ncurses' gives the terminal back then, nor, at `fg`, sets the reader's modes up and draws
    /// its screen over the program still running.
    static func whileAChildHasTheTerminal(_ body: () -> Void) {
        gz_child_takes_terminal()
        defer { gz_child_gives_terminal_back() }
        body()
    }

    public func dismissInterrupt() {
        if gz_terminate_signal() == SIGINT { gz_clear_terminate_signal() }
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP) that asked the reader to end, if one did.
    public var terminatingSignal: Int32? {
        CursesTerminal.terminatingSignal()
    }

    /// The signal the handlers of `gz_install_signal_handlers` recorded, if any.
    fileprivate static func terminatingSignal() -> Int32? {
        let signal = Int32(gz_terminate_signal())
        return signal == 0 ? nil : signal
    }

    public func shutdown() {
        guard !isShutDown else { return }
        lastSize = (Int(getmaxx(window)), Int(getmaxy(window)))
        markPastes(false)
        MappedFileGuard.setForeignBusErrorHook(nil)
        gz_remove_crash_handlers()
        isShutDown = true
        // The screen is left blank: tmux, leaving the alternate screen of a pane that grew,
        // keeps the rows below the old height as they were, so the last frame showed there.
        werase(window)
        wrefresh(window)
        curs_set(1)
        endwin()
        delscreen(screen)
        fclose(output)
        keyboard.release()
        // Held until the state is saved (``releaseHeldSignals()``): a closing terminal's later
        // SIGHUP killed the reader in the middle of its save.
        gz_hold_terminating_signals()
        signal(SIGTSTP, SIG_DFL)
    }

    /// Gives the terminating signals held since ``shutdown()`` their default actions back;
    /// returns the first one that came (before or after the shutdown), if any. Nil, and
    /// nothing changed, when none are held.
    public static func releaseHeldSignals() -> Int32? {
        guard gz_holding_flag().pointee != 0 else { return nil }
        gz_restore_signal_handlers()
        return terminatingSignal()
    }

    // MARK: - Drawing

    /// Writes one row's cells onto the row cleared (blank cells are left as they are); wide
    /// characters are drawn from their head cell. Runs of
    /// one-column ASCII cells of one style go to ncurses in one call (`mvwadd_wchnstr`),
    /// not a call per cell: a first screen is mostly such runs, and the calls per cell were
    /// a third of its hand-over to curses.
    private func draw(_ cells: ArraySlice<Cell>, row: Int, columns: Int) {
        let start = cells.startIndex
        var column = 0
        var run = AsciiRun(row: row)
        while column < columns {
            let cell = cells[start + column]
            if cell == .blank {
                run.flush(into: window)
                column += 1
                continue
            }
            if let byte = CursesTerminal.asciiByte(of: cell),
                column + 1 >= cells.count || !cells[start + column + 1].isContinuation
            {
                if !run.continues(style: cell.style, at: column) {
                    run.flush(into: window)
                    let (attributes, pair) = palette.attributes(for: cell.style)
                    run.start(style: cell.style, at: column, attributes: attributes, pair: pair)
                }
                run.append(byte)
                column += 1
                continue
            }
            run.flush(into: window)
            let isWide = column + 1 < cells.count && cells[start + column + 1].isContinuation
            if cell.isContinuation {
                // An orphan half cannot be stored by Canvas; draw a space to be safe.
                put(" ", style: cell.style, row: row, column: column)
                column += 1
                continue
            }
            if isWide && column + 1 >= columns {
                // The terminal is narrower than the canvas: the wide character does not fit.
                put(" ", style: cell.style, row: row, column: column)
                break
            }
            put(cell.text, style: cell.style, row: row, column: column, columns: isWide ? 2 : 1)
            column += isWide ? 2 : 1
        }
        run.flush(into: window)
    }

    /// The byte of a cell that holds one printable ASCII character; nil for any other cell.
    private static func asciiByte(of cell: Cell) -> UInt8? {
        let utf8 = cell.text.utf8
        guard utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F else { return nil }
        return byte
    }

    /// Consecutive one-column ASCII cells of one style in a row, written in one call.
    private struct AsciiRun {
        let row: Int
        private var column = 0
        private var style = CellStyle()
        private var template = cchar_t()
        private var cells: [cchar_t] = []

        init(row: Int) {
            self.row = row
            cells.reserveCapacity(256)
        }

        /// Whether a cell of `style` at `column` extends the run.
        func continues(style: CellStyle, at column: Int) -> Bool {
            !cells.isEmpty && style == self.style && column == self.column + cells.count
        }

        mutating func start(style: CellStyle, at column: Int, attributes: attr_t, pair: Int16) {
            self.style = style
            self.column = column
            var space: (wchar_t, wchar_t) = (wchar_t(UInt8(ascii: " ")), 0)
            withUnsafePointer(to: &space) {
                $0.withMemoryRebound(to: wchar_t.self, capacity: 2) {
                    _ = setcchar(&template, $0, attributes, pair, nil)
                }
            }
        }

        mutating func append(_ byte: UInt8) {
            var cell = template
            cell.chars.0 = wchar_t(byte)
            cells.append(cell)
        }

        /// Writes the run at its place (the cursor does not move) and empties it.
        mutating func flush(into window: UnsafeMutablePointer<WINDOW>) {
            guard !cells.isEmpty else { return }
            _ = mvwadd_wchnstr(window, Int32(row), Int32(column), cells, Int32(cells.count))
            cells.removeAll(keepingCapacity: true)
        }
    }

    /// Writes one grapheme at a cell so that ncurses' idea of its width matches the canvas's:
    /// when they differ, a placeholder keeps the row aligned.
    private func put(_ text: String, style: CellStyle, row: Int, column: Int, columns: Int = 1) {
        // Most cells are one printable ASCII character: no array, no width question.
        if columns == 1, text.utf8.count == 1, let byte = text.utf8.first, byte >= 0x20, byte < 0x7F {
            let (attributes, pair) = palette.attributes(for: style)
            var cell = cchar_t()
            var characters: (wchar_t, wchar_t) = (wchar_t(byte), 0)
            withUnsafePointer(to: &characters) {
                $0.withMemoryRebound(to: wchar_t.self, capacity: 2) {
                    _ = setcchar(&cell, $0, attributes, pair, nil)
                }
            }
            _ = mvwadd_wch(window, Int32(row), Int32(column), &cell)
            return
        }
        var characters = CursesTerminal.cellCharacters(text)
        let cursesColumns = characters.first.map { Int(wcwidth($0)) } ?? -1
        let (attributes, pair) = palette.attributes(for: style)
        // A flag is two regional indicators, one column each to ncurses: written one per
        // column, a terminal that knows flags shows the flag, another the two letters, both
        // in the flag's two columns (only its first was written, beside a space).
        if columns == 2, cursesColumns == 1, CursesTerminal.isFlag(text) {
            for (offset, scalar) in text.unicodeScalars.enumerated() {
                var cell = cchar_t()
                setcchar(&cell, [wchar_t(bitPattern: scalar.value), 0], attributes, pair, nil)
                _ = mvwadd_wch(window, Int32(row), Int32(column + offset), &cell)
            }
            return
        }
        var padding = 0
        if cursesColumns != columns {
            if cursesColumns == 1 {
                padding = columns - 1
            } else {
                characters = [wchar_t(UInt8(ascii: "?"))]
                padding = columns - 1
            }
        }
        characters.append(0)
        var cell = cchar_t()
        setcchar(&cell, characters, attributes, pair, nil)
        // Writing the bottom-right cell returns ERR (the cursor cannot advance); the cell is drawn.
        _ = mvwadd_wch(window, Int32(row), Int32(column), &cell)
        if padding > 0 {
            var space = cchar_t()
            setcchar(&space, [wchar_t(UInt8(ascii: " ")), 0], attributes, pair, nil)
            _ = mvwadd_wch(window, Int32(row), Int32(column + 1), &space)
        }
    }

    /// Whether `text` is a flag: two regional indicators.
    private static func isFlag(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return scalars.count == 2 && scalars.allSatisfy { (0x1F1E6...0x1F1FF).contains($0.value) }
    }

    /// The wide characters of one cell: the first scalar and the zero-width ones after it that
    /// ncurses can keep with it, `CCHARW_MAX` in all (a zero-width joiner and anything past it
    /// are dropped, and so are tag characters, which a subdivision flag holds more of than a
    /// cell can). A cluster with more is composed first (NFC), which may bring it within.
    static func cellCharacters(_ text: String) -> [wchar_t] {
        let limit = Int(CCHARW_MAX)
        let scalars =
            text.unicodeScalars.count > limit
            ? text.precomposedStringWithCanonicalMapping.unicodeScalars : text.unicodeScalars
        var result: [wchar_t] = []
        for scalar in scalars {
            let character = wchar_t(bitPattern: scalar.value)
            if result.isEmpty {
                result.append(character)
                continue
            }
            if (0xE0000...0xE007F).contains(scalar.value) { continue }
            if scalar.value == 0x200D || wcwidth(character) != 0 || result.count >= limit {
                break
            }
            result.append(character)
        }
        return result
    }

    private func repaintNextTime() {
        lastPresented = nil
        clearok(window, true)
    }

    // MARK: - Input

    /// `.interrupt` after SIGINT, `.terminate` after SIGTERM or SIGHUP; `.resize` after a
    /// resume or a suspension (Ctrl-Z's is done here first).
    private func signalEvent() -> InputEvent? {
        let signal = gz_terminate_signal()
        if signal == SIGINT { return .interrupt }
        if signal != 0 { return .terminate }
        if gz_take_suspend_request() != 0 { suspendAsAsked() }
        if gz_take_resume() != 0 {
            repaintNextTime()
            owesResize = true
            // Marked again at the next frame: the shell may have turned the marking off.
            marksPastes = false
        }
        if owesResize {
            owesResize = false
            return resized()
        }
        return nil
    }

    /// Gives the terminal back as `endwin` does (paste marking off too), stops the process as
    /// Ctrl-Z asked and, once continued, takes the terminal again and repaints it. Done between
    /// screen updates: ncurses' own handler could not interrupt one, and ignored the Ctrl-Z.
    private func suspendAsAsked() {
        markPastes(false)
        // Only the foreground's modes are the reader's (in the background they are the shell's).
        if gz_in_background() == 0 { def_prog_mode() }
        endwin()
        gz_stop_as_asked()
        // Changed while stopped (`stty`), the shell's modes are the ones to give back at the end.
        def_shell_mode()
        flushinp()
        _ = gz_take_resume()
        reset_prog_mode()
        repaintNextTime()
        wrefresh(window)
        owesResize = true
    }

    private func resized() -> InputEvent {
        repaintNextTime()
        let now = size
        return .resize(width: now.width, height: now.height)
    }

    /// A character read by `wget_wch`, or nil for one the reader has no use for.
    private func keyEvent(_ character: wint_t) -> InputEvent? {
        // Only the key right after a lone Esc may be the rest of its sequence.
        let continuesEscape = loneEscape.continuesSequence(UInt32(truncatingIfNeeded: character), at: .now)
        switch character {
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        // Ctrl-L: the screen written again whole, as in less and mutt (after another program
        // wrote over it).
        case 12: return resized()
        case 27: return escapeOrSequence()
        case 0x4F, 0x5B:
            if continuesEscape { return lateSequence(isCSI: character == 0x5B) }
            return .key(.char(character == 0x4F ? "O" : "["))
        case 1...26:
            guard let letter = Unicode.Scalar(0x60 + character) else { return nil }
            return .key(.ctrl(Character(letter)))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(character) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// The key or paste of an escape sequence whose Esc came alone just before its `[`
    /// (`isCSI`) or `O`, or nil for another sequence, read and dropped: over a slow link the
    /// parts of a key's sequence can come more than ncurses' wait apart, and Up (`ESC`, then
    /// `[A`) was read as Esc, `[` and `A`, which marked every story read (found by QA). Within
    /// ``LoneEscapeWindow/span`` of a lone Esc, a `[` or `O` starts a sequence: a movement key
    /// is taken (a `splitKey`: what the Esc did is taken back), a paste's start marker starts a
    /// paste as one on time does (a `splitPaste`: its text ran as keys, and a paste of "Quick
    /// news" quit with `Q`), another whole sequence is dropped and its Esc taken back (a
    /// `splitSequence`: a split Linux console F-key ended the search kept). A `[` or `O` that
    /// no final character follows in time is dropped, the Esc left as it acted.
    private func lateSequence(isCSI: Bool) -> InputEvent? {
        let rest = sequenceRest(isCSI: isCSI)
        if isCSI, rest.isPasteStart {
            let (text, cut) = pastedText()
            return .splitPaste(text, cut: cut)
        }
        guard rest.final != nil else { return nil }
        let key = isCSI ? rest.movementKey : rest.movementKey ?? rest.final.flatMap(KeypadKeys.key(final:))
        return key.map { .splitKey($0) } ?? .splitSequence
    }

    /// The rest of an escape sequence after its `ESC [` (`isCSI`) or `ESC O`: each character is
    /// waited for ``sequenceWait`` (a slow link splits writes).
    private func sequenceRest(isCSI: Bool) -> EscapeSequenceRest {
        EscapeSequenceRest(isCSI: isCSI) {
            guard case .character(let character)? = readInput(waiting: Self.sequenceWait) else { return nil }
            return character
        }
    }

    /// Esc, or nothing for the rest of an escape sequence ncurses does not know (a key or a
    /// mouse report of another encoding): its bytes are read and dropped, never taken for keys
    /// (`\e[99~` typed "99" into the story number). ncurses has waited for known sequences
    /// already, so a `[` or `O` right behind the Esc is a sequence, not a key pressed after it.
    private func escapeOrSequence() -> InputEvent? {
        guard let next = readInput(waiting: 0) else {
            loneEscape.escapeCameAlone(at: .now)
            return .key(.escape)
        }
        let csi = TerminalInput.character(UInt32(UInt8(ascii: "[")))
        guard next == csi || next == .character(UInt32(UInt8(ascii: "O"))) else {
            // Alt with a key (its Esc, then the key), or a key pressed right after Esc.
            decoder.putBack(next)
            return .key(.escape)
        }
        // SS3 (`O`) is followed by one byte, CSI (`[`) by parameters, then a final byte
        // (``EscapeSequenceRest``); only a CSI sequence can be a paste or a modified key.
        let isCSI = next == csi
        let rest = sequenceRest(isCSI: isCSI)
        // A keypad key the terminal's entry does not name, come in parts ncurses did not join.
        if !isCSI, let final = rest.final, let key = KeypadKeys.key(final: final) { return .key(key) }
        guard isCSI, let final = rest.final else { return nil }
        // `\e[200~`: a paste begins (bracketed paste, asked for while the reader runs).
        if rest.isPasteStart {
            let (text, cut) = pastedText()
            return .paste(text, cut: cut)
        }
        // A movement key with Ctrl, Alt or Shift that the terminal's entry does not name
        // (under TERM=screen, vt220 or linux, tmux still sends them): named, not dropped.
        if let scalar = Unicode.Scalar(final),
            let name = Self.modifiedKeyName(csi: rest.parameterText, final: Character(scalar))
        {
            return .key(.other(name))
        }
        return nil
    }

    /// The text of a paste, up to its `\e[201~` (``PastedText``), and whether it was cut. Its
    /// parts may come in several writes, its end marker's Esc apart from the rest of the marker too.
    private func pastedText() -> (text: String, cut: Bool) {
        // A paste may come in pieces seconds apart over a slow link: its end is waited for.
        let paste = PastedText {
            while let input = readInput(waiting: Self.pasteWait) {
                if case .character(let character) = input { return character }
            }
            return nil
        }
        return (paste.text, paste.cut)
    }

    /// How soon a second press on the same row makes a double click (as desktop defaults).
    static let doubleClickWindow: Duration = .milliseconds(400)

    /// How long the next byte of an escape sequence is waited for, in milliseconds.
    static let sequenceWait: Int32 = 100
    /// How long the next part of a paste is waited for, in milliseconds.
    static let pasteWait: Int32 = 2000

    /// What common terminals send for the movement keys, whatever their terminfo entry says:
    /// under tmux or screen with `TERM=xterm-256color`, Home came as `ESC [ 1 ~` where the
    /// entry names `ESC O H`, and did nothing (as End did).
    static let alternateKeys: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
        ("\u{1B}[A", KEY_UP), ("\u{1B}OA", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}OB", KEY_DOWN),
        ("\u{1B}[C", KEY_RIGHT), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT), ("\u{1B}OD", KEY_LEFT),
    ]

    /// Teaches ncurses the ``alternateKeys`` its terminal entry does not name. A sequence the
    /// entry binds already, or that begins one of its sequences, is left as it is.
    private static func defineAlternateKeys() {
        for (sequence, code) in alternateKeys where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    /// A function key, resize or mouse report read by `wget_wch`.
    private func specialEvent(_ code: Int32) -> InputEvent? {
        if let key = KeypadKeys.key(code: code) { return .key(key) }
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        // VT220 entries (vt220, xterm-mono, rxvt, Eterm) name `ESC [ 1 ~` and `ESC [ 4 ~`, which
        // tmux, screen, PuTTY and the console send for Home and End, Find and Select: the keys
        // in those places on a VT220's keypad.
        case KEY_FIND: return .key(.home)
        case KEY_SELECT: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_RESIZE: return resized()
        case KEY_MOUSE: return mouseEvent()
        // Keys bound to nothing, named so that the reader can say so (they did nothing and
        // said nothing, nor closed help; found by QA).
        case KEY_IC: return .key(.other("Insert"))
        case KEY_DC: return .key(.other("Delete"))
        case KEY_BTAB: return .key(.other("Shift-Tab"))
        case KEY_F0...(KEY_F0 + 63): return .key(.other("F\(code - KEY_F0)"))
        default:
            return CursesTerminal.modifiedKeyName(keyname(code).map { String(cString: $0) }).map {
                .key(.other($0))
            }
        }
    }

    /// The terminfo names of the movement keys by a CSI sequence's final byte (`ESC [ 1 ; m B`).
    private static let csiFinalKeys: [Character: String] = [
        "A": "kUP", "B": "kDN", "C": "kRIT", "D": "kLFT", "H": "kHOM", "F": "kEND",
    ]
    /// The same by the first parameter of a sequence ending in `~` (`ESC [ 5 ; m ~`).
    private static let csiTildeKeys: [Int: String] = [
        1: "kHOM", 2: "kIC", 3: "kDC", 4: "kEND", 5: "kPRV", 6: "kNXT", 7: "kHOM", 8: "kEND",
    ]
    /// ncurses' names of the shifted keys a terminal entry names, and the key each is.
    private static let shiftedKeys: [String: String] = [
        "KEY_SF": "↓", "KEY_SR": "↑", "KEY_SLEFT": "←", "KEY_SRIGHT": "→", "KEY_SHOME": "Home",
        "KEY_SEND": "End", "KEY_SNEXT": "PgDn", "KEY_SPREVIOUS": "PgUp", "KEY_SDC": "Delete",
        "KEY_SIC": "Insert",
    ]
    /// Terminfo's names of the keys that take xterm's modifier number after them (`kDN5`).
    private static let modifiableKeys: [String: String] = [
        "kUP": "↑", "kDN": "↓", "kLFT": "←", "kRIT": "→", "kHOM": "Home", "kEND": "End",
        "kNXT": "PgDn", "kPRV": "PgUp", "kDC": "Delete", "kIC": "Insert",
    ]

    /// The name of a movement key with modifiers sent as `CSI parameters final` (`1;5B` is
    /// Ctrl-↓, `5;3~` Alt-PgUp), as ``modifiedKeyName(_:)`` gives it; nil for anything else.
    static func modifiedKeyName(csi parameters: String, final: Character) -> String? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 2, let key = Int(fields[0]), let modifier = Int(fields[1]) else { return nil }
        let base = final == "~" ? csiTildeKeys[key] : (key == 1 ? csiFinalKeys[final] : nil)
        guard let base, (2...8).contains(modifier) else { return nil }
        return modifiedKeyName(base + String(modifier))
    }

    /// A movement key held with Shift, Alt or Ctrl as help and messages name it ("Ctrl-↓"),
    /// from the name ncurses gives its code (`kDN5`, `KEY_SLEFT`); nil for any other key.
    static func modifiedKeyName(_ name: String?) -> String? {
        guard let name else { return nil }
        if let key = shiftedKeys[name] { return "Shift-" + key }
        // xterm's modifier numbers: 2 Shift, 3 Alt, 5 Ctrl, and their sums less one.
        guard let last = name.last, let modifier = last.wholeNumberValue, (2...8).contains(modifier),
            let key = modifiableKeys[String(name.dropLast())]
        else { return nil }
        let bits = modifier - 1
        var prefix = ""
        if bits & 4 != 0 { prefix += "Ctrl-" }
        if bits & 2 != 0 { prefix += "Alt-" }
        if bits & 1 != 0 { prefix += "Shift-" }
        return prefix + key
    }

    private func mouseEvent() -> InputEvent? {
        var report = MEVENT()
        guard getmouse(&report) == OK else { return nil }
        let buttons = UInt(report.bstate)
        let action: MouseAction
        if buttons & (gz_BUTTON1_DOUBLE_CLICKED | gz_BUTTON1_CLICKED | gz_BUTTON1_PRESSED) != 0 {
            let row = Int(report.y)
            let now = ContinuousClock.now
            if let last = lastPress, last.row == row, now - last.time <= Self.doubleClickWindow {
                action = .doubleClick
            } else {
                action = .click
            }
            lastPress = (row, now)
        } else if buttons & gz_BUTTON4_PRESSED != 0 {
            action = .wheelUp
        } else if gz_BUTTON5_PRESSED != 0, buttons & gz_BUTTON5_PRESSED != 0 {
            action = .wheelDown
        } else {
            return nil
        }
        return .mouse(MouseEvent(action: action, column: Int(report.x), row: Int(report.y)))
    }

    // MARK: - Setup

    /// Makes the process's character type UTF-8: the environment's if it is, else C.UTF-8.
    /// (Only LC_CTYPE: the wide-character calls use nothing else, and each category loaded
    /// is a file read at start-up.)
    fileprivate static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if !codesetIsUTF8() {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = gz_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Whether the terminal description can move the cursor (`cup`): full-screen needs it.
    fileprivate static func canAddressCursor() -> Bool {
        guard let capability = tigetstr("cup") else { return false }
        return Int(bitPattern: capability) != -1
    }

    /// `duration` in whole milliseconds, rounded up: the last fraction of a millisecond before
    /// a deadline was a wait of 0, and the loop polled without waiting some 60 times (found by
    /// QA with strace).
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        return Int(seconds) * 1000 + Int((attoseconds + perMillisecond - 1) / perMillisecond)
    }
}

extension CursesTerminal {
    /// ncurses set up for the terminal, nothing written to it yet: the terminal's description
    /// is read and the screen made while the reader still works out whether it has anything to
    /// show. Taken over by ``CursesTerminal/init(_:)``, or given up with ``discard()`` (also on
    /// deinit when not taken), which leaves the terminal as it was found. From set-up on,
    /// SIGINT, SIGTERM and SIGHUP only set a flag (``terminatingSignal``).
    public final class Setup {
        private var screen: OpaquePointer?
        private let window: UnsafeMutablePointer<WINDOW>
        private let output: UnsafeMutablePointer<FILE>
        private let keyboard: Keyboard
        /// The terminal's modes as found, put back when the setup is given up.
        fileprivate let foundModes: termios
        /// Whether colours are off (`NO_COLOR`).
        fileprivate let noColor: Bool

        /// Sets ncurses up for the terminal named by `environment["TERM"]` on standard input
        /// and output. `NO_COLOR` (set and not empty) turns colours off.
        public init(environment: EnvironmentVariables) throws(TerminalError) {
            guard isatty(STDOUT_FILENO) == 1, let keyboard = Keyboard() else { throw .notATerminal }
            guard let term = environment["TERM"], !term.isEmpty else {
                keyboard.release()
                throw .noTerm
            }
            guard term != "dumb" else {
                keyboard.release()
                throw .unsupportedTerminal(term)
            }
            CursesTerminal.useUTF8Locale()
            var modes = termios()
            tcgetattr(STDOUT_FILENO, &modes)
            // ncurses writes through a descriptor of its own, which a give-up can point
            // elsewhere: what ncurses holds to write then never reaches the terminal.
            let descriptor = dup(STDOUT_FILENO)
            guard descriptor >= 0, let output = fdopen(descriptor, "w") else {
                if descriptor >= 0 { close(descriptor) }
                keyboard.release()
                throw .initFailed("could not open the terminal for output")
            }
            // `initscr` exits the process when the terminal is unknown; `newterm` returns NULL.
            // Ctrl-Z is the reader's from here, never ncurses' (``gz_newterm``).
            guard let screen = gz_newterm(term, output, keyboard.file, STDOUT_FILENO, &modes) else {
                fclose(output)
                keyboard.release()
                tcsetattr(STDOUT_FILENO, TCSANOW, &modes)
                signal(SIGTSTP, SIG_DFL)
                throw .unknownTerminal(term)
            }
            let failure: TerminalError?
            if gz_stdscr() == nil {
                failure = .initFailed("ncurses gave no screen")
            } else if !CursesTerminal.canAddressCursor() {
                failure = .unsupportedTerminal(term)
            } else if gz_install_signal_handlers() != 0 {
                failure = .initFailed("could not install signal handlers")
            } else {
                failure = nil
            }
            guard failure == nil, let window = gz_stdscr() else {
                Setup.giveBack(screen, output, keyboard, modes)
                throw failure ?? .initFailed("ncurses gave no screen")
            }
            self.screen = screen
            self.window = window
            self.output = output
            self.keyboard = keyboard
            foundModes = modes
            noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        }

        deinit {
            discard()
        }

        /// The signal (SIGINT, SIGTERM, SIGHUP) that asked the reader to end, if one did.
        public var terminatingSignal: Int32? {
            CursesTerminal.terminatingSignal()
        }

        /// Gives the terminal back as it was found, without writing to it (what ncurses holds
        /// to write is dropped). Does nothing once taken over or given up.
        public func discard() {
            guard let screen else { return }
            self.screen = nil
            Setup.giveBack(screen, output, keyboard, foundModes)
        }

        /// Frees `screen` with nothing written (its output goes to /dev/null first), puts back
        /// the terminal's `modes` and the signals' default actions.
        private static func giveBack(
            _ screen: OpaquePointer, _ output: UnsafeMutablePointer<FILE>, _ keyboard: Keyboard,
            _ modes: termios
        ) {
            let null = open("/dev/null", O_WRONLY)
            if null >= 0 {
                dup2(null, fileno(output))
                close(null)
            }
            delscreen(screen)
            fclose(output)
            keyboard.release()
            var modes = modes
            tcsetattr(STDOUT_FILENO, TCSANOW, &modes)
            gz_restore_signal_handlers()
            signal(SIGTSTP, SIG_DFL)
            signal(SIGWINCH, SIG_DFL)
        }

        /// The screen, its window, output and keyboard, for the terminal taking over; nil when
        /// given up.
        fileprivate func take() -> (
            OpaquePointer, UnsafeMutablePointer<WINDOW>, UnsafeMutablePointer<FILE>, Keyboard
        )? {
            guard let screen else { return nil }
            self.screen = nil
            return (screen, window, output, keyboard)
        }
    }
}

/// Where the keys come from: standard input when it is the terminal; otherwise (standard input
/// was a pipe: `cat news.txt | gazette -`) the terminal itself, /dev/tty, as `less` does.
private struct Keyboard {
    let file: UnsafeMutablePointer<FILE>
    /// Whether `file` was opened here (and is closed with the terminal).
    private let opened: Bool

    /// Nil when standard input is not a terminal and there is no terminal to open.
    init?() {
        if isatty(STDIN_FILENO) == 1 {
            file = gz_stdin()
            opened = false
            return
        }
        let descriptor = open("/dev/tty", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard isatty(descriptor) == 1, let file = fdopen(descriptor, "r") else {
            close(descriptor)
            return nil
        }
        self.file = file
        opened = true
    }

    var descriptor: Int32 { fileno(file) }

    /// Closes the terminal opened for the keys, if one was.
    func release() {
        if opened { fclose(file) }
    }
}

/// ncurses attributes and colour pairs for each `CellStyle`.
private struct Palette {
    private static let accentPair: Int16 = 1
    private static let highlightPair: Int16 = 2
    private static let dimPair: Int16 = 3
    let usesColor: Bool
    let hasDimColor: Bool

    /// Sets up the colour pairs when `colors` is true; otherwise styles use attributes only.
    init(colors: Bool) {
        guard colors, start_color() == OK else {
            usesColor = false
            hasDimColor = false
            return
        }
        let background: Int16
        if use_default_colors() == OK {
            background = -1
        } else {
            background = Int16(COLOR_BLACK)
        }
        init_pair(Palette.accentPair, Int16(COLOR_CYAN), background)
        init_pair(Palette.highlightPair, Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        // Bright black (grey) exists on 16-colour terminals; elsewhere A_DIM alone.
        hasDimColor = gz_colors() >= 16
        if hasDimColor {
            init_pair(Palette.dimPair, 8, background)
        }
        usesColor = true
    }

    func attributes(for style: CellStyle) -> (attr_t, Int16) {
        var attributes = attr_t(gz_A_NORMAL)
        if style.contains(.bold) { attributes |= attr_t(gz_A_BOLD) }
        if style.contains(.reverse) { attributes |= attr_t(gz_A_REVERSE) }
        if style.contains(.underline) { attributes |= attr_t(gz_A_UNDERLINE) }
        if style.contains(.dim) { attributes |= attr_t(gz_A_DIM) }
        guard usesColor else {
            if style.contains(.highlight) { attributes |= attr_t(gz_A_BOLD) | attr_t(gz_A_UNDERLINE) }
            if style.contains(.accent) { attributes |= attr_t(gz_A_BOLD) }
            return (attributes, 0)
        }
        if style.contains(.highlight) { return (attributes, Palette.highlightPair) }
        if style.contains(.accent) { return (attributes, Palette.accentPair) }
        if style.contains(.dim), hasDimColor { return (attributes, Palette.dimPair) }
        return (attributes, 0)
    }
}
