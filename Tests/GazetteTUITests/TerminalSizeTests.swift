import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// Every small size and a storm of resizes: the screen never breaks and never overflows.
final class TerminalSizeTests: XCTestCase {
    private func app(width: Int, height: Int) throws -> (ReaderApp, MemoryTerminal) {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.realNews.path]).sources)
        let tracker = try ReadingTracker(
            store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id))
        let terminal = MemoryTerminal(width: width, height: height)
        let reader = Reader(catalog: catalog, tracker: tracker, width: width, height: height)
        return (ReaderApp(reader: reader, terminal: terminal), terminal)
    }

    private func assertFits(_ terminal: MemoryTerminal, _ context: String) {
        let screen = terminal.screen
        XCTAssertEqual(screen.lines.count, screen.height, context)
        for row in 0..<screen.height {
            XCTAssertLessThanOrEqual(
                DisplayWidth.of(screen.text(ofRow: row)), screen.width, "\(context) row \(row)")
        }
    }

    func testEverySizeFromOneByOneToTwentyByEight() throws {
        for width in 1...20 {
            for height in 1...8 {
                let (app, terminal) = try app(width: width, height: height)
                terminal.send(keys: "jj\n J ?q/a\u{1B}z")
                app.run(stopWhenIdle: true)
                assertFits(terminal, "\(width)x\(height)")
            }
        }
    }

    func testAResizeStorm() throws {
        let (app, terminal) = try app(width: 80, height: 24)
        terminal.send(keys: "\n")
        for step in 0..<500 {
            terminal.resize(width: 1 + (step * 37) % 140, height: 1 + (step * 11) % 50)
            if step % 7 == 0 { terminal.send(keys: "jJ ") }
        }
        terminal.resize(width: 100, height: 30)
        app.run(stopWhenIdle: true)
        assertFits(terminal, "after the storm")
        XCTAssertTrue(terminal.screen.text(ofRow: 0).contains("unread of 15"), terminal.screen.text(ofRow: 0))
    }
}
