import Foundation
import GazetteCore
import TestSupport
import XCTest

/// The real feeds under `../shared/realworld/feeds` (see its SOURCES.md), read as they are.
/// The expectations below were taken from the files themselves.
final class RealWorldFeedsTests: XCTestCase {
    private func feed(_ path: String) -> ParsedFeed {
        ParsedFeed(Fixtures.bytes(Fixtures.feeds.appendingPathComponent(path)))
    }

    private func date(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    /// Every file in the folder tree, as `project/file`.
    private func allFiles() -> [String] { Fixtures.feedFiles() }

    /// A parse that stops at its first items reads the text in small pieces at first (the
    /// title and first item when a feed is opened): every real feed gives the same title and
    /// first items that way as read in whole chunks.
    func testAParseThatStopsEarlyReadsTheSameFirstItems() throws {
        for file in allFiles() {
            let bytes = Fixtures.bytes(Fixtures.feeds.appendingPathComponent(file))
            func firstItems(stoppingEarly: Bool) -> (String?, [FeedItem])? {
                var items: [FeedItem] = []
                let parsed = bytes.withUnsafeBytes { buffer in
                    try? FeedParser.parse(buffer, stoppingEarly: stoppingEarly) { item in
                        items.append(item)
                        return items.count < 3
                    }
                }
                return parsed.map { ($0.header.title, items) }
            }
            let whole = firstItems(stoppingEarly: false)
            let early = firstItems(stoppingEarly: true)
            XCTAssertEqual(whole?.0, early?.0, file)
            XCTAssertEqual(whole?.1, early?.1, file)
        }
    }

    func testEveryStoryTellsTheSameWordCountInTheListAndTheArticle() throws {
        // (`list --json` and `export` disagreed on 387 of 611 stories, 11 by a minute.)
        var compared = 0
        for file in allFiles() {
            guard
                let opened = try? SourceLoader.open(paths: [Fixtures.feeds.appendingPathComponent(file).path])
            else { continue }
            let catalog = ArticleCatalog.indexed(opened.sources)
            for position in catalog.entries.indices {
                let details = catalog.details(at: position)
                let article = try XCTUnwrap(catalog.article(at: position), file)
                XCTAssertEqual(article.wordCount, details.wordCount, "\(file): \(article.title)")
                XCTAssertEqual(article.readingMinutes, details.readingMinutes, "\(file): \(article.title)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 600)
    }

    func testEveryFileParsesOrFailsWithAFeedError() {
        let files = allFiles()
        XCTAssertEqual(files.count, 49)
        var failures: [String] = []
        for file in files {
            let bytes = Fixtures.bytes(Fixtures.feeds.appendingPathComponent(file))
            XCTAssertFalse(bytes.isEmpty, file)
            let parsed = ParsedFeed(bytes)
            XCTAssertTrue((parsed.header == nil) != (parsed.error == nil), file)
            if parsed.error != nil { failures.append(file) }
            // Cut short anywhere, a file still gives items or an error, never a crash or a hang.
            for fraction in [0.1, 0.5, 0.9] {
                let cut = ParsedFeed(Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
                XCTAssertTrue((cut.header == nil) != (cut.error == nil), file)
            }
        }
        XCTAssertEqual(failures, ["rsparser/ScriptingNews.json"])
        let formats = Set(files.compactMap { feed($0).header?.format })
        XCTAssertEqual(formats, [.rss, .rdf, .atom, .jsonFeed])
    }

    // MARK: - feedparser

    func testFeedparserEncodingSniffing() throws {
        let hebrew = feed("feedparser/windows1255.xml")
        XCTAssertEqual(hebrew.header?.format, .rss)
        XCTAssertEqual(hebrew.items.count, 1)
        XCTAssertEqual(hebrew.first?.title, "")
        XCTAssertNil(hebrew.first?.link)
        XCTAssertTrue(hebrew.first?.content.hasPrefix("האם תדפיס נייר של אתר אינטרנט") == true)
        XCTAssertTrue(hebrew.first?.id.hasPrefix("sha:") == true)

        let japanese = feed("feedparser/shiftjis.xml")
        XCTAssertEqual(japanese.header?.format, .atom)
        XCTAssertEqual(japanese.items.count, 1)
        XCTAssertEqual(japanese.first?.title, "DrecomRSSに記事投稿が反映されない…")
        XCTAssertTrue(japanese.first?.content.hasPrefix("色々調べてたら、MT3.2がRSS1.0をサポートしていないことが判明。") == true)

        let utf16 = feed("feedparser/utf-16le-bom.xml")
        XCTAssertEqual(utf16.header, FeedHeader(format: .rss))
        XCTAssertEqual(utf16.items.count, 0)

        XCTAssertEqual(feed("feedparser/demoronize-1.xml").first?.content, "don\u{2019}t")
        XCTAssertEqual(
            feed("feedparser/entity_in_doctype.xml").first?.id, "tag:example.com,2006-05-04:/blog/")

        let greek = feed("feedparser/http_high_bit_date.xml")
        XCTAssertNil(greek.error)
        XCTAssertEqual(greek.items.count, 0)
    }

    func testFeedparserBrokenAndOddFiles() throws {
        let truncated = feed("feedparser/rss_incomplete_cdata.xml")
        XCTAssertNil(truncated.error)
        XCTAssertEqual(truncated.header?.title, "can feedparser read this xml")
        XCTAssertEqual(truncated.header?.link, "http://adcdefgh.com")
        XCTAssertEqual(truncated.items.count, 0)
        XCTAssertEqual(truncated.warnings.count, 1)
        XCTAssertTrue(
            truncated.warnings[0].hasPrefix("the file ends inside an item at line 13"), truncated.warnings[0])

        XCTAssertEqual(feed("feedparser/relative_uri_inherit_2.xml").header?.title, "Example test")
        XCTAssertEqual(feed("feedparser/missing_quote_in_attr.xml").header?.title, "example")

        let modules = feed("feedparser/rss1.0withModules.xml")
        XCTAssertEqual(modules.header?.format, .rdf)
        XCTAssertEqual(modules.first?.title, "Test Item - RSS 1.0")

        let russian = feed("feedparser/large_atom_feed_that_needs_css_sanitisation.xml")
        XCTAssertEqual(russian.items.count, 15)
        XCTAssertEqual(russian.first?.title, "Невидимая броня для Вашего Nokia 5800")
        XCTAssertEqual(
            russian.first?.link, "http://touchnokia.ru/2009/09/nevidimaja-bronja-dlja-vashego-nokia-5800.html"
        )
    }

    func testFeedparserJSONFeed() throws {
        let json = feed("feedparser/example.json")
        XCTAssertEqual(
            json.header, FeedHeader(format: .jsonFeed, title: "My Example Feed", link: "https://example.org/")
        )
        XCTAssertEqual(json.items.count, 2)
        let first = try XCTUnwrap(json.first)
        XCTAssertEqual(first.id, "2")
        XCTAssertEqual(first.title, "post 2")
        XCTAssertEqual(first.link, "https://example.org/second-item")
        XCTAssertEqual(first.author, "me", "the feed's legacy author")
        XCTAssertEqual(first.content, "This is a second item.")
        XCTAssertFalse(first.contentIsHTML)
        XCTAssertEqual(json.items[1].author, "you")
        XCTAssertEqual(json.items[1].content, "<p>Hello, world!</p>\n\n<script>alert();</script>")
        XCTAssertTrue(json.items[1].contentIsHTML)
    }

    // MARK: - miniflux

    func testMinifluxDeclaredEncodings() throws {
        let german = feed("miniflux/encoding_ISO-8859-1.xml")
        XCTAssertEqual(german.header?.title, "Golem.de")
        XCTAssertEqual(german.items.count, 40)
        let first = try XCTUnwrap(german.first)
        XCTAssertEqual(
            first.title, "Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games")
        XCTAssertEqual(
            first.link,
            "https://www.golem.de/news/red-dead-redemption-2-hinweise-auf-pc-umsetzung-in-app-von-rockstar-games-1810-137358-rss.html"
        )
        XCTAssertEqual(first.id, "https://www.golem.de/1810/137358-rss.html")
        XCTAssertTrue(first.content.contains("Viele Spieler wünschen sich eine PC-Version"), first.content)
        XCTAssertEqual(first.date, date("2018-10-28T12:48:00Z"))
        XCTAssertEqual(
            german.items[1].title, "Let's Play: Twitch will Streamer zusammen spielen und singen lassen")

        let russian = feed("miniflux/encoding_WINDOWS-1251.xml")
        XCTAssertEqual(russian.items.count, 50)
        XCTAssertEqual(russian.first?.title, "Цитата #17703")
        XCTAssertEqual(russian.first?.link, "http://ibash.org.ru/quote.php?id=17703")
        XCTAssertEqual(russian.first?.date, date("2018-03-21T07:27:32Z"))
        XCTAssertTrue(russian.first?.content.hasPrefix("xxx: есть у кого жаба программер <br />") == true)

        XCTAssertEqual(feed("miniflux/windows-1252.xml").header?.title, "Euro €")
        let lying = feed("miniflux/windows-1252-incorrect-prolog.xml")
        XCTAssertEqual(lying.header?.title, "Euro €")
        XCTAssertEqual(lying.warnings, ["the file declares windows-1252 but holds UTF-8; read as UTF-8"])
    }

    func testMinifluxUndeclaredLatin1UrduAndRDF() throws {
        let french = feed("miniflux/no_encoding_ISO-8859-1.xml")
        XCTAssertEqual(french.items.count, 10)
        XCTAssertEqual(french.first?.title, "Perturbateurs endocriniens : quels effets sur le cerveau ?")
        XCTAssertTrue(french.first?.content.contains("nombre d'études montrent") == true)

        let urdu = feed("miniflux/urdu_UTF8.xml")
        XCTAssertEqual(urdu.items.count, 26)
        XCTAssertTrue(urdu.first?.title.hasPrefix("امریکی عسکری امداد کی بندش کی وجوہات") == true)
        XCTAssertEqual(urdu.first?.link, "http://www.bbc.com/urdu/pakistan-42575603")
        XCTAssertTrue(urdu.first?.content.hasPrefix("امریکہ اور پاکستان کے 70 سالہ تعلقات") == true)

        let heise = feed("miniflux/rdf_UTF8.xml")
        XCTAssertEqual(heise.header?.format, .rdf)
        XCTAssertEqual(heise.items.count, 60)
        XCTAssertEqual(heise.first?.title, "OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen")
        XCTAssertEqual(
            heise.first?.link,
            "https://www.heise.de/newsticker/meldung/OLED-TVs-Vorsichtsmassnahmen-gegen-Einbrennen-4205274.html?wt_mc=rss.ho.beitrag.rdf"
        )
    }

    // MARK: - newsboat

    func testNewsboatAtomAndRSS() throws {
        let atom = feed("newsboat/atom10_1.xml")
        XCTAssertEqual(
            atom.header, FeedHeader(format: .atom, title: "test atom", link: "http://example.com/"))
        XCTAssertEqual(atom.items.count, 3)
        XCTAssertEqual(atom.first?.title, "A gentle introduction to Atom testing")
        XCTAssertTrue(atom.first?.titleIsHTML == true)
        XCTAssertEqual(
            atom.items.map(\.link), Array(repeating: "http://example.com/atom_testing.html", count: 3))
        XCTAssertEqual(atom.items[2].title, "alternate link isn't first")
        XCTAssertEqual(atom.items[2].author, "Person A, Person B")

        let untitled = feed("newsboat/items_without_titles.xml")
        XCTAssertEqual(untitled.items.count, 5)
        XCTAssertEqual(untitled.items.map(\.title), Array(repeating: "", count: 5))
        XCTAssertEqual(untitled.first?.link, "http://example.com/a-gentle-introduction-to-testing.html")

        XCTAssertEqual(feed("newsboat/multiple_item_links.atom").first?.link, "http://www.test.org/tests")

        let old = feed("newsboat/rss091_1.xml")
        XCTAssertEqual(old.items.count, 1)
        XCTAssertEqual(old.first?.title, "1 < 2")
        XCTAssertEqual(old.first?.link, "http://example.com/1_less_than_2.html")

        let blogger = feed("newsboat/rss.xml")
        XCTAssertEqual(blogger.header?.title, "AK's moblog")
        XCTAssertEqual(blogger.items.count, 8)
        XCTAssertEqual(blogger.first?.title, "Teh Saxxi")
        XCTAssertEqual(blogger.first?.link, "http://aksmoblog.blogspot.com/2006/12/teh-saxxi.html")
    }

    // MARK: - feedjira

    func testFeedjiraAtomFeeds() throws {
        let samRuby = feed("feedjira/SamRuby.xml")
        XCTAssertEqual(samRuby.items.count, 20)
        XCTAssertEqual(samRuby.first?.title, "Plex")
        XCTAssertEqual(
            samRuby.first?.link, "http://intertwingly.net/blog/2013/01/30/Plex", "resolved against rel=self")
        XCTAssertTrue(samRuby.first?.content.hasPrefix("<svg") == true)
        XCTAssertTrue(samRuby.first?.contentIsHTML == true)

        let wrapped = feed("feedjira/DuplicateContentAtomFeed.xml")
        XCTAssertEqual(wrapped.header?.title, "Avian’s Blog")
        XCTAssertEqual(wrapped.items.count, 10)
        XCTAssertEqual(wrapped.first?.title, "Down time")
        XCTAssertEqual(wrapped.first?.link, "http://www.tablix.org/~avian/blog/archives/2014/07/down_time/")
        XCTAssertEqual(wrapped.first?.author, "Tomaž")

        let alerts = feed("feedjira/google_alerts_atom.xml")
        XCTAssertEqual(alerts.items.count, 20)
        XCTAssertTrue(alerts.first?.titleIsHTML == true)
        XCTAssertTrue(
            alerts.first?.title.hasPrefix("Report offers Prediction of Automotive <b>Slack</b> Market")
                == true)
        XCTAssertTrue(alerts.first?.link?.hasPrefix("https://www.google.com/url?rct=j&sa=t&url=") == true)

        let youtube = feed("feedjira/youtube_atom.xml")
        XCTAssertEqual(youtube.items.count, 15)
        XCTAssertEqual(youtube.first?.link, "http://www.youtube.com/watch?v=5shykyfmb28")

        let huffPost = feed("feedjira/HuffPostCanada.xml")
        XCTAssertEqual(huffPost.first?.title, "Winnipeg High School Orders Custom Hijabs For Muslim Athletes")
    }

    func testFeedjiraJSONFeedWithEscapedSlashes() throws {
        let json = feed("feedjira/json_feed_with_escaped_uris.json")
        XCTAssertEqual(json.items.count, 30)
        XCTAssertEqual(json.first?.title, "New Font")
        XCTAssertEqual(json.first?.link, "https://lukedorny.com/updates/new-font")
    }

    // MARK: - RSParser

    func testRSParserFeeds() throws {
        let chinese = feed("rsparser/kc0011.rss")
        XCTAssertEqual(chinese.header?.title, "投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文")
        XCTAssertEqual(chinese.items.count, 20)
        XCTAssertEqual(chinese.first?.title, "建国35周年纪念，华表，和平鸽")
        XCTAssertEqual(chinese.first?.link, "http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1")
        XCTAssertEqual(chinese.first?.author, "大鱼儿")

        let dutch = feed("rsparser/phpxml.rss")
        XCTAssertEqual(dutch.items.count, 20)
        XCTAssertEqual(dutch.first?.title, "Serdar Gözübüyük scheidsrechter bij FC Twente - FC Utrecht")

        XCTAssertEqual(feed("rsparser/DaringFireball.rss").header?.format, .atom)
        XCTAssertEqual(feed("rsparser/DaringFireball.rss").items.count, 47)
        XCTAssertEqual(feed("rsparser/donthitsave.xml").items.count, 10)
        XCTAssertEqual(feed("rsparser/macworld.rss").items.count, 30)
        XCTAssertEqual(feed("rsparser/bio.rdf").items.count, 30)
        XCTAssertEqual(feed("rsparser/theomnishow.rss").items.count, 4)
    }

    func testRSParserJSONFeeds() throws {
        let fireball = feed("rsparser/DaringFireball.json")
        XCTAssertEqual(fireball.items.count, 48)
        XCTAssertEqual(fireball.first?.title, "The Talk Show: ‘I Do Like Throwing a Baby’")
        XCTAssertEqual(fireball.first?.link, "https://daringfireball.net/linked/2017/06/26/the-talk-show-195")

        let authors = feed("rsparser/authors.json")
        XCTAssertEqual(
            authors.items.map(\.author),
            [
                "Root Author 1, Root Author 2", "Legacy Item Author", "Item Author 1, Item Author 2",
                "Item Author 1, Item Author 2",
            ])

        XCTAssertEqual(feed("rsparser/3960.json").header?.title, "fboës - Der Blog | Startseite")
        XCTAssertEqual(
            feed("rsparser/ScriptingNews.json").error, .notAFeed("JSON but not a JSON Feed (RSS-in-JSON)"))
    }

    // MARK: - gofeed and ROME

    func testGofeedLeadingWhitespace() {
        let parsed = feed("gofeed/rss_feed_leading_spaces.xml")
        XCTAssertEqual(parsed.header, FeedHeader(format: .rss, title: "Feed Title"))
        XCTAssertEqual(parsed.items.count, 0)
    }

    func testRomeFeeds() throws {
        let bray = feed("rome/atom_1.0_bray.xml")
        XCTAssertEqual(bray.header?.link, "http://www.example.com/blog/")
        XCTAssertEqual(bray.items.map(\.title), ["Entry1", "Entry2"])
        XCTAssertEqual(
            bray.items.map(\.link),
            ["http://www.example.com/blog/entry1", "http://www.example.com/blog/entry2"])
        XCTAssertEqual(bray.first?.content, "Content1")
        XCTAssertEqual(bray.first?.date, date("2006-11-05T20:00:00Z"))

        let prefixed = feed("rome/atom_1.0_prefix.xml")
        XCTAssertEqual(prefixed.header?.format, .atom)
        XCTAssertNil(prefixed.error)

        let jira = feed("rome/jira_issue1.xml")
        XCTAssertEqual(jira.items.count, 2)
        XCTAssertEqual(jira.first?.title, "rss_2.0.channel.item[0].title")
        XCTAssertEqual(jira.first?.date, date("2001-01-01T00:00:00Z"))

        let slashdot = feed("rome/slashdot.xml")
        XCTAssertEqual(slashdot.items.count, 10)
        XCTAssertEqual(slashdot.first?.title, "The Prisoner To Be Remade On U.K. TV")
        // FeedBurner's redirect is kept for ids; the story's page (its origLink) is the link.
        XCTAssertEqual(slashdot.first?.link, "http://slashdot.org/article.pl?sid=05/11/19/2014233&from=rss")
        XCTAssertEqual(slashdot.first?.linkInID, "http://rss.slashdot.org/Slashdot/slashdot?m=1961")
        XCTAssertEqual(slashdot.first?.id, "http://slashdot.org/article.pl?sid=05/11/19/2014233&from=rss")
    }
}
