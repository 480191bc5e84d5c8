import Foundation
import TestSupport
import XCTest

final class FeedCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-feeds" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    private func feed(_ path: String) -> String {
        Fixtures.feeds.appendingPathComponent(path).path
    }

    /// The JSON of `list` and `export` gives a title as the list shows it: a byte-order mark
    /// inside it ("Column: \u{FEFF}Wat een …") is no part of it (found by QA). Its id is as it was.
    func testJSONTitlesHaveNoByteOrderMarkInside() throws {
        let path = feed("rsparser/phpxml.rss")
        let list = try run(["list", "--json", path])
        XCTAssertEqual(list.status, 0, list.stderr)
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let exported = try run(["export", path])
        let records = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [[String: Any]])
        let title = "Column: Wat een wedstrijd, wat heb ik genoten!"
        for story in [rows[13], records[13]] {
            XCTAssertEqual(story["title"] as? String, title)
            XCTAssertEqual(
                story["id"] as? String,
                "https://www.fcutrecht.net/nieuws/column-wat-een-wedstrijd-wat-heb-ik-genoten~8793")
        }
        XCTAssertFalse(list.stdout.contains("\\ufeff") || exported.stdout.contains("\\ufeff"))
        XCTAssertTrue(try run(["list", path]).stdout.contains("14 N  " + title))
    }

    func testListOverTheWholeFeedTreeHasCleanTitles() throws {
        let outcome = try run(["list", Fixtures.feeds.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(lines.count, 500)
        // A JSON Feed title is plain text: this post is about the tags <i> and <b>.
        let aboutTags = "Die Rückkehr von <i> und <b>"
        XCTAssertTrue(outcome.stdout.contains(aboutTags))
        for line in lines {
            XCTAssertFalse(line.contains("&amp;") || line.contains("&lt;") || line.contains("&#"), line)
            let shown = line.replacingOccurrences(of: aboutTags, with: "")
            XCTAssertNil(shown.range(of: "<[a-zA-Z/][^>]*>", options: .regularExpression), line)
            XCTAssertFalse(
                line.contains("Ã") || line.contains("Ð") || line.contains("\u{FFFD}"), "mojibake: \(line)")
        }
        for expected in [
            "Цитата #17703",  // windows-1251
            "Red Dead Redemption 2",  // ISO-8859-1 (umlauts in its body)
            "DrecomRSSに記事投稿が反映されない",  // Shift_JIS, undeclared
            "建国35周年纪念，华表，和平鸽",  // gb2312
            "امریکی عسکری امداد کی بندش",  // Urdu
            "Невидимая броня для Вашего Nokia 5800",  // Cyrillic Atom
            "Serdar Gözübüyük",  // UTF-8 behind a bogus prolog
            "The Talk Show: ‘I Do Like Throwing a Baby’",  // JSON Feed
        ] {
            XCTAssertTrue(outcome.stdout.contains(expected), "missing \(expected)")
        }
        XCTAssertTrue(outcome.stderr.contains("ScriptingNews.json' is not a news file"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("utf-16le-bom.xml' holds no articles"), outcome.stderr)
    }

    /// `export` gives a table a paragraph per row, its cells joined by " | ", for scripts: it
    /// gave the screen's columns as one paragraph, padded as at 78 columns. `show` keeps them.
    func testExportGivesATableARowPerParagraph() throws {
        let body = """
            &lt;p&gt;Intro&lt;/p&gt;&lt;blockquote&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;Name&lt;/th&gt;\
            &lt;th&gt;Qty&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Apple&lt;/td&gt;&lt;td&gt;3&lt;/td&gt;\
            &lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;7&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;/blockquote&gt;
            """
        let path = folder.appendingPathComponent("table.xml").path
        try Data(
            """
            <?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
            <item><title>T</title><guid>g1</guid><description>\(body)</description></item></channel></rss>
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let export = try run(["export", path])
        XCTAssertEqual(export.status, 0, export.stderr)
        let articles = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        // An empty cell keeps its place: "7" is of the second column (found by QA).
        XCTAssertEqual(
            articles.first?["paragraphs"] as? [String], ["Intro", "> Name | Qty", "> Apple | 3", ">  | 7"])
        let show = try run(["show", path, "1", "--width", "80"])
        XCTAssertTrue(
            show.stdout.contains("> Name   Qty\n> ─────  ───\n> Apple    3\n>          7\n"), show.stdout)
    }

    /// Atom 0.3 base64 content is read in the feed's encoding (ISO-8859-1 here): it was read as
    /// UTF-8, "Café" shown as "Caf\u{FFFD}".
    func testShowReadsBase64ContentInTheFeedsEncoding() throws {
        let html = Array("<p>Caf".utf8) + [0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65] + Array(".</p>".utf8)
        let path = folder.appendingPathComponent("latin1.xml").path
        try Data(
            """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>F</title>
            <entry><id>urn:a</id><title>T</title>\
            <content type="text/html" mode="base64">\(Data(html).base64EncodedString())</content></entry></feed>
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let show = try run(["show", path, "1", "--width", "80"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("\nCafé crème.\n"), show.stdout)
    }

    func testAFeedIsNamedByItsTitleAndReadsAsParagraphsWithLinks() throws {
        let path = feed("feedjira/HuffPostCanada.xml")
        let list = try run(["list", "--json", path])
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(
            rows[0]["title"] as? String, "Winnipeg High School Orders Custom Hijabs For Muslim Athletes")
        XCTAssertEqual(rows[0]["source"] as? String, "HuffPost Canada - Athena2 - All Posts")
        let show = try run(["show", path, "1", "--width", "100"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(
            show.stdout.contains("\nLinks\n[1] http://www.huffingtonpost.ca/2017/05/23/"), show.stdout)
        XCTAssertTrue(
            show.stdout.contains("> • 4 Muslim Canadian Women Who Have Zero Time For Fitness Stereotypes [1]")
        )
        XCTAssertFalse(show.stdout.contains("<"), show.stdout)
        let export = try run(["export", path])
        let articles = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(
            articles[0]["link"] as? String,
            "http://www.huffingtonpost.ca/2017/10/17/winnipeg-high-school-orders-custom-hijabs-for-muslim-athletes_a_23246627/"
        )
        XCTAssertEqual(articles[0]["credit"] as? String, "Canadian Press")
        // The numbered links the paragraphs point to, as `show` lists them, then the video the
        // item attaches (`media:content medium="video"`), and the date.
        var links = try XCTUnwrap(articles[0]["links"] as? [String])
        XCTAssertTrue(links.first?.hasPrefix("http://www.huffingtonpost.ca/2017/05/23/") == true, "\(links)")
        XCTAssertTrue(links.removeLast().hasPrefix("http://delivery.vidible.tv/video/"), "\(links)")
        let paragraphs = try XCTUnwrap(articles[0]["paragraphs"] as? [String]).joined(separator: "\n")
        XCTAssertTrue(paragraphs.contains("[\(links.count)]"), paragraphs)
        XCTAssertFalse(paragraphs.contains("[\(links.count + 1)]"), paragraphs)
        XCTAssertNotNil((articles[0]["date"] as? String).flatMap(ISO8601DateFormatter().date(from:)))
        let dump = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try run(["export", Fixtures.sample.path]).stdout.utf8))
                as? [[String: Any]])
        XCTAssertEqual(dump[0]["links"] as? [String], [])
        XCTAssertTrue(dump[0]["date"] is NSNull)
    }

    func testStandardInputFeed() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: feed("miniflux/encoding_WINDOWS-1251.xml")))
        let outcome = try run(["list", "-"], stdin: data)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix(" 1 N  Цитата #17703"), outcome.stdout)
        XCTAssertEqual(outcome.stdout.split(separator: "\n").count, 50)
    }

    func testFeedReadingStatePersistsLikeADumps() throws {
        let path = feed("rsparser/DaringFireball.json")
        XCTAssertEqual(try run(["mark", path, "1", "3", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", path, "2", "--flag"]).status, 0)
        let unread = try run(["list", "--unread", path])
        XCTAssertEqual(unread.stdout.split(separator: "\n").count, 46)
        let flagged = try run(["list", "--flagged", path])
        XCTAssertTrue(flagged.stdout.hasPrefix(" 2 N! "), flagged.stdout)
        // A copy of the same feed elsewhere: the same items, the same state (ids come from the feed).
        let copy = folder.appendingPathComponent("copy.json")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: copy)
        XCTAssertEqual(try run(["list", "--unread", copy.path]).stdout.split(separator: "\n").count, 46)
    }

    func testTheSameStoryInTwoFilesIsListedOnce() throws {
        let path = feed("miniflux/small_atom.xml")
        let copy = folder.appendingPathComponent("again.xml")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: copy)
        let outcome = try run(["list", path, copy.path])
        XCTAssertEqual(outcome.stdout.split(separator: "\n").count, 20)
    }

    /// Item ids unique only in their feed (JSON Feed's "1") are the feed's own: two feeds'
    /// stories were taken for one, listed once and read together.
    func testTwoFeedsWithTheSameItemIdKeepTheirOwnStories() throws {
        let one = folder.appendingPathComponent("one.json").path
        let two = folder.appendingPathComponent("two.json").path
        for (path, name, title) in [
            (one, "Feed One", "Alpha from feed one"), (two, "Feed Two", "Beta from feed two"),
        ] {
            let json =
                #"{"version":"https://jsonfeed.org/version/1.1","title":"\#(name)","items":[{"id":"1","title":"\#(title)","content_text":"x"}]}"#
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(json.utf8)))
        }
        XCTAssertEqual(try run(["mark", one, "1", "--read"]).status, 0)
        XCTAssertEqual(try run(["list", two]).stdout, "1 N  Beta from feed two\n")
        let both = try run(["list", one, two]).stdout.split(separator: "\n")
        XCTAssertEqual(both.count, 2, "\(both)")
        XCTAssertTrue(both[0].hasPrefix("1    Alpha"), "\(both)")
        XCTAssertTrue(both[1].hasPrefix("2 N  Beta"), "\(both)")
    }

    func testNotAFeed() throws {
        let json = folder.appendingPathComponent("data.json")
        try Data("{\"name\": \"not a feed\"}".utf8).write(to: json)
        let outcome = try run(["list", json.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(
            outcome.stderr.hasPrefix("gazette: '\(json.path)' is not a news file ("), outcome.stderr)
        let truncated = try run(["list", feed("feedparser/rss_incomplete_cdata.xml")])
        XCTAssertEqual(truncated.status, 1, "nothing could be recovered, and it says so")
        XCTAssertTrue(truncated.stderr.hasPrefix("gazette: "), truncated.stderr)
    }

    /// An item lost to a break in the XML is told on standard error; the items read are listed
    /// and the command succeeds (it went without a word).
    func testABreakInTheXMLIsToldOnStandardError() throws {
        let broken = folder.appendingPathComponent("broken.xml")
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>First</title><guid>http://example.com/1</guid></item>
            <item><title>Third</title><guid>http://example.com/3</guid></itm>
            <item><title>Fourth</title><guid>http://example.com/4</guid></item>
            </channel></rss>

            """.utf8
        ).write(to: broken)
        let outcome = try run(["list", broken.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "1 N  First\n2 N  Third\n3 N  Fourth\n")
        XCTAssertEqual(
            outcome.stderr,
            "gazette: \(broken.path): the XML breaks at line 4 (a start tag and end tag that do not match); "
                + "the story there may be lost\n")
        let fine = try run(["list", feed("miniflux/small_atom.xml")])
        XCTAssertEqual(fine.stderr, "", "a well-formed feed is read without a word")
    }

    /// Entries of a JSON Feed's `items` that are not objects (a string, a number, null) are
    /// no stories: `list` showed an empty "(untitled)" row for each, without a word. They are
    /// left out and told on standard error, as an item lost to a break in the XML is.
    func testJSONFeedEntriesThatAreNotObjectsAreNotListedAndAreTold() throws {
        let path = folder.appendingPathComponent("junk-items.json")
        try Data(
            #"""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Junk items", "items": [
              1, {"id": "1", "title": "First", "content_text": "one two"}, "x", null,
              {"id": "2", "title": "Second", "content_text": "three"}]}
            """#.utf8
        ).write(to: path)
        let outcome = try run(["list", path.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "1 N  First\n2 N  Second\n")
        XCTAssertEqual(
            outcome.stderr, "gazette: \(path.path): 3 entries of items are not objects; they are left out\n")
    }

    /// A feed that declares UTF-8 but holds windows-1252 is read as windows-1252 and told so,
    /// as a feed that declares ISO-8859-1 but holds UTF-8 is (its accents, quotes and euro
    /// signs all showed as U+FFFD, without a word; found by QA).
    func testAFeedDeclaredUTF8ThatHoldsWindows1252IsReadAsItAndTold() throws {
        let path = folder.appendingPathComponent("enc.xml")
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>".utf8)
        bytes += Array("<title>Enc</title><item><title>Caf".utf8)
        bytes += [0xE9, 0x20, 0x93] + Array("quoted".utf8)
        bytes += [0x94, 0x20, 0x80] + Array("100</title><description>Stra".utf8)
        bytes += [0xDF] + Array("e</description></item></channel></rss>".utf8)
        try Data(bytes).write(to: path)
        let listed = try run(["list", path.path])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout, "1 N  Café “quoted” €100\n")
        XCTAssertEqual(
            listed.stderr,
            "gazette: \(path.path): the file declares UTF-8 but holds windows-1252; read as windows-1252\n")
        let shown = try run(["show", path.path, "1", "--width", "40"])
        XCTAssertTrue(shown.stdout.contains("Straße"), shown.stdout)
    }
}
