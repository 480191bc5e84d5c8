import Foundation
import TestSupport
import XCTest

@testable import GazetteCore
@testable import gazette

/// `gazette list` prints each row as it makes it and keeps none of the stories' details:
/// a million stories held them all (and `--json` the whole text in several copies).
final class HeadlineListingTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-listing" }

    private func catalog(stories count: Int) throws -> ArticleCatalog {
        let text = (1...count).map { index in
            DumpText.article(
                title: "Story \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index).", "Second paragraph \(index)."])
        }.joined(separator: "\n\n\n")
        let url = folder.appendingPathComponent("news.txt")
        try Data(text.utf8).write(to: url)
        return ArticleCatalog.indexed(try SourceLoader.open(paths: [url.path]).sources)
    }

    /// What `listing` prints on standard output (sent to a file meanwhile).
    private func printed(_ listing: HeadlineListing, json: Bool) throws -> String {
        let url = folder.appendingPathComponent(json ? "list.json" : "list.txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
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
        let catalog = try catalog(stories: 300)
        let tracker = try ReadingTracker(store: InMemoryReadingStateStore(), ids: [])
        let listing = HeadlineListing(catalog: catalog, tracker: tracker)
        let lines = try printed(listing, json: false).split(separator: "\n")
        XCTAssertEqual(lines.count, 300)
        XCTAssertEqual(lines.first, "  1 N  Story 1  — AFP")
        XCTAssertEqual(catalog.keptDetailsCount, 0)
        let json = try printed(listing, json: true)
        XCTAssertEqual(catalog.keptDetailsCount, 0)
        // Printed a row at a time, as the encoder lays out the whole array.
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 300)
        XCTAssertEqual(rows.last?["title"] as? String, "Story 300")
        XCTAssertTrue(json.hasPrefix("[\n  {\n    \"credit\" : \"AFP\",\n"), json)
        XCTAssertTrue(json.hasSuffix("\n  }\n]\n"), json)
    }

    func testNoRowIsAnEmptyArray() throws {
        let catalog = try catalog(stories: 3)
        let tracker = try ReadingTracker(store: InMemoryReadingStateStore(), ids: [])
        let listing = HeadlineListing(catalog: catalog, tracker: tracker, flaggedOnly: true)
        XCTAssertEqual(try printed(listing, json: true), "[]\n")
        XCTAssertEqual(try printed(listing, json: false), "")
    }
}
