import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A mapped file's pages go back to the system once it is indexed, whatever its size: a
/// folder of many small files kept every one's pages (only whole 8 MiB strides were let go).
final class IndexedPagesTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-indexed-pages" }

    /// The kilobytes of the mapping that starts at `base` resident in this process (its
    /// `Rss` in /proc/self/smaps); nil when it is not found.
    private func residentKilobytes(of base: UnsafeRawPointer) throws -> Int? {
        // Read line by line: a file of /proc tells no size, and reads of a whole file stop at it.
        let file = try XCTUnwrap(fopen("/proc/self/smaps", "r"))
        defer { fclose(file) }
        var lines: [String] = []
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        while getline(&buffer, &capacity, file) > 0, let buffer { lines.append(String(cString: buffer)) }
        free(buffer)
        let start = String(UInt(bitPattern: base), radix: 16)
        var inMapping = false
        for line in lines.map({ $0.trimmingCharacters(in: .newlines) }) {
            if let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy(\.isHexDigit) {
                let from = line[..<dash].drop { $0 == "0" }
                inMapping = from == start
            } else if inMapping, line.hasPrefix("Rss:") {
                return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
            }
        }
        return nil
    }

    /// Indexes `source` as the reader does, and checks that none of its pages stay.
    private func assertPagesGiven(back source: OpenedSource, _ message: String) throws {
        let base = try XCTUnwrap(source.bytes.buffer.baseAddress)
        XCTAssertTrue(source.bytes.isMapped, message)
        // Read whole first: every page resident.
        _ = source.bytes.buffer.reduce(0) { $0 &+ Int($1) }
        XCTAssertGreaterThanOrEqual(
            try XCTUnwrap(residentKilobytes(of: base)), source.bytes.count / 1024, message)
        let indexer = BackgroundIndexer(sources: [source]) { _ in [:] }
        indexer.runToEnd()
        XCTAssertGreaterThan(indexer.take().batches.flatMap(\.summaries).count, 0, message)
        XCTAssertEqual(try residentKilobytes(of: base), 0, message)
    }

    func testADumpsPagesAreGivenBackOnceIndexed() throws {
        // Over the mapping threshold, under the stride pages were given back at.
        let paragraph = String(repeating: "Words of a paragraph that fills the file. ", count: 30)
        let text = (1...2000).map {
            DumpText.article(title: "Story \($0)", paragraphs: [paragraph])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("dump.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let source = try SourceLoader.openFile(path)
        XCTAssertGreaterThan(source.bytes.count, FileBytes.mappingThreshold)
        XCTAssertLessThan(source.bytes.count, BackgroundIndexer.releaseStride)
        try assertPagesGiven(back: source, "dump")
    }

    func testASmallDumpOfABigLoadGivesItsPagesBackOnceChecked() throws {
        // The check reads the whole file (its encoding): a folder of small dumps kept them all.
        let text = (1...100).map {
            DumpText.article(
                title: "Story \($0)",
                paragraphs: ["Words of story \($0). " + String(repeating: "More. ", count: 300)])
        }.joined(separator: "\n\n\n")
        let path = folder.appendingPathComponent("dump.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let source = try SourceLoader.openFile(path, load: SourceLoad(bytes: 100 << 20, isFirst: false))
        XCTAssertLessThan(source.bytes.count, FileBytes.mappingThreshold)
        XCTAssertEqual(try residentKilobytes(of: try XCTUnwrap(source.bytes.buffer.baseAddress)), 0)
        try assertPagesGiven(back: source, "dump")
    }

    func testASmallFeedOfABigLoadGivesItsPagesBack() throws {
        let path = folder.appendingPathComponent("feed.atom").path
        try FeedText.atom(entries: 50, title: "Feed", words: { $0 * 20 }).write(
            toFile: path, atomically: true, encoding: .utf8)
        let source = try SourceLoader.openFile(path, load: SourceLoad(bytes: 100 << 20, isFirst: false))
        try assertPagesGiven(back: source, "feed")
        // Its bodies come back from the file.
        let summaries = source.indexAll()
        let article = try XCTUnwrap(source.article(summaries[49]))
        XCTAssertTrue(article.paragraphs.joined().contains("Body 50"), "\(article.paragraphs)")
    }
}
