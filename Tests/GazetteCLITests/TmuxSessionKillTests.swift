import Foundation
import TestSupport
import XCTest

/// Killing a test's tmux server waits for the programs its pane ran: a reader still saving its
/// state on the hang-up made the test's folder again after the test had removed it.
final class TmuxSessionKillTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-tmux-kill" }

    func testKillWaitsForThePanesPrograms() throws {
        try XCTSkipUnless(TmuxSession.isAvailable, "tmux is not installed")
        let marker = folder.appendingPathComponent("ended").path
        let ready = folder.appendingPathComponent("ready").path
        // Deaf to the hang-up for half a second, as a program finishing its work would be.
        let session = try TmuxSession(
            command: "trap '' HUP TERM; touch \(TmuxSession.shellQuote(ready)); sleep 0.5; "
                + "touch \(TmuxSession.shellQuote(marker))")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: ready), "the pane's program started")
        session.kill()
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: marker), "kill() came back before the program ended")
    }

    func testFieldsAfterTheNameInParentheses() {
        let fields = TerminalSessionProcesses.fieldsAfterName("42 (a) (b c)) S 1 42 42 0")
        XCTAssertEqual(fields?.prefix(4).map(String.init), ["S", "1", "42", "42"])
        XCTAssertNil(TerminalSessionProcesses.fieldsAfterName("42 no name"))
    }

    func testOwnSessionIsAliveAndAnUnusedOneIsNot() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/proc/self/stat"), "no /proc")
        XCTAssertTrue(TerminalSessionProcesses.anyAlive(in: [getsid(0)]))
        XCTAssertFalse(TerminalSessionProcesses.anyAlive(in: [pid_t(Int32.max)]))
    }
}
