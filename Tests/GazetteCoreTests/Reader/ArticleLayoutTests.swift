import Foundation
import GazetteCore
import XCTest

final class ArticleLayoutTests: XCTestCase {
    private func layout(_ paragraphs: [String], links: [String] = [], width: Int = 30) -> [String] {
        let article = Article(
            id: ArticleID("x"), title: "Title", paragraphs: paragraphs, wordCount: 1, readingMinutes: 1,
            source: "s",
            links: links)
        return ArticleLayout(article: article, width: width).lines.map(\.text)
    }

    /// A story without text says so under its title (the pane was left blank; found by QA).
    func testAStoryWithoutTextSaysSo() {
        XCTAssertEqual(layout([], width: 60), ["Title", "", "(the file holds no text for this story)"])
        XCTAssertEqual(layout(["  "], width: 60), ["Title", "", "(the file holds no text for this story)"])
        let linked = Article(
            id: ArticleID("x"), title: "Title", paragraphs: [], wordCount: 0, readingMinutes: 0, source: "s",
            link: "https://example.com/a")
        XCTAssertEqual(
            ArticleLayout(article: linked, width: 60).lines.map(\.text),
            ["Title", "", "(the file holds no text for this story: o opens its link)"])
        XCTAssertEqual(layout(["Words."]), ["Title", "", "Words."])
    }

    /// A story of hundreds of thousands of paragraphs shows its start and says how many are
    /// left out (two million one-word paragraphs, 8 MB, took 11 s and 280 MB to lay out); its
    /// links still follow.
    func testAStoryOfTooManyParagraphsShowsItsStartAndSaysWhatIsLeftOut() {
        let count = 120_000
        let paragraphs = (0..<count).map { "w\($0)" }
        let lines = layout(paragraphs, links: ["https://example.com/a"], width: 40)
        // Title, then a blank line and a line for each paragraph: 25,000 make 50,001 lines.
        let shown = 25_000
        XCTAssertEqual(ArticleLayout.maxLines, 50_000)
        XCTAssertEqual(
            Array(lines.suffix(7)),
            [
                "w\(shown - 1)", "", "[… 95,000 more paragraphs of this story", "not shown]", "", "Links",
                "[1] https://example.com/a",
            ])
        XCTAssertEqual(lines.count, 1 + 2 * shown + 6)
        // At the limit, nothing is left out or said.
        let whole = layout(Array(paragraphs.prefix(shown)), width: 40)
        XCTAssertEqual(whole.last, "w\(shown - 1)")
        XCTAssertEqual(whole.count, 1 + 2 * shown)
    }

    /// `show` lays out every paragraph of a huge story: scripts read all of it (found by QA).
    func testAWholeLayoutHasEveryParagraph() {
        let paragraphs = (0..<30_000).map { "w\($0)" }
        let article = Article(
            id: ArticleID("x"), title: "Title", paragraphs: paragraphs, wordCount: 1, readingMinutes: 1,
            source: "s")
        let lines = ArticleLayout(article: article, width: 40, whole: true).lines.map(\.text)
        XCTAssertEqual(lines.count, 1 + 2 * 30_000)
        XCTAssertEqual(lines.last, "w29999")
    }

    func testHighlightsOfSomeLinesFindAPhraseWrappedAcrossTheirEdges() {
        let article = Article(
            id: ArticleID("x"), title: "Title",
            paragraphs: ["Words before the phrase: the central bank of Iran raised its rates again."],
            wordCount: 1, readingMinutes: 1, source: "s")
        let layout = ArticleLayout(article: article, width: 20)
        let texts = layout.lines.map(\.text)
        let split = try? XCTUnwrap(texts.firstIndex { $0.hasSuffix("central") })
        guard let split else { return XCTFail("\(texts)") }
        XCTAssertTrue(texts[split + 1].hasPrefix("bank"), "\(texts)")
        let query = SearchQuery("\"central bank\"")
        // The lines after the break alone: the start of the phrase is looked for above them.
        let below = layout.highlights(of: query, in: (split + 1)..<texts.count)
        XCTAssertEqual(below.first, [0..<4])
        XCTAssertEqual(below.dropFirst().flatMap { $0 }, [])
        // The line before it alone: the end of the phrase is looked for below.
        let above = layout.highlights(of: query, in: split..<(split + 1))
        let start = texts[split].count - "central".count
        XCTAssertEqual(above, [[start..<texts[split].count]])
        XCTAssertEqual(layout.highlights(of: query, in: 0..<0), [])
        XCTAssertEqual(layout.highlights(of: SearchQuery(""), in: 0..<2), [[], []])
    }

