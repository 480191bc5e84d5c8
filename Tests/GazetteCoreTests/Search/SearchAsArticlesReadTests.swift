import Foundation
import GazetteCore
import TestSupport
import XCTest

/// The background search (each story's search text folded into a reused buffer, on two
/// threads) finds exactly the stories whose whole article, decoded and folded on its own,
/// matches: for words the stories themselves hold, on feeds whose words are split by tags,
/// entities, soft hyphens and CDATA, in many scripts, and on the real files; and on dumps
/// whose paragraphs are wrapped over lines of the file, for the paragraphs themselves, copied
/// from the file or the screen, and for pieces across a line break.
final class SearchAsArticlesReadTests: XCTestCase {
    /// Items whose words are written in every way a feed writes them.
    private static let itemBodies = [
        "&lt;p&gt;Reyk&lt;b&gt;ja&lt;/b&gt;vik talks &amp;amp; more&lt;/p&gt;",
        "<![CDATA[<p>Reyk<i>javík</i> and <code>&lt;img src=x&gt;</code> shown</p>]]>",
        "&lt;p&gt;Reyk&amp;shy;javik&lt;/p&gt;",
        "&lt;p&gt;&amp;#82;EYKJAVIK and &amp;#x52;eykjavik&lt;/p&gt;",
        "&lt;p&gt;ＲＥＹＫＪＡＶＩＫ&lt;/p&gt;",
        "&lt;p&gt;ﬁnance ＦＩＮＡＮＣＥ Straße&lt;/p&gt;",
        "<![CDATA[<ul><li>Central</li><li>bank of Iran</li></ul><table><tr><td>central</td><td>bank</td></tr></table>]]>",
        "<![CDATA[<p>東京の<b>会議</b>、東<i>京</i>都</p><p>서울 한국 Москва Ёлка й и</p>]]>",
        "&lt;p&gt;Κρήτη ΚΡΗΤΗ القاهرة مصر עברית ไทย हिन्दी&lt;/p&gt;",
        "&lt;pre&gt;let reykjavik = 1\n  central  bank&lt;/pre&gt;&lt;p&gt;E=mc&lt;sup&gt;2&lt;/sup&gt;&lt;/p&gt;",
        "&lt;p&gt;&lt;img src=\"a.jpg\" alt=\"Reykjavik harbour\"&gt; picture&lt;/p&gt;",
        "Plain text body with Reykjavik\n\nand a second paragraph of café news",
        "&lt;p&gt;soft&amp;#173;hyphen zero&amp;#8203;width no&amp;nbsp;break&lt;/p&gt;",
        "&lt;p&gt;&amp;lt;b&amp;gt;escaped twice&amp;lt;/b&amp;gt; Reykjavik&lt;/p&gt;",
        "&lt;p&gt;BREAKING NEWS FROM ICELAND, TALKS GO ON&lt;/p&gt;",
    ]

    private static func variedFeed() -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Varied</title>\n"
        for (index, body) in itemBodies.enumerated() {
            let title = index % 3 == 0 ? "Story &lt;b&gt;\(index)&lt;/b&gt; Ísland" : "Story \(index)"
            xml += "<item><title>\(title)</title><link>https://example.com/\(index)</link>"
            xml += "<author>Writer Ólafsdóttir \(index)</author><description>\(body)</description></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    /// Queries made of the stories' own words (some of every story, so that most match
    /// something), with typed ones that fold.
    private static func queries(of articles: [Article?]) -> [String] {
        let words: [String] = [
            "reykjavik", "REYKJAVÍK", "iceland", "island", "\"breaking news\"", "talks", "finance", "strasse",
            "\"central bank\"", "東京", "京都", "서울", "москва",
            "елка", "й", "κρητη", "القاهرة", "mc2", "img", "shy", "image", "x", "zzzz",
        ]
        var own: Set<String> = []
        for article in articles.compactMap({ $0 }) {
            let text = ([article.title] + article.paragraphs).joined(separator: " ")
            let read = text.split(whereSeparator: \.isWhitespace)
            own.formUnion(
                read.enumerated().filter { $0.offset % 29 == 3 }.prefix(3).map { String($0.element) })
            if read.count > 6 { own.insert("\"\(read[2...4].joined(separator: " "))\"") }
        }
        return words + own.sorted().prefix(16)
    }

    /// How many stories the queries matched in all.
    @discardableResult
    private func expectSearchAsArticlesRead(
        _ path: String, file: StaticString = #filePath, line: UInt = #line
    )
        throws -> Int
    {
        let comparison = SearchComparison(
            ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources))
        let found = comparison.expectAgreement(
            Self.queries(of: comparison.articles), in: path, file: file, line: line)
        return found.map(\.count).reduce(0, +)
    }

