import Foundation
import TestSupport
import XCTest

/// The commands under a file-size limit (`ulimit -f`), which a full quota or disk is like for
/// the writes that pass it: `mark` and `list` were killed by SIGXFSZ (status 153, no word),
/// and `mark` left a state file half made beside the path (found by QA).
final class FileSizeLimitCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-size-limit" }
    private var statePath: String { folder.appendingPathComponent("lim.sqlite").path }

    /// Runs `gazette` with `arguments` under a file-size limit of `blocks` (dash's 512-byte
    /// blocks), the signal's default action put back first.
    private func runLimited(_ blocks: Int, _ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(
            ["-c", "trap - XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\"", CommandRunner.executable.path]
                + arguments + ["--state", statePath],
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// A state file with story 1 read and no log beside it, as one left by a quit.
    private func stateWithStoryOneRead() throws {
        let made = try CommandRunner.run(["mark", Fixtures.sample.path, "1", "--read", "--state", statePath])
        XCTAssertEqual(made.status, 0, made.stderr)
        for suffix in ["-wal", "-shm"] { unlink(statePath + suffix) }
    }

    func testMarkSaysTheDiskIsFullAndEndsWithStatusOne() throws {
        try stateWithStoryOneRead()
        // 15 KiB: the log's 32 KiB index cannot be made.
        let outcome = try runLimited(30, ["mark", Fixtures.sample.path, "2", "--read"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.hasPrefix(
                "gazette: state file '\(statePath)' cannot grow: the disk is full or the file too big"),
            outcome.stderr)
    }

    func testMarkMakingTheStateFileLeavesNothingBehind() throws {
        let outcome = try runLimited(8, ["mark", Fixtures.sample.path, "2", "--read"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains("cannot grow: the disk is full or the file too big"), outcome.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testListPrintsTheHeadlinesWithTheirMarks() throws {
        try stateWithStoryOneRead()
        let outcome = try runLimited(30, ["list", Fixtures.sample.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "")
        XCTAssertTrue(outcome.stdout.hasPrefix("1    Iran"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("\n2 N  Dutch"), outcome.stdout)
    }
}
