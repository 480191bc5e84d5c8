import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `FoldedMatcher` folds runs of printable ASCII eight bytes a step, on over single spaces: as
/// byte by byte.
final class FoldedMatcherEightBytesTests: XCTestCase {
    func testEightBytesAStepFoldAsByteByByte() {
        var generator = SeededGenerator(seed: 53)
        let pieces = [
            "Reykjavik", "INTERNATIONAL", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz@[`{",
            "!\"#$%&'()*+,-./0123456789:;<=>?", "e-Mail", "U.S.", "[1]", "x", "Hello", " ", "  ", "\n",
            "\r\n", "\t",
            "\u{01}", "\u{7F}", "\u{1B}[31m", "\u{1B}]0;title\u{07}", "École", "Σίσυφος", "東京", "か\u{3099}",
            "ＡＢＣ", "ﬁ", "القاهرة", "Ølstykke", "и\u{306}", "\u{A0}", "\u{3000}", "。", "½", "Zoë’s",
            // Punctuation alone, between spaces and at line ends (what a line break next to it
            // reads as), and words between single spaces (runs that go on over a space).
            "...", " ... ", "(", ")", ", ", " — ", "“", "” ", "東京\n", "\n。", " a b c d e f g h ", "word ",
        ]
        var long = 0
        for round in 0..<20_000 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            let fast = FoldedMatcher.folded(text, eightAtATime: true)
            XCTAssertEqual(
                fast, FoldedMatcher.folded(text, eightAtATime: false),
                "round \(round): \(text.debugDescription)")
            if fast.count > 64 { long += 1 }
        }
        XCTAssertGreaterThan(long, 5_000)
        XCTAssertEqual(
            String(
                decoding: FoldedMatcher.folded("Over REYKJAVIK\ntoday", eightAtATime: true), as: UTF8.self),
            "over reykjavik today")
    }

    /// Every real feed's and dump's stories, as the search reads them, fold alike both ways.
    func testRealFilesFoldAsByteByByte() throws {
        var stories = 0
        let paths =
            Fixtures.feedFiles().map { Fixtures.feeds.appendingPathComponent($0).path } + [
                Fixtures.realNews.path, Fixtures.sample.path,
            ]
        for path in paths {
            let file = (path as NSString).lastPathComponent
            guard let opened = try? SourceLoader.openFile(path) else { continue }
            for summary in opened.indexAll() {
                var text = ""
                _ = opened.searchText(summary) { bytes in
                    text = String(decoding: bytes, as: UTF8.self)
                    return true
                }
                stories += 1
                XCTAssertEqual(
                    FoldedMatcher.folded(text, eightAtATime: true),
                    FoldedMatcher.folded(text, eightAtATime: false),
                    "\(file): \(summary.title)")
            }
        }
        XCTAssertGreaterThan(stories, 500)
    }
}
