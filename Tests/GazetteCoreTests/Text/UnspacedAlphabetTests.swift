import XCTest

@testable import GazetteCore

/// Thai, Lao, Myanmar and Khmer, written without spaces between words, count words by an
/// estimate per character, in a feed's text and its HTML alike.
final class UnspacedAlphabetTests: XCTestCase {
    /// 9,000 Thai characters counted one word, "1 min" (found by QA).
    func testThaiTextCountsWordsByItsLength() {
        let sentence = "วันนี้อากาศดีมาก"  // 16 characters
        let text = String(repeating: sentence, count: 500)
        let item = FeedItem(
            id: "th", title: "Thai", titleIsHTML: false, link: nil, author: nil, date: nil, content: text,
            contentIsHTML: false)
        let details = FeedArticle.details(of: item)
        XCTAssertEqual(details.wordCount, 1_600)  // 8,000 characters, 5 a word
        XCTAssertEqual(details.readingMinutes, 8)
        XCTAssertEqual(HTMLRenderer.wordCounts("<p>\(text)</p>").words, details.wordCount)
        // Words around a run, and runs of Lao, Myanmar and Khmer.
        var words = WordCounter()
        words.add("Bangkok \(sentence) 2026")
        XCTAssertEqual(words.count, 2 + 3)
        XCTAssertEqual(HTMLRenderer.wordCounts("<p>Bangkok <b>\(sentence)</b> 2026</p>").words, 5)
        for other in ["ພາສາລາວງາມຫຼາຍ", "မြန်မာဘာသာစကား", "ភាសាខ្មែរស្អាត"] {
            var counter = WordCounter()
            counter.add(other)
            XCTAssertGreaterThan(counter.count, 1, other)
        }
    }
}
