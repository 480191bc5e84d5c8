import Foundation
import XCTest

/// A test case that drives tmux sessions, with a fresh temporary folder per test: the
/// sessions it ``track(_:)``s are killed after each test. Every test is skipped where tmux is
/// not installed, unless ``everyTestNeedsTmux`` is false (the tests then skip themselves).
open class TmuxTestCase: TemporaryFolderTestCase {
    private var sessions: [TmuxSession] = []

    /// Whether every test of the class drives tmux (true unless overridden).
    open var everyTestNeedsTmux: Bool { true }

    override open func setUpWithError() throws {
        if everyTestNeedsTmux {
            try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
        }
        try super.setUpWithError()
    }

    /// `session`, to be killed when this test ends.
    public func track(_ session: TmuxSession) -> TmuxSession {
        sessions.append(session)
        return session
    }

    /// This test's state file, in its folder.
    public var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// Where the reader's standard error goes when ``gazetteLine(_:environment:errorsToFile:)``
    /// is asked to send it to a file.
    public var errorsPath: String { folder.appendingPathComponent("stderr").path }

    /// The `sh` command line that runs the built gazette on `arguments` with this test's state
    /// file, `XDG_STATE_HOME` in its folder and `environment` (which may set it otherwise); its
    /// standard error goes to ``errorsPath`` when `errorsToFile`.
    public func gazetteLine(
        _ arguments: [String] = [], environment: [String: String] = [:], errorsToFile: Bool = false
    ) -> String {
        var variables = ["XDG_STATE_HOME": folder.path]
        for (name, value) in environment { variables[name] = value }
        let line = TmuxSession.commandLine(
            [CommandRunner.executable.path] + arguments + ["--state", statePath], environment: variables)
        return errorsToFile ? line + " 2> " + TmuxSession.shellQuote(errorsPath) : line
    }

    /// A `width`×`height` pane running `command` (an `sh` command line), then printing
    /// `EXITED:<status>` and staying open; killed when this test ends.
    public func startPane(running command: String, width: Int = 100, height: Int = 30) throws -> TmuxSession {
        track(try TmuxSession(command: command + "; echo EXITED:$?; sleep 30", width: width, height: height))
    }

    /// A pane running the built gazette: ``startPane(running:width:height:)`` of
    /// ``gazetteLine(_:environment:errorsToFile:)``.
    public func startGazette(
        _ arguments: [String] = [], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
        errorsToFile: Bool = false
    ) throws -> TmuxSession {
        try startPane(
            running: gazetteLine(arguments, environment: environment, errorsToFile: errorsToFile),
            width: width,
            height: height)
    }

    /// Waits up to `timeout` seconds for the screen of `tmux` to satisfy `predicate`; else
    /// fails the test, naming `what` and showing the screen, and throws to end it.
    public func expect(
        _ tmux: TmuxSession, _ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath,
        line: UInt = #line, _ predicate: ([String]) -> Bool
    ) throws {
        guard !tmux.waitFor(timeout: timeout, predicate) else { return }
        XCTFail("timed out waiting for \(what); screen:\(tmux.screenText)", file: file, line: line)
        throw ScreenTimeout(what: what)
    }

    /// What ``expect(_:_:timeout:file:line:_:)`` throws when the screen never came.
    public struct ScreenTimeout: Error, CustomStringConvertible {
        public let what: String
        public var description: String { "stopped: timed out waiting for \(what)" }

        public init(what: String) {
            self.what = what
        }
    }

    override open func tearDownWithError() throws {
        for session in sessions { session.kill() }
        sessions = []
        try super.tearDownWithError()
    }
}
