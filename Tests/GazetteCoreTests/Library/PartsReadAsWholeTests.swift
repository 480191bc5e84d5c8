import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A big file cut in parts reads as it does uncut: the same stories in the same order, with
/// the same ids (reading state is kept by id) and titles, wherever the cuts fall. Items that
/// share an id are told apart by what came before them in the whole file, not in their part.
final class PartsReadAsWholeTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-parts-whole" }

    private func open(_ text: String, name: String) throws -> OpenedSource {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return try SourceLoader.open(paths: [url.path]).sources[0]
    }

    /// Each story's id and title (and the ids it had before, when it carries some), in order, as
    /// the catalog of `source` lists them, the file cut in parts of `partSize` when it is at
    /// least `splitThreshold` bytes.
    private func stories(_ source: OpenedSource, splitThreshold: Int, partSize: Int) -> [String] {
        let catalog = ArticleCatalog.indexed(
            [source], until: { _ in false }, splitThreshold: splitThreshold, partSize: partSize)
        return catalog.entries.map { entry in
            let ids = entry.summary.earlierIDs
            let earlier = [ids.newest, ids.older, ids.guidAlone].compactMap { $0 }
            let previous = earlier.isEmpty ? "" : " (was \(earlier.map(\.rawValue).joined(separator: ", ")))"
            return "\(entry.summary.id.rawValue)\(previous)  \(entry.summary.title)"
        }
    }

    /// Whether `source` is cut when indexed in parts of `partSize`: its first cut is found.
    private static func isCut(_ source: OpenedSource, partSize: Int) -> Bool {
        FileParts(source, parts: source.bytes.count / partSize)?.firstPartEnd.value != nil
    }

    /// Part sizes that put the cuts at many places: a round one and odd ones.
    private static let partSizes = [16 << 10, 5_003, 12_345, 40_009]

    private func assertCutReadsAsWhole(
        _ source: OpenedSource, partSizes: [Int] = partSizes, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let whole = stories(source, splitThreshold: .max, partSize: BackgroundIndexer.defaultPartSize)
        for size in partSizes {
            let name = "\(source.source.path) in parts of \(size) bytes"
            // Cut for real: the test would say nothing of a file read whole either way.
            XCTAssertTrue(Self.isCut(source, partSize: size), name, file: file, line: line)
            let cut = stories(source, splitThreshold: 1, partSize: size)
            XCTAssertEqual(cut.count, whole.count, "\(name): stories", file: file, line: line)
            if let differing = cut.indices.first(where: { $0 < whole.count && cut[$0] != whole[$0] }) {
                XCTFail(
                    "\(name): story \(differing + 1) is \(cut[differing]), read whole \(whole[differing])",
                    file: file, line: line)
            }
        }
    }

    /// An item of `kind` numbered `number`, drawn from a few ids and titles so that ids repeat
    /// near each other and far apart (across cuts), with titles of their own or of another.
    private static func item(
        _ number: Int, atom: Bool, using random: inout SeededGenerator
    ) -> String {
        let key = Int.random(in: 0..<40, using: &random)
        let title = Bool.random(using: &random) ? "Title \(key)" : "Title \(key)-\(number % 3)"
        let text =
            "Body \(key) " + String(repeating: "words ", count: Int.random(in: 5..<200, using: &random))
        let day = 1 + Int.random(in: 0..<3, using: &random)
        let date = atom ? "2024-05-0\(day)T10:00:00Z" : "Wed, 0\(day) May 2024 10:00:00 GMT"
        let id: String
        switch Int.random(in: 0..<6, using: &random) {
        case 0: id = atom ? "<id>tag:example.com,2024:\(key % 9)</id>" : "<guid>g\(key % 9)</guid>"
        case 1: id = atom ? "<id>post-\(key % 7)</id>" : "<guid isPermaLink=\"false\">post-\(key % 7)</guid>"
        case 2:
            // Keyed by its link (no guid): some link to the site's home page.
            let link = key % 4 == 0 ? "https://example.com/" : "https://example.com/\(key % 11)"
            id = atom ? "<link href=\"\(link)\"/>" : "<link>\(link)</link>"
        default:
            // Keyed by title and text (`sha:`), the same ones under other dates.
            id = ""
        }
        let fixedText = id.isEmpty ? "Body \(key % 5)" : text
        let fixedTitle = id.isEmpty ? "Status \(key % 5)" : title
        if atom {
            return "<entry><title>\(fixedTitle)</title>\(id)<updated>\(date)</updated>"
                + "<content type=\"text\">\(fixedText)</content></entry>"
        }
        return "<item><title>\(fixedTitle)</title>\(id)<pubDate>\(date)</pubDate>"
            + "<description>\(fixedText)</description></item>"
    }

    /// A feed of `count` items from ``item(_:atom:using:)``, each one now and then given again
    /// exactly, right after it or much later.
    private static func feed(items count: Int, atom: Bool, seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        var items: [String] = []
        for number in 0..<count {
            let repeated = items.isEmpty ? 0 : Int.random(in: 0..<10, using: &random)
            if repeated == 0 {
                items.append(item(number, atom: atom, using: &random))
            } else if repeated == 1 {
                items.append(items[items.count - 1])
            } else if repeated == 2 {
                items.append(items[Int.random(in: 0..<items.count, using: &random)])
            } else {
                items.append(item(number, atom: atom, using: &random))
            }
        }
        if atom {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Test</title><link href=\"https://example.com/\"/>\n"
                + items.joined(separator: "\n") + "\n</feed>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Test</title><link>https://example.com/</link>\n"
            + items.joined(separator: "\n") + "\n</channel></rss>\n"
    }

    func testAnRSSFeedWithRepeatedIdsReadsAsWhole() throws {
        for seed: UInt64 in [1, 2] {
            let source = try open(Self.feed(items: 700, atom: false, seed: seed), name: "feed-\(seed).xml")
            let whole = stories(source, splitThreshold: .max, partSize: BackgroundIndexer.defaultPartSize)
            XCTAssertTrue(whole.contains { $0.contains("#title:") }, "ids told apart by title")
            XCTAssertTrue(whole.contains { $0.contains("#date:") }, "ids told apart by date")
            XCTAssertLessThan(whole.count, 700, "copies are left out")
            assertCutReadsAsWhole(source)
        }
    }

    func testAnAtomFeedWithRepeatedIdsReadsAsWhole() throws {
        for seed: UInt64 in [4, 5] {
            assertCutReadsAsWhole(
                try open(Self.feed(items: 700, atom: true, seed: seed), name: "feed-\(seed).atom"))
        }
    }

    /// The same guid under three titles, one in each of three parts: each is a story of its own.
    func testOneGuidInThreePartsUnderThreeTitles() throws {
        try assertOneGuidInThreePartsUnderThreeTitles(link: "https://example.com/")
    }

    /// As ``testOneGuidInThreePartsUnderThreeTitles()``, the feed's link not in its normal form:
    /// each story, whatever its part, carries the ids the link alone and the link as written gave
    /// it, told apart as its id now is.
    func testOneGuidInThreePartsCarriesItsEarlierIds() throws {
        try assertOneGuidInThreePartsUnderThreeTitles(link: "http://www.Example.com")
    }

    private func assertOneGuidInThreePartsUnderThreeTitles(link: String, line: UInt = #line) throws {
        let filler = (0..<300).map { "<item><title>Filler \($0)</title><guid>f\($0)</guid></item>" }
        let items =
            ["<item><title>First</title><guid>g</guid></item>"] + filler[0..<100]
            + ["<item><title>Second</title><guid>g</guid></item>"] + filler[100..<200]
            + [
                "<item><title>Third</title><guid>g</guid></item>",
                "<item><title>Second</title><guid>g</guid></item>",
            ]
            + filler[200...]
        let source = try open(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>"
                + "<link>\(link)</link>\n" + items.joined(separator: "\n")
                + "\n</channel></rss>\n",
            name: "three.xml")
        let scope = "https://example.com/#" + (FeedIDScope.titleTag("T") ?? "") + "#g"
        let titles = stories(source, splitThreshold: .max, partSize: BackgroundIndexer.defaultPartSize)
            .filter { $0.hasPrefix(scope) }
        XCTAssertEqual(titles.count, 3, "\(titles)", line: line)
        for title in titles {
            let id = title.prefix { $0 != " " }
            let added = id.dropFirst(scope.count)
            let asWritten = link == "https://example.com/" ? "" : ", \(link)#g\(added)"
            // The guid alone (the id before 426d7d1) for the first only: the others, told apart
            // from it, never had it.
            let alone = added.isEmpty ? ", g" : ""
            XCTAssertTrue(
                title.contains(" (was https://example.com/#g\(added)\(asWritten)\(alone))  "), title,
                line: line)
        }
        assertCutReadsAsWhole(source, partSizes: [source.bytes.count / 3, 4_001, 2_000], line: line)
    }

    /// Stories given again in a dump, next to each other and far apart, across cuts.
    func testADumpWithRepeatedStoriesReadsAsWhole() throws {
        var random = SeededGenerator(seed: 9)
        var stories: [String] = []
        for number in 0..<2000 {
            let key = Int.random(in: 0..<300, using: &random)
            let story = DumpText.article(
                title: "Story \(key)", caption: "Caption \(key) (AFP)",
                paragraphs: ["Body of story \(key).", "Told on \(number % 2 == 0 ? "Monday" : "Tuesday")."])
            stories.append(story)
            if number % 13 == 0 { stories.append(story) }
        }
        assertCutReadsAsWhole(try open(stories.joined(separator: "\n\n\n"), name: "news.txt"))
    }

    /// Every real feed and dump here reads cut in small parts as it does whole.
    func testTheRealFilesReadCutAsWhole() throws {
        var paths = Fixtures.feedFiles().map { Fixtures.feeds.appendingPathComponent($0).path }
        paths.append(Fixtures.realNews.path)
        var compared = 0
        for path in paths {
            // Files that do not open (broken on purpose) or cannot be cut (JSON, other
            // encodings, a single item) read whole either way.
            guard let source = try? SourceLoader.open(paths: [path]).sources.first,
                Self.isCut(source, partSize: 16 << 10)
            else { continue }
            assertCutReadsAsWhole(source, partSizes: [16 << 10, 1_999])
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 20, "real files cut")
    }
}
