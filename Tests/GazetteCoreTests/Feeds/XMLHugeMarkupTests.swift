import Foundation
import XCTest

@testable import GazetteCore

/// Attribute values and names longer than libxml2 reads are cut, the same wherever the
/// chunks are cut: a value at a character's start and never inside a reference, its quote
/// closed and its line breaks kept; a name at a character's start, its end tag's alike.
///
/// The limits are small here, for speed (at the product's, a mebibyte and more, the tests took
/// 8.7 s in a debug build), and cut through the same code; each is past
/// ``XMLSanitizer/heldTagBytes``, as the product's are, so a tag at a limit is written as it is
/// read, not held whole. The last test reads with the product's limits.
final class XMLHugeMarkupTests: XCTestCase {
    private let maxValueBytes = 16 << 10
    private let maxTagBytes = 64 << 10
    private let maxNameBytes = 12 << 10

    /// `text` sanitized in chunks of `size` bytes, each cut before a reference it would end
    /// inside (as `XMLTextSource` cuts them).
    private func sanitized(_ text: [UInt8], chunk size: Int) -> [UInt8] {
        var sanitizer = XMLSanitizer(
            maxValueBytes: maxValueBytes, maxTagBytes: maxTagBytes, maxNameBytes: maxNameBytes)
        var output: [UInt8] = []
        var start = 0
        while start < text.count {
            var end = min(text.count, start + size)
            if end < text.count, let ampersand = text[start..<end].lastIndex(of: UInt8(ascii: "&")),
                ampersand > start, !text[ampersand..<end].contains(UInt8(ascii: ";"))
            {
                end = ampersand
            }
            text[start..<end].withUnsafeBytes { sanitizer.process($0, into: &output) }
            start = end
        }
        return output
    }

