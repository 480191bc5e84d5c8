import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// A folder holding two copies of a story, an older one carrying the previous id its mark is
/// kept under: the title bar counts the story as its row shows it, whatever the files' order.
/// The row was drawn read and the count took it for unread where the newer copy came first
/// (found by QA).
final class CopiesUnreadCountTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-copies-count" }

    /// The screen of a reader over the files of `layouts`, in that order, indexed as the
    /// reader indexes, the story read under the previous id of its copy with a tab in its body.
    private func screen(_ layouts: [StoryCopies.Layout]) throws -> [String] {
        let order = folder.appendingPathComponent(layouts.map(\.rawValue).joined(separator: "-"))
        try FileManager.default.createDirectory(at: order, withIntermediateDirectories: true)
        let sources = try SourceLoader.open(paths: try StoryCopies.write(layouts, in: order)).sources
        let earlier = try XCTUnwrap(StoryCopies.previousID(.tabInBody))
        let store = InMemoryReadingStateStore(states: [earlier: ArticleState(isRead: true)])
        let reader = Reader(
            catalog: ArticleCatalog(sources: sources), tracker: try ReadingTracker(store: store, ids: []),
            width: 80, height: 24)
        let indexer = BackgroundIndexer(sources: sources) { ids in store.states(for: ids) }
        reader.beginIndexing(indexer.currentProgress)
        indexer.runToEnd()
        let terminal = MemoryTerminal(width: 80, height: 24)
        ReaderApp(reader: reader, terminal: terminal, indexer: indexer).run(stopWhenIdle: true)
        return terminal.screen.lines
    }

    func testTheTitleBarCountsACopyReadUnderItsPreviousIdAsRead() throws {
        for order: [StoryCopies.Layout] in [[.plain, .tabInBody], [.tabInBody, .plain]] {
            let rows = try screen(order)
            let stories = rows.dropFirst().prefix { !$0.hasPrefix("─") }.filter {
                !$0.allSatisfy(\.isWhitespace)
            }
            XCTAssertEqual(stories.count, 3, "\(order): \(rows)")
            let story = try XCTUnwrap(stories.first { $0.contains(StoryCopies.title) }, "\(order): \(rows)")
            XCTAssertFalse(story.hasPrefix(" N"), "drawn read: \(order): \(story)")
            let unread = stories.filter { $0.hasPrefix(" N") }.count
            XCTAssertEqual(unread, 2, "\(order): \(rows)")
            XCTAssertTrue(rows[0].contains(" \(unread) unread of 3"), "\(order): \(rows[0])")
        }
    }
}
