import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A feed body's paragraph that shows nothing (a zero-width space alone, `&#8203;`, bidi marks,
/// a soft hyphen) showed as an empty paragraph, and counted a word (a reading time of 1 min;
/// found by QA). It is none, as an empty paragraph is; a zero-width space among words stays.
final class InvisibleParagraphTests: XCTestCase {
    /// Characters that show nothing on a terminal, alone or together.
    private let invisibles = [
        "\u{200B}", "&#8203;", "&#x200b;", "\u{2060}", "\u{FEFF}", "\u{200C}", "\u{200D}", "\u{AD}", "&shy;",
        "\u{200E}", "\u{200F}", "\u{061C}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{202A}",
        "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{200B} \u{200E}\u{AD}\u{2069}",
        "&#8203;&nbsp;&#8203;",
    ]

    private func article(description: String) -> Article? {
        FeedText.articles(ofRSSItems: "<item><guid>g</guid><title>T</title>\(description)</item>").first
    }

    private func escaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    func testABodyThatShowsNothingIsAnEmptyBody() throws {
        let empty = try XCTUnwrap(article(description: "<description></description>"))
        XCTAssertEqual(empty.paragraphs, [])
        XCTAssertEqual(empty.wordCount, 0)
        for invisible in invisibles {
            // As the feed's text (`<description>&#8203;</description>`), and as HTML: text, a
            // paragraph of its own.
            let asText = invisible.range(of: "&[a-z]", options: .regularExpression) == nil ? invisible : nil
            let asHTML = [
                escaped(invisible), escaped("<p>\(invisible)</p>"),
                escaped("<div><p> \(invisible) </p></div>"),
            ]
            for body in [asText].compactMap({ $0 }) + asHTML {
                let story = try XCTUnwrap(article(description: "<description>\(body)</description>"))
                XCTAssertEqual(story.paragraphs, empty.paragraphs, body)
                XCTAssertEqual(story.wordCount, empty.wordCount, body)
                XCTAssertEqual(story.readingMinutes, empty.readingMinutes, body)
            }
        }
    }

    func testAParagraphThatShowsNothingAmongOthersIsLeftOut() throws {
        for invisible in invisibles {
            let body = escaped(
                "<p>Hello there.</p><p>\(invisible)</p><ul><li>\(invisible)</li></ul><p>Bye.</p>")
            let story = try XCTUnwrap(article(description: "<description>\(body)</description>"))
            XCTAssertEqual(story.paragraphs, ["Hello there.", "Bye."], invisible)
        }
    }

    /// A zero-width space inside a word or between words is a break hint, kept.
    func testAZeroWidthSpaceAmongWordsIsKept() throws {
        let thai = "ภาษาไทย\u{200B}ไม่เว้นวรรค"
        for (body, shown) in [
            ("<p>super&#8203;cali&#8203;fragilistic</p>", "super\u{200B}cali\u{200B}fragilistic"),
            ("<p>\(thai)</p>", thai), ("<p>a &#8203; b</p>", "a \u{200B} b"),
        ] {
            let story = try XCTUnwrap(article(description: "<description>\(escaped(body))</description>"))
            XCTAssertEqual(story.paragraphs, [shown], body)
            XCTAssertGreaterThan(story.wordCount, 0, body)
        }
        XCTAssertEqual(HTMLRenderer.wordCount("<p>super&#8203;cali&#8203;fragilistic</p>"), 1)
    }

    /// Marks that show nothing, standing between spaces beside real words, are no word: a word
    /// holds something that shows ("Hello \u{200B} world" counted 3). A no-break space is a
    /// space; inside a word, marks are part of it.
    func testMarksAloneBesideWordsAreNoWord() throws {
        let marks = [
            "\u{200B}", "\u{A0}", "\u{AD}", "\u{200E}\u{200F}", "\u{2066}\u{2069}", "\u{FEFF}\u{2060}",
            "\u{200B}\u{A0}\u{AD}", "\u{202F}", "\u{200D}", "\u{301}",
        ]
        for mark in marks {
            let text = "Hello \(mark) world \(mark)\(mark) again"
            var counter = WordCounter()
            counter.add(text)
            XCTAssertEqual(counter.count, 3, text.debugDescription)
            XCTAssertEqual(DumpText.articles("Title\n\n\(text)")[0].wordCount, 3, text.debugDescription)
            let story = try XCTUnwrap(article(description: "<description>\(text)</description>"))
            XCTAssertEqual(story.wordCount, 3, text.debugDescription)
            let html = escaped("<p>Hello <b>\(mark)</b> world</p><p>\(mark) again \(mark)</p>")
            let fromHTML = try XCTUnwrap(article(description: "<description>\(html)</description>"))
            XCTAssertEqual(fromHTML.wordCount, 3, html)
        }
        // Beside something that shows, a mark is part of a word; what shows makes one.
        for (text, words) in [
            ("a\u{200B}b", 1), ("\u{200B}a", 1), ("x \u{200B}é", 2), ("x \u{93}", 2), ("x \u{81}", 1),
            ("x \u{FFFD}", 2), ("x \u{200B}東", 2), ("x \u{200B}ไทย", 2),
        ] {
            var counter = WordCounter()
            counter.add(text)
            XCTAssertEqual(counter.count, words, text.debugDescription)
        }
    }

    /// A plain-text body (a JSON Feed's `content_text`) drops such paragraphs too.
    func testAPlainTextBodyDropsParagraphsThatShowNothing() throws {
        for invisible in ["\\u200b", "\\u200e\\u00ad", "\\u2060\\u202e"] {
            let feed = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [
                {"id": "1", "title": "A", "content_text": "First.\\n\\n\(invisible)\\n\\nSecond."},
                {"id": "2", "title": "B", "content_text": "\(invisible)"},
                {"id": "3", "title": "C", "content_text": ""}]}
                """
            let stories = FeedText.articles(of: feed, format: .jsonFeed)
            XCTAssertEqual(stories.map(\.paragraphs), [["First.", "Second."], [], []], invisible)
            XCTAssertEqual(stories[1].wordCount, 0, invisible)
            XCTAssertEqual(stories[1].readingMinutes, stories[2].readingMinutes, invisible)
        }
    }

    /// Content that shows nothing gives way to the item's summary, as empty content does.
    func testContentThatShowsNothingGivesWayToTheSummary() throws {
        for content in ["&#8203;", "&lt;p&gt;&amp;#8203;&lt;/p&gt;", "\u{200E}\u{AD}", ""] {
            let items =
                "<item><guid>g</guid><title>T</title><description>The summary.</description>"
                + "<content:encoded>\(content)</content:encoded></item>"
            let story = try XCTUnwrap(
                FeedText.articles(
                    ofRSSItems: items,
                    namespaces: "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                ).first)
            XCTAssertEqual(story.paragraphs, ["The summary."], content)
            XCTAssertEqual(story.wordCount, 2, content)
        }
    }

    /// A title that shows nothing is no title: the story is named by its text, else its link,
    /// else "(untitled)".
    func testATitleThatShowsNothingIsNone() {
        for title in ["&#8203;", "\u{200E}\u{200F}", "\u{AD}\u{2060}"] {
            let stories = FeedText.articles(
                ofRSSItems: """
                    <item><guid>a</guid><title>\(title)</title><description>Body words.</description></item>
                    <item><guid>b</guid><title>\(title)</title><description>&amp;#8203;</description></item>
                    """)
            XCTAssertEqual(stories.map(\.title), ["Body words.", Article.untitled], title)
        }
    }
}
