import Foundation
import GazetteCore
import TestSupport
import XCTest

final class PlainTextDumpParserTests: XCTestCase {
    private let first = DumpText.article(
        title: "Iran Pays Millions in Ransom", caption: "Iranians at a bank branch in Tehran (IRNA)",
        paragraphs: [
            "A massive cyberattack hit Iran.", "The newspaper said a firm paid.", "Nobody confirmed it.",
        ])
    private let second = DumpText.article(
        title: "Dutch Tighten Controls",
        caption: "Containers in Rotterdam, 2022. REUTERS/Piroschka van de Wouw/File Photo",
        paragraphs: ["The Dutch government said on Monday.", "All direct exports will be checked."])
    private let third = DumpText.article(
        title: "No Caption Here", paragraphs: ["Only a body.", "And a second paragraph."])

    private func join(_ articles: [String], blanks: Int = 3) -> String {
        articles.joined(separator: String(repeating: "\n", count: blanks + 1))
    }

    // MARK: the real sample

    func testSampleHasTwoArticlesWithoutFurniture() throws {
        let articles = DumpText.articles(bytes: Fixtures.bytes(Fixtures.sample))
        XCTAssertEqual(articles.count, 2)
        XCTAssertEqual(articles[0].title, "Iran Pays Millions in Ransom to End Cyberattack on Banks")
        XCTAssertEqual(articles[0].caption, "Iranians at a bank branch in Tehran (IRNA)")
        XCTAssertEqual(articles[0].credit, "IRNA")
        XCTAssertEqual(articles[0].paragraphs.count, 11)
        XCTAssertEqual(articles[1].title, "Dutch Tighten Controls on Military and Dual Use Exports to Israel")
        XCTAssertEqual(articles[1].credit, "REUTERS/Piroschka van de Wouw/File Photo")
        XCTAssertEqual(articles[1].paragraphs.count, 8)
        for article in articles {
            XCTAssertFalse(article.paragraphs.contains("TT"))
            XCTAssertFalse(article.paragraphs.contains("20"))
            XCTAssertFalse(article.paragraphs.contains(article.title))
            XCTAssertFalse(article.paragraphs.contains { $0 == article.caption })
        }
        XCTAssertTrue(articles[0].paragraphs[0].hasPrefix("A massive cyberattack"))
        XCTAssertTrue(articles[1].paragraphs[7].hasSuffix("during the war in Gaza."))
        XCTAssertEqual(articles[0].readingMinutes, 2)
        XCTAssertEqual(articles[1].readingMinutes, 1)
    }

    func testRealNewsDumpMatchesItsSources() throws {
        let articles = DumpText.articles(bytes: Fixtures.bytes(Fixtures.realNews))
        let expected: [(String, Bool, Int)] = [
            ("Where do strained U.S.-Israeli relations go after Netanyahu’s victory?", true, 25),
            ("Attack stokes instability fears in North Africa", false, 34),
            ("United States to Lift Sudan Sanctions", true, 20),
            ("معارضون يسيطرون على مخازن للصواريخ بريف دمشق", false, 7),
            ("Bodies, debris from missing AirAsia plane pulled from sea off Indonesia", true, 33),
            ("Healthcare worker in Scotland diagnosed with Ebola", true, 10),
            (
                "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest steps in to mediate",
                true, 13
            ),
            ("South Korean president’s impeachment fails after ruling party lawmakers walk out", true, 31),
            ("Obama admits US gun laws are his 'biggest frustration'", false, 37),
            ("Angry media won’t buckle over new surveillance laws", true, 19),
            ("'What is the sea telling us?': Māori tribes fearful over whale strandings", true, 31),
            ("海外留学生看两会：出国前后关注点大不同", true, 22),
            ("As Debt Rises, the Government Will Soon Spend More on Interest Than on the Military", true, 47),
            ("Argentina's Huge Fighter Jet Purchase Could Raise Tensions With Britain", true, 7),
            ("Le projet de loi sur le renseignement massivement approuvé à l'Assemblée", false, 35),
        ]
        XCTAssertEqual(articles.count, expected.count)
        for (article, (title, hasCaption, paragraphs)) in zip(articles, expected) {
            XCTAssertEqual(article.title, title)
            XCTAssertEqual(article.caption != nil, hasCaption, title)
            XCTAssertEqual(article.paragraphs.count, paragraphs, title)
        }
        XCTAssertEqual(articles[0].credit, "Thomas Coex/AFP/Getty Images")
        XCTAssertEqual(articles[4].credit, "REUTERS/Edgar Su")
        XCTAssertEqual(articles[6].credit, "HARARE HERALD")
        XCTAssertEqual(articles[7].credit, "Anthony Wallace / AFP - Getty Images")
        XCTAssertEqual(articles[12].credit, "Jeon Heon-Kyun/EPA, via Shutterstock")
        XCTAssertNil(articles[13].credit)
        XCTAssertTrue(articles[11].paragraphs[0].hasPrefix("\u{3000}"), "ideographic indent is kept")
    }

    // MARK: structure rules

    func testTitleCaptionAndParagraphs() {
        let articles = DumpText.articles(join([first, second]))
        XCTAssertEqual(articles.map(\.title), ["Iran Pays Millions in Ransom", "Dutch Tighten Controls"])
        XCTAssertEqual(articles[0].caption, "Iranians at a bank branch in Tehran (IRNA)")
        XCTAssertEqual(
            articles[0].paragraphs,
            ["A massive cyberattack hit Iran.", "The newspaper said a firm paid.", "Nobody confirmed it."])
    }

    func testLinesOfOneParagraphAreJoinedWithASpace() {
        let text = "Title\n\nFirst line of a paragraph\nsecond line\n\nNext paragraph"
        XCTAssertEqual(
            DumpText.articles(text)[0].paragraphs,
            ["First line of a paragraph second line", "Next paragraph"])
    }

    func testArticleWithoutCaptionHasNoCaption() {
        let articles = DumpText.articles(join([third, first]))
        XCTAssertEqual(articles.count, 2)
        XCTAssertNil(articles[0].caption)
        XCTAssertNil(articles[0].credit)
        XCTAssertEqual(articles[0].paragraphs, ["Only a body.", "And a second paragraph."])
    }

    func testArticleWithoutWidgetLines() {
        let text = DumpText.article(
            title: "T", caption: "A caption (AFP)", paragraphs: ["Body."], widgets: false)
        let article = DumpText.articles(text)[0]
        XCTAssertEqual(article.caption, "A caption (AFP)")
        XCTAssertEqual(article.paragraphs, ["Body."])
    }

