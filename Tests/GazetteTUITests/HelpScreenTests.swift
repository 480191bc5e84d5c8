import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

final class HelpScreenTests: XCTestCase {
    private func app(width: Int, height: Int) throws -> (ReaderApp, MemoryTerminal) {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.sample.path]).sources)
        let tracker = try ReadingTracker(
            store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id))
        let terminal = MemoryTerminal(width: width, height: height)
        let reader = Reader(catalog: catalog, tracker: tracker, width: width, height: height)
        return (ReaderApp(reader: reader, terminal: terminal), terminal)
    }

    func testNarrowHelpWrapsEverySummaryWhole() throws {
        let (app, terminal) = try app(width: 40, height: 12)
        terminal.send(keys: "?")
        app.run(stopWhenIdle: true)
        var text = ""
        for _ in 0..<120 {
            text += terminal.screen.lines.dropFirst().dropLast().joined(separator: " ")
            terminal.send(keys: "j")
            app.run(stopWhenIdle: true)
        }
        let words = Set(text.split(separator: " ").map(String.init))
        for binding in KeyBindings.table {
            for word in binding.summary.split(separator: " ") {
                XCTAssertTrue(
                    words.contains(String(word)), "help at 40 columns lost '\(word)' of '\(binding.summary)'")
            }
        }
        XCTAssertFalse(
            text.replacingOccurrences(of: "1–9…", with: "").contains("…"), "help wraps, never cuts")
    }

    func testHelpStopsScrollingAtItsEndAndComesBackAtOnce() throws {
        let (app, terminal) = try app(width: 80, height: 24)
        terminal.send(keys: "?" + String(repeating: "j", count: 60))
        app.run(stopWhenIdle: true)
        let bottom = terminal.screen.lines
        terminal.send(keys: "k")
        app.run(stopWhenIdle: true)
        XCTAssertNotEqual(terminal.screen.lines, bottom, "one k after scrolling past the end moves at once")
    }

    func testAnUnboundKeyClosesHelp() throws {
        let (app, terminal) = try app(width: 80, height: 24)
        terminal.send(keys: "?")
        app.run(stopWhenIdle: true)
        XCTAssertTrue(terminal.screen.text(ofRow: 0).contains("help"))
        terminal.send(keys: "x")
        app.run(stopWhenIdle: true)
        XCTAssertFalse(app.reader.showingHelp)
        XCTAssertTrue(terminal.screen.text(ofRow: 0).contains("unread of 2"))
    }
}