    /// A word of the title or caption that a line's edge cuts in two is lit on both lines, as
    /// in the body: in the title it was not (found by QA).
    func testHighlightsFindAWordTheTitlesWrappingCutsInTwo() {
        let word = String(repeating: "abcdefghij", count: 8)
        let article = Article(
            id: ArticleID("x"), title: "T " + word, caption: "C " + word, paragraphs: ["B " + word],
            wordCount: 1, readingMinutes: 1, source: "s")
        // At 28 columns the lines break inside "defg" (as a 30-column pane did).
        let layout = ArticleLayout(article: article, width: 28)
        XCTAssertTrue(layout.lines.contains { $0.kind == .title && $0.text.hasSuffix("abcdef") })
        let found = layout.highlights(of: SearchQuery("defg"), in: 0..<layout.lines.count)
        var lit: [String: Int] = [:]
        for (line, ranges) in zip(layout.lines, found) {
            let characters = Array(line.text)
            let text = ranges.map { String(characters[$0]) }.joined(separator: "|")
            lit[String(describing: line.kind), default: 0] += text.filter { $0 != "|" }.count
        }
        // Eight matches of four letters in each of title, caption and body.
        XCTAssertEqual(lit["title"], 32, "\(layout.lines.map(\.text))")
        XCTAssertEqual(lit["caption"], 32)
        XCTAssertEqual(lit["body"], 32)
    }

    /// The highlights of a search read the lines as the text they show: a quotation's or list
    /// item's indentation on its following lines is not text, a word broken by the wrapping
    /// (too long for the line, at a soft hyphen, Thai) is one word, and a break's own hyphen is
    /// no letter. Such matches were found but not highlighted (found by QA).
    func testHighlightsReadWrappedLinesAsTheTextTheyShow() throws {
        func highlighted(_ paragraph: String, _ query: String, width: Int) -> [String] {
            let article = Article(
                id: ArticleID("x"), title: "T", paragraphs: [paragraph], wordCount: 1, readingMinutes: 1,
                source: "s")
            let layout = ArticleLayout(article: article, width: width)
            let found = layout.highlights(of: SearchQuery(query), in: 0..<layout.lines.count)
            return zip(layout.lines, found).flatMap { line, ranges in
                ranges.map { range in
                    let characters = Array(line.text)
                    return String(characters[range])
                }
            }
        }
        XCTAssertEqual(
            highlighted(
                "> A quoted paragraph that is long enough to wrap across lines", "\"wrap across\"", width: 50),
            ["wrap", "across"])
        XCTAssertEqual(
            highlighted("• one item that is long enough to wrap across lines", "\"wrap across\"", width: 38),
            ["wrap", "across"])
        XCTAssertEqual(
            highlighted("pneumonoultramicroscopicsilicovolcanoconiosis", "volcano", width: 31),
            ["v", "olcano"])
        XCTAssertEqual(highlighted("an exam\u{AD}ple here", "example", width: 8), ["exam", "ple"])
        XCTAssertEqual(highlighted("an exam\u{AD}ple here", "exam-ple", width: 8), [])
        let thai = "ไทยไม่มีช่องว่างระหว่างคำทดสอบการตัดคำภาษาไทย"
        XCTAssertEqual(highlighted(thai, thai, width: 20).joined(), thai)
        XCTAssertEqual(
            highlighted("the central bank raised rates", "\"central bank\"", width: 12), ["central", "bank"],
            "a break at a space is a space")
    }

    /// A blank line inside preformatted text shows (it was dropped, so code ran together;
    /// found by QA); a trailing one does not.
    func testBlankLinesInsideAParagraphShow() {
        XCTAssertEqual(
            layout(["line1\n\nline3 after blank\n   \nline5\n"]),
            ["Title", "", "line1", "", "line3 after blank", "", "line5"])
    }