    func testAVariedFeedIsSearchedAsItsArticlesRead() throws {
        let folder = try TemporaryFolder.make("gazette-search-varied")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("varied.xml").path
        try Data(Self.variedFeed().utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(try expectSearchAsArticlesRead(path), 0)
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        let found = SearchJob.matches(
            of: SearchQuery("reykjavik"), in: catalog, among: Array(catalog.entries.indices))
        XCTAssertGreaterThanOrEqual(
            found.count, 8, "words split by tags, entities and soft hyphens are found")
    }

    func testRealFeedsAreSearchedAsTheirArticlesRead() throws {
        let feeds =
            FileManager.default.enumerator(atPath: Fixtures.feeds.path)?.compactMap { $0 as? String }
            .filter { !$0.hasSuffix(".md") }.sorted().map { Fixtures.feeds.appendingPathComponent($0).path }
            ?? []
        var searched = 0
        var matched = 0
        for path in feeds {
            guard (try? SourceLoader.open(paths: [path])) != nil else { continue }
            matched += try expectSearchAsArticlesRead(path)
            searched += 1
        }
        XCTAssertGreaterThan(searched, 40)
        XCTAssertGreaterThan(matched, 100)
    }

    /// With several sources open, a source's name (as the rows show it) is searched with its
    /// stories: every term lies whole in the name or in the article. The oracle reads each
    /// article with its source's name; queries are words of the names, alone, with a word of a
    /// story, and with a word no story holds.
    func testRealFeedsOpenTogetherAreSearchedWithTheirSourcesNames() throws {
        let comparison = SearchComparison(
            ArticleCatalog.indexed(try SourceLoader.open(paths: [Fixtures.feeds.path]).sources))
        let catalog = comparison.catalog
        XCTAssertGreaterThan(catalog.sources.count, 20)
        let articles = comparison.articles
        let names = catalog.sources.map(\.source.displayName)
        let nameWords = names.compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
        let storyWords = articles.compactMap {
            $0?.title.split(whereSeparator: \.isWhitespace).last.map(String.init)
        }
        var queries = nameWords.prefix(24).map { $0 }
        queries += zip(nameWords, storyWords.prefix(12)).map { "\($0) \($1)" }
        queries += nameWords.prefix(6).map { "\($0) zzzz" }
        queries += names.prefix(6).map { "\"\($0)\"" }
        // Each story read and folded once for all the queries, the search job asked for each.
        let found = comparison.expectAgreement(queries, jobEvery: 1)
        let matchedByName = zip(queries, found).map { comparison.foundByNameAlone($0, among: $1).count }
        XCTAssertGreaterThan(matchedByName.reduce(0, +), 100, "stories found by their source's name alone")
    }

    /// Paragraphs in many scripts: Chinese with its quotes and full-width punctuation (a whole
    /// one of them, copied from the screen, found nothing; found in use), Japanese, Chinese
    /// with Latin words and digits, Thai, Arabic, Hindi, Russian with its й and ё written as
    /// a letter and a mark, emoji, French and Korean.
    private static let paragraphsInManyScripts = [
        "在法国里昂国立应用科学院留学的卢宇表示，他还是个中学生时，就开始关注两会了。“我高中毕业后就出国留学了。"
            + "当我还在国内读高中时，对两会的主要关注点落在民生和教育问题上。”卢宇说，“在国外学习生活了将近10年，"
            + "关注点也转移到国家‘一带一路’建设，高端人才引进，中外合作等方面。”",
        "東京大学の研究チームは、新しい電池の材料を開発したと発表した。「この材料を使えば、充電の時間は半分になる」"
            + "と研究者は話している。実用化は２０３０年ごろを目指す。",
        "今年GDP增长5.2%，高于市场预期。OpenAI与微软的合作也受到关注，分析人士认为（人工智能）将推动增长。",
        "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย และเป็นศูนย์กลางทางเศรษฐกิจที่สำคัญที่สุดของประเทศ "
            + "นักท่องเที่ยวจำนวนมากเดินทางมาเยี่ยมชมวัดและตลาดน้ำทุกปี",
        "قال وزير الخارجية إن المحادثات مع الوفد الأوروبي كانت مثمرة، وإن الجانبين اتفقا على مواصلة الحوار "
            + "في الأسابيع المقبلة بشأن التجارة والطاقة والهجرة.",
        "भारत की राजधानी नई दिल्ली में आज मौसम विभाग ने भारी बारिश की चेतावनी जारी की है और लोगों से घरों में "
            + "रहने की अपील की गई है।",
        "Мои\u{306} друг сказал, что в Москве сеи\u{306}час идёт снег, и все дороги закрыты до утра. Уче\u{308}ные "
            + "объясняют это новои\u{306} погодои\u{306} над Европой.",
        "The crowd cheered 🎉🎉 as the team 🏆 won the final in Lisbon 🇵🇹, and fans 👨‍👩‍👧 danced in the "
            + "streets until dawn ☀️ came over the river.",
        "Le ministre a déclaré à Genève que les négociations reprendraient après l’été, malgré les réticences "
            + "de plusieurs délégations européennes.",
        "서울시는 오늘 대중교통 요금을 내년부터 인상한다고 발표했습니다. 시민들의 반응은 엇갈리고 있습니다.",
    ]

    /// `text` wrapped as a file hard-wrapped at `width` characters has it: at the last space
    /// that fits (dropped), or anywhere in text without one.
    private static func hardWrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while rest.count > width {
            let head = rest.prefix(width + 1)
            if let space = head.lastIndex(of: " "), space > rest.startIndex {
                lines.append(String(rest[..<space]))
                rest = rest[rest.index(after: space)...]
            } else {
                let end = rest.index(rest.startIndex, offsetBy: width)
                lines.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return lines + [String(rest)]
    }

    /// A dump of a story per paragraph of ``paragraphsInManyScripts`` (twice, each wrapped
    /// at its own width), and the lines each story's paragraph has in the file.
    private static func wrappedDump() -> (text: String, lines: [[String]]) {
        var stories: [String] = []
        var lines: [[String]] = []
        for (index, paragraph) in (paragraphsInManyScripts + paragraphsInManyScripts).enumerated() {
            let wrapped = hardWrapped(paragraph, width: [13, 17, 23, 31, 41][index % 5])
            lines.append(wrapped)
            stories.append(
                DumpText.article(
                    title: "Story \(index) of the wrapped ones",
                    paragraphs: [wrapped.joined(separator: "\n"), "A last word of story \(index)."],
                    widgets: false, repeatedHeader: false))
        }
        return (stories.joined(separator: "\n\n\n") + "\n", lines)
    }

    /// The stories of `catalog` that `query` is found in by the background search, and by
    /// each article's own match; asserted alike.
    @discardableResult
    private func expectSearchAgrees(
        _ text: String, in catalog: ArticleCatalog, articles: [Article?], file: StaticString = #filePath,
        line: UInt = #line
    ) -> [Int] {
        let query = SearchQuery(text)
        let expected = articles.indices.filter { articles[$0].map(query.matches) ?? false }
        let found = SearchJob.matches(of: query, in: catalog, among: Array(catalog.entries.indices))
        XCTAssertEqual(found, expected, "\(text)", file: file, line: line)
        return found
    }

    /// Queries of a paragraph of the story at `position`, which must find it (see
    /// ``expectFound(_:in:file:line:)``): the paragraph as read, its lines in the file
    /// (`fileLines`) and on a screen 30 and 52 columns wide, copied with their line breaks, and
    /// pieces of the file across each line break; quoted (a phrase) and not.
    private func paragraphQueries(
        _ paragraph: Int, ofStoryAt position: Int, fileLines: [String]?, articles: [Article?],
        file: StaticString = #filePath, line: UInt = #line
    ) -> [(text: String, position: Int)] {
        guard let article = articles[position], article.paragraphs.indices.contains(paragraph) else {
            XCTFail("story \(position) has no paragraph \(paragraph)", file: file, line: line)
            return []
        }
        var copies = [article.paragraphs[paragraph]]
        if let fileLines {
            copies.append(fileLines.joined(separator: "\n"))
            for (before, after) in zip(fileLines, fileLines.dropFirst()) {
                copies.append(String(before.suffix(5)) + "\n" + String(after.prefix(5)))
            }
        }
        for width in [30, 52] {
            // The paragraph's lines on the screen: the body's runs between blank lines.
            var runs: [[String]] = [[]]
            for shown in ArticleLayout(article: article, width: width, whole: true).lines {
                if shown.kind == .body {
                    runs[runs.count - 1].append(shown.text)
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            if runs.indices.contains(paragraph) { copies.append(runs[paragraph].joined(separator: "\n")) }
        }
        // A copy's own quotes would end the phrase: quoted only without them.
        return copies.flatMap { copy in
            (copy.contains { "\"“”".contains($0) } ? [copy] : [copy, "\"\(copy)\""]).map { ($0, position) }
        }
    }

    /// Each query of `wanted` finds its story, in the search (asserted alike with every article's
    /// own match, all queries at once) and in its highlights.
    private func expectFound(
        _ wanted: [(text: String, position: Int)], in comparison: SearchComparison,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let found = comparison.expectAgreement(wanted.map(\.text), file: file, line: line)
        var layouts: [Int: ArticleLayout] = [:]
        for ((text, position), stories) in zip(wanted, found) {
            XCTAssertTrue(
                stories.contains(position), "story \(position) not found by \(text)", file: file, line: line)
            guard let article = comparison.articles[position] else { continue }
            let layout = layouts[position] ?? ArticleLayout(article: article, width: 40, whole: true)
            layouts[position] = layout
            XCTAssertFalse(
                layout.matchStarts(of: SearchQuery(text)).isEmpty, "not highlighted: \(text)", file: file,
                line: line)
        }
    }

    func testAWrappedDumpInManyScriptsIsFoundByItsOwnParagraphs() throws {
        let folder = try TemporaryFolder.make("gazette-search-wrapped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wrapped.txt").path
        let dump = Self.wrappedDump()
        try Data(dump.text.utf8).write(to: URL(fileURLWithPath: path))
        let comparison = SearchComparison(
            ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources))
        XCTAssertEqual(comparison.articles.count, dump.lines.count)
        expectFound(
            dump.lines.enumerated().flatMap { position, lines in
                paragraphQueries(0, ofStoryAt: position, fileLines: lines, articles: comparison.articles)
            }, in: comparison)
        XCTAssertGreaterThan(try expectSearchAsArticlesRead(path), 0)
    }

    /// The real dumps, searched for paragraphs of their stories as read and as copied from the
    /// screen (story 12 of the real news is the Chinese one a whole paragraph of was not found).
    func testRealDumpsAreFoundByTheirOwnParagraphs() throws {
        for url in [Fixtures.realNews, Fixtures.sample] {
            let comparison = SearchComparison(
                ArticleCatalog.indexed(try SourceLoader.open(paths: [url.path]).sources))
            let articles = comparison.articles
            XCTAssertGreaterThan(articles.count, 1, url.path)
            var wanted: [(text: String, position: Int)] = []
            for position in articles.indices {
                let count = articles[position]?.paragraphs.count ?? 0
                for paragraph in stride(from: 0, to: min(count, 12), by: 4) {
                    wanted += paragraphQueries(
                        paragraph, ofStoryAt: position, fileLines: nil, articles: articles)
                }
            }
            expectFound(wanted, in: comparison)
            XCTAssertGreaterThan(try expectSearchAsArticlesRead(url.path), 0)
        }
    }

    /// `stories` (title and paragraphs, given as the file's lines) as a dump in a new folder,
    /// indexed, with each story's article.
    private func indexedDump(_ stories: [(title: String, paragraphs: [String])], named name: String) throws
        -> (catalog: ArticleCatalog, articles: [Article?], folder: URL)
    {
        let folder = try TemporaryFolder.make("gazette-search-\(name)")
        let path = folder.appendingPathComponent("\(name).txt").path
        let text = stories.map {
            DumpText.article(
                title: $0.title, paragraphs: $0.paragraphs, widgets: false, repeatedHeader: false)
        }
        try Data((text.joined(separator: "\n\n\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        return (catalog, catalog.entries.indices.map { catalog.article(at: $0) }, folder)
    }

    /// Whether `query` is found in the story at `position` by the background search (asserted
    /// alike with every article's own match) and highlighted in it.
    private func isFound(
        _ query: String, atStory position: Int, in catalog: ArticleCatalog, articles: [Article?],
        file: StaticString = #filePath, line: UInt = #line
    ) -> Bool {
        let found = expectSearchAgrees(query, in: catalog, articles: articles, file: file, line: line)
        guard let article = articles[position] else { return false }
        let highlighted = !ArticleLayout(article: article, width: 40, whole: true).matchStarts(
            of: SearchQuery(query)
        ).isEmpty
        XCTAssertEqual(
            highlighted, found.contains(position), "\(query): highlighted or not as found", file: file,
            line: line)
        return found.contains(position)
    }

    /// A word broken after a hyphen at a line's end of the file is searched as the story shows
    /// it, joined ("well-known"; the search read "well- known"), and a hyphen left hanging
    /// ("pre- and post-war"), a dash or a list's items are not joined.
    func testAWordBrokenAtAHyphenIsSearchedAsShown() throws {
        let dump = try indexedDump(
            [
                (
                    "Broken words",
                    [
                        "It is a well-\nknown fact that an exam-\nple of a word reads badly, and the pre-\nand post-\nwar years differ.",
                        "A dash -\nstays, and so does this one --\nhere; in 1990-\n1991 too.",
                    ]
                ),
                ("A list of items", ["The items:\na) a well-\nb) known item"]),
            ], named: "hyphen")
        defer { try? FileManager.default.removeItem(at: dump.folder) }
        let (catalog, articles) = (dump.catalog, dump.articles)
        XCTAssertEqual(articles.count, 2)
        XCTAssertEqual(
            articles[0]?.paragraphs,
            [
                "It is a well-known fact that an exam-ple of a word reads badly, and the pre- and post-war years differ.",
                "A dash - stays, and so does this one -- here; in 1990- 1991 too.",
            ])
        for query in ["well-known", "\"a well-known fact\"", "exam-ple", "post-war", "\"pre- and post-war\""]
        {
            XCTAssertTrue(isFound(query, atStory: 0, in: catalog, articles: articles), query)
        }
        for query in ["\"dash -stays\"", "one--here", "\"-- here\"", "\"1990- 1991\""] {
            _ = isFound(query, atStory: 0, in: catalog, articles: articles)
        }
        XCTAssertFalse(isFound("well-known", atStory: 1, in: catalog, articles: articles))
        XCTAssertTrue(isFound("\"a well- b) known\"", atStory: 1, in: catalog, articles: articles))
    }

    /// Chinese and Japanese broken next to punctuation in the file (’ ” “ （ … ( on either
    /// side) show and are searched joined, as between two ideographs; punctuation next to a
    /// Latin word keeps its space.
    func testChineseBrokenBesidePunctuationIsSearchedAsShown() throws {
        let chinese = [
            "卢宇说，“在国外学习生活了将近10年，关注点也转移到国家‘一带一", "路’建设。”他还说",
            "“高端人才引进很重要”，并且", "（人工智能）将推动增长、", "改变生活。他说……", "我们走吧，增长",
            "(人工智能)。",
        ]
        let japanese = ["研究チームは、「この材料を使えば", "」と話している。‘新しい’", "電池だ。"]
        let latin = ["Hello,", "你好 and 東京", "(Tokyo) is big."]
        let dump = try indexedDump(
            [
                ("Story one", [chinese.joined(separator: "\n")]),
                ("Story two", [japanese.joined(separator: "\n")]),
                ("Story three", [latin.joined(separator: "\n")]),
            ], named: "cjk-punctuation")
        defer { try? FileManager.default.removeItem(at: dump.folder) }
        let (catalog, articles) = (dump.catalog, dump.articles)
        XCTAssertEqual(
            articles.map { $0?.paragraphs ?? [] },
            [[chinese.joined()], [japanese.joined()], [latin.joined(separator: " ")]])
        for query in ["一路’建设", "增长(人工智能)", "说……我们", "人才引进很重要”，并且（人工智能）将"] {
            XCTAssertTrue(isFound(query, atStory: 0, in: catalog, articles: articles), query)
        }
        XCTAssertTrue(isFound("新しい’電池", atStory: 1, in: catalog, articles: articles))
        XCTAssertTrue(isFound("使えば」と", atStory: 1, in: catalog, articles: articles))
        XCTAssertFalse(isFound("hello,你好", atStory: 2, in: catalog, articles: articles))
        XCTAssertFalse(isFound("東京(tokyo)", atStory: 2, in: catalog, articles: articles))
        expectFound(
            [chinese, japanese, latin].enumerated().flatMap { position, lines in
                paragraphQueries(0, ofStoryAt: position, fileLines: lines, articles: articles)
            }, in: SearchComparison(catalog))
    }

    /// Thai, Lao, Khmer and Myanmar wrapped mid-word in the file show and are searched joined;
    /// a space of the text stays one, also where the screen wraps at it.
    func testThaiWrappedMidWordIsSearchedAsShown() throws {
        let thai = ["กรุงเทพมหานครเป็นเมืองหลวงของประเท", "ศไทย และเป็นศูนย์กลางทางเศรษฐกิจที่สำ", "คัญที่สุดของประเทศ"]
        let lao = ["ວຽງຈັນເປັນນະຄອນຫຼວ", "ງຂອງປະເທດລາວ"]
        let khmer = ["រាជធានីភ្នំពេញគឺជាទីក្រុ", "ងធំបំផុតរបស់កម្ពុជា"]
        let myanmar = ["ရန်ကုန်မြို့သည် မြန်မာနိုင်ငံ၏ အကြီးဆုံးမြို့", "ဖြစ်သည်"]
        let dump = try indexedDump(
            [("Story one", [thai, lao, khmer, myanmar].map { $0.joined(separator: "\n") })], named: "thai")
        defer { try? FileManager.default.removeItem(at: dump.folder) }
        let (catalog, articles) = (dump.catalog, dump.articles)
        XCTAssertEqual(articles.first??.paragraphs, [thai, lao, khmer, myanmar].map { $0.joined() })
        for query in ["ประเทศไทย", "ที่สำคัญ", "ນະຄອນຫຼວງ", "ទីក្រុងធំ", "မြို့ဖြစ်"] {
            XCTAssertTrue(isFound(query, atStory: 0, in: catalog, articles: articles), query)
        }
        expectFound(
            [thai, lao, khmer, myanmar].enumerated().flatMap { paragraph, lines in
                paragraphQueries(paragraph, ofStoryAt: 0, fileLines: lines, articles: articles)
            }, in: SearchComparison(catalog))
        // Words either side of a space of the text, typed without it: not found, nor highlighted
        // at any width (the screen wraps at the space at some).
        guard let article = articles.first ?? nil else { return XCTFail("no story") }
        for query in ["ประเทศไทยและ", "မြို့သည်မြန်မာ"] {
            XCTAssertFalse(isFound(query, atStory: 0, in: catalog, articles: articles), query)
            for width in 8...60 {
                XCTAssertEqual(
                    ArticleLayout(article: article, width: width, whole: true).matchStarts(
                        of: SearchQuery(query)),
                    [], "\(query) at \(width)")
            }
        }
    }
}
