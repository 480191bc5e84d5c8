import Foundation
import GazetteCore

/// Opens a story's address with the user's browser: `$BROWSER` (a `:`-separated list of
/// commands, each read into words as ``BrowserCommand`` says, `%s` standing for the address),
/// else `xdg-open`.
public enum LinkOpener {
    /// Address schemes handed to a browser; anything else is refused.
    static let schemes: Set<String> = ["http", "https", "ftp", "gemini", "gopher", "mailto", "news"]

    /// Why a link could not be opened.
    public enum Failure: Error, Equatable {
        case unsafeAddress(String)
        case noBrowser(String)
        /// The browser started and ended with a failure status.
        case browserFailed(String, status: Int32)
        /// A command of `$BROWSER` that cannot be read into words.
        case unreadableBrowser(String, BrowserCommand.Unreadable)
        /// The address, of this many bytes, is longer than the system hands to a program.
        case linkTooLong(bytes: Int)

        public var message: String {
            switch self {
            // Its controls shown as escapes: the reason it is refused can be seen.
            case .unsafeAddress(let address):
                return "not opening '\(LinkOpener.shown(address))': not a web address"
            case .noBrowser(let tried): return "could not start a browser (\(tried)); set BROWSER"
            case .browserFailed(let command, let status):
                return "the browser (\(command)) ended with status \(status)"
            case .unreadableBrowser(let command, .unmatchedQuote):
                return "BROWSER has an unmatched quote: \(command)"
            case .unreadableBrowser(let command, .trailingBackslash):
                return "BROWSER ends in a backslash with nothing after it: \(command)"
            case .linkTooLong(let bytes):
                return "the link is \(GroupedCount.text(bytes)) bytes, too long to hand to a browser"
            }
        }
    }

