import GazetteCore
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testPrintableASCIICountsOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of("hello, world"), 12)
        XCTAssertEqual(DisplayWidth.of(Character("a")), 1)
        XCTAssertEqual(DisplayWidth.of(Character(" ")), 1)
        XCTAssertEqual(DisplayWidth.of("~"[...]), 1)
    }

    func testControlCharactersTakeNoColumns() {
        for control in ["\u{0}", "\u{7}", "\t", "\n", "\r\n", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}"] {
            XCTAssertEqual(DisplayWidth.of(control), 0, "\(control.unicodeScalars.map(\.value))")
        }
        XCTAssertEqual(DisplayWidth.of("a\u{1B}b"), 2)
    }

    func testChineseJapaneseKoreanAreWide() {
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("伊朗新闻"), 8)
        XCTAssertEqual(DisplayWidth.of("日本語のテキスト"), 16)
        XCTAssertEqual(DisplayWidth.of("ひらがな"), 8)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("Hi 中国!"), 8)
    }

    func testHalfwidthKatakanaIsNarrowAndFullwidthFormsAreWide() {
        XCTAssertEqual(DisplayWidth.of("ｶﾀｶﾅ"), 4)
        XCTAssertEqual(DisplayWidth.of("ＡＢＣ"), 6)
        XCTAssertEqual(DisplayWidth.of("！"), 2)
        XCTAssertEqual(DisplayWidth.of("￥"), 2)
    }

    func testIdeographicSpaceIsWide() {
        XCTAssertEqual(DisplayWidth.of(Character("\u{3000}")), 2)
        XCTAssertEqual(DisplayWidth.of("\u{3000}中"), 4)
    }

    func testDecomposedHangulSyllableIsOneWideCluster() {
        let syllable = "\u{1100}\u{1161}\u{11A8}"  // 각 as leading, vowel, trailing jamo
        XCTAssertEqual(syllable.count, 1)
        XCTAssertEqual(DisplayWidth.of(syllable), 2)
    }

    func testArabicAndPersianLettersAreNarrow() {
        XCTAssertEqual(DisplayWidth.of("سلام"), 4)
        XCTAssertEqual(DisplayWidth.of("مَرْحَبًا"), 5)  // harakat take no columns
        XCTAssertEqual(DisplayWidth.of("ایران"), 5)
    }

    func testPersianZeroWidthNonJoinerTakesNoColumn() {
        let word = "می\u{200C}خواهم"
        XCTAssertEqual(DisplayWidth.of(word), 7)
        XCTAssertEqual(DisplayWidth.of(Character("\u{200C}")), 0)
    }

    func testEmojiAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)
        XCTAssertEqual(DisplayWidth.of("🇮🇷"), 2)
        // A ZWJ sequence is the pictures it joins, laid out apart (terminals disagree on joining).
        XCTAssertEqual(DisplayWidth.of("👨\u{200D}👩\u{200D}👧"), 6)
        XCTAssertEqual(DisplayWidth.of("👩🏽\u{200D}💻"), 4)
        XCTAssertEqual(DisplayWidth.of("🏳️\u{200D}🌈"), 4)
        XCTAssertEqual(DisplayWidth.of("⚠️"), 2)
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)
        XCTAssertEqual(DisplayWidth.of("1️⃣"), 2)
        XCTAssertEqual(DisplayWidth.of("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"), 2)
        XCTAssertEqual(DisplayWidth.of("🇮🇷🇺🇸"), 4)
        XCTAssertEqual(DisplayWidth.of("ok 👍"), 5)
    }

    func testTextPresentationSymbolsAreNarrow() {
        XCTAssertEqual(DisplayWidth.of("⚠"), 1)
        XCTAssertEqual(DisplayWidth.of("©"), 1)
        XCTAssertEqual(DisplayWidth.of("→"), 1)
        XCTAssertEqual(DisplayWidth.of("…"), 1)
        XCTAssertEqual(DisplayWidth.of("’"), 1)
    }

    func testCombiningMarksAddNoWidth() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("cafe\u{301}"), 4)
        XCTAssertEqual(DisplayWidth.of("a\u{301}\u{302}\u{303}"), 1)
        XCTAssertEqual(DisplayWidth.of("\u{301}"), 0)
        XCTAssertEqual(DisplayWidth.of("é"), 1)
    }

    func testFormatCharactersAreInvisible() {
        for scalar in [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD, 0x202E, 0x2066] {
            let text = String(Character(Unicode.Scalar(UInt32(scalar))!))
            XCTAssertEqual(DisplayWidth.of(text), 0, String(scalar, radix: 16))
        }
        XCTAssertEqual(DisplayWidth.of("co\u{AD}op"), 4)
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
    }

    func testOtherScriptsAreNarrow() {
        XCTAssertEqual(DisplayWidth.of("Привет"), 6)
        XCTAssertEqual(DisplayWidth.of("Ελλάδα"), 6)
        XCTAssertEqual(DisplayWidth.of("שלום"), 4)
        XCTAssertEqual(DisplayWidth.of("\u{FFFD}"), 1)
        XCTAssertEqual(DisplayWidth.of("10\u{A0}km"), 5)
    }

    func testStringWidthIsTheSumOfItsCharacters() {
        let samples = [
            "Iran’s nuclear program — ­Israeli-Palestinian peace",
            "中文 text 日本語 👍🏽 🇮🇷 café",
            "می\u{200C}خواهم بروم",
            "\u{3000}한국어 ⚠️ e\u{301}",
        ]
        for sample in samples {
            XCTAssertEqual(DisplayWidth.of(sample), sample.reduce(0) { $0 + DisplayWidth.of($1) }, sample)
            XCTAssertEqual(DisplayWidth.of(sample[...]), DisplayWidth.of(sample))
        }
    }

    /// A cluster is as many cells as a terminal gives it: one per spacing scalar, of 1 or 2
    /// columns; emoji pictures are one cell of 2.
    func testEveryClusterIsCellsOfOneOrTwoColumns() {
        let text = "a中👍🇮🇷👨\u{200D}👩\u{200D}👧क्षก\u{E33}\u{1100}\u{1100}\u{1161}e\u{301}\u{301}\u{301}हिन्दी"
        for character in text {
            let cells = DisplayWidth.cells(of: character) ?? [(String(character), DisplayWidth.of(character))]
            XCTAssertEqual(
                cells.map(\.text).joined(),
                String(String.UnicodeScalarView(character.unicodeScalars.filter { $0.value != 0x200D })))
            XCTAssertEqual(cells.reduce(0) { $0 + $1.width }, DisplayWidth.of(character), String(character))
            XCTAssertTrue(cells.allSatisfy { (0...2).contains($0.width) }, String(character))
            XCTAssertTrue(cells.dropFirst().allSatisfy { $0.width > 0 }, String(character))
        }
    }

    /// Spacing marks take a column each, as `wcwidth` gives them (Devanagari, Bengali, Tamil
    /// vowel signs; Thai sara am); nonspacing ones none. They were dropped from the screen.
    func testSpacingMarksTakeAColumn() {
        // What glibc's wcswidth gives (and a terminal shows).
        XCTAssertEqual(DisplayWidth.of("हिन्दी"), 5)  // ह ि | न ् द ी: 1+1 | 1+0+1+1
        XCTAssertEqual(DisplayWidth.of(Character("न्दी")), 3)
        XCTAssertEqual(DisplayWidth.of("नमस्ते"), 4)  // न | म | स ् त े
        XCTAssertEqual(DisplayWidth.of("தமிழ்"), 4)
        XCTAssertEqual(DisplayWidth.of("বাংলা"), 5)
        XCTAssertEqual(DisplayWidth.of("กำ"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{0947}"), 0, "a nonspacing vowel sign alone")
        let cells = DisplayWidth.cells(of: Character("न्दी"))
        XCTAssertEqual(cells?.map(\.text), ["न्", "द", "ी"])
        XCTAssertEqual(cells?.map(\.width), [1, 1, 1])
        XCTAssertNil(DisplayWidth.cells(of: Character("e\u{301}")))
        XCTAssertNil(DisplayWidth.cells(of: Character("👍🏽")))
        // The pictures of a ZWJ sequence are cells of their own (the family was cut to "👨").
        let family = DisplayWidth.cells(of: Character("👨\u{200D}👩\u{200D}👧"))
        XCTAssertEqual(family?.map(\.text), ["👨", "👩", "👧"])
        XCTAssertEqual(family?.map(\.width), [2, 2, 2])
        XCTAssertEqual(DisplayWidth.cells(of: Character("👩🏽\u{200D}💻"))?.map(\.text), ["👩🏽", "💻"])
        XCTAssertNil(
            DisplayWidth.cells(of: Character("\u{1100}\u{1161}\u{11A8}")), "Hangul L+V+T is one cell")
    }

    func testLongASCIIRowIsMeasuredQuickly() {
        let row = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 2_000)
        for _ in 0..<100 {
            XCTAssertEqual(DisplayWidth.of(row), row.utf8.count)
        }
    }

    /// What `isOneColumnText` accepts is what the grapheme rules and `of` say of it: each
    /// scalar a grapheme of its own, one column wide (the canvas and the wrapper rely on it).
    func testOneColumnTextIsOneGraphemeAndOneColumnPerScalar() {
        for value in UInt32(0x20)..<0x3400 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            guard DisplayWidth.isOneColumnText(alone) else { continue }
            XCTAssertEqual(DisplayWidth.of(Character(scalar)), 1, "U+\(String(value, radix: 16))")
            XCTAssertEqual(("a" + alone + "b" + alone + "\u{301}").count, 4, "U+\(String(value, radix: 16))")
        }
        XCTAssertTrue(DisplayWidth.isOneColumnText("Zoë “Müller” — Tromsø, Ελλάδα, Москва\t1\n"))
        XCTAssertFalse(DisplayWidth.isOneColumnText("e\u{301}"))
        XCTAssertFalse(DisplayWidth.isOneColumnText("東京"))
        XCTAssertFalse(DisplayWidth.isOneColumnText("a\r\nb"))
    }
}
