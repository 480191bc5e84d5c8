import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `HTMLRenderer.wordCount` must count exactly what `WordCounter` counts in `plainText`.
final class HTMLWordCounterTests: XCTestCase {
    private func reference(_ html: String) -> Int {
        var words = WordCounter()
        words.add(HTMLRenderer.plainText(html))
        return words.count
    }

    func testRandomFragmentsCountAsTheirPlainText() {
        let pieces = [
            "word", "two words", " ", "  ", "\n", "\t", "\r\n", "\u{0B}", "\u{0C}", "<p>", "</p>", "<b>",
            "</b>",
            "<i>", "</i>", "<br>", "<br/>", "<hr>", "<div>", "</div>", "<td>", "</td>", "<tr>", "<li>",
            "</li>",
            "<script>var a = 1 < 2;</script>", "<style>p { x: y }</style>", "<img alt=\"a picture\" src=x>",
            "<a href=\"https://e.com\">", "</a>", "<!-- note -->", "&nbsp;", "&amp;", "&lt;", "&gt;",
            "&#8217;",
            "&#160;", "&bogus;", "&", "<", ">", "\u{A0}", "\u{3000}", "\u{2009}", "\u{2028}", "\u{85}", "東京",
            "、", "カナ", "é", "’", "—", "\u{1F600}", "a\u{301}", "&lt;b&gt;bold&lt;/b&gt;", "<p>&nbsp;</p>",
        ]
        var generator = SeededGenerator(seed: 5_000)
        for round in 0..<4000 {
            var html = ""
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                html += pieces.randomElement(using: &generator)!
            }
            XCTAssertEqual(
                HTMLRenderer.wordCount(html), reference(html), "round \(round): \(html.debugDescription)")
        }
    }

    func testKnownCounts() {
        XCTAssertEqual(HTMLRenderer.wordCount("<p>Hello <b>wor</b>ld</p><p>again</p>"), 3)
        XCTAssertEqual(HTMLRenderer.wordCount("&nbsp; lead <p>&nbsp;</p> mid &nbsp;"), 3)
        XCTAssertEqual(HTMLRenderer.wordCount("<script>a b c</script>one"), 1)
        XCTAssertEqual(HTMLRenderer.wordCount("東京で"), 3)
        XCTAssertEqual(HTMLRenderer.wordCount(""), 0)
    }

    func testEveryRealWorldItemCountsAsItsPlainText() throws {
        var checked = 0
        let root = Fixtures.feeds.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            let bytes = Fixtures.bytes(Fixtures.feeds.appendingPathComponent(relative))
            guard !bytes.isEmpty else { continue }
            for item in ParsedFeed(bytes).items where item.contentIsHTML {
                XCTAssertEqual(HTMLRenderer.wordCount(item.content), reference(item.content), relative)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 400)
    }
}
