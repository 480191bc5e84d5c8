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
}
