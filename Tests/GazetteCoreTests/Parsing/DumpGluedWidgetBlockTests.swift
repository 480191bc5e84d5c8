import GazetteCore
import TestSupport
import XCTest

/// The widget block right under a dump story's title or at the top of its header, its first
/// paragraph right under it (no blank line between) is the header's: "TT 20" showed in the
/// first paragraph (found by QA). The id is made as it was.
final class DumpGluedWidgetBlockTests: XCTestCase {
    private let title = "Quake hits coast"
    private let caption = "Rescuers search the debris in the town centre on Friday. REUTERS/Ann Wang"
    private let first = "A strong earthquake struck the coast on Monday."
    private let second = "No damage was reported."

    /// `text` with CR LF line ends.
    private func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    /// The text searched of the first story of `text`.
    private func searched(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let file = FileBytes(bytes: bytes)
        guard case .bytes(let range, _) = PlainTextDumpParser.index(file.buffer).first?.location else {
            return ""
        }
        var searched = ""
        _ = PlainTextDumpParser.withText(in: file.buffer, range: range) {
            searched = String(decoding: $0, as: UTF8.self)
            return true
        }
        return searched
    }

    func testTheWidgetLinesOverTheFirstParagraphAreTheHeaders() {
        let captions = "\(caption)\n\(caption)"
        let cases: [(String, String?)] = [
            ("\(title)\nTT\n20\n\(first)", nil),
            ("\(title)\n\nTT\n20\n\(first)", nil),
            ("\(title)\n\(captions)\nTT\n20\n\(first)", caption),
            ("\(title)\n\n\(captions)\nTT\n20\n\(first)", caption),
            ("\(title)\nTT\n1,234\n\(first)", nil),
        ]
        for (header, shown) in cases {
            for text in [header + "\n\n\(second)", header + "\n\n\(second)\n\n\n\nNext story\n\nIts text."] {
                for text in [text, crlf(text)] {
                    let articles = DumpText.articles(text)
                    XCTAssertEqual(articles.first?.title, title, text)
                    XCTAssertEqual(articles.first?.paragraphs, [first, second], text)
                    XCTAssertEqual(articles.first?.caption, shown, text)
                    XCTAssertEqual(articles.first?.wordCount, 12, text)
                    XCTAssertFalse(searched(text).contains("TT"), text)
                    XCTAssertEqual(DumpText.index(text).map(\.id), articles.map(\.id), text)
                    XCTAssertEqual(articles.count, text.contains("Next story") ? 2 : 1, text)
                }
            }
        }
    }

    /// The id is made as it was, of the widget lines and the first paragraph as one paragraph
    /// (its lines joined, as a paragraph's are): reading state kept under it stays the story's.
    func testTheIdIsMadeAsItWas() {
        let asOneParagraph = "\(title)\n\nTT 20 \(first)\n\n\(second)"
        for text in ["\(title)\nTT\n20\n\(first)\n\n\(second)", "\(title)\n\nTT\n20\n\(first)\n\n\(second)"] {
            XCTAssertEqual(DumpText.index(text).first?.id, DumpText.index(asOneParagraph).first?.id, text)
            XCTAssertEqual(
                DumpText.index(crlf(text)).first?.id, DumpText.index(asOneParagraph).first?.id, text)
        }
    }

    /// `TT` and a number in the text further on, or beside a paragraph's line above them, stay
    /// the text's.
    func testTheWidgetLinesInTheTextStay() {
        XCTAssertEqual(
            DumpText.articles("\(title)\n\n\(first)\n\nTT\n20\nMore text here.").first?.paragraphs,
            [first, "TT 20 More text here."])
        XCTAssertEqual(
            DumpText.articles("\(title)\n\nThe vote was\nTT\n20\nin favour.").first?.paragraphs,
            ["The vote was TT 20 in favour."])
        XCTAssertEqual(
            DumpText.articles("\(title)\n\n\(first)\n\nTT\n\n20\n\n\(second)").first?.paragraphs,
            [first, "TT", "20", second])
    }
}
