import Foundation
import TestSupport
import XCTest

/// A `--state` named longer than the system takes is told so: it was blamed on permissions
/// ("fix its permissions") or on a folder that could not be read (found by QA).
final class StateNameTooLongCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-long-name" }

    func testMarkAndListSayTheNameIsTooLong() throws {
        let statePath = folder.appendingPathComponent(String(repeating: "x", count: 300) + ".sqlite").path
        let mark = try CommandRunner.run(["mark", Fixtures.sample.path, "1", "--read", "--state", statePath])
        XCTAssertEqual(mark.status, 1)
        XCTAssertTrue(
            mark.stderr.hasPrefix(
                "gazette: state file '\(statePath)' is named too long for the system: its name is 307 bytes"),
            mark.stderr)
        XCTAssertFalse(mark.stderr.contains("permissions"), mark.stderr)
        let list = try CommandRunner.run(["list", Fixtures.sample.path, "--state", statePath])
        XCTAssertEqual(list.status, 1)
        XCTAssertTrue(list.stdout.hasPrefix("1 N  Iran"), list.stdout)
        XCTAssertTrue(
            list.stderr.hasPrefix(
                "gazette: the state file is named too long for the system (its name is 307 bytes"),
            list.stderr)
    }

    func testANameThatLeavesNoRoomForTheFileMadeBesideItIsTooLong() throws {
        // The system takes it, but not the name of the new file made beside it first.
        let statePath = folder.appendingPathComponent(String(repeating: "y", count: 243) + ".sqlite").path
        let mark = try CommandRunner.run(["mark", Fixtures.sample.path, "1", "--read", "--state", statePath])
        XCTAssertEqual(mark.status, 1)
        XCTAssertTrue(
            mark.stderr.contains("is named too long for the system: its name is 250 bytes"), mark.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
