import Foundation
import XCTest

@testable import GazetteCore

/// Attribute values and names longer than libxml2 reads are cut, the same wherever the
/// chunks are cut: a value at a character's start and never inside a reference, its quote
/// closed and its line breaks kept; a name at a character's start, its end tag's alike.
final class XMLHugeMarkupTests: XCTestCase {
    /// `text` sanitized in chunks of `size` bytes, each cut before a reference it would end
    /// inside (as `XMLTextSource` cuts them).
    private func sanitized(_ text: [UInt8], chunk size: Int) -> [UInt8] {
        var sanitizer = XMLSanitizer()
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

    /// The output of `text` in chunks of several sizes, checked to be one.
    private func sanitized(_ text: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [UInt8] {
        let whole = sanitized(text, chunk: text.count)
        for size in [XMLTextSource.chunkSize, 65_521, 4_093] {
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
        while value.count < XMLSanitizer.maxValueBytes * 3 / 2 {
            value += pieces[index % pieces.count].utf8.filter { $0 != UInt8(ascii: "\"") }
            if index % 1_000 == 0 { value.append(0x0A) }
            index += 7
        }
        for quote in ["\"", "'"] {
            let text =
                Array("<d><a href=\(quote)".utf8) + value + Array("\(quote) title=\"t\">x</a></d>".utf8)
            let output = sanitized(text)
            let kept = try between(output, "href=\(quote)", quote)
            XCTAssertGreaterThanOrEqual(kept.count, XMLSanitizer.maxValueBytes - 16)
            XCTAssertLessThanOrEqual(kept.count, XMLSanitizer.maxValueBytes + 8)
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
        let value = Array(String(repeating: "é/", count: XMLSanitizer.maxValueBytes).utf8)
        let output = sanitized(
            Array("<d><a href=".utf8) + value + Array(" x=y>t</a><br clear=".utf8) + value
                + Array("/></d>".utf8))
        let kept = try between(output, "href=\"", "\"")
        XCTAssertLessThanOrEqual(kept.count, XMLSanitizer.maxValueBytes + 8)
        XCTAssertTrue(value.starts(with: kept))
        XCTAssertTrue(Data(output).range(of: Data("\" x=\"y\">t</a><br clear=\"".utf8)) != nil)
        XCTAssertEqual(Array(output.suffix(7)), Array("\"/></d>".utf8))
    }

    func testATagKeepsItsAttributesUpToItsMostBytes() throws {
        let value = String(repeating: "v", count: XMLSanitizer.maxValueBytes - 10)
        let attributes = (0..<12).map { " a\($0)=\"\(value)\"" }.joined()
        let output = sanitized(Array("<d><e\(attributes)>x</e></d>".utf8))
        let tag = try between(output, "<e", ">x</e>")
        XCTAssertLessThanOrEqual(tag.count, XMLSanitizer.maxTagBytes + XMLSanitizer.maxValueBytes)
        XCTAssertTrue(Data(tag).range(of: Data(" a3=\"".utf8)) != nil)
        XCTAssertTrue(Data(tag).range(of: Data(" a11=\"".utf8)) == nil)
    }

    func testALongNameIsCutAtACharactersStartAndItsEndTagAlike() throws {
        for piece in ["n", "日", "a:"] {
            let name = "x" + String(repeating: piece, count: 60_000 / piece.utf8.count)
            let output = sanitized(Array("<d><\(name) \(name)='1'>x</\(name)><p>y</p></d>".utf8))
            let start = try between(output, "<d><", " ")
            XCTAssertLessThanOrEqual(start.count, XMLLongName.maxBytes + 4)
            XCTAssertGreaterThanOrEqual(start.count, XMLLongName.maxBytes)
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
        let blanks = String(repeating: " \t\r", count: 100_000)
        let text =
            "<d><a\(blanks)href=\"x  y\"\(blanks)\n\(blanks)nowrap\(blanks)=\(blanks)'1' v=2\(blanks)/></d>"
            + "<e \n \t\n>t</e   \t>"
        XCTAssertEqual(
            String(decoding: sanitized(Array(text.utf8)), as: UTF8.self),
            "<d><a href=\"x  y\" \nnowrap = '1' v=\"2\" /></d><e \n\n>t</e >")
    }

    func testNamesAndValuesUpToTheirMostAreUnchanged() {
        let name = String(repeating: "n", count: XMLLongName.maxBytes)
        let value = String(repeating: "v", count: XMLSanitizer.maxValueBytes)
        let text = "<d><\(name) \(name)=\"\(value)\" b='\(value)'>x</\(name)></d>"
        XCTAssertEqual(sanitized(Array(text.utf8)), Array(text.utf8))
    }
}
