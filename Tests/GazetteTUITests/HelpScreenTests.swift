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

    /// A resize keeps the help's place: the same key at its top, or its end when the end was
    /// shown (it showed another part of the text; found by QA).
    func testAResizeKeepsTheHelpsPlace() throws {
        let (app, terminal) = try app(width: 80, height: 24)
        terminal.send(keys: "?G")
        app.run(stopWhenIdle: true)
        let lastKey = try XCTUnwrap(KeyBindings.terminalHelp.last?.summary)
        terminal.resize(width: 40, height: 12)
        app.run(stopWhenIdle: true)
        XCTAssertTrue(
            terminal.screen.lines.contains { $0.contains(lastKey) },
            "the end stays shown:\n\(terminal.screen.lines)")
        terminal.send(keys: "g" + String(repeating: "j", count: 12))
        app.run(stopWhenIdle: true)
        // On to a key's first line (not a summary's continuation).
        for _ in 0..<10 where terminal.screen.text(ofRow: 1).dropFirst(3).first == " " {
            terminal.send(keys: "j")
            app.run(stopWhenIdle: true)
        }
        let top = terminal.screen.text(ofRow: 1).trimmingCharacters(in: .whitespaces)
        let label = try XCTUnwrap(top.split(separator: " ").first.map(String.init))
        terminal.resize(width: 100, height: 30)
        app.run(stopWhenIdle: true)
        XCTAssertTrue(
            terminal.screen.text(ofRow: 1).trimmingCharacters(in: .whitespaces).hasPrefix(label),
            "\(label):\n\(terminal.screen.lines.joined(separator: "\n"))")
        terminal.send(keys: "g")
        app.run(stopWhenIdle: true)
        terminal.resize(width: 30, height: 10)
        app.run(stopWhenIdle: true)
        XCTAssertEqual(terminal.screen.text(ofRow: 1).trimmingCharacters(in: .whitespaces), "Keys")
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

    /// The bottom row keeps the way out of help and whole hints at every width: at 40 columns
    /// it read "… g/G:top/end  othe…" (found by QA).
    func testTheBottomRowKeepsTheWayOutWhole() throws {
        for (width, height) in [(40, 12), (30, 10), (20, 6), (100, 30)] {
            let (app, terminal) = try app(width: width, height: height)
            terminal.send(keys: "?")
            app.run(stopWhenIdle: true)
            let bottom = terminal.screen.text(ofRow: height - 1).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(bottom.hasPrefix("q:close"), "\(width) columns: '\(bottom)'")
            XCTAssertFalse(bottom.contains("…"), "\(width) columns: '\(bottom)'")
            terminal.send(keys: "q")
            app.run(stopWhenIdle: true)
            XCTAssertFalse(app.reader.showingHelp, "q closes help as the row says")
        }
    }
}
