import Foundation
import GazetteCore
import TestSupport
import XCTest

final class TextWrapperTests: XCTestCase {
    private let softHyphen = "\u{AD}"

    /// Checks the wrapper's promises for one paragraph at one width and returns the lines.
    @discardableResult
    private func checkedWrap(
        _ paragraph: String, width: Int, file: StaticString = #filePath, line: UInt = #line
    ) -> [String] {
        let lines = TextWrapper.wrap(paragraph, width: width)
        for (number, text) in lines.enumerated() {
            let columns = DisplayWidth.of(text)
            let alone = text.count == 1
            XCTAssertTrue(
                columns <= width || alone, "line \(number) \(text.debugDescription) is \(columns) > \(width)",
                file: file, line: line)
            XCTAssertFalse(
                text.hasSuffix(" "), "trailing space in \(text.debugDescription)", file: file, line: line)
            XCTAssertFalse(text.isEmpty, "empty line", file: file, line: line)
            XCTAssertFalse(text.contains(softHyphen), "soft hyphen shown", file: file, line: line)
            XCTAssertFalse(text.contains("\u{200B}"), "zero-width space written", file: file, line: line)
            if number > 0 {
                XCTAssertFalse(
                    text.hasPrefix(" "), "leading space in \(text.debugDescription)", file: file, line: line)
            }
        }
        XCTAssertEqual(
            normalised(lines.joined(separator: " ")), normalised(paragraph), "text lost at width \(width)",
            file: file, line: line)
        return lines
    }

    /// The text without spaces, soft hyphens, zero-width spaces and hyphens, for comparing content.
    /// No-break spaces too: beside a space they vanish at a break as it does; and ideographic
    /// spaces, which a break drops.
    private func normalised(_ text: String) -> String {
        String(
            text.unicodeScalars.filter {
                $0 != " " && $0 != "\u{AD}" && $0 != "\u{200B}" && $0 != "-" && $0 != "\t" && $0 != "\u{A0}"
                    && $0 != "\u{3000}"
            }.map(Character.init))
    }

    // MARK: - Basics

    func testEmptyParagraphGivesNoLines() {
        XCTAssertEqual(TextWrapper.wrap("", width: 10), [])
        XCTAssertEqual(TextWrapper.wrap("   ", width: 10), [])
        XCTAssertEqual(TextWrapper.wrap(softHyphen, width: 10), [])
    }

    func testBreaksAtSpaces() {
        XCTAssertEqual(checkedWrap("the quick brown fox", width: 10), ["the quick", "brown fox"])
        XCTAssertEqual(checkedWrap("the quick brown fox", width: 9), ["the quick", "brown fox"])
        XCTAssertEqual(checkedWrap("the quick brown fox", width: 8), ["the", "quick", "brown", "fox"])
        XCTAssertEqual(checkedWrap("the quick brown fox", width: 80), ["the quick brown fox"])
    }

    /// Spaces between words on a line are kept as written: preformatted text (a table, code)
    /// keeps its columns (they collapsed to one, so `<pre>` lost its alignment; found by QA).
    /// At a break they vanish, and at the end they are dropped.
    func testKeepsRunsOfSpacesBetweenWordsAndDropsThemAtBreaksAndTheEnd() {
        XCTAssertEqual(checkedWrap("a   b", width: 10), ["a   b"])
        XCTAssertEqual(checkedWrap("| a    |   b   |", width: 40), ["| a    |   b   |"])
        XCTAssertEqual(checkedWrap("a\t\tb", width: 10), ["a  b"], "a tab is one space")
        XCTAssertEqual(checkedWrap("aaaa    bbbb", width: 5), ["aaaa", "bbbb"])
        XCTAssertEqual(checkedWrap("aaaa    bb", width: 9), ["aaaa", "bb"], "the gap does not fit: a break")
        XCTAssertEqual(checkedWrap("aaaa    bb", width: 10), ["aaaa    bb"])
        XCTAssertEqual(checkedWrap("東京   大学", width: 20), ["東京   大学"])
        XCTAssertEqual(checkedWrap("hello   ", width: 10), ["hello"])
        XCTAssertEqual(checkedWrap("one two  ", width: 3), ["one", "two"])
    }