    /// Runs the first browser command that starts. One that shows in the terminal has the
    /// terminal meanwhile: `handOver` runs it so (giving the terminal up and taking it back),
    /// and the reader waits for it to end. A graphical one is started apart from the terminal
    /// (``BrowserLaunch``), and the screen stays as it is.
    public static func open(
        _ address: String, environment: EnvironmentVariables,
        handingOverTheTerminal handOver: (_ run: () -> Void) -> Void = { $0() }
    ) -> Failure? {
        guard isSafe(address) else { return .unsafeAddress(address) }
        let commands = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init).filter {
            !$0.unicodeScalars.allSatisfy(BrowserCommand.blanks.contains)
        }
        let candidates = commands.isEmpty ? ["xdg-open"] : commands
        for text in candidates {
            let command: BrowserCommand
            do { command = try BrowserCommand(text) } catch { return .unreadableBrowser(text, error) }
            let words = command.arguments(opening: address)
            // Told before it starts: the system refuses any longer argument (E2BIG), which
            // read as a browser that could not start.
            guard words.allSatisfy({ $0.utf8.count < argumentLimit }) else {
                return .linkTooLong(bytes: address.utf8.count)
            }
            var outcome = Outcome.notStarted(0)
            switch BrowserLaunch.of(command, environment: environment) {
            case .inTerminal: handOver { outcome = run(["/usr/bin/env"] + words, apart: false) }
            case .apart: outcome = run(["/usr/bin/env"] + words, apart: true)
            }
            switch outcome {
            // The arguments and the environment together are more than the system takes.
            case .notStarted(E2BIG): return .linkTooLong(bytes: address.utf8.count)
            case .notStarted: continue
            case .ended(127): continue  // env: no such command
            case .ended(0): return nil
            case .ended(let status): return .browserFailed(text, status: status)
            }
        }
        return .noBrowser(candidates.joined(separator: ", "))
    }

    /// How long a browser started apart is waited for: one that ends by then is told as a
    /// failure when it fails (no such command, no display); one still running has started
    /// (a graphical browser runs until it is closed), and is left to run.
    static let apartWait: Duration = .milliseconds(400)

    /// The most bytes one argument of a program may have with its closing NUL (Linux's
    /// `MAX_ARG_STRLEN`, 32 pages of 4 KiB).
    static let argumentLimit = 131_072

    /// How a run went.
    private enum Outcome {
        /// It ran and ended with this status (0 for one started apart that still runs).
        case ended(Int32)
        /// It could not start (or be waited for), for this `errno`.
        case notStarted(Int32)
    }

    /// Runs `arguments` and waits for it: its exit status, or why it could not start.
    /// In the foreground, as `system` does (Foundation's `Process` puts the child in a process
    /// group of its own, where a terminal browser (w3m, lynx) cannot read the keyboard); or,
    /// `apart`, in a session of its own with its input and output on /dev/null, waited for
    /// no longer than ``apartWait`` (0 when it still runs then).
    private static func run(_ arguments: [String], apart: Bool) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After news piped in (`cat news.txt | gazette -`), a browser in the terminal reads
        // its keys from the terminal, as the reader does, not from the spent pipe.
        let keyboard =
            apart || isatty(STDIN_FILENO) == 1 ? -1 : Glibc.open("/dev/tty", O_RDONLY | O_CLOEXEC)
        defer { if keyboard >= 0 { close(keyboard) } }
        if keyboard >= 0 { posix_spawn_file_actions_adddup2(&actions, keyboard, STDIN_FILENO) }
        if apart {
            // Nothing it writes, now or once it has returned, reaches the screen.
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        // Its own session: no terminal of the reader's to open, and no Ctrl-C of the reader's.
        let session = apart ? spawnSetSID : 0
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | session))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        closeOnExec()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else { return .notStarted(spawned) }
        var status: Int32 = 0
        if apart {
            let clock = ContinuousClock()
            let deadline = clock.now + apartWait
            while true {
                let ended = waitpid(pid, &status, WNOHANG)
                if ended == pid { break }
                if ended < 0 && errno != EINTR { return .notStarted(errno) }
                guard clock.now < deadline else {
                    // Still running: reaped whenever it ends.
                    let child = pid
                    Thread.detachNewThread {
                        var status: Int32 = 0
                        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
                    }
                    return .ended(0)
                }
                usleep(10_000)
            }
        } else {
            while waitpid(pid, &status, 0) < 0 {
                if errno != EINTR { return .notStarted(errno) }
            }
        }
        // Exited: its status; killed by a signal: 128 and the signal, as shells say.
        return .ended(status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    }

    /// glibc's `POSIX_SPAWN_SETSID` (spawn.h, since 2.26): a GNU extension, which the Glibc
    /// module does not bring to Swift.
    private static let spawnSetSID: Int32 = 0x80

    /// Marks every descriptor past standard error close-on-exec, so that the browser gets
    /// none of the reader's (the state file, the news files, the threads' sockets).
    private static func closeOnExec() {
        guard let folder = opendir("/proc/self/fd") else { return }
        defer { closedir(folder) }
        let own = dirfd(folder)
        while let entry = readdir(folder) {
            let fd = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Int32(String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)) ?? -1
            }
            guard fd > STDERR_FILENO, fd != own else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// An absolute address with a known scheme and no control characters or spaces.
    static func isSafe(_ address: String) -> Bool {
        // No controls, spaces, nor what shows as nothing (a right-to-left override makes
        // `gnp.exe` of `exe.png` in the message that names it; a joiner hides in a host name).
        guard !address.hasPrefix("-"), address.unicodeScalars.allSatisfy(isVisible),
            let colon = address.firstIndex(of: ":")
        else { return false }
        return schemes.contains(address[..<colon].lowercased())
    }

    /// An address as a message shows it: what shows as nothing written as an escape
    /// (`\u{200B}`), so that the reason it is refused can be seen.
    static func shown(_ address: String) -> String {
        var text = ""
        var run = ""
        for scalar in address.unicodeScalars {
            // Controls are the sanitizer's to show (`\e`); what else shows as nothing, here.
            if isVisible(scalar) || scalar.value <= 0x20 || TerminalSanitizer.isControl(scalar) {
                run.unicodeScalars.append(scalar)
            } else {
                text +=
                    TerminalSanitizer.visible(run) + "\\u{" + String(scalar.value, radix: 16, uppercase: true)
                    + "}"
                run = ""
            }
        }
        return text + TerminalSanitizer.visible(run)
    }

    /// Whether a scalar of an address shows as something: no control, format character
    /// (bidi controls, soft hyphen, invisible operators, tags), space or separator, combining
    /// grapheme joiner, blank or filler. The joiners written in words (Persian's ZWNJ, ZWJ)
    /// and the emoji variation selector are part of real addresses, and show as the text does.
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE0F: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate:
            return false
        default:
            break
        }
        switch scalar.value {
        case 0xFE00...0xFE0E, 0xE0100...0xE01EF, 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180B...0x180F,
            0x2800,
            0x17B4, 0x17B5:
            return false
        default:
            return scalar.value > 0x20
        }
    }
}
