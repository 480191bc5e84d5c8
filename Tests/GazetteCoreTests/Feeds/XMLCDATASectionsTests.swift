import Foundation
import XCTest

@testable import GazetteCore

/// A CDATA section too long for libxml2 is written as several, cut between characters: the
/// text they hold together is the section's, wherever the chunks are cut. The sections are
/// cut at a small limit here, by the code that cuts them at ``XMLCDATASections/defaultMaxBytes``
/// (texts past a mebibyte took 13 s in a debug build).
final class XMLCDATASectionsTests: XCTestCase {
    /// The most bytes of one section in these tests.
    private let limit = 1 << 12

    /// The contents of the CDATA sections of `output` between `<d>` and `</d>`, read as XML
    /// reads them (a section ends at its first `]]>`).
    private func sections(_ output: [UInt8]) throws -> [[UInt8]] {
        let text = Data(output)
        let open = Data("<![CDATA[".utf8)
        let close = Data("]]>".utf8)
        XCTAssertTrue(text.starts(with: "<d>".utf8))
        var position = 3
        var found: [[UInt8]] = []
        while text[position...].starts(with: open) {
            position += open.count
            let end = try XCTUnwrap(text.range(of: close, in: position..<text.count), "an unfinished section")
            found.append(Array(text[position..<end.lowerBound]))
            position = end.upperBound
        }
        XCTAssertEqual(Array(text[position...]), Array("</d>".utf8))
        return found
    }

    /// Checks that the sections hold `text` together, that there is more than one, and that
    /// each is at most a little over ``limit`` and whole characters.
    private func assertCut(
        _ output: [UInt8], hold text: [UInt8], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let found = try sections(output)
        XCTAssertEqual(Array(found.joined()), text, file: file, line: line)
        XCTAssertGreaterThan(found.count, text.count / limit, file: file, line: line)
        for section in found {
            XCTAssertLessThanOrEqual(section.count, limit + 8, file: file, line: line)
            XCTAssertNotNil(
                String(validating: section, as: UTF8.self), "cut inside a character", file: file, line: line)
        }
    }

    /// Text of 1- to 4-byte characters with `]` and `>` in it (never `]]>`), `length` bytes or
    /// a little more.
    private func mixedText(_ length: Int) -> [UInt8] {
        let pieces = ["lorem ", "é", "日本", "😀", "]", "]]", ">", "]>", "x]]y", "a>b", "\n"]
        var text: [UInt8] = []
        var index = 0
        while text.count < length {
            text += pieces[index % pieces.count].utf8
            // Steps of 7 reach every piece, in an order where `]` meets `>` only as written.
            index += 7
            if text.count >= 2, text.suffix(2).elementsEqual("]]".utf8) { text += "x".utf8 }
        }
        return text
    }

    func testALongSectionIsCutBetweenCharactersAndItsTextIsUnchanged() throws {
        let text = mixedText(limit * 5 / 2)
        let file = Array("<d><![CDATA[".utf8) + text + Array("]]></d>".utf8)
        // Chunks an eighth of a section, a prime number of bytes, and the whole file.
        for chunkSize in [limit / 8, 251, file.count] {
            var sanitizer = XMLSanitizer(cdataSectionMaxBytes: limit)
            var output: [UInt8] = []
            var start = 0
            while start < file.count {
                let end = min(file.count, start + chunkSize)
                file[start..<end].withUnsafeBytes { sanitizer.process($0, into: &output) }
                start = end
            }
            try assertCut(output, hold: text)
        }
    }

    /// A Shift_JIS file is read as UTF-8 (see `XMLTextSource`): its sections are cut between
    /// the characters it decodes to, in more than one chunk of the source.
    func testAShiftJISSectionIsCutBetweenCharacters() throws {
        // "日本" and "経済" in Shift_JIS, and ASCII.
        let pairs: [[UInt8]] = [[0x93, 0xFA, 0x96, 0x7B], [0x8C, 0x6F, 0x8D, 0xCF], Array(" a".utf8)]
        var body: [UInt8] = []
        var index = 0
        while body.count < XMLTextSource.chunkSize * 2 {
            body += pairs[index % 3]
            index += 1
        }
        let file =
            Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<d><![CDATA[".utf8) + body
            + Array("]]></d>".utf8)
        let text = try XCTUnwrap(CharsetText.decode(body, charset: "Shift_JIS"))
        XCTAssertFalse(text.contains("\u{FFFD}"))
        var output: [UInt8] = []
        file.withUnsafeBytes { bytes in
            let source = XMLTextSource(
                bytes: bytes, plan: FeedTextDecoder.plan(for: bytes), cdataSectionMaxBytes: limit)
            while let chunk = source.next() { output += chunk }
        }
        // The declaration is dropped; its line break is kept.
        XCTAssertEqual(output.first, 0x0A)
        try assertCut(Array(output.dropFirst()), hold: Array(text.utf8))
    }
}
