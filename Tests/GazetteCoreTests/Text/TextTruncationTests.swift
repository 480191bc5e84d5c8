import GazetteCore
import XCTest

final class TextTruncationTests: XCTestCase {
    func testTextThatFitsIsUnchanged() {
        XCTAssertEqual(TextTruncation.truncate("Hello", width: 5), "Hello")
        XCTAssertEqual(TextTruncation.truncate("Hello", width: 80), "Hello")
        XCTAssertEqual(TextTruncation.truncate("", width: 3), "")
        XCTAssertEqual(TextTruncation.truncate("中文", width: 4), "中文")
        XCTAssertEqual(TextTruncation.truncate("cafe\u{301}", width: 4), "cafe\u{301}")
    }

    func testCutTextEndsWithAnEllipsis() {
        XCTAssertEqual(TextTruncation.truncate("Hello world", width: 8), "Hello w…")
        XCTAssertEqual(TextTruncation.truncate("Hello world", width: 10), "Hello wor…")
        XCTAssertEqual(TextTruncation.truncate("abcdef", width: 2), "a…")
    }

    func testSpacesBeforeTheEllipsisAreDropped() {
        XCTAssertEqual(TextTruncation.truncate("Hello world", width: 7), "Hello…")
        XCTAssertEqual(TextTruncation.truncate("中文 world", width: 6), "中文…")
    }

    func testZeroAndTinyWidths() {
        XCTAssertEqual(TextTruncation.truncate("Hello", width: 0), "")
        XCTAssertEqual(TextTruncation.truncate("Hello", width: -3), "")
        XCTAssertEqual(TextTruncation.truncate("Hello", width: 1), "…")
        XCTAssertEqual(TextTruncation.truncate("a", width: 1), "a")
        XCTAssertEqual(TextTruncation.truncate("中", width: 1), "…")
        XCTAssertEqual(TextTruncation.fit("Hello", width: 0), "")
    }

    /// A ZWJ sequence that does not fit keeps the pictures that do before the "…": a title of
    /// one long sequence showed "…" alone (found by QA).
    func testAZWJSequenceThatDoesNotFitKeepsThePicturesThatDo() {
        let family = Array(repeating: "👩", count: 12).joined(separator: "\u{200D}")
        let cut = TextTruncation.truncate("ZWJ \(family) title", width: 16)
        XCTAssertEqual(cut, "ZWJ " + Array(repeating: "👩", count: 5).joined(separator: "\u{200D}") + "…")
        XCTAssertEqual(DisplayWidth.of(cut), 15)
        XCTAssertEqual(TextTruncation.truncate(family, width: 4), "👩…")
        XCTAssertEqual(TextTruncation.truncate(family, width: 2), "…")
        for width in 1...30 {
            XCTAssertLessThanOrEqual(
                DisplayWidth.of(TextTruncation.truncate("a \(family) b", width: width)), width)
        }
    }

    func testWideCharactersAreNeverSplit() {
        XCTAssertEqual(TextTruncation.truncate("中文字符", width: 5), "中文…")
        XCTAssertEqual(TextTruncation.truncate("中文字符", width: 4), "中…")
        XCTAssertEqual(TextTruncation.truncate("👍👍👍", width: 4), "👍…")
        XCTAssertEqual(TextTruncation.truncate("🇮🇷🇮🇷🇮🇷", width: 5), "🇮🇷🇮🇷…")
    }

    func testCombiningMarksStayWithTheirLetters() {
        XCTAssertEqual(TextTruncation.truncate("cafe\u{301}s", width: 4), "caf…")
        XCTAssertEqual(TextTruncation.truncate("e\u{301}e\u{301}e\u{301}", width: 2), "e\u{301}…")
    }

    func testRightToLeftTextIsCutByColumns() {
        XCTAssertEqual(TextTruncation.truncate("می\u{200C}خواهم بروم", width: 8), "می\u{200C}خواهم…")
    }

    func testFitPadsToExactWidth() {
        XCTAssertEqual(TextTruncation.fit("ab", width: 5), "ab   ")
        XCTAssertEqual(TextTruncation.fit("Hello world", width: 8), "Hello w…")
        XCTAssertEqual(TextTruncation.fit("中文字符", width: 4), "中… ")
        XCTAssertEqual(TextTruncation.fit("中文", width: 5), "中文 ")
        XCTAssertEqual(TextTruncation.fit("", width: 3), "   ")
    }

    func testWidthSweepsStayWithinWidth() {
        let samples = [
            "Iran Pays Millions in Ransom to End Cyberattack on Banks", "伊朗支付数百万赎金", "日本語とEnglish",
            "👍 🇮🇷 👨\u{200D}👩\u{200D}👧 ⚠️", "cafe\u{301} re\u{301}sume\u{301}", "ایران می\u{200C}خواهد",
            "10\u{A0}km", "", "x",
        ]
        for sample in samples {
            for width in 0...20 {
                let truncated = TextTruncation.truncate(sample, width: width)
                XCTAssertLessThanOrEqual(DisplayWidth.of(truncated), width, "\(sample) at \(width)")
                if DisplayWidth.of(sample) <= width {
                    XCTAssertEqual(truncated, sample)
                } else if width == 0 {
                    XCTAssertEqual(truncated, "")
                } else {
                    XCTAssertTrue(truncated.hasSuffix("…"), "\(sample) at \(width)")
                }
                XCTAssertEqual(
                    DisplayWidth.of(TextTruncation.fit(sample, width: width)), width, "\(sample) at \(width)")
            }
        }
    }
}
