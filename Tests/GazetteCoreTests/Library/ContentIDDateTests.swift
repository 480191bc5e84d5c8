import Foundation
import GazetteCore
import XCTest

/// Items without a guid or link, whose ids are made of their title and text (`sha:`), are
/// each a story when their dates differ; a copy of one under the same date is still shown once.
final class ContentIDDateTests: XCTestCase {
    private func entries(_ text: String) -> [CatalogEntry] {
        let opened = OpenedSource(
            source: Source(path: "bot.xml", displayName: "bot", format: .rss),
            bytes: FileBytes(bytes: Array(text.utf8)))
        let catalog = ArticleCatalog(sources: [opened])
        catalog.append(opened.indexAll(), fromSource: 0)
        return catalog.entries
    }

    private func item(_ day: Int, guid: String? = nil) -> String {
        "<item><title>Daily status</title>" + (guid.map { "<guid>\($0)</guid>" } ?? "")
            + "<description>All systems operational.</description>"
            + "<pubDate>\(day) Dec 2026 10:00:00 GMT</pubDate></item>"
    }

    private func feed(_ items: [String]) -> String {
        "<rss version=\"2.0\"><channel><title>Bot</title><link>https://bot.example/</link>\(items.joined())</channel></rss>"
    }

    /// Four "Daily status" items, two without a guid, were listed as three: the later of the
    /// two was dropped as a copy of the first (found by QA).
    func testSameTitleAndTextOnAnotherDateIsAStory() {
        let listed = entries(
            feed([item(3, guid: "day-1"), item(4, guid: "day-2"), item(5), item(6), item(6)]))
        guard listed.count == 4 else { return XCTFail("\(listed.count) items listed") }
        let ids = listed.map(\.summary.id.rawValue)
        XCTAssertEqual(Set(ids).count, 4)
        // The first keeps its id; the later one's is told apart by its date.
        XCTAssertTrue(ids[2].hasPrefix("sha:") && !ids[2].contains("#"), ids[2])
        XCTAssertEqual(ids[3], ids[2] + "#date:1796551200")
        // Alone, the first item's id is the same.
        XCTAssertEqual(entries(feed([item(5)])).map(\.summary.id.rawValue), [ids[2]])
    }
}
