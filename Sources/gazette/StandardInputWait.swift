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
    /// name standard input and it is a pipe or device that takes a while.
    static func around<T>(paths: [String], _ body: () throws -> T) rethrows -> T {
        var info = stat()
        guard paths.contains("-"), isatty(STDIN_FILENO) == 0, fstat(STDIN_FILENO, &info) == 0,
            info.st_mode & S_IFMT != S_IFREG, isatty(STDOUT_FILENO) == 1
        else { return try body() }
        let notice = Notice()
        BackgroundThread.start(name: "gazette-stdin-wait") { notice.run() }
        defer { notice.finish() }
        return try body()
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
                    "gazette: reading standard input… \(seconds) s (Ctrl-C stops)", width: columns - 1)
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