    func testArticleWithoutRepeatedHeader() {
        let text = DumpText.article(
            title: "T", caption: "A caption (AFP)", paragraphs: ["Body one.", "Body two."],
            repeatedHeader: false)
        let article = DumpText.articles(text)[0]
        XCTAssertEqual(article.caption, "A caption (AFP)")
        XCTAssertEqual(article.paragraphs, ["Body one.", "Body two."])
    }

    /// The header's furniture is known when a line given again differs only by what shows
    /// nothing: a no-break space, a zero-width space, a colour code, a BEL. The caption was shown
    /// twice, the repeated captions became a paragraph, `TT` a line of the body (found by QA).
    func testFurnitureGivenAgainWithUnseenDifferencesIsLeftOut() {
        func header(
            alt: String = "The caption (AP)", again: String = "The caption (AP)", widget: String = "TT"
        )
            -> String
        {
            "T\n\nThe caption (AP)\n\(alt)\n\(widget)\n7\n\nT\n\n\(again)\n\(again)\n\nBody."
        }
        let plain = DumpText.articles(header())[0]
        XCTAssertEqual(plain.caption, "The caption (AP)")
        XCTAssertEqual(plain.paragraphs, ["Body."])
        let variants = [
            header(alt: "The\u{A0}caption (AP)"), header(alt: "The caption (AP)\u{200B}"),
            header(alt: "\u{FEFF}The caption\u{3000}(AP)"), header(again: "The caption (AP)\u{1B}[0m"),
            header(again: "\u{1B}[1mThe caption (AP)\u{07}"),
            header(again: "The caption\u{200E} (AP)\u{200B}"),
            header(widget: "TT\u{200B}"), header(widget: "TT\u{1B}[0m"),
        ]
        for text in variants {
            let article = DumpText.articles(text)[0]
            XCTAssertEqual(article.caption, plain.caption, text.debugDescription)
            XCTAssertEqual(article.paragraphs, plain.paragraphs, text.debugDescription)
            XCTAssertEqual(DumpText.index(text).count, 1, text.debugDescription)
        }
    }

    func testPlainArticleWithNoHeaderAtAll() {
        let article = DumpText.articles("Just a title\n\nA paragraph.\n\nAnother.")[0]
        XCTAssertEqual(article.title, "Just a title")
        XCTAssertNil(article.caption)
        XCTAssertEqual(article.paragraphs, ["A paragraph.", "Another."])
    }

    /// An alt text that is not the caption again is text of the story, kept once under the
    /// caption (it was dropped: a search found it in a feed of the same stories, not in the dump).
    func testDistinctAltTextIsKeptAfterTheCaption() {
        let text =
            "T\n\nThe caption (AP)\nDifferent alt text\nTT\n7\n\nT\n\nThe caption (AP)\nDifferent alt text\n\nBody."
        let article = DumpText.articles(text)[0]
        XCTAssertEqual(article.caption, "The caption (AP)\nDifferent alt text")
        XCTAssertEqual(article.credit, "AP", "the credit is the caption's")
        XCTAssertEqual(article.paragraphs, ["Body."])
        let layout = ArticleLayout(article: article, width: 40)
        XCTAssertEqual(
            layout.lines.filter { $0.kind == .caption }.map(\.text),
            ["The caption (AP)", "Different alt text"])
        let same =
            "T\n\nThe caption (AP)\nThe caption (AP)\nTT\n7\n\nT\n\nThe caption (AP)\nThe caption (AP)\n\nBody."
        XCTAssertEqual(DumpText.articles(same)[0].caption, "The caption (AP)")
    }

    func testTwoThreeAndFourBlankLinesSeparateArticles() {
        for blanks in 2...4 {
            XCTAssertEqual(
                DumpText.articles(join([first, second, third], blanks: blanks)).count, 3, "\(blanks)")
        }
    }

    func testSingleBlankLineBeforeRepeatedTitleHeaderStartsANewArticle() {
        let articles = DumpText.articles(join([first, second, third], blanks: 1))
        XCTAssertEqual(
            articles.map(\.title),
            ["Iran Pays Millions in Ransom", "Dutch Tighten Controls", "No Caption Here"])
        XCTAssertEqual(articles[0].paragraphs.count, 3)
    }

    /// After one blank line, a title given twice starts a story whatever its words: a first
    /// version of a rule against repeated body lines merged stories titled in Chinese or in
    /// two words into the one before (found by QA).
    /// A story's last line given twice, then one blank line and the next story's header, stays
    /// the story's text: it made a story of its own with no text (found by QA).
    func testALastLineGivenTwiceBeforeTheNextHeaderStaysInTheStory() {
        for header in ["Story Two\n\nStory Two", "Story Two\n\nA caption (AP)\nA caption (AP)\n\nStory Two"] {
            let text = "Story One\n\nPara 1a.\n\nThe end line.\n\nThe end line.\n\n" + header + "\n\nPara 2a."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Story One", "Story Two"], header)
            XCTAssertEqual(
                articles.first?.paragraphs, ["Para 1a.", "The end line.", "The end line."], header)
        }
    }

    func testATitleTwiceAfterOneBlankLineStartsAStoryInAnyScript() {
        for title in ["海外留学生看两会", "Storm hits", "ข่าวด่วน"] {
            let story = first + "\n\n\(title)\n\n\(title)\n\nWaves crash."
            XCTAssertEqual(DumpText.articles(story).map(\.title), ["Iran Pays Millions in Ransom", title])
        }
    }

