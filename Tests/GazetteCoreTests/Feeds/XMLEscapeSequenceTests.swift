import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A terminal escape sequence written raw in an XML feed (`ESC [31m`, `ESC ] 8 ; ; url ESC \`),
/// or with its controls as XML references (`&#27;[31m`), goes whole, wherever a chunk cut
/// falls in it: only its controls were dropped, and the rest showed as text ("T[31mRED one").
final class XMLEscapeSequenceTests: XCTestCase {
    /// `text` sanitized in chunks cut at `cuts` (offsets in bytes), and the file's end.
    private func sanitized(_ text: String, cuts: [Int] = []) -> String {
        XMLSanitizer.sanitized(text, cuts: cuts, finishing: true)
    }

    /// Checks that `text` sanitizes to `expected` whole and cut in two anywhere after its
    /// root's start tag.
    private func assertSanitized(
        _ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(sanitized(text), expected, file: file, line: line)
        let root = (Array(text.utf8).firstIndex(of: UInt8(ascii: ">")) ?? 0) + 1
        for cut in root...text.utf8.count {
            XCTAssertEqual(sanitized(text, cuts: [cut]), expected, "cut at \(cut)", file: file, line: line)
        }
    }

    func testRawSequencesInTextGoWhole() {
        assertSanitized(
            "<d>T\u{1B}[31mRED\u{07} one, \u{1B}]8;;http://x.example/y\u{1B}\\link\u{1B}]8;;\u{07} é\u{1B}(B."
                + "\u{1B}]0;window title\u{9C}</d>",
            "<d>TRED one, \(XMLHyperlinkMark.text("http://x.example/y"))link\(XMLHyperlinkMark.text("")) é.</d>"
        )
    }

    func testRawSequencesInCDATAAndValuesGoWhole() {
        assertSanitized(
            "<d><![CDATA[<p>b\u{1B}[1mB\u{1B}]8;;http://x/\u{07}l\u{1B}]8;;\u{1B}\\</p>]]>"
                + "<a href=\"http://x/\u{1B}[31mz\" t='\u{1B}]0;t\u{07}u'>x</a></d>",
            "<d><![CDATA[<p>bB]]>\(XMLHyperlinkMark.text("http://x/"))<![CDATA[l]]>\(XMLHyperlinkMark.text(""))<![CDATA[</p>]]>"
                + "<a href=\"http://x/z\" t='u'>x</a></d>")
    }

    /// A lone ESC, or one whose sequence would hold a tag's start, goes alone, as the screen
    /// reads it; a sequence ends where a CDATA section does.
    func testALoneEscapeGoesAlone() {
        assertSanitized("<d>a\u{1B}<b>x\u{1B}</b></d>", "<d>a<b>x</b></d>")
        assertSanitized(
            "<d><![CDATA[a \u{1B}]8;;u</p> b \u{1B}[]]></d>", "<d><![CDATA[a ]8;;u</p> b ]]></d>")
    }

    func testReferencedSequencesGoWhole() {
        XCTAssertEqual(
            sanitized(
                "<d>T&#27;[31mRED&#x07; one &#x1b;]8;;http://x/?a=1&amp;b=2&#27;\\l&#27;]8;;&#7; &amp;</d>"),
            "<d><![CDATA[TRED one ]]>\(XMLHyperlinkMark.text("http://x/?a=1&b=2"))<![CDATA[l]]>\(XMLHyperlinkMark.text(""))<![CDATA[ &]]></d>"
        )
        XCTAssertEqual(sanitized("<d>a &#7; b &#0;&#x1;</d>"), "<d><![CDATA[a  b ]]></d>")
        XCTAssertEqual(
            sanitized("<d><a href=\"http://x/&#27;[31mz&amp;\">x</a></d>"),
            "<d><a href=\"http://x/z&amp;\">x</a></d>")
    }

    /// A sequence at the end of a file cut short goes whole too.
    func testASequenceAtTheFilesEndGoesWhole() {
        XCTAssertEqual(sanitized("<d>a \u{1B}]8;;http://x/"), "<d>a \(XMLHyperlinkMark.text("http://x/"))")
        XCTAssertEqual(sanitized("<d>a \u{1B}[3", cuts: [7]), "<d>a ")
    }

    /// The QA feed: the channel's title, the item's title, body, link and id.
    func testAFeedsTitlesBodyLinkAndIDLoseTheirSequences() {
        let raw = FeedText.articles(
            of:
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Evil\u{1B}[31mRED\u{07} feed</title>"
                + "<item><title>T\u{1B}[31mRED\u{07} one</title><description>b\u{1B}[1mB</description>"
                + "<link>https://x.example/a\u{1B}]8;;y\u{1B}\\</link><guid>e\u{1B}[31m1</guid></item></channel></rss>",
            format: .rss)
        XCTAssertEqual(raw.map(\.title), ["TRED one"])
        XCTAssertEqual(raw.map(\.paragraphs), [["bB"]])
        XCTAssertEqual(raw.map(\.link), ["https://x.example/a"])
        // The channel's title scopes the id.
        XCTAssertEqual(raw.map(\.id), [ArticleID("EvilRED feed#e1")])
        // The same guid written raw, with a reference, and without the sequence: one id.
        for guid in ["e\u{1B}[31m1", "e&#27;[31m1", "e1"] {
            let articles = FeedText.articles(ofRSSItems: "<item><title>T</title><guid>\(guid)</guid></item>")
            XCTAssertEqual(articles.map(\.id), [ArticleID("F#e1")], guid)
        }
    }

    /// The body of a feed whose description's text runs on without markup, read in the small
    /// chunks the tests use (whole, and as a first screen reads it): the sequences go whole
    /// wherever the cut between two chunks falls in them.
    func testSequencesAcrossAChunkCutGoWhole() {
        let sequences =
            " \u{1B}]8;;https://x.example/a?b=1&amp;c=2\u{1B}\\link\u{1B}]8;;\u{07} and \u{1B}[1;31mbold"
            + "\u{1B}[0m\u{1B}7 end"
        let head = "<rss version=\"2.0\"><channel><title>F</title><item><title>t</title><description>"
        for (stoppingEarly, cut) in [(false, 4 << 10), (true, 1 << 10)] {
            for fillerLength in (cut - sequences.utf8.count - 2)...(cut + 2) {
                let filler = String(repeating: "w", count: fillerLength)
                let feed = head + filler + sequences + "</description></item></channel></rss>"
                var contents: [String] = []
                Array(feed.utf8).withUnsafeBytes { buffer in
                    let source = XMLTextSource(
                        bytes: buffer, plan: FeedTextDecoder.plan(for: buffer),
                        smallFirstChunks: stoppingEarly,
                        chunkSize: 4 << 10, smallFirstChunkSize: 512)
                    let reader = FeedParser.reader(for: .rss) { item in
                        contents.append(item.content)
                        return false
                    }
                    XCTAssertNil(reader.run(source))
                }
                XCTAssertEqual(
                    contents, [filler + " <a href=\"https://x.example/a?b=1&c=2\">link</a> and bold end"],
                    "filler \(fillerLength)")
            }
        }
    }
}
