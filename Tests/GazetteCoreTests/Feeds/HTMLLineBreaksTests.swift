import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `HTMLLineBreaks` finds a blank line with `memchr`: as a look at every byte does.
final class HTMLLineBreaksTests: XCTestCase {
    /// The rule, byte by byte: two line breaks with nothing but white space between them.
    private static func ruleHoldsBlankLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        var breaks = 0
        for byte in bytes {
            if byte == HTMLByte.newline {
                breaks += 1
                if breaks == 2 { return true }
            } else if !HTMLByte.isSpace(byte) {
                breaks = 0
            }
        }
        return false
    }

    func testBlankLinesAreFoundAsByTheRule() {
        var generator = SeededGenerator(seed: 53)
        let pieces: [[UInt8]] = [
            [0x0A], [0x20], [0x09], [0x0D], [0x0C], [0x61], Array("word".utf8), Array("é".utf8),
            [0x0A, 0x0A],
            [0x0D, 0x0A],
        ]
        var found = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            let first = Int.random(in: 0..<bytes.count, using: &generator)
            let last = Int.random(in: first..<bytes.count, using: &generator)
            let expected = Self.ruleHoldsBlankLine(bytes[first...last])
            let got = bytes.withUnsafeBufferPointer {
                HTMLLineBreaks.holdsBlankLine($0, from: first, through: last)
            }
            XCTAssertEqual(got, expected, "\(bytes) \(first)...\(last)")
            if expected { found += 1 }
        }
        XCTAssertGreaterThan(found, 1_000)
    }

    func testABlankLineBetweenWordsKeepsParagraphs() {
        XCTAssertEqual(
            HTMLRenderer.render("First line <b>x</b>\n \t\nSecond <i>y</i>").paragraphs,
            ["First line x", "Second y"])
        XCTAssertEqual(
            HTMLRenderer.render("First <b>x</b>\n \tSecond <i>y</i>").paragraphs, ["First x Second y"])
    }
}
