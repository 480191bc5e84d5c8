import Foundation
import GazetteCore
import TestSupport
import XCTest

/// Two sources open with one name (an RSS and a JSON Feed both titled "Daring Fireball") are
/// told apart: both showed as "[Daring Fireball]" (found by QA).
final class SharedSourceNamesTests: TemporaryFolderTestCase {
    func testFormatsTellApartSourcesOfOneName() {
        var names = SharedSourceNames()
        let rss = Source(path: "q/DaringFireball.rss", displayName: "Daring Fireball", format: .rss)
        let json = Source(path: "q/DaringFireball.json", displayName: "Daring Fireball", format: .jsonFeed)
        let other = Source(path: "q/news.txt", displayName: "news.txt", format: .plainTextDump)
        for source in [rss, json, other] { names.add(source) }
        XCTAssertEqual(names.name(of: rss).text, "Daring Fireball (RSS)")
        XCTAssertEqual(names.name(of: json).text, "Daring Fireball (JSON)")
        XCTAssertEqual(names.name(of: other).text, "news.txt", "a name of its own stays as it is")
    }

    func testFileNamesTellApartSourcesOfOneNameAndFormat() {
        var names = SharedSourceNames()
        let monday = Source(path: "q/df.day1.rss", displayName: "Daring Fireball", format: .rss)
        let tuesday = Source(path: "q/df.day2.rss", displayName: "Daring Fireball", format: .rss)
        let json = Source(path: "q/df.json", displayName: "Daring Fireball", format: .jsonFeed)
        for source in [monday, tuesday, json] { names.add(source) }
        XCTAssertEqual(names.name(of: monday).text, "Daring Fireball (df.day1.rss)")
        XCTAssertEqual(names.name(of: json).text, "Daring Fireball (df.json)")
        // Dumps of one file name in two folders: the folder too.
        let first = Source(path: "a/news.txt", displayName: "news.txt", format: .plainTextDump)
        let second = Source(path: "b/news.txt", displayName: "news.txt", format: .plainTextDump)
        names.add(first)
        names.add(second)
        XCTAssertEqual(names.name(of: second).text, "news.txt (b/news.txt)")
    }

    /// The catalog gives each entry its source's name as shown, sources joining later too.
    func testTheCatalogTellsApartItsSources() throws {
        let rss = folder.appendingPathComponent("DaringFireball.rss")
        let json = folder.appendingPathComponent("DaringFireball.json")
        try Data(
            "<rss version=\"2.0\"><channel><title>Daring Fireball</title><item><guid>g1</guid><title>A</title></item></channel></rss>"
                .utf8
        ).write(to: rss)
        try Data(
            #"{"version":"https://jsonfeed.org/version/1.1","title":"Daring Fireball","items":[{"id":"j1","title":"B","content_text":"x"}]}"#
                .utf8
        ).write(to: json)
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [rss.path, json.path]).sources)
        XCTAssertEqual(
            catalog.entries.map { catalog.shownName(of: $0).text },
            [
                "Daring Fireball (RSS)", "Daring Fireball (JSON)",
            ])
    }
}