    func testLeadingIndentationIsKept() {
        XCTAssertEqual(checkedWrap("  Hello world", width: 20), ["  Hello world"])
        XCTAssertEqual(checkedWrap("  Hello world", width: 8), ["  Hello", "world"])
        XCTAssertEqual(checkedWrap("\u{3000}中文中文", width: 20), ["\u{3000}中文中文"])
        XCTAssertEqual(checkedWrap("\u{3000}中文中文", width: 6), ["\u{3000}中文", "中文"])
    }

    func testIndentationIsDroppedWhenTheFirstWordDoesNotFitAfterIt() {
        XCTAssertEqual(checkedWrap("    Hello world", width: 6), ["Hello", "world"])
    }

    // MARK: - Long words

    func testLongWordIsBrokenNeverCutOff() {
        XCTAssertEqual(checkedWrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(checkedWrap("see abcdefghij now", width: 4), ["see", "abcd", "efgh", "ij", "now"])
    }

    func testLongURLIsBrokenAtGraphemes() {
        let url = "https://www.washingtonpost.com/world/middle_east/where-do-strained-us-israeli-relations-go"
        let lines = checkedWrap("Read " + url + " today", width: 37)
        XCTAssertEqual(
            lines,
            [
                "Read", "https://www.washingtonpost.com/world/", "middle_east/where-do-strained-us-isra",
                "eli-relations-go today",
            ])
    }

    func testLongWordKeepsCombiningMarksWithTheirLetters() {
        let word = String(repeating: "e\u{301}", count: 7)
        let lines = checkedWrap(word, width: 3)
        XCTAssertEqual(lines, ["e\u{301}e\u{301}e\u{301}", "e\u{301}e\u{301}e\u{301}", "e\u{301}"])
    }

    // MARK: - Scripts

    func testChineseWithoutSpacesWraps() {
        XCTAssertEqual(checkedWrap("中文字符测试", width: 5), ["中文", "字符", "测试"])
        XCTAssertEqual(checkedWrap("中文字符测试", width: 7), ["中文字", "符测试"])
        XCTAssertEqual(checkedWrap("中文字符测试", width: 12), ["中文字符测试"])
    }

    func testClosingCJKPunctuationDoesNotStartALine() {
        let lines = checkedWrap("伊朗支付赎金。银行恢复正常，「新闻」报道。", width: 6)
        for line in lines {
            XCTAssertFalse(line.hasPrefix("。") || line.hasPrefix("，") || line.hasPrefix("」"), line)
            XCTAssertFalse(line.hasSuffix("「"), line)
        }
    }

    /// An ideographic space between words is a space: a break drops it, as it drops a space (a
    /// wrapped line began with it and looked indented; kept back from a line's start, it took the
    /// characters before it down; found by QA). At the paragraph's start it is the indent
    /// Japanese text is written with, and stays.
    func testAnIdeographicSpaceBetweenWordsIsDroppedAtABreak() {
        for width in 2...16 {
            let lines = checkedWrap("　東京都は晴れ　大阪府は雨　京都府は曇り　札幌は雪", width: width)
            XCTAssertTrue(lines[0].hasPrefix("　"), "\(width): \(lines)")
            for line in lines.dropFirst() {
                XCTAssertFalse(line.hasPrefix("　") || line.hasSuffix("　"), "\(width): \(lines)")
            }
            XCTAssertEqual(lines.joined().filter { $0 != "　" }, "東京都は晴れ大阪府は雨京都府は曇り札幌は雪")
        }
        XCTAssertEqual(checkedWrap("東京都は晴れ　大阪府は雨", width: 14), ["東京都は晴れ", "大阪府は雨"])
        XCTAssertEqual(checkedWrap("東京都は晴れ　大阪府は雨", width: 30), ["東京都は晴れ　大阪府は雨"])
        XCTAssertEqual(
            checkedWrap("東京都は五日、新しい　計画を発表した。", width: 20), ["東京都は五日、新しい", "計画を発表した。"])
        XCTAssertEqual(checkedWrap("Government　計画", width: 10), ["Government", "計画"])
    }

    func testJapaneseMixedWithLatin() {
        for width in 2...20 {
            checkedWrap("日本語のテキストとEnglish wordsが混在する文章です。", width: width)
        }
        XCTAssertEqual(checkedWrap("東京 Tokyo 大阪", width: 10), ["東京 Tokyo", "大阪"])
    }

    /// Korean is written with spaces: its words are not broken between syllables unless one
    /// is wider than the line (they were, as Chinese is; found by QA).
    func testKoreanBreaksAtSpacesWhenItCan() {
        XCTAssertEqual(checkedWrap("대한민국 서울특별시", width: 10), ["대한민국", "서울특별시"])
        XCTAssertEqual(
            checkedWrap("한국어 제목 테스트 서울에서 뉴스가 있습니다", width: 38),
            ["한국어 제목 테스트 서울에서 뉴스가", "있습니다"])
        XCTAssertEqual(checkedWrap("서울특별시종로구", width: 10), ["서울특별시", "종로구"], "too wide: broken")
        XCTAssertEqual(checkedWrap("서울 東京大学", width: 9), ["서울 東京", "大学"], "Chinese still breaks")
    }

    /// Thai has no spaces between words: lines break between the words ICU's dictionary finds,
    /// not where the column runs out (เพื่อ broke as เ | พื่อ, สนใจ as ส | นใจ; found by QA).
    func testThaiBreaksBetweenWords() {
        let paragraph =
            "ผลกระทบจากสถานการณ์เศรษฐกิจที่ชะลอตัวอย่างต่อเนื่องตลอดหลายเดือนที่ผ่านมารัฐบาลไทยประกาศมาตรการใหม่"
            + "เพื่อกระตุ้นเศรษฐกิจในปีหน้าโดยมีเป้าหมายเพื่อช่วยเหลือประชาชน และประชาชนจำนวนมากให้ความสนใจอย่างยิ่ง"
        // (Not เป้าหมาย: the dictionary lets it break as the compound เป้า + หมาย.)
        let words = ["เพื่อ", "สนใจ", "มาตรการ", "เศรษฐกิจ", "ประชาชน", "กระตุ้น"]
        for width in [12, 20, 27, 33, 40, 80] {
            let lines = checkedWrap(paragraph, width: width)
            XCTAssertGreaterThan(lines.count, 1)
            for (line, next) in zip(lines, lines.dropFirst()) {
                for word in words {
                    for cut in 1..<word.count {
                        XCTAssertFalse(
                            line.hasSuffix(String(word.prefix(cut)))
                                && next.hasPrefix(String(word.dropFirst(cut))),
                            "\(word) split at \(width): \(line) | \(next)")
                    }
                }
            }
        }
        XCTAssertEqual(checkedWrap("ภาษาไทย", width: 4), ["ภาษา", "ไทย"])
        XCTAssertEqual(checkedWrap("ข่าว ภาษาไทย", width: 30), ["ข่าว ภาษาไทย"], "a space stays a space")
    }

    /// Indic words wrap whole: a cluster two columns wide ("प्र", "धा") is two letters of a
    /// word, not a wide character to break after (found by QA: "प्र" / "धानमंत्री").
    func testIndicWordsAreNotBrokenBetweenClusters() {
        let paragraph = "क ख ग घ ङ च छ ज झ ञ ट ठ ड ढ ण त थ प्रधानमंत्री त थ द ध न"
        let lines = checkedWrap(paragraph, width: 38)
        XCTAssertTrue(lines.contains { $0.hasPrefix("प्रधानमंत्री") }, "\(lines)")
        XCTAssertTrue(lines.allSatisfy { !$0.hasSuffix("प्र") }, "\(lines)")
        let tamil = checkedWrap("தமிழ்நாட்டில் இன்று பெரிய விழா நடைபெற்றது.", width: 30)
        XCTAssertEqual(tamil.last, "நடைபெற்றது.")
    }

    func testArabicBreaksBetweenWords() {
        XCTAssertEqual(checkedWrap("السلام عليكم ورحمة الله", width: 12), ["السلام عليكم", "ورحمة الله"])
    }

    func testPersianZeroWidthNonJoinerIsNotABreak() {
        let lines = checkedWrap("می\u{200C}خواهم بروم", width: 8)
        XCTAssertEqual(lines, ["می\u{200C}خواهم", "بروم"])
    }

    func testEmojiStayWhole() {
        XCTAssertEqual(checkedWrap("👍👍👍", width: 4), ["👍👍", "👍"])
        XCTAssertEqual(checkedWrap("🇮🇷🇮🇷", width: 3), ["🇮🇷", "🇮🇷"])
        XCTAssertEqual(checkedWrap("ok 👨\u{200D}👩\u{200D}👧 ⚠️", width: 9), ["ok 👨\u{200D}👩\u{200D}👧", "⚠️"])
        XCTAssertEqual(checkedWrap("ok 👨\u{200D}👩\u{200D}👧 ⚠️", width: 8), ["ok", "👨\u{200D}👩\u{200D}👧", "⚠️"])
    }

    /// A ZWJ sequence wider than the line is broken between its pictures, its text kept whole:
    /// it vanished from a pane narrower than it (found by QA).
    func testAZWJSequenceWiderThanTheLineIsBrokenBetweenItsPictures() {
        let family = Array(repeating: "👩", count: 12).joined(separator: "\u{200D}")
        XCTAssertEqual(DisplayWidth.of(family), 24)
        let lines = checkedWrap("A \(family) B", width: 20)
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertEqual(lines.first, "A")
        XCTAssertEqual(DisplayWidth.of(lines[1]), 20)
        XCTAssertEqual(lines[1] + lines[2], family + " B")
        // One that fits stays on one line.
        XCTAssertEqual(checkedWrap("A \(family) B", width: 27), ["A \(family)", "B"])
    }

    func testCombiningAccentsDoNotCountAsColumns() {
        XCTAssertEqual(checkedWrap("cafe\u{301} cafe\u{301}", width: 9), ["cafe\u{301} cafe\u{301}"])
        XCTAssertEqual(checkedWrap("cafe\u{301} cafe\u{301}", width: 4), ["cafe\u{301}", "cafe\u{301}"])
    }

    // MARK: - Soft hyphens and NBSP

    func testSoftHyphenAwayFromABreakIsInvisible() {
        XCTAssertEqual(checkedWrap("co\u{AD}operation works", width: 20), ["cooperation works"])
        XCTAssertEqual(checkedWrap("\u{AD}Israeli peace", width: 20), ["Israeli peace"])
    }

    func testSoftHyphenAtABreakShowsAHyphen() {
        let word = "in\u{AD}ter\u{AD}na\u{AD}tion\u{AD}al"
        XCTAssertEqual(checkedWrap(word, width: 6), ["inter-", "na-", "tional"])
        XCTAssertEqual(checkedWrap("an " + word, width: 8), ["an in-", "terna-", "tional"])
        XCTAssertEqual(checkedWrap(word, width: 13), ["international"])
    }

    /// A zero-width space marks where a long word or address may break, and never shows: such
    /// words were cut wherever the line ended (found by QA).
    func testZeroWidthSpaceIsAnInvisibleBreak() {
        let address = "https://example.org/news/\u{200B}2024/10/\u{200B}state-election-results"
        XCTAssertEqual(
            checkedWrap(address, width: 40), ["https://example.org/news/2024/10/", "state-election-results"])
        XCTAssertEqual(checkedWrap("Rechts\u{200B}schutz", width: 20), ["Rechtsschutz"])
        XCTAssertEqual(checkedWrap("Rechts\u{200B}schutz", width: 8), ["Rechts", "schutz"])
        XCTAssertEqual(checkedWrap("a \u{200B} b", width: 10), ["a  b"])
        XCTAssertEqual(TerminalSanitizer.line("a\u{200B}b"), "ab", "removed where nothing wraps")
        XCTAssertEqual(TerminalSanitizer.lineKeepingBreakHints("a\u{200B}b\u{1B}[2J"), "a\u{200B}b")
    }

    func testSoftHyphenIsIgnoredWhenTheBreakIsAtASpace() {
        XCTAssertEqual(checkedWrap("foo\u{AD} bar", width: 4), ["foo", "bar"])
    }

    func testNoBreakSpaceIsNotABreakOpportunity() {
        XCTAssertEqual(checkedWrap("x 10\u{A0}km", width: 5), ["x", "10\u{A0}km"])
        XCTAssertEqual(checkedWrap("10\u{A0}km away", width: 6), ["10\u{A0}km", "away"])
    }

    // MARK: - Narrow widths

    func testWideCharacterAtWidthOneGoesAloneOnItsLine() {
        XCTAssertEqual(TextWrapper.wrap("中a", width: 1), ["中", "a"])
        XCTAssertEqual(TextWrapper.wrap("ab", width: 1), ["a", "b"])
        XCTAssertEqual(TextWrapper.wrap("ab", width: 0), ["a", "b"])
    }

    func testWidthSweepsNeverOverflowOrLoseText() {
        let paragraphs = [
            "The quick brown fox jumps over the lazy dog.",
            "President Obama told the U.N. General Assembly 18 months ago that he would seek “real breakthroughs”.",
            "伊朗上个月遭受的大规模网络攻击威胁到其银行系统的稳定。",
            "日本語のテキスト、そしてカタカナ。",
            "대한민국 서울특별시 종로구",
            "السلام عليكم ورحمة الله وبركاته",
            "می\u{200C}خواهم به خانه بروم",
            "👍 🇮🇷 👨\u{200D}👩\u{200D}👧 ⚠️ emoji👍👍in text",
            "cafe\u{301} na\u{EF}ve re\u{301}sume\u{301}",
            "co\u{AD}op\u{AD}er\u{AD}a\u{AD}tion in\u{AD}ter\u{AD}na\u{AD}tion\u{AD}al",
            "https://example.com/a/very/long/path?with=query&and=more#fragment",
            "10\u{A0}km from the border",
            "  indented paragraph text",
            "\u{3000}全角スペースで始まる段落",
            "x",
        ]
        for paragraph in paragraphs {
            for width in 1...10 {
                checkedWrap(paragraph, width: width)
            }
        }
    }

    // MARK: - Real text and speed

    func testRealNewsWrapsWithinWidth() throws {
        let data = Fixtures.bytes(Fixtures.realNews)
        try XCTSkipIf(data.isEmpty, "real news dump not available")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            TerminalSanitizer.line(String($0))
        }
        XCTAssertGreaterThan(lines.count, 100)
        for width in [20, 37, 60] {
            var produced = 0
            for line in lines {
                produced += checkedWrap(line, width: width).count
            }
            XCTAssertGreaterThan(produced, lines.count)
        }
    }

    func testLongParagraphWrapsInLinearTime() {
        let words = String(
            repeating: "lorem ipsum dolor sit amet con\u{AD}sec\u{AD}te\u{AD}tur ", count: 5_000)
        let cjk = String(repeating: "伊朗上个月遭受的大规模网络攻击", count: 2_000)
        let longWord = String(repeating: "x", count: 50_000)
        let start = Date()
        XCTAssertGreaterThan(TextWrapper.wrap(words, width: 37).count, 5_000)
        XCTAssertEqual(TextWrapper.wrap(cjk, width: 60).count, 1_000)
        XCTAssertEqual(TextWrapper.wrap(longWord, width: 50).count, 1_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}
