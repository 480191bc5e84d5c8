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

    /// The chunk sizes of a text source: the largest, and the first of a source that starts small.
    private typealias ChunkSizes = (chunk: Int, smallFirstChunk: Int)

    /// Chunks small enough that a test reads hundreds of feeds across a cut in well under a
    /// second (at the product's sizes that took 48 s in a debug build): the same code cuts them.
    private let smallChunks: ChunkSizes = (4 << 10, 512)

    /// The rendered body of the feed's one item, read whole or as a first screen reads it (as
    /// `FeedParser` reads it, or in chunks of `sizes` by the parse it runs on a feed without
    /// breaks), and where in the file the last chunk handed to the parser started.
    private func rendered(_ text: String, stoppingEarly: Bool, sizes: ChunkSizes?) -> (RenderedHTML?, Int) {
        var items: [FeedItem] = []
        let position = FeedParsePosition()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            guard let sizes else {
                _ = try? FeedParser.parse(buffer, reached: position, stoppingEarly: stoppingEarly) { item in
                    items.append(item)
                    return false
                }
                return
            }
            let source = XMLTextSource(
                bytes: buffer, plan: FeedTextDecoder.plan(for: buffer), reached: position,
                smallFirstChunks: stoppingEarly, chunkSize: sizes.chunk,
                smallFirstChunkSize: sizes.smallFirstChunk)
            let reader = FeedParser.reader(for: .rss) { item in
                items.append(item)
                return false
            }
            XCTAssertNil(reader.run(source))
        }
        guard let item = items.first else { return (nil, position.chunkStart) }
        return (HTMLRenderer.render(item.content, baseURL: item.link), position.chunkStart)
    }

    /// A read of the feed with the escaped markup at `offset` from the chunk cut in its
    /// description's text.
    private struct Read {
        var offset: Int
        var stoppingEarly: Bool
        /// Whether the markup read as in one piece.
        var isWhole: Bool
        /// Where the last chunk handed to the parser started, from the cut.
        var lastChunkStart: Int
    }

    /// Reads of the feed with the markup at offsets around the cut of a whole read and of a
    /// first screen's, in chunks of `sizes` (the product's when nil); `offsets` picks, from the
    /// offsets the markup can start at around the cut, those tried.
    private func reads(sizes: ChunkSizes?, offsets: (ClosedRange<Int>) -> [Int] = { Array($0) }) -> [Read] {
        // Without a `>` of the file's own after the description's start tag, the text was cut
        // where the chunk's size ran out, inside a reference: both halves read as text.
        let escapedMarkup = escaped(markup)
        let after = filler(600) + "</p>"
        let escapedAfter = escaped(after)
        let textStart = feed(description: "").utf8.count - "</description></item></channel></rss>".utf8.count
        let (chunk, smallFirstChunk) = sizes ?? (XMLTextSource.chunkSize, XMLTextSource.smallFirstChunkSize)
        var reads: [Read] = []
        // A whole read cuts a chunk after the start tag, a first screen's read twice its first
        // chunk after it (128 and 32 KiB in the product).
        for (cut, stoppingEarly) in [(chunk, false), (smallFirstChunk * 2, true)] {
            let first = cut - escapedMarkup.utf8.count - 40
            let start = "<p>" + filler(first - 9)
            let escapedStart = escaped(start)
            XCTAssertEqual(escapedStart.utf8.count, first)
            for offset in offsets(first...(cut + 40)) {
                let padding = String(repeating: "x", count: offset - first)
                let html = start + padding + markup + after
                let expected = HTMLRenderer.render(html, baseURL: "https://split.example/")
                XCTAssertEqual(expected.links.count, 2)
                let (actual, lastChunkStart) = rendered(
                    feed(description: escapedStart + padding + escapedMarkup + escapedAfter),
                    stoppingEarly: stoppingEarly, sizes: sizes)
                reads.append(
                    Read(
                        offset: offset - cut, stoppingEarly: stoppingEarly, isWhole: actual == expected,
                        lastChunkStart: lastChunkStart - textStart - cut))
            }
        }
        return reads
    }

    func testEscapedMarkupAcrossAChunkCutReadsAsInOnePiece() {
        let broken = reads(sizes: smallChunks).filter { !$0.isWhole }
        XCTAssertEqual(
            broken.map { "\($0.offset), stoppingEarly: \($0.stoppingEarly)" }, [], "offsets from the cut")
    }

    /// The feeds are read in chunks of the product's sizes (``XMLTextSource/chunkSize``, and
    /// ``XMLTextSource/smallFirstChunkSize`` for a first screen), which the test above makes
    /// small: `FeedParser` cuts there, and reads the markup whole with the cut inside each of
    /// its first three references.
    func testEscapedMarkupAcrossTheProductsChunkCutReadsAsInOnePiece() {
        let escapedMarkup = Array(escaped(markup).utf8)
        let references = escapedMarkup.indices.filter { escapedMarkup[$0] == UInt8(ascii: "&") }.prefix(3)
        XCTAssertEqual(references.count, 3)
        // The cut falls two bytes past one when the markup starts that much before it (the
        // offsets tried end 40 bytes past the cut).
        let reads = reads(sizes: nil) { offsets in references.map { offsets.upperBound - 40 - ($0 + 2) } }
        XCTAssertEqual(reads.count, 6)
        for read in reads {
            XCTAssertTrue(
                read.isWhole, "offset from the cut \(read.offset), stoppingEarly: \(read.stoppingEarly)")
            // The text after the cut starts at the reference, moved back before its `&`.
            XCTAssertEqual(read.lastChunkStart, -2, "stoppingEarly: \(read.stoppingEarly)")
        }
    }
}
