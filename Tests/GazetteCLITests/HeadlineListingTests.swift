import Foundation
import TestSupport
import XCTest

@testable import GazetteCore
@testable import gazette

/// `gazette list` prints each row as it makes it and keeps none of the stories' details:
/// a million stories held them all (and `--json` the whole text in several copies).
final class HeadlineListingTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-listing" }

    private func sources(stories count: Int) throws -> [OpenedSource] {
        let text = (1...count).map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index).", "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
        let url = folder.appendingPathComponent("news.txt")
        try Data(text.utf8).write(to: url)
        return try SourceLoader.open(paths: [url.path]).sources
    }

    /// A listing of `stream` with no marks stored.
    private func listing(_ stream: CatalogStream, flaggedOnly: Bool = false) -> HeadlineListing {
        HeadlineListing(
            stream: stream, marks: ListedMarks(store: InMemoryReadingStateStore(), path: "state.sqlite"),
            flaggedOnly: flaggedOnly)
    }

    /// What `listing` prints on standard output (sent to a file meanwhile).
    private func printed(_ listing: HeadlineListing, json: Bool) throws -> String {
        let url = folder.appendingPathComponent(json ? "list.json" : "list.txt")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let file = try FileHandle(forWritingTo: url)
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        dup2(file.fileDescriptor, STDOUT_FILENO)
        defer {
            dup2(saved, STDOUT_FILENO)
            close(saved)
            try? file.close()
        }
        try listing.write(json: json)
        return try String(contentsOf: url, encoding: .utf8)
    }

    func testTheRowsDetailsAreNotKept() throws {
        let sources = try sources(stories: 300)
        let stream = CatalogStream(sources: sources)
        let lines = try printed(listing(stream), json: false).split(separator: "\n")
        XCTAssertEqual(lines.count, 300)
        XCTAssertEqual(lines.first, "  1 N  Story 1  — AFP")
        XCTAssertEqual(stream.catalog.keptDetailsCount, 0)
        let jsonStream = CatalogStream(sources: sources)
        let json = try printed(listing(jsonStream), json: true)
        XCTAssertEqual(jsonStream.catalog.keptDetailsCount, 0)
        // Printed a row at a time, as the encoder lays out the whole array.
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 300)
        XCTAssertEqual(rows.last?["title"] as? String, "Story 300")
        XCTAssertTrue(json.hasPrefix("[\n  {\n    \"credit\" : \"AFP\",\n"), json)
        XCTAssertTrue(json.hasSuffix("\n  }\n]\n"), json)
    }

    func testNoRowIsAnEmptyArray() throws {
        let sources = try sources(stories: 3)
        XCTAssertEqual(
            try printed(listing(CatalogStream(sources: sources), flaggedOnly: true), json: true), "[]\n")
        XCTAssertEqual(
            try printed(listing(CatalogStream(sources: sources), flaggedOnly: true), json: false), "")
    }

    /// The first rows of a big file reach standard output while the rest of it is still to be
    /// indexed, as `grep` prints its first matches (rows waited for the whole file: `head -1`
    /// of a 50,000-story dump took 0.69 s). The indexing is held after its first batch until
    /// the test has read the first row from the pipe; it then goes on, and every row comes.
    func testTheFirstRowsReachStandardOutputBeforeTheFileIsIndexed() throws {
        let sources = try sources(stories: 12000)
        XCTAssertGreaterThanOrEqual(sources[0].bytes.count, HeadlineListing.streamedFrom)
        let firstRowRead = DispatchSemaphore(value: 0)
        let stream = CatalogStream(
            sources: sources, splitThreshold: BackgroundIndexer.defaultSplitThreshold,
            afterFirstBatch: { _ = firstRowRead.wait(timeout: .now() + 30) })
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let events = Events()
        let readerDone = DispatchSemaphore(value: 0)
        let reading = Thread { [ends] in
            let input = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
            var received = Data()
            while !received.contains(0x0A), let chunk = try? input.read(upToCount: 1), !chunk.isEmpty {
                received += chunk
            }
            events.add(stream.isFinished ? "first row read after the end" : "first row read before the end")
            firstRowRead.signal()
            received += (try? input.readToEnd()) ?? Data()
            events.add("\(received.split(separator: 0x0A).count) rows read")
            readerDone.signal()
        }
        reading.start()
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        dup2(ends[1], STDOUT_FILENO)
        close(ends[1])
        let listed = Result { try listing(stream).write(json: false) }
        dup2(saved, STDOUT_FILENO)
        close(saved)
        readerDone.wait()
        XCTAssertNoThrow(try listed.get())
        XCTAssertEqual(events.all, ["first row read before the end", "12000 rows read"])
    }
}

/// What happened, in order, told by several threads.
private final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    func add(_ event: String) {
        lock.withLock { events.append(event) }
    }

    var all: [String] { lock.withLock { events } }
}
