import Foundation
import GazetteCore
import TestSupport
import XCTest

/// News piped in bigger than memory should hold: kept in an unlinked temporary file and mapped,
/// it reads as the same file named by its path does.
final class PipedInputCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-piped" }

    /// A dump of `count` stories, about `count` × 1.1 KiB, written to the folder; its path.
    private func writeDump(articles count: Int) throws -> String {
        let paragraph = String(repeating: "Words of a long paragraph that fills the file. ", count: 20)
        let text = (1...count).map {
            DumpText.article(title: "Story \($0)", caption: "Caption \($0) (AP)", paragraphs: [paragraph])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("dump.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func run(_ arguments: [String], stdin: Data? = nil, temporary: String) throws
        -> CommandRunner.Outcome
    {
        try CommandRunner.run(
            arguments, stdin: stdin,
            environment: [
                "GAZETTE_STATE": folder.appendingPathComponent("state.sqlite").path, "TMPDIR": temporary,
            ])
    }

    func testABigDumpPipedInListsAndShowsAsTheFileDoes() throws {
        let path = try writeDump(articles: 3000)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(bytes.count, 2 * FileBytes.mappingThreshold)
        let temporary = folder.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        for arguments in [["list"], ["show", "2999"]] {
            let named = try run(arguments.prefix(1) + [path] + arguments.dropFirst(), temporary: temporary)
            let piped = try run(
                arguments.prefix(1) + ["-"] + arguments.dropFirst(), stdin: bytes, temporary: temporary)
            XCTAssertEqual(named.status, 0, named.stderr)
            XCTAssertEqual(piped.status, 0, piped.stderr)
            XCTAssertEqual(piped.stdout, named.stdout)
            XCTAssertEqual(piped.stderr, named.stderr)
        }
        // Nothing is left behind in the temporary folder.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary), [])
    }

    /// Where the temporary file cannot be made (no such folder, a full disk), the error says
    /// so, naming the folder; a small input needs none.
    func testNoRoomForTheTemporaryFileIsAClearError() throws {
        let path = try writeDump(articles: 3000)
        let missing = folder.appendingPathComponent("no-such-folder").path
        // Through `cat`: the reading stops after the first MiB, and a writer in this process
        // would get SIGPIPE.
        let piped = try CommandRunner.run(
            [
                "-c", "cat \"$0\" | \"$1\" list - --state \"$2\"", path, CommandRunner.executable.path,
                folder.appendingPathComponent("state.sqlite").path,
            ],
            environment: ["TMPDIR": missing], executable: URL(fileURLWithPath: "/bin/sh"))
        XCTAssertEqual(piped.status, 1)
        XCTAssertEqual(
            piped.stderr,
            "gazette: cannot open standard input: cannot keep it in a temporary file in '\(missing)' "
                + "(TMPDIR): No such file or directory\n")
        let small = try run(["list", "-"], stdin: try Data(contentsOf: Fixtures.sample), temporary: missing)
        XCTAssertEqual(small.status, 0, small.stderr)
    }
}
