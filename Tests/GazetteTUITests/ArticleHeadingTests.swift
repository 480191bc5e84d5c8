import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// A feed story's headings (h1–h6) are drawn bold in the article pane, as its title is; its
/// other paragraphs are plain.
final class ArticleHeadingTests: XCTestCase {
    func testHeadingsAreDrawnBold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-headings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("feed.xml")
        try """
        <?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
        <item><title>Story</title><guid>g1</guid><description>&lt;p&gt;Intro words&lt;/p&gt;\
        &lt;h2&gt;Section head&lt;/h2&gt;&lt;p&gt;Body words&lt;/p&gt;</description></item>
        </channel></rss>
        """.write(to: path, atomically: true, encoding: .utf8)

        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path.path]).sources)
        let tracker = try ReadingTracker(
            store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id)
        ) { Date(timeIntervalSince1970: 1_700_000_000) }
        let reader = Reader(catalog: catalog, tracker: tracker, width: 80, height: 24)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)

        let canvas = terminal.screen
        func row(_ text: String) -> Int? {
            (reader.layout.paneTop..<24).first { canvas.text(ofRow: $0).contains(text) }
        }
        let title = try XCTUnwrap(row(" Story"))
        let heading = try XCTUnwrap(row("Section head"))
        let intro = try XCTUnwrap(row("Intro words"))
        let body = try XCTUnwrap(row("Body words"))
        XCTAssertEqual(canvas[title, 1].style, .bold, "the title is bold")
        for column in 1...12 {
            XCTAssertEqual(canvas[heading, column].style, .bold, "the heading is bold, column \(column)")
        }
        XCTAssertEqual(canvas[intro, 1].style, [], "a paragraph is plain")
        XCTAssertEqual(canvas[body, 1].style, [], "a paragraph is plain")
    }
}