    /// The output of `text` in chunks of several sizes (primes, under a value's most and under
    /// ``XMLSanitizer/heldTagBytes``), checked to be one.
    private func sanitized(_ text: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [UInt8] {
        let whole = sanitized(text, chunk: text.count)
        for size in [4_093, 1_021, 251] {
            XCTAssertTrue(sanitized(text, chunk: size) == whole, "chunks of \(size)", file: file, line: line)
        }
        XCTAssertEqual(
            whole.count { $0 == 0x0A }, text.count { $0 == 0x0A }, "line breaks", file: file, line: line)
        return whole
    }

    /// The bytes of `output` between `open` and the next `close`.
    private func between(_ output: [UInt8], _ open: String, _ close: String) throws -> [UInt8] {
        let data = Data(output)
        let start = try XCTUnwrap(data.range(of: Data(open.utf8))).upperBound
        let end = try XCTUnwrap(data.range(of: Data(close.utf8), in: start..<data.count)).lowerBound
        return Array(data[start..<end])
    }

    func testALongValueIsCutBetweenCharactersAndReferencesWithItsQuoteClosed() throws {
        let pieces = ["é", "日本", "😀", "&amp;", "&nbsp;", "&#8217;", "<", "\"", "a"]
        var value: [UInt8] = []
        var index = 0
        while value.count < maxValueBytes * 3 / 2 {
            value += pieces[index % pieces.count].utf8.filter { $0 != UInt8(ascii: "\"") }
            if index % 1_000 == 0 { value.append(0x0A) }
            index += 7
        }
        for quote in ["\"", "'"] {
            let text =
                Array("<d><a href=\(quote)".utf8) + value + Array("\(quote) title=\"t\">x</a></d>".utf8)
            let output = sanitized(text)
            let kept = try between(output, "href=\(quote)", quote)
            XCTAssertGreaterThanOrEqual(kept.count, maxValueBytes - 16)
            XCTAssertLessThanOrEqual(kept.count, maxValueBytes + 8)
            XCTAssertNotNil(String(validating: kept, as: UTF8.self), "cut inside a character")
            // Whole references only: every `&` is followed by its `;`.
            let last = try XCTUnwrap(kept.lastIndex(of: UInt8(ascii: "&")))
            XCTAssertTrue(kept[last...].contains(UInt8(ascii: ";")), "cut inside a reference")
            XCTAssertTrue(
                Data(output).range(of: Data("\(quote)\n".utf8)) != nil,
                "the line breaks cut out follow the quote")
            XCTAssertTrue(Data(output).range(of: Data("title=\"t\">x</a></d>".utf8)) != nil)
        }
    }

    func testALongUnquotedValueIsCutAndQuoted() throws {
        let value = Array(String(repeating: "é/", count: maxValueBytes).utf8)
        let output = sanitized(
            Array("<d><a href=".utf8) + value + Array(" x=y>t</a><br clear=".utf8) + value
                + Array("/></d>".utf8))
        let kept = try between(output, "href=\"", "\"")
        XCTAssertLessThanOrEqual(kept.count, maxValueBytes + 8)
        XCTAssertTrue(value.starts(with: kept))
        XCTAssertTrue(Data(output).range(of: Data("\" x=\"y\">t</a><br clear=\"".utf8)) != nil)
        XCTAssertEqual(Array(output.suffix(7)), Array("\"/></d>".utf8))
    }

    func testATagKeepsItsAttributesUpToItsMostBytes() throws {
        let value = String(repeating: "v", count: maxValueBytes - 10)
        let attributes = (0..<12).map { " a\($0)=\"\(value)\"" }.joined()
        let output = sanitized(Array("<d><e\(attributes)>x</e></d>".utf8))
        let tag = try between(output, "<e", ">x</e>")
        XCTAssertLessThanOrEqual(tag.count, maxTagBytes + maxValueBytes)
        XCTAssertTrue(Data(tag).range(of: Data(" a3=\"".utf8)) != nil)
        XCTAssertTrue(Data(tag).range(of: Data(" a11=\"".utf8)) == nil)
    }

    func testALongNameIsCutAtACharactersStartAndItsEndTagAlike() throws {
        for piece in ["n", "日", "a:", ":b"] {
            let name = "x" + String(repeating: piece, count: maxNameBytes * 5 / 4 / piece.utf8.count)
            let output = sanitized(Array("<d><\(name) \(name)='1'>x</\(name)><p>y</p></d>".utf8))
            let start = try between(output, "<d><", " ")
            XCTAssertLessThanOrEqual(start.count, maxNameBytes + 4)
            XCTAssertGreaterThanOrEqual(start.count, maxNameBytes)
            XCTAssertNotNil(String(validating: start, as: UTF8.self), "cut inside a character")
            XCTAssertNotEqual(start.last, UInt8(ascii: ":"))
            let text = String(decoding: start, as: UTF8.self)
            XCTAssertEqual(
                String(decoding: output, as: UTF8.self), "<d><\(text) \(text)='1'>x</\(text)><p>y</p></d>")
        }
    }

    /// White space between attributes only parts them: a run of it is written as its first
    /// byte and its line breaks (12 MB of it made a tag libxml2 stops at, and the item was lost:
    /// `FeedHugeMarkupCommandTests`).
    func testARunOfWhiteSpaceInATagIsItsFirstByteAndItsLineBreaks() throws {
        // Each run longer than a chunk, all of them under a tag's most.
        let blanks = String(repeating: " \t\r", count: 1_500)
        let text =
            "<d><a\(blanks)href=\"x  y\"\(blanks)\n\(blanks)nowrap\(blanks)=\(blanks)'1' v=2\(blanks)/></d>"
            + "<e \n \t\n>t</e   \t>"
        XCTAssertEqual(
            String(decoding: sanitized(Array(text.utf8)), as: UTF8.self),
            "<d><a href=\"x  y\" \nnowrap = '1' v=\"2\" /></d><e \n\n>t</e >")
    }

    func testNamesAndValuesUpToTheirMostAreUnchanged() {
        let name = String(repeating: "n", count: maxNameBytes)
        let value = String(repeating: "v", count: maxValueBytes)
        let text = "<d><\(name) \(name)=\"\(value)\" b='\(value)'>x</\(name)></d>"
        XCTAssertEqual(sanitized(Array(text.utf8)), Array(text.utf8))
    }

    /// The feeds are read with the product's limits: the text source `FeedParser` makes cuts a
    /// name, a value, a tag and a CDATA section where ``XMLLongName/defaultMaxBytes``,
    /// ``XMLSanitizer/defaultMaxValueBytes``, ``XMLSanitizer/defaultMaxTagBytes`` and
    /// ``XMLCDATASections/defaultMaxBytes`` say (the tests above give the same code small ones).
    func testTheFeedsAreReadWithTheProductsLimits() throws {
        let name = String(repeating: "n", count: XMLLongName.defaultMaxBytes + 100)
        let value = String(repeating: "v", count: XMLSanitizer.defaultMaxValueBytes + 100)
        // Five more values of a little under the most: the tag's most is reached in the fourth.
        let others = String(repeating: "w", count: XMLSanitizer.defaultMaxValueBytes - 10)
        let attributes = " a0=\"\(value)\"" + (1...5).map { " a\($0)=\"\(others)\"" }.joined()
        let section = String(repeating: "c", count: XMLCDATASections.defaultMaxBytes + 100)
        let text = Array("<d><\(name)\(attributes)>x</\(name)><c><![CDATA[\(section)]]></c></d>".utf8)
        var output: [UInt8] = []
        text.withUnsafeBytes { bytes in
            let source = XMLTextSource(bytes: bytes, plan: FeedTextDecoder.plan(for: bytes))
            while let chunk = source.next() { output += chunk }
        }
        let kept = try between(output, "<d><", " ")
        XCTAssertGreaterThanOrEqual(kept.count, XMLLongName.defaultMaxBytes)
        XCTAssertLessThanOrEqual(kept.count, XMLLongName.defaultMaxBytes + 4)
        let keptValue = try between(output, "a0=\"", "\"")
        XCTAssertGreaterThanOrEqual(keptValue.count, XMLSanitizer.defaultMaxValueBytes - 16)
        XCTAssertLessThanOrEqual(keptValue.count, XMLSanitizer.defaultMaxValueBytes + 8)
        let tag = try between(output, "<d><", ">x</")
        XCTAssertGreaterThanOrEqual(tag.count - kept.count, XMLSanitizer.defaultMaxTagBytes)
        XCTAssertLessThanOrEqual(
            tag.count - kept.count, XMLSanitizer.defaultMaxTagBytes + XMLSanitizer.defaultMaxValueBytes)
        XCTAssertTrue(Data(tag).range(of: Data(" a4=\"".utf8)) != nil)
        XCTAssertTrue(Data(tag).range(of: Data(" a5=\"".utf8)) == nil)
        let firstSection = try between(output, "<c><![CDATA[", "]]>")
        XCTAssertEqual(firstSection.count, XMLCDATASections.defaultMaxBytes)
    }
}
