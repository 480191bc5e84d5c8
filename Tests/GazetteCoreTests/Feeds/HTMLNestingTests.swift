import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `HTMLNesting` finds each "<" with `memchr`: as a look at every byte does.
final class HTMLNestingTests: XCTestCase {
    /// The rule, byte by byte, as `HTMLNesting.exceeds` read it before.
    private static func ruleExceeds(_ html: String, limit: Int) -> Bool {
        let bytes = Array(html.utf8)
        guard bytes.count > min(limit * 3, HTMLNesting.attributeLimit * 2) else { return false }
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ":")
        }
        var depth = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                continue
            }
            guard (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            let isVoid = bytes[(index + 1)..<end].withUnsafeBufferPointer { XMLOpenElements.isVoid($0) }
            var close = end
            var words = 0
            var afterSpace = false
            while close < bytes.count {
                let byte = bytes[close]
                if byte == UInt8(ascii: ">") { break }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    afterSpace = true
                } else {
                    if afterSpace { words += 1 }
                    afterSpace = false
                }
                close += 1
            }
            if words > HTMLNesting.attributeLimit { return true }
            let closesItself = close > end && bytes[close - 1] == UInt8(ascii: "/")
            if !isVoid && !closesItself {
                depth += 1
                if depth > limit { return true }
            }
            index = close
        }
        return false
    }

    func testNestingIsToldAsByTheRule() {
        var generator = SeededGenerator(seed: 53)
        let pieces = [
            "<p>", "</p>", "<div>", "</div>", "<br>", "<img src=x>", "<b/>", "<a href=\"x\">", "</a>", "x",
            "word ",
            "<", "</", "<3", "< p>", "<<p>", "é", "<p class=\"a b\">", ">", "</p", "<p",
        ]
        var exceeded = 0
        for _ in 0..<20_000 {
            let html = (0..<Int.random(in: 1...60, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            let limit = Int.random(in: 1...8, using: &generator)
            let expected = Self.ruleExceeds(html, limit: limit)
            XCTAssertEqual(
                HTMLNesting.exceeds(html, limit: limit), expected, "\(limit) \(html.debugDescription)")
            if expected { exceeded += 1 }
        }
        XCTAssertGreaterThan(exceeded, 2_000)
    }
}

/// `HTMLUnfinishedTag` finds where a quoted value closes with `memchr`, remembering where a
/// quote of a kind was found in none: as a look at every byte on does, in any order of asking.
final class HTMLUnfinishedTagClosingQuoteTests: XCTestCase {
    func testClosingQuotesAreFoundAsByteByByte() {
        var generator = SeededGenerator(seed: 54)
        let pieces: [[UInt8]] = [
            [0x22], [0x27], [0x61], Array("<a href=".utf8), Array("é".utf8), [0x00], [0xA2],
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            var quotes = HTMLUnfinishedTag.ClosingQuotes(count: bytes.count)
            for _ in 0..<8 {
                let quote = Bool.random(using: &generator) ? UInt8(ascii: "\"") : UInt8(ascii: "'")
                let from = Int.random(in: 0...bytes.count, using: &generator)
                let found = bytes.withUnsafeBufferPointer { quotes.next(quote, in: $0, from: from) }
                XCTAssertEqual(found, bytes[from...].firstIndex(of: quote), "\(bytes) from \(from)")
            }
        }
    }
}
