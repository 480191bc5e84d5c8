import Foundation
import XCTest

@testable import GazetteCore

/// The text is handed to the parser in chunks: a story must read the same wherever a cut
/// between chunks falls in it.
final class XMLTextSourceTests: XCTestCase {
    /// Markup with a link, a nested tag, references and characters outside ASCII.
    private let markup =
        #" Before <a href="https://s.example/t?a=1&amp;b=2">SPLIT<b>LINK</b></a> été &eacute;.</p>"#
        + #"<p><a href="https://s.example/n">Next</a></p>"#

    /// Paragraphs of filler, the last one left open, that are `length` bytes long escaped.
    private func filler(_ length: Int) -> String {
        var text = ""
        var escapedLength = 0
        while escapedLength + 19 <= length {
            // Both are 19 bytes escaped.
            text += escapedLength % 1_000 < 19 ? "</p><p>" : "lorem ipsum dolors "
            escapedLength += 19
        }
        return text + String(repeating: "x", count: length - escapedLength)
    }

    /// The HTML entity-escaped, as most feeds give it (an HTML entity left as it is).
    private func escaped(_ html: String) -> String {
        var bytes: [UInt8] = []
        let html = Array(html.utf8)
        for (index, byte) in html.enumerated() {
            switch byte {
            case UInt8(ascii: "&") where html[(index + 1)...].starts(with: "eacute;".utf8): bytes.append(byte)
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func feed(description: String) -> String {
        "<rss version=\"2.0\"><channel><title>Split</title><item><title>split</title>"
            + "<link>https://split.example/</link><description>\(description)</description></item>"
            + "</channel></rss>"
    }

    /// The rendered body of the feed's one item, read whole or as a first screen reads it.
    private func rendered(_ text: String, stoppingEarly: Bool) -> RenderedHTML? {
        var items: [FeedItem] = []
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { buffer in
            try? FeedParser.parse(buffer, stoppingEarly: stoppingEarly) { item in
                items.append(item)
                return false
            }
        }
        guard let item = items.first else { return nil }
        return HTMLRenderer.render(item.content, baseURL: item.link)
    }

    func testEscapedMarkupAcrossAChunkCutReadsAsInOnePiece() {
        // Without a `>` of the file's own after the description's start tag, the text was cut
        // where the chunk's size ran out, inside a reference: both halves read as text.
        let escapedMarkup = escaped(markup)
        let after = filler(600) + "</p>"
        let escapedAfter = escaped(after)
        // A whole read cuts 128 KiB after the start tag, a first screen's read 32 KiB after it.
        for (cut, stoppingEarly) in [
            (XMLTextSource.chunkSize, false), (XMLTextSource.smallFirstChunkSize * 2, true),
        ] {
            let first = cut - escapedMarkup.utf8.count - 40
            let start = "<p>" + filler(first - 9)
            let escapedStart = escaped(start)
            XCTAssertEqual(escapedStart.utf8.count, first)
            var corrupted: [Int] = []
            for offset in first...(cut + 40) {
                let padding = String(repeating: "x", count: offset - first)
                let html = start + padding + markup + after
                let expected = HTMLRenderer.render(html, baseURL: "https://split.example/")
                XCTAssertEqual(expected.links.count, 2)
                let actual = rendered(
                    feed(description: escapedStart + padding + escapedMarkup + escapedAfter),
                    stoppingEarly: stoppingEarly)
                if actual != expected { corrupted.append(offset - cut) }
            }
            XCTAssertEqual(
                corrupted, [], "offsets of the markup from the cut, stoppingEarly: \(stoppingEarly)")
        }
    }
}
