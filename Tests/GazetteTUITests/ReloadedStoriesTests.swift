import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import GazetteTUI

/// `R` tells stories that came back (read before) apart from new ones, and counts stories
/// whose title changed: "reloaded: 2 new, 3 gone" counted a story read long ago as new, and a
/// story changed went untold (found by QA).
final class ReloadedStoriesTests: TemporaryFolderTestCase {
    /// A catalog over an RSS feed of these (guid, title) items, saved as a file of its own.
    private func catalog(_ items: [(Int, String)], name: String) throws -> ArticleCatalog {
        let body = items.map { "<item><guid>g\($0.0)</guid><title>\($0.1)</title></item>" }.joined()
        let url = folder.appendingPathComponent(name)
        try Data("<rss version=\"2.0\"><channel><title>F</title>\(body)</channel></rss>".utf8).write(to: url)
        return ArticleCatalog.indexed(try SourceLoader.open(paths: [url.path]).sources)
    }

    func testStoriesBackAndChangedAreToldApartFromNewOnes() throws {
        let before = try catalog([(1, "One"), (3, "Three"), (5, "Five")], name: "before.rss")
        let after = try catalog(
            [(1, "One"), (2, "Two"), (3, "Three, corrected"), (4, "Four")], name: "after.rss")
        // Story 2, read before an earlier `R` took it away.
        let read = Set(after.entries.filter { $0.summary.title == "Two" }.map(\.summary.id))
        XCTAssertEqual(read.count, 1)
        let counts = ReloadedStories(from: before, to: after, isRead: { read.contains($0) })
        XCTAssertEqual(counts, ReloadedStories(new: 1, back: 1, changed: 1, gone: 1))
        XCTAssertEqual(counts.text, ": 1 new, 1 back, 1 changed, 1 gone")
    }

    /// A story whose text changed under the same title is changed, whether its feed's index
    /// kept its body or only the body's hash (a big feed's); one read again unchanged is not.
    func testAStoryWhoseTextAloneChangedIsCounted() throws {
        func catalog(_ second: String, name: String, bodiesKept: Bool) throws -> ArticleCatalog {
            let items = [("1", "One", "First text."), ("2", "Two", second)].map {
                "<item><guid>g\($0.0)</guid><title>\($0.1)</title><description>\($0.2)</description></item>"
            }
            let text = "<rss version=\"2.0\"><channel><title>F</title>\(items.joined())</channel></rss>"
            let source = OpenedSource(
                source: Source(
                    path: folder.appendingPathComponent(name).path, displayName: "F", format: .rss),
                bytes: FileBytes(bytes: Array(text.utf8)), bodiesOnDemandFrom: bodiesKept ? Int.max : 0,
                keepingBodiesOfFirst: 0)
            return ArticleCatalog.indexed([source])
        }
        for bodiesKept in [true, false] {
            let before = try catalog("Second text.", name: "a.rss", bodiesKept: bodiesKept)
            let after = try catalog("Second text, corrected.", name: "b.rss", bodiesKept: !bodiesKept)
            let again = try catalog("Second text, corrected.", name: "c.rss", bodiesKept: bodiesKept)
            XCTAssertEqual(
                ReloadedStories(from: before, to: after, isRead: { _ in false }), ReloadedStories(changed: 1))
            XCTAssertEqual(ReloadedStories(from: after, to: again, isRead: { _ in false }), ReloadedStories())
        }
    }

    func testOneKindKeepsItsSentence() {
        XCTAssertEqual(ReloadedStories(new: 2).text, ": 2 new stories")
        XCTAssertEqual(ReloadedStories(back: 1).text, ": 1 story back")
        XCTAssertEqual(ReloadedStories(changed: 3).text, ": 3 stories changed")
        XCTAssertEqual(ReloadedStories(gone: 1).text, ": 1 story gone")
        XCTAssertEqual(ReloadedStories().text, "")
    }
    /// At 40 columns the counts show whole: "…1 changed, 1…" lost what was gone (QA).
    func testTheCountsFitFortyColumns() {
        let status = ReaderApp.reloadedStatus(
            "reloaded; skipped: 'x.xml' holds no articles", changed: ": 1 new, 1 back, 1 changed, 1 gone")
        var canvas = Canvas(width: 40, height: 1)
        StatusLineView.render(message: status, focus: .list, row: 0, into: &canvas)
        XCTAssertTrue(
            canvas.text(ofRow: 0).contains("1 new, 1 back, 1 changed, 1 gone"), canvas.text(ofRow: 0))
        var wide = Canvas(width: 120, height: 1)
        StatusLineView.render(message: status, focus: .list, row: 0, into: &wide)
        XCTAssertTrue(wide.text(ofRow: 0).contains("reloaded: 1 new, 1 back, 1 changed, 1 gone; skipped"))
    }
}
