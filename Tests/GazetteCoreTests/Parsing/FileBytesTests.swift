import Foundation
import GazetteCore
import TestSupport
import XCTest

/// Opening files: mapped or read, and a mapped file cut short while it is open.
final class FileBytesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-filebytes" }

    /// A dump of `count` articles, about `count` × 1.1 KiB.
    private func writeDump(_ name: String, articles count: Int) throws -> String {
        let paragraph = String(repeating: "Words of a long paragraph that fills the file. ", count: 20)
        let text = (1...count).map {
            DumpText.article(title: "Story \($0)", caption: "Caption \($0) (AP)", paragraphs: [paragraph])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testSmallAndBigFilesReadTheSameBytes() throws {
        let small = try writeDump("small.txt", articles: 3)
        let big = try writeDump("big.txt", articles: 2000)
        for path in [small, big] {
            let bytes = try FileBytes(path: path)
            let expected = try Data(contentsOf: URL(fileURLWithPath: path))
            XCTAssertEqual(bytes.count, expected.count)
            XCTAssertEqual(Data(bytes.buffer), expected)
            XCTAssertFalse(bytes.lostBytes)
        }
        XCTAssertGreaterThan(
            try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int ?? 0,
            FileBytes.mappingThreshold)
    }

    /// Writes `bytes` to a new FIFO in the folder from another thread; its path.
    private func pipe(_ name: String, giving bytes: [UInt8]) throws -> String {
        let path = folder.appendingPathComponent(name).path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        Thread.detachNewThread {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            var written = 0
            while written < bytes.count {
                let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                written += count
            }
            close(fd)
        }
        return path
    }

    func testAPipeIsReadWholeUpToTheLimit() throws {
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let whole = try FileBytes(path: try pipe("whole", giving: bytes), readLimit: 300_000)
        XCTAssertEqual(Array(whole.buffer), bytes)
        XCTAssertFalse(whole.changedOnDisk)

        let over = try pipe("over", giving: Array(bytes[..<1001]))
        XCTAssertThrowsError(try FileBytes(path: over, readLimit: 1000)) { error in
            XCTAssertEqual(error as? SourceError, .tooBig(path: over, limit: 1000))
        }
    }

    /// A pipe bigger than ``FileBytes/mappingThreshold`` is kept in a temporary file, unlinked
    /// at once and mapped (memory follows what is read of it, as for a file); the limit holds.
    func testABigPipeIsKeptInAnUnlinkedTemporaryFileAndMapped() throws {
        let spool = folder.appendingPathComponent("spool").path
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        let bytes = (0..<(3 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 12) }
        let whole = try FileBytes(path: try pipe("big", giving: bytes), spoolDirectory: spool)
        XCTAssertEqual(Array(whole.buffer), bytes)
        XCTAssertFalse(whole.changedOnDisk)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: spool), [])
        #if os(Linux)
            let maps = String(
                decoding: try XCTUnwrap(FileHandle(forReadingAtPath: "/proc/self/maps")).readToEnd()
                    ?? Data(),
                as: UTF8.self)
            XCTAssertTrue(
                maps.split(separator: "\n").contains {
                    $0.contains(spool + "/gazette-spool.") && $0.hasSuffix("(deleted)")
                },
                "the temporary file is mapped")
        #endif
        XCTAssertThrowsError(try FileBytes(path: "/dev/zero", readLimit: 3 << 20, spoolDirectory: spool)) {
            error in
            XCTAssertEqual(error as? SourceError, .tooBig(path: "/dev/zero", limit: 3 << 20))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: spool), [])
        let missing = folder.appendingPathComponent("missing").path
        XCTAssertThrowsError(try FileBytes(path: "/dev/zero", readLimit: 3 << 20, spoolDirectory: missing)) {
            error in
            XCTAssertEqual(
                error as? SourceError,
                .cannotOpen(
                    path: "/dev/zero",
                    reason:
                        "cannot keep it in a temporary file in '\(missing)' (TMPDIR): No such file or directory"
                ))
        }
        withExtendedLifetime(whole) {}
    }

    func testAnEndlessDeviceStopsAtTheLimitWithAClearError() throws {
        XCTAssertThrowsError(try FileBytes(path: "/dev/zero", readLimit: 1 << 20)) { error in
            XCTAssertEqual(error as? SourceError, .tooBig(path: "/dev/zero", limit: 1 << 20))
        }
        XCTAssertEqual(
            SourceError.tooBig(path: "/dev/zero", limit: FileBytes.readLimit).message,
            "'/dev/zero' goes on past 1 GiB, the most read from a pipe or device (save it to a file)")
    }

    func testAStreamIsJudgedOnItsHeadAndNotReadOnWhenItFails() throws {
        // An endless device: the judgement comes after the head, not after the limit.
        var seen: [Int] = []
        XCTAssertThrowsError(
            try FileBytes(path: "/dev/zero", headLength: 4096) { head in
                seen.append(head.count)
                return .notANewsFile(path: "/dev/zero", reason: "zeros")
            }
        ) { error in
            XCTAssertEqual(error as? SourceError, .notANewsFile(path: "/dev/zero", reason: "zeros"))
        }
        XCTAssertEqual(seen.count, 1)
        XCTAssertGreaterThanOrEqual(seen.first ?? 0, 4096)
        XCTAssertLessThan(seen.first ?? .max, 1 << 21, "judged at the first read past the head")

        // A head found fine is judged once, and the rest read as before.
        let bytes = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        var judgements = 0
        let whole = try FileBytes(path: try pipe("fine", giving: bytes), headLength: 100) { head in
            judgements += 1
            XCTAssertEqual(Array(head), Array(bytes[..<head.count]))
            return nil
        }
        XCTAssertEqual(Array(whole.buffer), bytes)
        XCTAssertEqual(judgements, 1)
    }

    func testARegularFileIsNotJudgedOnItsHead() throws {
        let path = try writeDump("small.txt", articles: 3)
        let bytes = try FileBytes(path: path, headLength: 10) { _ in .notANewsFile(path: path, reason: "no") }
        XCTAssertEqual(Data(bytes.buffer), try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func testARegularFileIsReadWholeWhateverTheLimit() throws {
        let path = try writeDump("small.txt", articles: 3)
        let bytes = try FileBytes(path: path, readLimit: 100)
        XCTAssertEqual(Data(bytes.buffer), try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func testAFileTruncatedWhileOpenReadsAsNulsInsteadOfCrashing() throws {
        let path = try writeDump("shrinking.txt", articles: 4000)
        let source = try SourceLoader.openFile(path)
        let summaries = source.indexAll()
        XCTAssertEqual(summaries.count, 4000)
        XCTAssertNotNil(source.article(summaries[3999]))

        // A downloader rewrites the file in place: it is cut to a few bytes.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 100)
        try handle.close()

        // Stories past the new end decode (as blank text), details and search text too.
        for summary in [summaries[3999], summaries[2000], summaries[1]] {
            _ = source.article(summary)
            _ = source.details(summary)
            _ = source.searchText(summary) { _ in true }
        }
        XCTAssertTrue(source.bytes.lostBytes, "the cut is noticed")
        XCTAssertTrue(source.bytes.changedOnDisk)
        // Indexing the whole mapping again finds no story in the blank part, and no crash.
        XCTAssertLessThanOrEqual(source.indexAll().count, 4000)
    }

    func testChangesOnDiskAreNoticedForReadAndMappedFiles() throws {
        let small = try writeDump("small.txt", articles: 3)
        let read = try FileBytes(path: small)
        XCTAssertFalse(read.changedOnDisk)
        try "appended".write(toFile: small, atomically: false, encoding: .utf8)
        XCTAssertTrue(read.changedOnDisk, "another size")
        let big = try writeDump("big.txt", articles: 2000)
        let mapped = try FileBytes(path: big)
        XCTAssertFalse(mapped.changedOnDisk)
        try FileManager.default.removeItem(atPath: big)
        XCTAssertTrue(mapped.changedOnDisk, "gone")
        XCTAssertFalse(FileBytes(bytes: [1, 2, 3]).changedOnDisk)
    }

    func testAnUntouchedMappedFileIsNotReportedAsCut() throws {
        let other = try writeDump("other.txt", articles: 2000)
        let kept = try SourceLoader.openFile(other)
        let path = try writeDump("cut.txt", articles: 2000)
        let cut = try SourceLoader.openFile(path)
        truncate(path, 0)
        _ = cut.indexAll()
        _ = kept.indexAll()
        XCTAssertTrue(cut.bytes.lostBytes)
        XCTAssertTrue(cut.bytes.changedOnDisk)
        XCTAssertFalse(kept.bytes.lostBytes)
        XCTAssertFalse(kept.bytes.changedOnDisk)
    }
}
