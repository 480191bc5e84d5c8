import Foundation
import TestSupport
import XCTest

/// The commands while another program (the `sqlite3` shell in a transaction) holds the state
/// file locked from before they start. `list` and `export` print the stories all the same,
/// saying on standard error that their marks are not shown; they failed with "not saved",
/// printing nothing. `mark` fails, saying the file is locked by another program.
final class LockedStateFileCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-locked-commands" }

    private var statePath: String { folder.appendingPathComponent("state.sqlite").path }

    /// Runs `gazette` on the state file; `briefly`, a write waits a lock out for half a second
    /// (`GAZETTE_BUSY_SECONDS`) instead of five: a lock held throughout is told alike.
    /// ``testALockOfASecondAtTheStartIsWaitedOut()`` keeps the five seconds.
    private func run(_ arguments: [String], briefly: Bool = false) throws -> CommandRunner.Outcome {
        try CommandRunner.run(
            arguments + ["--state", statePath], environment: briefly ? ["GAZETTE_BUSY_SECONDS": "0.5"] : [:])
    }

    private var marksNotShown: String {
        "gazette: state file '\(statePath)' is locked by another program: read marks and flags are not shown\n"
    }

    func testListAndExportPrintWithoutMarksWhileANewStateFileIsLocked() throws {
        let lock = try XCTUnwrap(StateFileLocker(path: statePath, transaction: "EXCLUSIVE"))
        let sample = Fixtures.sample.path

        let listed = try run(["list", sample], briefly: true)
        XCTAssertEqual(listed.stderr, marksNotShown)
        XCTAssertEqual(listed.status, 1, "the marks are missing from what it printed")
        XCTAssertEqual(listed.stdout.split(separator: "\n").count, 2, listed.stdout)
        XCTAssertTrue(listed.stdout.hasPrefix("1 N  Iran"), listed.stdout)

        let exported = try run(["export", sample], briefly: true)
        XCTAssertEqual(exported.stderr, marksNotShown)
        XCTAssertEqual(exported.status, 1)
        let records = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(records.count, 2)

        let piped = try run([sample], briefly: true)
        XCTAssertEqual(piped.stderr, marksNotShown, "the list `gazette` prints into a pipe")
        XCTAssertEqual(piped.status, 1)
        XCTAssertEqual(piped.stdout, listed.stdout)

        let marked = try run(["mark", sample, "1", "--read"], briefly: true)
        XCTAssertEqual(marked.status, 1)
        XCTAssertEqual(
            marked.stderr,
            "gazette: state file '\(statePath)' is locked by another program: not saved "
                + "(try again once it is done)\n")

        lock.release()
        XCTAssertEqual(try run(["mark", sample, "1", "--read"]).status, 0)
        let after = try run(["list", sample])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(after.stdout.hasPrefix("1    Iran"), after.stdout)
    }

    func testListShowsTheMarksOfAnExistingStateFileLockedExclusive() throws {
        let sample = Fixtures.sample.path
        XCTAssertEqual(try run(["mark", sample, "2", "--flag"]).status, 0)
        let lock = try XCTUnwrap(StateFileLocker(path: statePath, transaction: "EXCLUSIVE"))
        defer { lock.release() }
        let listed = try run(["list", sample])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stderr, "")
        XCTAssertEqual(listed.stdout.split(separator: "\n").map { $0.prefix(4) }, ["1 N ", "2 N!"])
    }

    func testALockOfASecondAtTheStartIsWaitedOut() throws {
        let sample = Fixtures.sample.path
        let lock = try XCTUnwrap(StateFileLocker(path: statePath, transaction: "EXCLUSIVE"))
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { lock.release() }
        let started = Date()
        let marked = try run(["mark", sample, "1", "--read"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stderr, "")
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.5, "the lock was waited for")
        let listed = try run(["list", sample])
        XCTAssertEqual(listed.stderr, "")
        XCTAssertTrue(listed.stdout.hasPrefix("1    Iran"), listed.stdout)
    }
}