    /// The repeated header written without a blank line under the title (title and captions
    /// in one block) is furniture too: it was the story's first paragraph (found by QA).
    func testACompactRepeatedHeaderIsFurniture() {
        let caption = "Waves crash on the pier (AFP)"
        for opening in [
            "Storm hits coast\n\n\(caption)\n\(caption)\nTT\n20",
            "Storm hits coast\n\(caption)\n\(caption)\nTT\n20",
        ] {
            let text =
                opening
                + "\n\nStorm hits coast\n\(caption)\n\(caption)\n\nFirst paragraph.\n\nSecond paragraph.\n"
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.count, 1)
            XCTAssertEqual(articles.first?.caption, caption)
            XCTAssertEqual(articles.first?.credit, "AFP")
            XCTAssertEqual(articles.first?.paragraphs, ["First paragraph.", "Second paragraph."])
        }
    }

    /// A paragraph given twice in a row is the story's text, not the header of a new story: the
    /// story was split there, and its title kept no body (found by QA).
    func testAParagraphGivenTwiceInARowStaysInTheStory() {
        let long = String(repeating: "A sentence of a paragraph, given twice. ", count: 6) + "It ends."
        let cases: [(String, [String])] = [
            (
                "Story title\n\nHe said yes.\n\nHe said yes.\n\nThen left.",
                ["He said yes.", "He said yes.", "Then left."]
            ),
            ("Story title\n\nw\n\nw\n\nw\n", ["w", "w", "w"]),
            // The block after the two is the next story's (after two blank lines): no text of its own.
            (
                "Story title\n\nBody.\n\nLast words\n\nLast words\n\n\nNext story\n\nIts body.",
                ["Body.", "Last words", "Last words"]
            ),
            ("Story title\n\nBody.\n\n\(long)\n\n\(long)\n\nEnd.", ["Body.", long, long, "End."]),
            ("T\n\n" + String(repeating: "w\n\n", count: 1000), Array(repeating: "w", count: 1000)),
            (
                "Story title\n\nBody.\n\nAdvertisement\n\nAdvertisement\n\nMore.",
                ["Body.", "Advertisement", "Advertisement", "More."]
            ),
            // One word and its stop: "Yes." said twice split the story (found by QA).
            ("Story title\n\nBody.\n\nYes.\n\nYes.\n\nMore.", ["Body.", "Yes.", "Yes.", "More."]),
            ("Story title\n\nBody.\n\nWhy?\n\nWhy?\n\nMore.", ["Body.", "Why?", "Why?", "More."]),
            // A photo's caption and alt text in the text, each a block (found by QA).
            (
                "Story title\n\nBody.\n\nWaves crash on the pier (AP)\n\nWaves crash on the pier (AP)\n\nMore.",
                ["Body.", "Waves crash on the pier (AP)", "Waves crash on the pier (AP)", "More."]
            ),
            // Its credit in square brackets, as Al Jazeera writes them.
            (
                "Story title\n\nBody.\n\nWaves crash on the pier [AP]\n\nWaves crash on the pier [AP]\n\nMore.",
                ["Body.", "Waves crash on the pier [AP]", "Waves crash on the pier [AP]", "More."]
            ),
        ]
        for (text, paragraphs) in cases {
            let articles = DumpText.articles(text)
            let titles = articles.map(\.title).filter { $0 != "Next story" }
            XCTAssertEqual(titles, [String(text.prefix { $0 != "\n" })], text)
            XCTAssertEqual(articles.first?.paragraphs, paragraphs, text)
        }
    }

    /// A page's label ending in a colon ("Read more:", "Related:") given twice in a row is the
    /// story's text: it was taken for a new story's title given twice, splitting the story
    /// (found by QA).
    func testALabelEndingInAColonGivenTwiceStaysInTheStory() {
        for label in ["Read more:", "Related:", "Read more: ", "相关阅读："] {
            for story in [first, "Story title\n\nBody."] {
                let text = story + "\n\n\(label)\n\n\(label)\n\nMore text.\n\nThe end."
                let articles = DumpText.articles(text)
                XCTAssertEqual(articles.count, 1, label)
                XCTAssertEqual(articles.first?.paragraphs.suffix(2), ["More text.", "The end."], label)
            }
        }
    }

    /// The title said again in a story's text after the widget block and a paragraph is text:
    /// a story titled "Read more:" whose text held the label again took its paragraph for a
    /// caption, had no text, and shared its id with the next such story, which was dropped
    /// (found by QA).
    func testTheTitleSaidAgainAfterAParagraphIsText() {
        let group = "Read more:\n\nRead more:\n\nTT\n20\n\n"
        let text = "Title\n\nP0\n\n" + group + "P1\n\n" + group + "P2\n\n" + group + "P3"
        let articles = DumpText.articles(text)
        let paragraphs = articles.flatMap(\.paragraphs)
        for paragraph in ["P0", "P1", "P2", "P3"] {
            XCTAssertTrue(paragraphs.contains(paragraph), "\(paragraph) in \(articles.map(\.paragraphs))")
        }
        XCTAssertEqual(articles.compactMap(\.caption), [])
        let ids = DumpText.index(text).map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "every story is one of its own")
    }

    /// A title glued to the widget block (or to its captions and the widget block), then the
    /// title again after one blank line, starts a story: after the rule that a paragraph's line
    /// glued to `TT` and a number is text, such a story was taken into the one before (found by
    /// QA; before it, the last paragraph was taken for its title).
    func testATitleGluedToTheWidgetBlockStartsAStory() {
        let first =
            "First Story\n\nCap one (AFP)\nCap one (AFP)\nTT\n20\n\nFirst Story\n\n"
            + "Cap one (AFP)\nCap one (AFP)\n\nBody one.\n\nBody one end."
        for header in ["Second Story\nTT\n20", "Second Story\nCap two (AP)\nCap two (AP)\nTT\n20"] {
            let text = first + "\n\n" + header + "\n\nSecond Story\n\nBody two.\n\nBody two end."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["First Story", "Second Story"], header)
            XCTAssertEqual(articles.first?.paragraphs, ["Body one.", "Body one end."], header)
            XCTAssertEqual(articles.last?.paragraphs, ["Body two.", "Body two end."], header)
        }
    }

    /// A title hard-wrapped over two lines, given again as two lines after the widget block
    /// with its captions, is one title: its second line was taken for the caption, and the
    /// captions again for the first paragraph (found by QA).
    func testAHardWrappedTitleIsOneTitle() {
        let caption = "Waves crash on the pier (AP)"
        let title = "Storm hits the coast of the\nnorthern islands overnight"
        let text =
            "\(title)\n\n\(caption)\n\(caption)\nTT\n20\n\n\(title)\n\n\(caption)\n\(caption)\n\n"
            + "First paragraph.\n\nSecond.\n\n\nNext story\n\nIts body."
        let articles = DumpText.articles(text)
        XCTAssertEqual(
            articles.map(\.title), ["Storm hits the coast of the northern islands overnight", "Next story"])
        XCTAssertEqual(articles.first?.caption, caption)
        XCTAssertEqual(articles.first?.credit, "AP")
        XCTAssertEqual(articles.first?.paragraphs, ["First paragraph.", "Second."])
        XCTAssertEqual(
            DumpText.index(text.replacingOccurrences(of: "\n", with: "\r\n")).map(\.id),
            DumpText.index(text).map(\.id))
        // Without captions before `TT`, the second line may be a caption under the title: as before.
        let quake = "Quake Hits Coast\nRescuers search rubble (REUTERS)"
        let bare = DumpText.articles("\(quake)\n\nTT\n20\n\n\(quake)\n\nBody.")
        XCTAssertEqual(bare.first?.title, "Quake Hits Coast")
        XCTAssertEqual(bare.first?.paragraphs, ["Body."])
    }

    /// A headline ending as a sentence does ("Inc.", "per cent.") given twice after one blank
    /// line still starts a story (a rule against repeated paragraphs merged it; found by QA).
    func testAHeadlineEndingWithAFullStopStartsAStoryAfterOneBlankLine() {
        for title in ["Apple buys Beats Electronics Inc.", "Sales fell 5 per cent.", "Markets: a view,"] {
            let story = first + "\n\n\(title)\n\n\(title)\n\nRescue teams arrived."
            XCTAssertEqual(DumpText.articles(story).map(\.title), ["Iran Pays Millions in Ransom", title])
        }
    }

    func testSingleBlankLineWithoutHeaderStaysInTheArticle() {
        let text = "Title\n\nAdvertisement\n\nA paragraph.\n\nAdvertisement\n\nEnd."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.count, 1)
        XCTAssertEqual(articles[0].paragraphs, ["Advertisement", "A paragraph.", "Advertisement", "End."])
    }

    func testBlankLinesAtStartAndEndAndFinalNewline() {
        let plain = DumpText.articles(join([first, second]))
        for variant in [
            "\n\n" + join([first, second]) + "\n\n", join([first, second]) + "\n",
            "\n" + join([first, second]),
        ] {
            XCTAssertEqual(DumpText.articles(variant), plain)
        }
    }

    func testCRLFAndCRLineEndings() {
        let text = join([first, second, third])
        let plain = DumpText.articles(text)
        XCTAssertEqual(DumpText.articles(text.replacingOccurrences(of: "\n", with: "\r\n")), plain)
        XCTAssertEqual(DumpText.articles(text.replacingOccurrences(of: "\n", with: "\r")), plain)
    }

    /// A file put together from parts with different line ends (`cat new.txt old-mac.txt`):
    /// a lone CR in LF text, or an LF in lone-CR text, ends a line too. A part's lines ran into
    /// one, and its stories were lost (found by QA).
    func testMixedLineEndsInOneFile() {
        let lf = join([first, second])
        let cr = join([third]).replacingOccurrences(of: "\n", with: "\r")
        let crlf = join([third]).replacingOccurrences(of: "\n", with: "\r\n")
        let expected = DumpText.index(join([first, second, third])).map(\.id)
        XCTAssertEqual(DumpText.index(lf + "\n\n\n" + cr).map(\.id), expected)
        XCTAssertEqual(
            DumpText.index(cr + "\r\r\r" + join([first, second])).map(\.id),
            [expected[2], expected[0], expected[1]])
        XCTAssertEqual(
            DumpText.index(
                cr + "\r\r\r" + join([first, second]).replacingOccurrences(of: "\n", with: "\r\n")
            ).map(\.id),
            [expected[2], expected[0], expected[1]])
        XCTAssertEqual(DumpText.index(lf + "\r\n\r\n\r\n" + crlf).map(\.id), expected)
        // CRs beside an LF are that LF's line end: `CR CR LF` (a CRLF file converted again) and
        // `LF CR` made every line two, and the sample 25 stories (found by QA).
        let plain = join([first, second, third])
        for ending in ["\r\r\n", "\n\r", "\r\r\r\n"] {
            XCTAssertEqual(
                DumpText.index(plain.replacingOccurrences(of: "\n", with: ending)).map(\.id), expected,
                ending.debugDescription)
        }
        XCTAssertEqual(
            DumpText.index(cr.replacingOccurrences(of: "\r", with: "\n\r")).map(\.id), [expected[2]])
        let articles = DumpText.articles("T1\n\nPara one.\n\nPara two.\n\r\r\rT2\n\nBody two.\n")
        XCTAssertEqual(articles.map(\.title), ["T1", "T2"])
        XCTAssertEqual(articles.first?.paragraphs, ["Para one.", "Para two."])
    }

    func testByteOrderMarkIsIgnored() {
        let text = join([first, second])
        XCTAssertEqual(
            DumpText.articles(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)), DumpText.articles(text))
    }

    func testTrailingSpacesAndTabs() {
        let text = join([first, second])
        let spaced = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + " \t " }
            .joined(separator: "\n")
        XCTAssertEqual(DumpText.articles(spaced), DumpText.articles(text))
    }

    /// A tab between words is a space: in the title, the caption (and so its credit) and the
    /// paragraphs. The id is the one the text with spaces gets; the one the bytes gave before
    /// is the story's earlier id, its marks carried over.
    func testTabsBetweenWordsAreSpaces() {
        let caption = "Boats in port.\tREUTERS/Jane Doe"
        let text = DumpText.article(
            title: "Story\tT", caption: caption, paragraphs: ["Body\twith\t\ttabs and  two spaces."])
        let article = DumpText.articles(text)
        XCTAssertEqual(article.map(\.title), ["Story T"])
        XCTAssertEqual(article.first?.caption, "Boats in port. REUTERS/Jane Doe")
        XCTAssertEqual(article.first?.credit, "REUTERS/Jane Doe")
        XCTAssertEqual(article.first?.paragraphs, ["Body with tabs and  two spaces."])
        let spaced = DumpText.article(
            title: "Story T", caption: "Boats in port. REUTERS/Jane Doe",
            paragraphs: ["Body with tabs and  two spaces."])
        XCTAssertEqual(article.map(\.id), DumpText.articles(spaced).map(\.id))
        // Two earlier ids: stop 44's (tabs as spaces, two spaces as written), then the bytes'.
        XCTAssertEqual(DumpText.index(text).map(\.earlierIDs.newest?.rawValue), ["90fe5ed6aaadd32a"])
        XCTAssertEqual(DumpText.index(text).map(\.earlierIDs.older?.rawValue), ["57e8b7e8d667302f"])
    }

    /// The repeated title and captions are page furniture even when scraped with other spacing
    /// (a double space, a tab): they leaked into the paragraphs.
    func testRepeatedHeaderWithOtherSpacingIsFurniture() {
        let sample = String(decoding: Fixtures.bytes(Fixtures.sample), as: UTF8.self)
        let expected = DumpText.articles(sample)
        for variant in [
            sample.replacingOccurrences(of: "Iran Pays ", with: "Iran Pays  ", options: [], range: nil),
            sample.replacingOccurrences(of: "Iranians at a bank", with: "Iranians\tat a  bank"),
        ] {
            let articles = DumpText.articles(variant)
            XCTAssertEqual(articles.map(\.paragraphs), expected.map(\.paragraphs))
            XCTAssertEqual(articles.map(\.credit), expected.map(\.credit))
        }
        // Only the first of the two title lines has the double space.
        var once = sample
        once.replaceSubrange(once.range(of: "Iran Pays ")!, with: "Iran Pays  ")
        XCTAssertEqual(DumpText.articles(once).map(\.paragraphs), expected.map(\.paragraphs))
    }

    /// The repeated title in other words (other quotes or case, a site's name or a colon after
    /// it), or any line the repeated captions follow, is page furniture: it and the captions
    /// after it were taken as paragraphs (found by QA).
    func testRepeatedTitleInOtherWordsIsFurniture() {
        let header = "It's Over, Says Minister\n\nMinister speaks (IRNA)\nMinister speaks (IRNA)\nTT\n20\n\n"
        for again in [
            "It’s Over, Says Minister", "IT'S OVER, SAYS MINISTER", "It's Over, Says Minister - Reuters",
            "It's Over, Says Minister | The Times", "It's Over, Says Minister:",
            "It's Over, Says Minister — Site", "\"It's Over, Says Minister\"", "“It's Over, Says Minister”",
            "'It’s over, says minister'",
        ] {
            for captions in ["Minister speaks (IRNA)\nMinister speaks (IRNA)\n\n", ""] {
                let articles = DumpText.articles(header + again + "\n\n" + captions + "Body here.\n\nMore.")
                XCTAssertEqual(articles.map(\.paragraphs), [["Body here.", "More."]], again)
                XCTAssertEqual(articles.first?.caption, "Minister speaks (IRNA)", again)
            }
        }
        // In a story without a caption, the title again is no caption and names no credit.
        for again in ["Tariffs rise - Reuters", "Tariffs Rise:", "TARIFFS RISE"] {
            let plain = DumpText.articles("Tariffs rise\n\nTT\n20\n\n\(again)\n\nHere is what happened.")
            XCTAssertEqual(plain.map(\.paragraphs), [["Here is what happened."]], again)
            XCTAssertEqual(plain.first?.caption, nil, again)
            XCTAssertEqual(plain.first?.credit, nil, again)
        }
        // Without the widget block, a quotation of the title is the story's text (found by QA).
        XCTAssertEqual(
            DumpText.articles("No Surrender\n\n“No surrender”\n\nThe crowd chanted.").map(\.paragraphs),
            [["“No surrender”", "The crowd chanted."]])
        // A story's first paragraph between two caption blocks, without the widget, stays.
        let lede = "WASHINGTON — The Senate on Tuesday voted to pass the bill."
        XCTAssertEqual(
            DumpText.articles(
                "Title A\n\nCap A (AP)\nCap A (AP)\n\n\(lede)\n\nCap A (AP)\nCap A (AP)\n\nBody."
            )
            .first?.paragraphs.first, lede)
        let known = DumpText.articles(
            header + "Another line entirely\n\nMinister speaks (IRNA)\nMinister speaks (IRNA)\n\nBody here.")
        XCTAssertEqual(known.map(\.paragraphs), [["Body here."]])
        // Without the captions after it, a line that is not the title stays the story's text.
        for line in [
            "It's Over, Says Minister - and why it matters to all of us", "It's Over, Says Ministers",
        ] {
            XCTAssertEqual(
                DumpText.articles(header + line + "\n\nBody here.").map(\.paragraphs), [[line, "Body here."]])
        }
    }

    /// A number alone at the start of a story is its text (a list's first heading): the page's
    /// counter comes with `TT` (it was left out, and a block of numbers with it; found by QA).
    func testANumberAloneIsTextWithoutTheWidget() {
        XCTAssertEqual(
            DumpText.articles("Top 10 Lists\n\n10\n\nNumber ten.\n\n9\n\nNumber nine.").map(\.paragraphs),
            [["10", "Number ten.", "9", "Number nine."]])
        XCTAssertEqual(
            DumpText.articles("Some Title\n\n1\n2\n3\n\nCountdown.").map(\.paragraphs),
            [["1 2 3", "Countdown."]])
        XCTAssertEqual(DumpText.articles("Some Title\n\nTT\n20\n\nText.").map(\.paragraphs), [["Text."]])
    }

    /// A number alone right after the title given again is text ("1", "2024"): the page's
    /// counter follows `TT` (it was left out as the counter). The id is made without it, as
    /// it was, so that the story's state is kept.
    func testANumberAloneAfterTheTitleAgainIsText() {
        let header = "Storm Hits Coast\n\nWaves (AP)\nWaves (AP)\nTT\n20\n\nStorm Hits Coast\n\n"
        for number in ["1", "2024", "1\n2"] {
            let text = header + number + "\n\nThe body paragraph.\n\nMore."
            XCTAssertEqual(
                DumpText.articles(text).map(\.paragraphs),
                [[number.replacingOccurrences(of: "\n", with: " "), "The body paragraph.", "More."]], number)
            XCTAssertEqual(
                DumpText.index(text).map(\.id),
                DumpText.index(header + "The body paragraph.\n\nMore.").map(\.id),
                number)
        }
        // The captions again and the widgets after the title again are still furniture.
        for again in ["Waves (AP)\nWaves (AP)", "Waves (AP)\n20"] {
            XCTAssertEqual(
                DumpText.articles(header + again + "\n\nThe body paragraph.").map(\.paragraphs),
                [["The body paragraph."]], again)
        }
    }

    /// After one blank line, a title and the page's widget block (captions, `TT`, counter)
    /// start a story without the title given again: it was taken into the story before, with
    /// "TT" and "20" in its text (found by QA).
    func testAWidgetBlockAfterOneBlankLineStartsAStory() {
        let text =
            "First Title\n\nCaption one (AFP)\nCaption one (AFP)\nTT\n20\n\nBody one.\n\n"
            + "Second Title\n\nCaption two (AFP)\nCaption two (AFP)\nTT\n20\n\nBody two.\n\n"
            + "Third Title\n\nTT\n20\n\nBody three."
        let articles = DumpText.articles(text)
        XCTAssertEqual(articles.map(\.title), ["First Title", "Second Title", "Third Title"])
        XCTAssertEqual(articles.map(\.paragraphs), [["Body one."], ["Body two."], ["Body three."]])
        XCTAssertEqual(articles.map(\.credit), ["AFP", "AFP", nil])
        // With no text of its own after the block, it stays where it is.
        XCTAssertEqual(DumpText.articles("First Title\n\nBody one.\n\nSecond\n\nTT\n20").count, 1)
    }

    /// A story with no blank line before it (one-story files put together) starts where its
    /// header says, the title again after the widget block: it was taken into the story before,
    /// its title joined to the last paragraph (found by QA). Without the title again it stays.
    func testAStoryWithNoBlankLineBeforeItStartsAtItsHeader() {
        let one =
            "Storm Hits Coast\n\nWaves crash (AFP)\nWaves crash (AFP)\nTT\n20\n\nStorm Hits Coast\n\n"
            + "Waves crash (AFP)\nWaves crash (AFP)\n\nA storm hit the coast overnight."
        for header in [
            "Markets Rise\n\nTraders at work (AP)\nTraders at work (AP)\nTT\n20\n\nMarkets Rise\n\n"
                + "Traders at work (AP)\nTraders at work (AP)",
            "Markets Rise\n\nTraders at work (AP)\nTraders at work (AP)\nTT\n20\nMarkets Rise",
            "Markets Rise\n\nTT\n20\n\nMarkets Rise",
        ] {
            let text = one + "\n" + header + "\n\nStocks rose on Monday.\n\nThen fell."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), ["Storm Hits Coast", "Markets Rise"], header)
            XCTAssertEqual(
                articles.map(\.paragraphs),
                [["A storm hit the coast overnight."], ["Stocks rose on Monday.", "Then fell."]],
                header)
            XCTAssertEqual(DumpText.index(text).first?.id, DumpText.index(one).first?.id, header)
        }
        // The widget block without the title again, or the title again with no text after it:
        // the line stays the paragraph's.
        for tail in ["Markets Rise\n\nTT\n20\n\nStocks rose.", "Markets Rise\n\nTT\n20\n\nMarkets Rise"] {
            let articles = DumpText.articles(one + "\n" + tail)
            XCTAssertEqual(articles.count, 1, tail)
            XCTAssertEqual(
                articles.first?.paragraphs.first, "A storm hit the coast overnight. Markets Rise", tail)
        }
    }

    /// A credit run on to the caption's last sentence is shown set apart (found by QA).
    func testARunOnCreditIsSetApartInTheCaption() {
        let caption = "A rally in Seoul on Thursday.Anthony Wallace / AFP - Getty Images"
        let articles = DumpText.articles("Title\n\n\(caption)\n\(caption)\nTT\n20\n\nBody.")
        XCTAssertEqual(
            articles.first?.caption, "A rally in Seoul on Thursday. Anthony Wallace / AFP - Getty Images")
        XCTAssertEqual(articles.first?.credit, "Anthony Wallace / AFP - Getty Images")
    }

    /// A list's items keep a line each (they ran into one line), an unmarked line goes on the
    /// item before it, and a word broken at a hyphen is joined again (found by QA).
    func testListItemsKeepALineEach() {
        let text =
            "Lists\n\n• First bullet\n• Second bullet\n\n1. Step one\n2. Step two\nwhich goes on\n\n"
            + "Q: Is this a question?\nA: Yes it is.\n\nA well-\nknown thing, hard\nwrapped.\n\n"
            + "In the year\n2019. Then more.\n\n- one dash line\nand its end"
        XCTAssertEqual(
            DumpText.articles(text).first?.paragraphs,
            [
                "• First bullet\n• Second bullet", "1. Step one\n2. Step two which goes on",
                "Q: Is this a question?\nA: Yes it is.", "A well-known thing, hard wrapped.",
                "In the year 2019. Then more.", "- one dash line and its end",
            ])
        // A lead-in line before the items; letters and numbers that count on; a hyphen left
        // hanging on purpose; numbers that do not count on are running text (found by QA).
        let more =
            "More\n\nItems:\n• apples\n• pears\n\na. first\nb. second\n\nIt was a pre-\nand post-war thing.\n\n"
            + "Counts went from 10\n2. and then 7\n9. in all.\n\nItems:\n* star a\n* star b\n- dash c\n+ plus d"
            + "\n\nI. First\nII. Second\nIII. Third\n\niv. four\nv. five\n\n"
            + "The letter was signed by\nJ. Smith and\nK. Jones for the board.\n\nvs. last year\nvt. more"
        XCTAssertEqual(
            DumpText.articles(more).first?.paragraphs,
            [
                "Items:\n• apples\n• pears", "a. first\nb. second", "It was a pre- and post-war thing.",
                "Counts went from 10 2. and then 7 9. in all.",
                "Items:\n* star a\n* star b\n- dash c\n+ plus d", "I. First\nII. Second\nIII. Third",
                "iv. four v. five",
                "The letter was signed by J. Smith and K. Jones for the board.", "vs. last year vt. more",
            ])
    }

    func testWhitespaceOnlyLinesAreBlank() {
        let text = join([first, second]).replacingOccurrences(of: "\n\n", with: "\n \u{00A0}\t\n")
        XCTAssertEqual(
            DumpText.articles(text).map(\.title), ["Iran Pays Millions in Ransom", "Dutch Tighten Controls"])
    }

    /// Lines of invisible characters are blank too: HTML's `&#8203;` paragraphs made a whole
    /// dump one article (found by QA); so are lines of bidi marks, which showed as an empty
    /// paragraph (found by QA).
    func testLinesOfInvisibleCharactersAreBlank() {
        let text = join([first, second, third])
        for invisible in [
            "\u{200B}", "\u{FEFF}", "\u{2060}", " \u{200B}\u{2009}", "\u{0}\u{0}", "\u{AD}", "\u{200D}",
            "\u{200E}", "\u{200F}", "\u{061C}", "\u{2066}\u{2069}", "\u{202A}\u{202C}", "\u{202E}",
            "\u{200B}\u{200C}\u{AD}\u{200F}", "\u{AD}\u{2067}", "\u{A0}\u{200E}",
        ] {
            let variant = text.replacingOccurrences(of: "\n\n", with: "\n\(invisible)\n")
            XCTAssertEqual(
                DumpText.index(variant).map(\.id), DumpText.index(text).map(\.id), invisible.debugDescription)
        }
        // A mark beside text is part of a line of text.
        for seen in ["\u{200F}שלום", "\u{202B}text\u{202C}", "\u{AD}\u{200E}x", "Ж"] {
            let variant = text.replacingOccurrences(of: "\n\n", with: "\n\(seen)\n")
            XCTAssertEqual(DumpText.index(variant).count, 1, seen.debugDescription)
        }
    }

    /// Lines of controls and escape sequences alone show nothing, so they are blank: a scrape's
    /// colour codes or BELs between two stories ran the second into the first (found by QA).
    /// A line where they stand beside text is text.
    func testLinesOfControlsAndEscapeSequencesAreBlank() {
        let text = join([first, second, third])
        for invisible in [
            "\u{1B}[0m", "\u{07}", "\u{1B}[0m\u{1B}[31;1m", " \u{1B}]8;;\u{07}\u{1B}]8;;\u{07}",
            "\u{200B}\u{1B}[0m",
            "\u{7F}", "\u{1B}(B\u{0E}",
        ] {
            let variant = text.replacingOccurrences(of: "\n\n", with: "\n\(invisible)\n")
            XCTAssertEqual(
                DumpText.index(variant).map(\.id), DumpText.index(text).map(\.id), invisible.debugDescription)
        }
        for seen in ["\u{1B}[1mSeen\u{1B}[0m", "\u{07}x", "\u{1B}]8;;https://a.example/\u{07}link"] {
            let variant = text.replacingOccurrences(of: "\n\n", with: "\n\(seen)\n")
            XCTAssertEqual(DumpText.index(variant).count, 1, seen.debugDescription)
        }
    }

    /// Two dumps saved with a byte-order mark and put together (`cat a.txt b.txt`): the second
    /// mark made part of a title, and the story a new id (found by QA).
    func testAByteOrderMarkAtALinesStartIsSkipped() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let together =
            bom + Array(join([first, second]).utf8) + Array("\n\n\n".utf8) + bom + Array(third.utf8)
        XCTAssertEqual(
            DumpText.index(bytes: together).map(\.id), DumpText.index(join([first, second, third])).map(\.id))
        XCTAssertEqual(DumpText.articles(bytes: together).last?.title, "No Caption Here")
    }

    /// A title line that shows nothing (a mark of no width among colour codes) is
    /// "(untitled)": its headline row and divider showed nothing (found by QA). A line of
    /// controls and escape sequences alone is blank, so the story is titled by its next line.
    func testATitleThatShowsNothingIsUntitled() {
        let text = "\u{301}\u{1B}[31m\u{07}\n\nBody text.\n\n\nSecond\n\nBody two.\n"
        XCTAssertEqual(DumpText.index(text).map(\.title), ["(untitled)", "Second"])
        XCTAssertEqual(DumpText.articles(text).map(\.title), ["(untitled)", "Second"])
        let blankFirst = "\u{1B}[31m\u{07}\n\nBody text.\n\n\nSecond\n\nBody two.\n"
        XCTAssertEqual(DumpText.articles(blankFirst).map(\.title), ["Body text.", "Second"])
    }

    /// A dump padded with NULs (a download cut short) is read, its padding blank: it was
    /// refused as a binary file (found by QA).
    func testNulPaddingAtTheEndIsNoBinaryFile() throws {
        let text = try Data(contentsOf: Fixtures.sample)
        let padded = Array(text) + [UInt8](repeating: 0, count: 200)
        XCTAssertEqual(padded.withUnsafeBytes { FormatDetector.detect($0) }, .success(.plainTextDump))
        XCTAssertEqual(DumpText.index(bytes: padded).map(\.id), DumpText.index(bytes: Array(text)).map(\.id))
        let zeros = [UInt8](repeating: 0, count: 200)
        XCTAssertEqual(zeros.withUnsafeBytes { FormatDetector.detect($0) }, .failure(.binary))
        // Padding longer than the head that is looked at: it was "a binary file" (found by QA).
        let long = Array(text) + [UInt8](repeating: 0, count: 100_000)
        XCTAssertEqual(long.withUnsafeBytes { FormatDetector.detect($0) }, .success(.plainTextDump))
        XCTAssertEqual(DumpText.index(bytes: long).map(\.id), DumpText.index(bytes: Array(text)).map(\.id))
        // Padding with line breaks after it (found by QA).
        let broken = long + Array("\n\n".utf8)
        XCTAssertEqual(broken.withUnsafeBytes { FormatDetector.detect($0) }, .success(.plainTextDump))
        // Random bytes padded are still binary: the text before the padding is judged alone.
        var generator = SystemRandomNumberGenerator()
        let random = (0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for padding in [0, 1000, 3000, 100_000] {
            let bytes = random + [UInt8](repeating: 0, count: padding)
            XCTAssertEqual(
                bytes.withUnsafeBytes { FormatDetector.detect($0) }, .failure(.binary), "\(padding)")
        }
        // NULs that go on past the head but stop before the end are no padding.
        let gap = Array(text) + [UInt8](repeating: 0, count: 100_000) + Array(text)
        XCTAssertEqual(gap.withUnsafeBytes { FormatDetector.detect($0) }, .failure(.binary))
    }

    /// A compressed file says how to unpack it, and a JSON array is JSON (they were "a binary
    /// file" and a story titled `[1,2,3]`; found by QA); titles that begin so are titles.
    func testCompressedFilesAndJSONArraysAreToldAndTitlesThatLookLikeThemAreNot() throws {
        func detect(_ bytes: [UInt8]) -> Result<SourceFormat, FormatDetector.NotNewsReason> {
            bytes.withUnsafeBytes { FormatDetector.detect($0) }
        }
        XCTAssertEqual(
            detect([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00]),
            .failure(.unsupported("it is compressed with gzip: gunzip it first")))
        XCTAssertEqual(
            detect(Array("BZh91AY&SY".utf8) + [0x00, 0x12]),
            .failure(.unsupported("it is compressed with bzip2: bunzip2 it first")))
        XCTAssertEqual(
            detect([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00]),
            .failure(.unsupported("it is compressed with xz: unxz it first")))
        XCTAssertEqual(
            detect([0x50, 0x4B, 0x03, 0x04, 0x14]),
            .failure(.unsupported("it is a ZIP archive: unzip it first")))
        let json = FormatDetector.NotNewsReason.unsupported("JSON, but not a JSON Feed")
        for text in [
            "[1,2,3]", " [ {\"a\": 1} ]",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ] {
            XCTAssertEqual(detect(Array(text.utf8)), .failure(json), text)
        }
        for text in ["[1] Storm hits coast\n\nText.", "[Update] Storm\n\nText.", "BZh is a title\n\nText."] {
            XCTAssertEqual(detect(Array(text.utf8)), .success(.plainTextDump), text)
        }
    }

    func testInvalidUTF8BecomesReplacementCharacter() {
        var bytes = Array("Caf".utf8) + [0xE9] + Array(" news\n\nBody \u{00FF}".utf8) + [0xFF, 0xFE, 0x80]
        bytes += Array(" end.".utf8)
        let articles = DumpText.articles(bytes: bytes)
        XCTAssertEqual(articles.count, 1)
        XCTAssertEqual(articles[0].title, "Caf\u{FFFD} news")
        XCTAssertTrue(articles[0].paragraphs[0].contains("\u{FFFD}"))
    }

    func testNoArticles() {
        XCTAssertTrue(DumpText.index("").isEmpty)
        XCTAssertTrue(DumpText.index("\n\n\n   \n\t\n").isEmpty)
        XCTAssertTrue(DumpText.index("TT\n20").isEmpty, "page furniture alone is no article")
    }

    func testNulBytesDoNotCrash() {
        let bytes: [UInt8] = Array("Title\u{0}\n\nBody\u{0}text".utf8)
        XCTAssertEqual(DumpText.articles(bytes: bytes).count, 1)
    }

    // MARK: ids

    func testIdsAreStableAcrossLineEndingsOrderBlankLinesAndBOM() {
        let ids = DumpText.index(join([first, second, third])).map(\.id)
        XCTAssertEqual(Set(ids).count, 3)
        let crlf = DumpText.index(join([first, second, third]).replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(crlf.map(\.id), ids)
        let reordered = DumpText.index(join([third, first, second]))
        XCTAssertEqual(reordered.map(\.id), [ids[2], ids[0], ids[1]])
        XCTAssertEqual(DumpText.index(join([first, second, third], blanks: 2)).map(\.id), ids)
        XCTAssertEqual(DumpText.index(join([first, second, third], blanks: 5)).map(\.id), ids)
        let bom = DumpText.index(bytes: [0xEF, 0xBB, 0xBF] + Array(join([first, second, third]).utf8))
        XCTAssertEqual(bom.map(\.id), ids)
        let appended = DumpText.index(
            join([first, second, third, DumpText.article(title: "New", paragraphs: ["x"])]))
        XCTAssertEqual(Array(appended.map(\.id).prefix(3)), ids)
    }

    /// A line of dashes or stars between stories is no story ("---" was listed as one); a
    /// title alone of words, digits or emoji still is, and the stories keep their ids.
    func testASeparatorLineBetweenStoriesIsNoStory() {
        let stories = [first, second, third]
        let plain = DumpText.index(join(stories))
        for separator in ["---", "* * *", "═══════", "~", "#"] {
            let text = stories.joined(separator: "\n\n\n" + separator + "\n\n\n")
            XCTAssertEqual(DumpText.index(text).map(\.id), plain.map(\.id), separator)
        }
        for title in ["No. 5", "Brexit", "🔥🔥", "速報"] {
            let text = join([first, title, second])
            XCTAssertEqual(DumpText.index(text).map(\.title), [plain[0].title, title, plain[1].title], title)
        }
    }

    /// The widget block, the title again and the first paragraph in one block (no caption, no
    /// blank line after the title again): the paragraph is text (it was lost, taken for header;
    /// found by QA); the widget lines and the title again are not.
    func testAParagraphInTheHeadersBlockIsText() {
        let paragraph = "CAIRO - Gunmen opened fire on visitors at the museum on Wednesday."
        for text in [
            "Gunmen attack museum\nTT\n20\nGunmen attack museum\n\(paragraph)\n\nIt was the deadliest attack.",
            "Gunmen attack museum\n\nTT\n20\nGunmen attack museum\n\(paragraph)\n\nIt was the deadliest attack.",
            "Gunmen attack museum\n\nA hall (AP)\nTT\n20\nGunmen attack museum\nA hall (AP)\n\(paragraph)\n\nIt was the deadliest attack.",
        ] {
            let article = DumpText.articles(text).first
            XCTAssertEqual(article?.title, "Gunmen attack museum", text)
            XCTAssertEqual(article?.paragraphs, [paragraph, "It was the deadliest attack."], text)
        }
    }

    func testIdDependsOnContent() {
        let changed = DumpText.article(title: "Iran Pays Millions in Ransom", paragraphs: ["Different body."])
        XCTAssertNotEqual(DumpText.index(first)[0].id, DumpText.index(changed)[0].id)
    }

    func testSampleIdsSurviveCRLFConversion() {
        let bytes = Fixtures.bytes(Fixtures.sample)
        var crlf: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        XCTAssertEqual(DumpText.index(bytes: crlf).map(\.id), DumpText.index(bytes: bytes).map(\.id))
    }

    // MARK: counts

    func testWordCountAndReadingTime() {
        let words = Array(repeating: "word", count: 450).joined(separator: " ")
        let article = DumpText.articles("Title\n\n\(words)")[0]
        XCTAssertEqual(article.wordCount, 450)
        XCTAssertEqual(article.readingMinutes, 2)
        XCTAssertEqual(DumpText.articles("T\n\nOne two")[0].readingMinutes, 1)
        XCTAssertEqual(DumpText.articles("T\n\n海外留学生")[0].wordCount, 5, "each ideograph counts")
        XCTAssertEqual(
            DumpText.articles("T\n\nTT\n20\n\nT\n\nOne two three")[0].wordCount, 3, "furniture is not counted"
        )
    }

    func testSummaryMatchesDecodedArticle() {
        let text = join([first, second, third])
        let bytes = FileBytes(bytes: Array(text.utf8))
        for summary in PlainTextDumpParser.index(bytes.buffer) {
            guard case .bytes(let range, _) = summary.location else {
                return XCTFail("dump summaries have byte ranges")
            }
            let article = PlainTextDumpParser.article(in: bytes.buffer, range: range, source: "s")
            XCTAssertEqual(article?.id, summary.id)
            XCTAssertEqual(article?.title, summary.title)
            XCTAssertEqual(
                article?.wordCount, PlainTextDumpParser.details(in: bytes.buffer, range: range)?.wordCount)
        }
    }

    /// A title line longer than ``PlainTextDumpParser/maxTitleBytes`` is the story's first
    /// paragraph, whole, and its title its first words: the rest of the line was lost, the
    /// story had no text and no words (found by QA: 6 KB on one line, no line break).
    func testAnOverlongTitleLineIsTheFirstParagraph() throws {
        let line = (0..<1200).map { "w\($0)" }.joined(separator: " ")
        for text in [line, line + "\n\nSecond paragraph here."] {
            let bytes = FileBytes(bytes: Array(text.utf8))
            let summaries = PlainTextDumpParser.index(bytes.buffer)
            XCTAssertEqual(summaries.map(\.title), ["w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11…"])
            guard case .bytes(let range, _) = try XCTUnwrap(summaries.first).location else {
                return XCTFail("no byte range")
            }
            let article = try XCTUnwrap(
                PlainTextDumpParser.article(in: bytes.buffer, range: range, source: "test"))
            XCTAssertEqual(article.title, summaries.first?.title)
            XCTAssertEqual(article.paragraphs.first, line)
            XCTAssertEqual(article.paragraphs.count, text == line ? 1 : 2)
            XCTAssertEqual(article.wordCount, text == line ? 1200 : 1203)
            XCTAssertEqual(
                PlainTextDumpParser.details(in: bytes.buffer, range: range)?.wordCount, article.wordCount)
            // Searched whole, the id made of the raw line as before.
            var searched = ""
            _ = PlainTextDumpParser.withText(in: bytes.buffer, range: range) { buffer in
                searched = String(decoding: buffer, as: UTF8.self)
                return true
            }
            XCTAssertTrue(searched.contains("w1199"))
            XCTAssertEqual(article.id, summaries.first?.id)
            withExtendedLifetime(bytes) {}
        }
        XCTAssertEqual(
            DumpText.index(line).first?.id.rawValue, "39608b9bf2191420", "the id earlier versions gave")
        // A line without spaces is cut between characters.
        let solid = String(repeating: "é", count: 2000)
        let article = try XCTUnwrap(DumpText.articles(solid).first)
        XCTAssertEqual(article.title, String(repeating: "é", count: 99) + "…")
        XCTAssertEqual(article.paragraphs, [solid])
        // A title line of 1,024 bytes is a title still.
        let short = String(repeating: "a", count: 1024)
        XCTAssertEqual(DumpText.articles(short + "\n\nBody.").map(\.title), [short])
        XCTAssertEqual(DumpText.articles(short + "\n\nBody.").map(\.paragraphs), [["Body."]])
    }
}
