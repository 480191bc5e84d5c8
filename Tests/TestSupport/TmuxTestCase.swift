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
