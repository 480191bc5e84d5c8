import Foundation
import GazetteTUI
import TestSupport
import XCTest

@testable import GazetteCore

/// A story's lines are scanned for a search's matches once: to place it, count its matching
/// lines and go from match to match (a story whose lines held no match was scanned again when
/// opened, and every `]` scanned it again).
final class SearchMatchScanTests: TemporaryFolderTestCase {
    private func session(_ paragraphs: (Int) -> [String]) throws -> (ReaderApp, MemoryTerminal) {
        let text = (1...3).map { number in
            DumpText.article(title: "Story \(number)", paragraphs: paragraphs(number))
        }.joined(separator: "\n\n\n")
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(
            reader: try DumpText.reader(text, in: folder), terminal: terminal)
        app.run(stopWhenIdle: true)
        return (app, terminal)
    }

    /// Types `text` and runs the loop until the keys are used up and the search is done; the
    /// scans of matches made meanwhile.
    private func scans(_ app: ReaderApp, _ terminal: MemoryTerminal, keys text: String) -> Int {
        let scans = MatchScanCount()
        ArticleLayout.$matchScans.withValue(scans) {
            terminal.send(keys: text)
            repeat {
                app.run(stopWhenIdle: true)
            } while app.reader.searchProgress != nil
        }
        return scans.count
    }

    func testAStoryMatchedOnlyPastItsShownLinesIsScannedOnce() throws {
        let (app, terminal) = try session { number in
            number == 2 ? (1...25_100).map { "Word\($0)." } + ["The zebra at the end."] : ["A short story."]
        }
        XCTAssertEqual(scans(app, terminal, keys: "/zebra\r"), 1, "placed")
        XCTAssertEqual(app.reader.message, ArticleLayout.onlyMatchesLeftOutText)
        XCTAssertEqual(scans(app, terminal, keys: "\r"), 0, "opened: its count was known")
        XCTAssertEqual(app.reader.focus, .article)
        XCTAssertEqual(scans(app, terminal, keys: "]"), 0)
        XCTAssertEqual(app.reader.message, ArticleLayout.matchesLeftOutText)
    }

    func testGoingFromMatchToMatchScansNoMore() throws {
        let (app, terminal) = try session { number in
            (1...40).map { "Paragraph \($0) of story \(number)" + ($0 % 10 == 0 ? " near the zebra." : ".") }
        }
        XCTAssertEqual(scans(app, terminal, keys: "/zebra\r\r"), 1, "placed and opened")
        XCTAssertEqual(scans(app, terminal, keys: "]]]"), 0)
        XCTAssertEqual(app.reader.message, "matching line 3 of 4")
    }
}