    /// A place kept as a text offset comes back to the same line at the same width (blank
    /// lines included) and to the line with the same text at another (it was a line number, so
    /// a story reopened at another width showed other text; found by QA).
    func testAPlaceComesBackToItsLineAtAnyWidth() {
        let article = Article(
            id: ArticleID("x"), title: "Title",
            paragraphs: (1...8).map {
                "Paragraph \($0) holds words enough to wrap onto a second line at forty."
            },
            wordCount: 1, readingMinutes: 1, source: "s")
        let narrow = ArticleLayout(article: article, width: 40)
        for line in narrow.lines.indices {
            XCTAssertEqual(narrow.line(ofPlace: narrow.place(ofLine: line)), line, "line \(line)")
        }
        let wide = ArticleLayout(article: article, width: 100)
        for line in narrow.lines.indices where narrow.lines[line].kind == .body {
            let shown = wide.lines[wide.line(ofPlace: narrow.place(ofLine: line))].text
            XCTAssertTrue(shown.contains(narrow.lines[line].text), "\(shown) / \(narrow.lines[line].text)")
        }
    }

    /// The offsets kept per line give what walking the lines gives, for every line and every
    /// offset, blank lines and lines of spaces only included.
    func testTextOffsetsAgreeWithWalkingTheLines() {
        var random = SystemRandomNumberGenerator()
        let words = ["a", "word", "longerword", "  ", "x y", "é", "日本語", "\n", "\n\n"]
        for _ in 0..<40 {
            let paragraphs = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                (0..<Int.random(in: 0...30, using: &random)).map { _ in words.randomElement(using: &random)! }
                    .joined(separator: " ")
            }
            let article = Article(
                id: ArticleID("x"), title: "T", paragraphs: paragraphs, wordCount: 1, readingMinutes: 1,
                source: "s")
            let width = Int.random(in: 1...30, using: &random)
            let layout = ArticleLayout(article: article, width: width)
            // Another, asked for lines by offset first: its offsets are worked out as far as asked.
            let fresh = ArticleLayout(article: article, width: width)
            let lengths = layout.lines.map {
                $0.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            }
            for line in -1...(layout.lines.count + 1) {
                let walked = lengths.prefix(max(0, line)).reduce(0, +)
                XCTAssertEqual(layout.textOffset(ofLine: line), walked, "line \(line)")
            }
            for offset in 0...(lengths.reduce(0, +) + 2) {
                for blank in [false, true] {
                    var expected = max(0, layout.lines.count - 1)
                    var before = 0
                    for (index, line) in layout.lines.enumerated() {
                        if blank && before == offset && line.kind == .blank {
                            expected = index
                            break
                        }
                        if before + lengths[index] > offset {
                            expected = index
                            break
                        }
                        before += lengths[index]
                    }
                    XCTAssertEqual(
                        fresh.line(atTextOffset: offset, blank: blank), expected, "fresh \(offset) \(blank)")
                    XCTAssertEqual(
                        layout.line(atTextOffset: offset, blank: blank), expected, "\(offset) \(blank)")
                }
            }
        }
    }

    func testParagraphsAreSeparatedByABlankLine() {
        XCTAssertEqual(layout(["One.", "Two."]), ["Title", "", "One.", "", "Two."])
    }

    func testHardLineBreaksAreKept() {
        XCTAssertEqual(layout(["line one\nline two"]), ["Title", "", "line one", "line two"])
    }

    func testListItemsHangUnderTheirText() {
        let lines = layout(["• a bullet item that is long enough to wrap twice over"], width: 24)
        XCTAssertEqual(lines[2], "• a bullet item that is")
        XCTAssertTrue(
            lines.dropFirst(3).allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }, "\(lines)")
        let numbered = layout(["12. a numbered item that is long enough to wrap"], width: 24)
        XCTAssertTrue(numbered[3].hasPrefix("    "), "\(numbered)")
        // Letters and Roman numerals too, right-aligned or not (the lines under them were not
        // indented; found by QA); a sentence that starts with a name's initial is no item.
        let lettered = layout(
            [" ix. w1 long text that wraps here\nviii. w2 long text that wraps here"], width: 30)
        XCTAssertEqual(
            lettered.dropFirst(2),
            [" ix. w1 long text that wraps", "     here", "viii. w2 long text that wraps", "      here"])
        let nested = layout(["1. item\n   A. Sub A long text that wraps around"], width: 24)
        XCTAssertEqual(nested[3], "   A. Sub A long text", "\(nested)")
        XCTAssertEqual(nested[4], "      that wraps around", "\(nested)")
        XCTAssertNotEqual(layout(["Mr. Smith said a long thing that wraps"], width: 24)[3].first, " ")
        // Lower-case letters and Roman numerals hang alone too: no initial is written so (a
        // one-item list, or items in paragraphs of their own, stopped hanging; found by QA).
        XCTAssertEqual(
            layout(["a. only item long enough to wrap"], width: 20).dropFirst(2),
            ["a. only item long", "   enough to wrap"])
        XCTAssertEqual(
            layout(["II. Methods long enough to wrap"], width: 20).dropFirst(2),
            ["II. Methods long", "    enough to wrap"])
        // Words that end with a full stop are no labels: only Roman numerals are (found by QA).
        for prose in ["vs. the year before and more", "US. officials said more", "mid. range and more words"]
        {
            XCTAssertFalse(layout([prose], width: 20)[3].hasPrefix(" "), prose)
        }
        // A plain-text list's dashes and stars hang too; a dash alone is prose.
        XCTAssertEqual(
            layout(["- one long item that wraps\n- two"], width: 20).dropFirst(2),
            ["- one long item that", "  wraps", "- two"])
        XCTAssertEqual(
            layout(["* one long item that wraps\n* two"], width: 20).dropFirst(2),
            ["* one long item that", "  wraps", "* two"])
        XCTAssertEqual(
            layout(["- a dash and a long line"], width: 20).dropFirst(2), ["- a dash and a long", "line"])
        // A paragraph that starts with an initial is prose, not a list item (found by QA).
        XCTAssertEqual(
            layout(["A. Smith said a long thing that wraps"], width: 24).dropFirst(2),
            ["A. Smith said a long", "thing that wraps"])
        XCTAssertEqual(
            layout(["> J. K. Rowling wrote a long thing\n> that wraps"], width: 24).dropFirst(2),
            ["> J. K. Rowling wrote a", "> long thing", "> that wraps"])
    }

    /// A paragraph that starts with one lower-case letter and a full stop ("e. coli", "p. 5")
    /// is prose: the letter is an item's label only where its list counts on through it, in
    /// its paragraph or in the paragraphs next to it (its lines hung under "coli"; found by QA).
    func testALowerCaseLetterHangsOnlyWhereItsListCountsOn() {
        XCTAssertEqual(
            layout(["e. coli was found in the water supply"], width: 20).dropFirst(2),
            ["e. coli was found in", "the water supply"])
        XCTAssertEqual(
            layout(["> p. 5 of the report says more"], width: 20).dropFirst(2),
            ["> p. 5 of the report", "> says more"])
        XCTAssertEqual(
            layout(["d. one\ne. coli long enough to wrap"], width: 20).dropFirst(2),
            ["d. one", "e. coli long enough", "   to wrap"])
        // "i." then "ii.", "iv." then "v.": Roman numerals count on through one letter.
        XCTAssertEqual(
            layout(["iv. four\nv. five long enough to wrap"], width: 20).dropFirst(2),
            ["iv. four", "v. five long enough", "   to wrap"])
        // Items in paragraphs of their own.
        XCTAssertEqual(
            layout(["a. first", "b. second long enough to wrap", "c. third"], width: 20).dropFirst(2),
            ["a. first", "", "b. second long", "   enough to wrap", "", "c. third"])
        XCTAssertEqual(
            layout(["Intro.\nc. item", "d. second long enough to wrap"], width: 20).dropFirst(5),
            ["d. second long", "   enough to wrap"])
        // A label that does not count on is prose still ("e." after "b.").
        XCTAssertEqual(
            layout(["b. one", "e. coli was found in the water"], width: 20).dropFirst(4),
            ["e. coli was found in", "the water"])
    }

    func testQuotationsKeepTheirMarkerOnEveryLine() {
        let lines = layout(["> > a nested quotation that is long enough to wrap"], width: 24)
        XCTAssertTrue(lines.dropFirst(2).allSatisfy { $0.hasPrefix("> > ") }, "\(lines)")
    }

    func testLinksAreListedUnderTheArticleWithLongAddressesBroken() {
        let lines = layout(
            ["Read more [1]."], links: ["https://example.com/" + String(repeating: "a", count: 40)], width: 30
        )
        XCTAssertEqual(lines[4], "Links")
        XCTAssertTrue(lines[5].hasPrefix("[1] https://example.com/"))
        XCTAssertTrue(lines[6].hasPrefix("    a"), "\(lines)")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(lines)")
    }

    /// A tab in a text (a JSON Feed's `content_text`) goes to the next stop of eight columns, as
    /// a terminal and preformatted HTML show it, and is never written: an indent of a tab showed
    /// as one space (found by QA).
    func testATabGoesToTheNextStopOfEightColumns() {
        let text = ["\tline one\n\tline two", "A\tB\tC\nxx\tyyyyyyyyy\tz\u{2028}\tw"]
        XCTAssertEqual(
            layout(text, width: 40).dropFirst(2),
            [
                "        line one", "        line two", "", "A       B       C",
                "xx      yyyyyyyyy       z       w",
            ])
        XCTAssertFalse(layout(["a\tb"]).contains { $0.contains("\t") })
    }

    func testControlCharactersNeverReachTheLines() {
        let lines = layout(["\u{1B}[2Jclear\u{1B}]0;title\u{07} \u{202E}text"])
        XCTAssertEqual(lines[2], "clear text")
    }

    func testAHugeParagraphIsCutAndSaysSo() {
        let huge = String(repeating: "word ", count: 100_000)
        let lines = layout([huge], width: 80)
        XCTAssertTrue(lines.last?.hasPrefix("[… ") ?? false)
        XCTAssertLessThan(lines.count, 5000)
        // The notice is wrapped too: at a narrow width it was cut (found by QA).
        let narrow = layout([huge], width: 20)
        XCTAssertTrue(narrow.allSatisfy { DisplayWidth.of($0) <= 20 })
        XCTAssertTrue(
            narrow.suffix(4).joined(separator: " ").hasSuffix("paragraph not shown]"), "\(narrow.suffix(4))")
    }

    /// A huge paragraph of characters of three bytes is cut where a character starts: cut
    /// inside one, the text kept came back too long, and the layout recursed until the stack
    /// ran out (found by QA, with Thai and Chinese paragraphs of 270,000 characters).
    func testAHugeParagraphOfWideCharactersIsCutBetweenCharacters() {
        for unit in ["中华人民共和国", "ประเทศไทย", "a中", "ab中"] {
            let huge = String(repeating: unit, count: 300_000 / unit.count)
            let lines = layout([huge], width: 80)
            XCTAssertTrue(lines.last?.hasPrefix("[… ") ?? false, unit)
            XCTAssertFalse(lines.dropLast().joined().contains("\u{FFFD}"), unit)
        }
    }

    /// A huge paragraph is cut between clusters, at a word's end where there is one near the
    /// cut: an accent written apart was lost from its letter, a Devanagari cluster shown as
    /// another letter, an Arabic word cut short (found by QA).
    func testAHugeParagraphIsCutBetweenClustersAndWords() {
        let accents = String(repeating: "e\u{301}", count: 100_000)
        let kept = layout([accents], width: 80).dropLast().joined()
        XCTAssertTrue(kept.unicodeScalars.last == "\u{301}", "the last letter keeps its accent")
        let hindi = String(repeating: "क्षि", count: 30_000)
        XCTAssertTrue(layout([hindi], width: 80).dropLast().joined().hasSuffix("क्षि"))
        let arabic = Array(repeating: "مرحبا", count: 50_000).joined(separator: " ")
        let lines = layout([arabic], width: 80)
        XCTAssertTrue(lines.dropLast().joined().hasSuffix("مرحبا"), "\(lines.suffix(2))")
        // The bytes not shown are counted from the cut, not from the limit.
        let left = Int(lines.last?.split(separator: " ")[1] ?? "") ?? 0
        XCTAssertGreaterThan(left, arabic.utf8.count - (256 << 10))
        XCTAssertLessThan(left, arabic.utf8.count - (256 << 10) + 1024)
    }
}
