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

    override open func tearDownWithError() throws {
        for session in sessions { session.kill() }
        sessions = []
        try super.tearDownWithError()
    }
}
