import Foundation

/// A private, detached tmux server with one pane of a fixed size, for driving a full-screen
/// program the way a person would: keys in, screen text out.
///
/// Each session has its own server (`tmux -L <unique socket> -f /dev/null`), so tests never
/// see each other's panes or the user's tmux. The pane stays around after its program exits
/// (`remain-on-exit on`), so the final screen and the exit status can still be read.
public final class TmuxSession {
    /// Why a tmux command failed.
    public struct Failure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var stderr: String
        public var description: String {
            "tmux \(arguments.joined(separator: " ")) exited \(status): \(stderr)"
        }
    }

    /// The `tmux` executable found on `PATH`, or nil when tmux is not installed.
    public static let executablePath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    public static var isAvailable: Bool { executablePath != nil }

    /// Quotes `text` for `sh`: the result is one word with exactly that text.
    public static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `env NAME=value ... 'arg0' 'arg1' ...` as one `sh` command line.
    public static func commandLine(_ arguments: [String], environment: [String: String] = [:]) -> String {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }
        let words = arguments.map(shellQuote)
        return (assignments.isEmpty ? words : ["env"] + assignments + words).joined(separator: " ")
    }

    /// The `-L` socket name of this session's server.
    public let socket: String
    /// The target of every pane command.
    public let target = "main"
    /// The last screen `capture()` returned, for failure messages.
    public private(set) var lastCapture: [String] = []
    private var socketPath: String?
    private var killed = false

    /// Starts a server and a `width`x`height` pane running `command` (an `sh` command line).
    public init(command: String, width: Int = 100, height: Int = 30) throws {
        let unique = UUID().uuidString.prefix(8).lowercased()
        socket = "gazette-e2e-\(getpid())-\(unique)"
        // The options come in the same client command as the session, so they are set before
        // the program in the pane can have exited.
        try tmux([
            "new-session", "-d", "-x", String(width), "-y", String(height), "-s", target, command,
            ";", "set-option", "-g", "remain-on-exit", "on",
            ";", "set-option", "-g", "status", "off",
        ])
        socketPath = try? display("#{socket_path}")
        try resize(width: width, height: height)
    }

    deinit {
        kill()
    }

    // MARK: - Input

    /// Sends tmux key names (`"j"`, `"Enter"`, `"Space"`, `"Escape"`, `"C-c"`), one after another.
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Sends `text` as it is, byte for byte (`send-keys -l`): typed text or raw escape sequences.
    public func sendLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", "--", text])
    }

    /// Sends Esc, waits `pause` microseconds (past ncurses' wait for the rest of a sequence), then
    /// sends `rest` as it is: a key's escape sequence split by a slow link.
    public func sendSplitKey(_ rest: String, pause: useconds_t = 60_000) throws {
        try sendKeys("Escape")
        usleep(pause)
        try sendLiteral(rest)
    }

    /// Types `line` and presses Enter (for a shell in the pane).
    public func typeLine(_ line: String) throws {
        try sendLiteral(line)
        try sendKeys("Enter")
    }

    // MARK: - Output

    /// The pane's rows as text (trailing blanks trimmed by tmux); empty if the server is gone.
    @discardableResult
    public func capture() -> [String] {
        guard let text = try? tmux(["capture-pane", "-p", "-t", target]) else { return lastCapture }
        var rows = text.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        lastCapture = rows
        return rows
    }

    /// The last capture as one string, for failure messages.
    public var screenText: String {
        "\n" + lastCapture.joined(separator: "\n") + "\n"
    }

    /// Polls the pane until `predicate` holds for its rows; false after `timeout`. The first
    /// polls come 5 ms apart, then twice as far each time up to 50 ms: most screens come within
    /// a few milliseconds, and waited 25 ms on average between polls 50 ms apart.
    @discardableResult
    public func waitFor(timeout: TimeInterval = 10, _ predicate: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var pause = 0.005
        while true {
            if predicate(capture()) { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 0.05)
        }
    }

    /// Waits until some row contains `text`.
    @discardableResult
    public func waitForText(_ text: String, timeout: TimeInterval = 10) -> Bool {
        waitFor(timeout: timeout) { rows in rows.contains { $0.contains(text) } }
    }

    /// Waits until some row, with surrounding blanks trimmed, is exactly `line`.
    @discardableResult
    public func waitForLine(_ line: String, timeout: TimeInterval = 10) -> Bool {
        waitFor(timeout: timeout) { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == line }
        }
    }

    // MARK: - Pane and server

    /// Resizes the window (and so the pane) to `width`x`height`.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// The value of a tmux format for the pane, e.g. `#{pane_width}`.
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", target, format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's size as tmux sees it.
    public func paneSize() throws -> (width: Int, height: Int) {
        let parts = try display("#{pane_width} #{pane_height}").split(separator: " ").compactMap { Int($0) }
        guard parts.count == 2 else { return (0, 0) }
        return (parts[0], parts[1])
    }

    /// The process id of the command the pane runs.
    public func panePID() throws -> pid_t {
        pid_t(try display("#{pane_pid}")) ?? 0
    }

    /// Whether the program in the pane has exited.
    public var isPaneDead: Bool {
        (try? display("#{pane_dead}")) == "1"
    }

    /// The exit status of the pane's program once it is dead.
    public var deadStatus: Int32? {
        guard isPaneDead, let text = try? display("#{pane_dead_status}") else { return nil }
        return Int32(text)
    }

    /// Stops the server and everything in it, and waits (a few seconds at most) until the
    /// programs its panes ran have ended. Safe to call twice.
    public func kill() {
        guard !killed else { return }
        killed = true
        // Each pane's program leads a session of its own: what it started is in that session.
        let panes = (try? tmux(["list-panes", "-a", "-F", "#{pane_pid}"])) ?? ""
        _ = try? tmux(["kill-server"])
        if let socketPath { try? FileManager.default.removeItem(atPath: socketPath) }
        TerminalSessionProcesses.waitUntilGone(Set(panes.split(separator: "\n").compactMap { pid_t($0) }))
    }

    /// Runs `tmux -L socket -f /dev/null ARGUMENTS`, returning its standard output.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        guard let executable = TmuxSession.executablePath else {
            throw Failure(arguments: arguments, status: -1, stderr: "tmux is not installed")
        }
        let folder = FileManager.default.temporaryDirectory
        let outPath = folder.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        let errPath = folder.appendingPathComponent("tmux-err-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let status = try TmuxSession.spawnAndWait(
            [executable, "-u", "-L", socket, "-f", "/dev/null"] + arguments, stdout: outPath, stderr: errPath)
        let outData = FileManager.default.contents(atPath: outPath) ?? Data()
        guard status == 0 else {
            let errData = FileManager.default.contents(atPath: errPath) ?? Data()
            throw Failure(
                arguments: arguments, status: status, stderr: String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }

    /// Runs `arguments` with output to files and waits for it with `waitpid`.
    ///
    /// Not `Process`: the client that `new-session` runs forks the tmux server, which keeps every
    /// descriptor it inherited, and `Process` learns of the client's exit through a descriptor
    /// the server would then hold open for ever. Here the child gets only 0, 1 and 2.
    private static func spawnAndWait(_ arguments: [String], stdout: String, stderr: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let closeFrom = addCloseFrom { _ = closeFrom(&actions, 3) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw Failure(arguments: arguments, status: -1, stderr: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw Failure(arguments: arguments, status: -1, stderr: String(cString: strerror(errno)))
            }
        }
        // WIFEXITED / WEXITSTATUS; a signal counts as 128 + its number.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private typealias AddCloseFrom =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
    /// does not import; nil elsewhere. Without it, the server still cannot hang `waitpid`.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// The environment of the tmux server: ours, outside any tmux, with `sh` as the shell and a
    /// UTF-8 locale. `TERM` in the pane is what tmux sets.
    private static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["SHELL"] = "/bin/sh"
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        if !locale.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8") {
            environment["LC_ALL"] = nil
            environment["LC_CTYPE"] = nil
            environment["LANG"] = "C.UTF-8"
        }
        return environment
    }()
}
