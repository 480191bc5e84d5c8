import Foundation
import GazetteCore

/// The wait for news piped in (`gazette -`), read whole before the screen starts: after a
/// moment a line on the terminal says what is happening and for how long, typed keys are not
/// echoed, and they are discarded at the end, since they were typed at no screen (a `q` typed
/// meanwhile quit the reader as soon as it started). Ctrl-C stops the wait with the terminal
/// as it was.
enum StandardInputWait {
    /// How long a reading goes unremarked.
    static let quietSeconds = 0.3

    /// Runs `body` (which reads the PATHs), telling the wait on the terminal when `paths`
    /// name standard input or a named pipe or device that takes a while (a named pipe with no
    /// writer left a blank screen without a word; found by QA).
    static func around<T>(paths: [String], _ body: () throws -> T) rethrows -> T {
        guard isatty(STDOUT_FILENO) == 1, let name = waitedOn(paths) else { return try body() }
        let notice = Notice(name: name)
        BackgroundThread.start(name: "gazette-stdin-wait") { notice.run() }
        defer { notice.finish() }
        return try body()
    }

    /// What a reading of `paths` may wait on: standard input that is a pipe or device, and
    /// the named pipes and devices (the first named, and how many more; one named alone was
    /// still named once the reading had gone on to the next; found by QA); nil when every path
    /// is a file or folder.
    static func waitedOn(_ paths: [String]) -> String? {
        var info = stat()
        var names: [String] = []
        if paths.contains("-"), isatty(STDIN_FILENO) == 0, fstat(STDIN_FILENO, &info) == 0,
            info.st_mode & S_IFMT != S_IFREG
        {
            names.append("standard input")
        }
        for path in paths where path != "-" && stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFIFO || kind == S_IFCHR || kind == S_IFSOCK {
                names.append("'" + TerminalSanitizer.visible(SourceLoader.fileName(path)) + "'")
            }
        }
        guard let first = names.first else { return nil }
        return names.count == 1 ? first : "\(first) and \(names.count - 1) more"
    }

    /// The terminal's settings before the wait changed them, for a signal handler to restore.
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var changed = false

    /// Turns echo off on the terminal (keeping Ctrl-C), restoring it if a signal ends the wait.
    fileprivate static func silenceTerminal() {
        guard tcgetattr(STDOUT_FILENO, &saved) == 0 else { return }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        changed = true
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            Glibc.signal(signal) { caught in
                StandardInputWait.restoreTerminal()
                Glibc.signal(caught, SIG_DFL)
                raise(caught)
            }
        }
        tcsetattr(STDOUT_FILENO, TCSANOW, &quiet)
    }

    /// Gives the terminal its settings back, dropping what was typed meanwhile, and clears the
    /// line the wait was told on. Safe in a signal handler (system calls only).
    fileprivate static func restoreTerminal() {
        guard changed else { return }
        changed = false
        tcsetattr(STDOUT_FILENO, TCSANOW, &saved)
        tcflush(STDOUT_FILENO, TCIFLUSH)
        let clear: StaticString = "\r\u{1B}[K"
        _ = write(STDOUT_FILENO, clear.utf8Start, clear.utf8CodeUnitCount)
    }

    /// The line that tells the wait, kept up to date on a thread of its own.
    private final class Notice: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let ended = DispatchSemaphore(value: 0)
        /// What is read: `standard input`, or a pipe's name in quotes.
        private let name: String

        init(name: String) {
            self.name = name
        }

        func run() {
            defer { ended.signal() }
            let start = Date()
            guard done.wait(timeout: .now() + StandardInputWait.quietSeconds) == .timedOut else { return }
            StandardInputWait.silenceTerminal()
            repeat {
                let seconds = Int(Date().timeIntervalSince(start))
                // Cut to the terminal's width: a line that wrapped would not be written over.
                var size = winsize()
                let columns =
                    ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 1
                    ? Int(size.ws_col) : 80
                let text = TextTruncation.truncate(
                    "gazette: reading \(name)… \(seconds) s (Ctrl-C stops)", width: columns - 1)
                let line = "\r\u{1B}[K" + text
                _ = line.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
            } while done.wait(timeout: .now() + 1) == .timedOut
            for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { Glibc.signal(signal, SIG_DFL) }
            StandardInputWait.restoreTerminal()
        }

        /// Ends the notice (the reading is over), once the terminal is as it was.
        func finish() {
            done.signal()
            ended.wait()
        }
    }
}
