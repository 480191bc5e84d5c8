import XCTest

@testable import GazetteCore

/// Reading time: words at 200 a minute, CJK ideographs and kana (each counted as a word) at 400.
final class ReadingTimeTests: XCTestCase {
    func testIdeographsAreReadFasterThanWords() {
        XCTAssertEqual(ReadingTime.minutes(forWords: 0), 0, "no words, no reading time (it said 1 min)")
        XCTAssertEqual(ReadingTime.minutes(forWords: 1), 1)
        XCTAssertEqual(ReadingTime.minutes(forWords: 1_000), 5)
        // A Chinese story of 2,320 counted words, 2,300 of them ideographs: 6 minutes, not 12
        // (found by QA).
        XCTAssertEqual(ReadingTime.minutes(forWords: 2_320, ideographs: 2_300), 6)
        XCTAssertEqual(ReadingTime.minutes(forWords: 2_000, ideographs: 2_000), 5)
        XCTAssertEqual(
            ReadingTime.minutes(forWords: 10, ideographs: 50), 1, "never more ideographs than words")
    }

    func testTheCountersTellIdeographsApart() {
        var words = WordCounter()
        words.add("東京大学 and Tokyo、京都")
        XCTAssertEqual(words.count, 8)
        XCTAssertEqual(words.ideographs, 6)
        let html = HTMLRenderer.wordCounts("<p>東京大学 and <b>Tokyo</b>、京都</p>")
        XCTAssertEqual(html.words, 8)
        XCTAssertEqual(html.ideographs, 6)
    }

    /// The list's column holds six columns whatever the length: a 400,000-word story read
    /// "2000 min" and pushed the credit out of line.
    func testTheShortTextFitsSixColumns() {
        XCTAssertEqual(ReadingTime.shortText(minutes: 0), "")
        XCTAssertEqual(ReadingTime.shortText(minutes: 4), "4 min")
        XCTAssertEqual(ReadingTime.shortText(minutes: 99), "99 min")
        XCTAssertEqual(ReadingTime.shortText(minutes: 100), "1 h 40")
        XCTAssertEqual(ReadingTime.shortText(minutes: 245), "4 h 05")
        XCTAssertEqual(ReadingTime.shortText(minutes: 599), "9 h 59")
        XCTAssertEqual(ReadingTime.shortText(minutes: 600), "10 h")
        XCTAssertEqual(ReadingTime.shortText(minutes: 2000), "33 h")
        XCTAssertEqual(ReadingTime.shortText(minutes: 59_969), "999 h")
        XCTAssertEqual(ReadingTime.shortText(minutes: 60_000), "999+ h")
        for minutes in [1, 9, 10, 99, 100, 601, 5_999, 6_000, 59_999, 60_000, Int.max / 2] {
            XCTAssertLessThanOrEqual(ReadingTime.shortText(minutes: minutes).count, 6, "\(minutes)")
        }
    }
}
