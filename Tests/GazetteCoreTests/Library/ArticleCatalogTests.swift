import Foundation
import GazetteCore
import XCTest

/// Each story once in the catalog: a copy is shown once, another story under the same id is
/// shown too.
final class ArticleCatalogTests: XCTestCase {
    private func feed(
        _ items: [(title: String, link: String)], channelLink: String = "http://council.example/"
    )
        -> String
    {
        let body = items.map { item in
            "<item><title>\(item.title)</title><link>\(item.link)</link><description>About \(item.title).</description></item>"
        }
        return """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Council</title><link>\(channelLink)</link>
            \(body.joined(separator: "\n"))
            </channel></rss>
            """
    }

    private func source(_ text: String, path: String) -> OpenedSource {
        OpenedSource(
            source: Source(path: path, displayName: path, format: .rss),
            bytes: FileBytes(bytes: Array(text.utf8)))
    }

    private func catalog(_ sources: [OpenedSource]) -> ArticleCatalog {
        let catalog = ArticleCatalog(sources: sources)
        for (index, opened) in sources.enumerated() {
            catalog.append(opened.indexAll(), fromSource: index)
        }
        return catalog
    }

    /// Items without a guid that share a link are other stories (two of three were dropped
    /// without a word; found by QA); a copy of one, title and all, is still shown once.
    func testItemsSharingALinkAreEachShownAndACopyOnce() throws {
        let home = "http://council.example/"
        let text = feed([
            ("Road closure on Main St", home), ("Library hours change", home), ("Bin collection moved", home),
            ("Bin collection moved", home),
        ])
        let first = catalog([source(text, path: "council.xml")])
        XCTAssertEqual(
            first.entries.map(\.summary.title),
            ["Road closure on Main St", "Library hours change", "Bin collection moved"])
        XCTAssertEqual(Set(first.entries.map(\.summary.id)).count, 3)
        XCTAssertEqual(first.entries[0].summary.id.rawValue, home, "the first keeps the link as its id")
        for (position, entry) in first.entries.enumerated() {
            let article = try XCTUnwrap(first.article(at: position))
            XCTAssertEqual(article.id, entry.summary.id)
            XCTAssertEqual(article.paragraphs, ["About \(entry.summary.title)."])
        }
        // The same ids every time the file is read: reading state stays with each story.
        let again = catalog([source(text, path: "council.xml")])
        XCTAssertEqual(again.entries.map(\.summary.id), first.entries.map(\.summary.id))
        let third = first.entries[2].summary.id.rawValue
        XCTAssertEqual(first.lookup(third), 2, "found by its id")
        XCTAssertNil(first.lookup(home.dropLast().description), "a prefix of two ids names neither")
    }

    /// Two feeds' items under one link with other titles are both shown (the second feed's was
    /// dropped); the same story in both is shown once.
    func testTwoFeedsItemsUnderOneLinkAreBothShownUnlessTheyAreTheSameStory() {
        let link = "http://news.example/home"
        let a = source(
            feed([("A's own headline", link), ("Shared story", "http://news.example/s")]), path: "a.xml")
        let b = source(
            feed([("B's own headline", link), ("Shared story", "http://news.example/s")]), path: "b.xml")
        XCTAssertEqual(
            catalog([a, b]).entries.map(\.summary.title),
            ["A's own headline", "Shared story", "B's own headline"])
    }

    func testADumpOpenedTwiceIsShownOnce() {
        let text = "A title\n\nA paragraph of the story.\n\n\nAnother title\n\nIts paragraph.\n"
        let dump = { (path: String) in
            OpenedSource(
                source: Source(path: path, displayName: path, format: .plainTextDump),
                bytes: FileBytes(bytes: Array(text.utf8)))
        }
        XCTAssertEqual(catalog([dump("a.txt"), dump("b.txt")]).entries.count, 2)
    }
}
